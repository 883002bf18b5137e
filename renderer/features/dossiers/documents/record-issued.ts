import { call } from '../../../api/client';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { recordWithEvent, type StoreEnv } from '../../../db/dossiers/store';

/**
 * Puts every issued document of a dossier on its timeline, once. Issuing happens in the
 * main process; the timeline lives here, so the dossier catches up whenever it is
 * shown (an event carries the document's id, which makes this idempotent) and right
 * after an issue made from this window.
 */
export async function recordIssuedDocuments(env: StoreEnv, record: DossierRecord): Promise<boolean> {
  if (record.dossier.origin.kind === 'received') return false;
  const recorded = new Set(
    record.events.filter((e) => e.type === 'document_issued').map((e) => String(e.data.documentId ?? '')),
  );
  const issued = (await call('documents.list', { dossierId: record.dossier.id })).filter(
    (d) => d.issuedAt !== null && !recorded.has(d.id),
  );
  for (const summary of issued.sort((a, b) => (a.issuedAt ?? '').localeCompare(b.issuedAt ?? ''))) {
    const detail = await call('documents.get', { id: summary.id });
    await recordWithEvent(
      env,
      record.dossier.id,
      [],
      async () => undefined,
      (_none, current) =>
        current.events.some((e) => e.type === 'document_issued' && e.data.documentId === summary.id)
          ? null
          : {
              type: 'document_issued',
              data: {
                documentId: summary.id,
                documentType: summary.type,
                number: summary.number ?? '',
                title: summary.title,
                issuedAt: summary.issuedAt,
                docxSha256: detail.files?.docx.sha256 ?? '',
                pdfSha256: detail.files?.pdf.sha256 ?? '',
              },
            },
    );
  }
  return issued.length > 0;
}
