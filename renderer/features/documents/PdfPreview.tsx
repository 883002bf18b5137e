import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The document's PDF, drawn page by page onto canvases with pdf.js (loaded only here;
 * its worker comes from the app's own origin, as the CSP requires). Give it a new `key`
 * to render the document again.
 */
export function PdfPreview({ id, draft }: { id: string; draft: boolean }) {
  const { t } = useTranslation('documents');
  const showError = useErrorMessage();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [pages, setPages] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    setState('loading');
    (async () => {
      const [{ pdfBase64 }, pdfjs, worker] = await Promise.all([
        call('documents.preview', { id }),
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
      ]);
      if (cancelled) return;
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const task = pdfjs.getDocument({ data: fromBase64(pdfBase64), isEvalSupported: false });
      destroy = () => void task.destroy();
      const pdf = await task.promise;
      const host = container.current;
      if (cancelled || !host) return;
      host.replaceChildren();
      const width = Math.min(host.clientWidth || 760, 760);
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const scale = width / base.width;
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.className = 'pdf-page';
        canvas.setAttribute('aria-label', t('preview.page', { page: n, pages: pdf.numPages }));
        host.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      setPages(pdf.numPages);
      setState('ready');
    })().catch((error: unknown) => {
      if (cancelled) return;
      setState('failed');
      showError(error);
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [id, t, showError]);

  return (
    <div className="pdf-preview" data-testid="pdf-preview" data-pages={pages} data-state={state}>
      {draft ? <Alert type="info" showIcon message={t('preview.draftNote')} style={{ marginBottom: 12 }} /> : null}
      {state === 'loading' ? (
        <Spin tip={t('preview.loading')} style={{ display: 'block', margin: '48px auto' }} />
      ) : null}
      <div ref={container} className="pdf-pages" />
    </div>
  );
}
