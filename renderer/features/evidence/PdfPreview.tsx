import { Alert, Button, Space, Spin, Typography } from 'antd';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type PdfModule = typeof import('pdfjs-dist');
type PdfDocument = Awaited<ReturnType<PdfModule['getDocument']>['promise']>;

let pdfjs: Promise<PdfModule> | undefined;
/** pdf.js loads on the first preview only; its worker is a file of our own origin (CSP worker-src 'self'). */
function loadPdfJs(): Promise<PdfModule> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

/** Renders one page at a time of a PDF to a canvas: no plugin, no eval. */
export function PdfPreview({ url }: { url: string }) {
  const { t } = useTranslation('evidence');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let loaded: PdfDocument | null = null;
    (async () => {
      try {
        const module = await loadPdfJs();
        const data = new Uint8Array(await (await fetch(url)).arrayBuffer());
        loaded = await module.getDocument({
          data,
          isEvalSupported: false,
          cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
          cMapPacked: true,
          standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
        }).promise;
        if (cancelled) void loaded.destroy();
        else setDoc(loaded);
      } catch (error) {
        console.warn('PDF preview failed', error);
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel(): void; promise: Promise<void> } | undefined;
    const target = canvas.current;
    void (async () => {
      const pdfPage = await doc.getPage(page);
      const base = pdfPage.getViewport({ scale: 1 });
      const scale = Math.min(2, 820 / base.width) * (window.devicePixelRatio || 1);
      const viewport = pdfPage.getViewport({ scale });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise.catch(() => undefined);
    })();
    return () => task?.cancel();
  }, [doc, page]);

  if (failed) return <Alert type="error" showIcon title={t('previewFailed')} />;
  if (!doc) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <Space>
        <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('prevPage')}
        </Button>
        <Typography.Text data-testid="pdf-page">{t('pdfPage', { page, pages: doc.numPages })}</Typography.Text>
        <Button size="small" disabled={page >= doc.numPages} onClick={() => setPage(page + 1)}>
          {t('nextPage')}
        </Button>
      </Space>
      <canvas ref={canvas} className="evidence-pdf-canvas" data-testid="pdf-canvas" />
    </Space>
  );
}
