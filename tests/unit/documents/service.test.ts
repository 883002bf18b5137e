import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocumentNumber } from '../../../shared/documents/text';
import { AppError } from '../../../shared/ipc/errors';
import { completeFields, OFFICE, OPINION_SOURCE } from './fixtures';
import { EchoPrinter, makeService, tempDir } from './support';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.remove());

async function rejectsWith(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function issuedOpinion(service: ReturnType<typeof makeService>) {
  const draft = await service.createDraft('supervision_opinion', OPINION_SOURCE);
  return service.issue(draft.id);
}

describe('numbering', () => {
  it('gives twenty documents issued at once twenty consecutive numbers', async () => {
    const service = makeService(folder.dir);
    const drafts = await Promise.all(
      Array.from({ length: 20 }, () => service.createDraft('supervision_opinion', OPINION_SOURCE)),
    );
    const issued = await Promise.all(drafts.map((d) => service.issue(d.id)));
    const seqs = issued.map((d) => parseDocumentNumber(d.number ?? '')?.seq).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(issued[0]?.number).toMatch(/^青司执监意〔2026〕\d+号$/);
  });

  it('keeps a sequence per prefix and year, and continues it after a restart', async () => {
    const service = makeService(folder.dir);
    await issuedOpinion(service);
    await issuedOpinion(service);
    const notice = await service.createDraft('rectification_notice', OPINION_SOURCE);
    expect((await service.issue(notice.id)).number).toBe('青司执监改〔2026〕1号');

    // A document dated in 2027 starts that year's sequence.
    const next = await service.createDraft('supervision_opinion', OPINION_SOURCE);
    await service.saveDraft(next.id, { ...next.fields, date: '2027-01-04' });
    expect((await service.issue(next.id)).number).toBe('青司执监意〔2027〕1号');

    const again = makeService(folder.dir);
    expect((await issuedOpinion(again)).number).toBe('青司执监意〔2026〕3号');
  });

  it('never reuses a voided number', async () => {
    const service = makeService(folder.dir);
    const first = await issuedOpinion(service);
    const voided = await service.voidNumber(first.id, '文号登记错误');
    expect(voided.status).toBe('voided');
    expect(voided.void).toMatchObject({ number: '青司执监意〔2026〕1号', reason: '文号登记错误' });
    expect((await issuedOpinion(service)).number).toBe('青司执监意〔2026〕2号');
    await rejectsWith(service.voidNumber(first.id, 'again'), 'DOCUMENT_VOIDED');
    // The void survives a restart.
    expect((await makeService(folder.dir).get(first.id)).status).toBe('voided');
  });

  it('leaves the number free when rendering fails, so there is no gap', async () => {
    const printer = new EchoPrinter();
    const service = makeService(folder.dir, { printer });
    const draft = await service.createDraft('supervision_opinion', OPINION_SOURCE);
    printer.failNext = true;
    await rejectsWith(service.issue(draft.id), 'DOCUMENT_RENDER_FAILED');
    expect((await service.get(draft.id)).status).toBe('draft');
    expect(readdirSync(join(folder.dir, 'issued'))).toEqual([]);
    expect((await service.issue(draft.id)).number).toBe('青司执监意〔2026〕1号');
  });

  it('uses a prefix the office set, and the default again when cleared', async () => {
    const service = makeService(folder.dir);
    const types = await service.setPrefix('supervision_opinion', '青司监意');
    expect(types.find((t) => t.type === 'supervision_opinion')?.prefix).toBe('青司监意');
    expect((await issuedOpinion(service)).number).toBe('青司监意〔2026〕1号');
    await service.setPrefix('supervision_opinion', null);
    expect((await issuedOpinion(service)).number).toBe('青司执监意〔2026〕1号');
  });
});

describe('issuing', () => {
  it('refuses an incomplete draft with the missing fields named', async () => {
    const service = makeService(folder.dir);
    const draft = await service.createDraft('review_decision', {});
    const error = await rejectsWith(service.issue(draft.id), 'VALIDATION_FAILED');
    const paths = error.issues?.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['fields.recipient', 'fields.request', 'fields.outcome']));
    expect(readdirSync(join(folder.dir, 'issued'))).toEqual([]);
  });

  it('stores the DOCX and PDF with their SHA-256 and notices when a stored file changes', async () => {
    const service = makeService(folder.dir);
    const issued = await issuedOpinion(service);
    expect(issued.files?.docx.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdfPath = join(folder.dir, 'issued', issued.id, 'document.pdf');
    expect(statSync(pdfPath).mode & 0o222).toBe(0);
    expect((await service.get(issued.id)).intact).toBe(true);

    chmodSync(pdfPath, 0o644);
    writeFileSync(pdfPath, `${readFileSync(pdfPath, 'utf8')} `);
    expect((await service.get(issued.id)).intact).toBe(false);
    await rejectsWith(service.preview(issued.id), 'DOCUMENT_INTEGRITY');
    await rejectsWith(service.fileFor(issued.id, 'pdf'), 'DOCUMENT_INTEGRITY');
  });

  it('lets no API change an issued document', async () => {
    const service = makeService(folder.dir);
    const issued = await issuedOpinion(service);
    const recordPath = join(folder.dir, 'issued', issued.id, 'record.json');
    const before = readFileSync(recordPath);
    const docxBefore = readFileSync(join(folder.dir, 'issued', issued.id, 'document.docx'));

    await rejectsWith(service.saveDraft(issued.id, { ...issued.fields, title: '改过的标题' }), 'DOCUMENT_ISSUED');
    await rejectsWith(service.deleteDraft(issued.id), 'DOCUMENT_ISSUED');
    await rejectsWith(service.issue(issued.id), 'DOCUMENT_ISSUED');
    await service.voidNumber(issued.id, '作废测试');
    await service.setPrefix('supervision_opinion', '别的前缀');

    expect(readFileSync(recordPath)).toEqual(before);
    expect(readFileSync(join(folder.dir, 'issued', issued.id, 'document.docx'))).toEqual(docxBefore);
    const after = await service.get(issued.id);
    expect(after.number).toBe(issued.number);
    expect(after.fields.title).toBe(issued.fields.title);
  });

  it('makes a correction a new version that refers to the old one', async () => {
    const service = makeService(folder.dir);
    const original = await issuedOpinion(service);
    const correction = await service.createCorrection(original.id);
    expect(correction).toMatchObject({
      status: 'draft',
      version: 2,
      correctsId: original.id,
      dossierId: 'dossier-2026-0042',
    });
    // Asking again returns the same pending correction.
    expect((await service.createCorrection(original.id)).id).toBe(correction.id);

    await service.saveDraft(correction.id, { ...correction.fields, deadline: '2027-02-28' });
    const issued = await service.issue(correction.id);
    expect(issued.number).toBe('青司执监意〔2026〕2号');
    const old = await service.get(original.id);
    expect(old).toMatchObject({ status: 'superseded', supersededById: correction.id, number: original.number });
    await rejectsWith(service.createCorrection(original.id), 'DOCUMENT_SUPERSEDED');
  });

  it('lists drafts and issued documents with their status, filtered by dossier', async () => {
    const service = makeService(folder.dir);
    await issuedOpinion(service);
    await service.createDraft('urging_letter', OPINION_SOURCE);
    await service.createDraft('annual_report', {});
    const forDossier = await service.list({ dossierId: 'dossier-2026-0042' });
    expect(forDossier.map((d) => [d.type, d.status]).sort()).toEqual([
      ['supervision_opinion', 'issued'],
      ['urging_letter', 'draft'],
    ]);
    expect(await service.list({ status: 'draft' })).toHaveLength(2);
  });

  it('needs the office identity', async () => {
    const service = makeService(folder.dir, { office: null });
    await rejectsWith(service.createDraft('supervision_opinion', {}), 'NOT_CONFIGURED');
  });

  it('skips a damaged record instead of failing to start', async () => {
    const service = makeService(folder.dir);
    const good = await issuedOpinion(service);
    const draft = await service.createDraft('supervision_notice', OPINION_SOURCE);
    writeFileSync(join(folder.dir, 'drafts', `${draft.id}.json`), '{ not json');
    const again = makeService(folder.dir);
    const list = await again.list();
    expect(list.map((d) => d.id)).toEqual([good.id]);
  });
});

describe('batch', () => {
  it('issues one document per source, reports a failing item and keeps the others', async () => {
    const service = makeService(folder.dir);
    const sources = [OPINION_SOURCE, { ...OPINION_SOURCE, findings: [] }, OPINION_SOURCE];
    const seen: number[] = [];
    const out = await service.batch(
      { type: 'supervision_opinion', sources, issue: true },
      new AbortController().signal,
      (done) => seen.push(done),
    );
    expect(out.cancelled).toBe(false);
    expect(out.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(out.results[1]).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(out.results.filter((r) => r.ok).map((r) => (r.ok ? r.number : null))).toEqual([
      '青司执监意〔2026〕1号',
      '青司执监意〔2026〕2号',
    ]);
    expect(seen).toEqual([0, 1, 2, 3]);
    // The failed item stays as a draft for the clerk to complete.
    expect(await service.list({ status: 'draft' })).toHaveLength(1);
  });

  it('stops at a cancel and keeps what was done', async () => {
    const service = makeService(folder.dir);
    const controller = new AbortController();
    const out = await service.batch(
      { type: 'rectification_notice', sources: Array.from({ length: 6 }, () => OPINION_SOURCE), issue: true },
      controller.signal,
      (done) => {
        if (done === 2) controller.abort();
      },
    );
    expect(out.cancelled).toBe(true);
    expect(out.results).toHaveLength(2);
    expect(await service.list({ status: 'issued' })).toHaveLength(2);
  });
});

describe('drafting by hand', () => {
  it('saves an incomplete draft and checks limits on save', async () => {
    const service = makeService(folder.dir);
    const draft = await service.createDraft('review_decision', {});
    expect(draft.fields.signatureOrgan).toBe(OFFICE.name);
    const saved = await service.saveDraft(draft.id, completeFields(draft.fields));
    expect(saved.fields.outcome).toBe('uphold');
    const error = await rejectsWith(
      service.saveDraft(draft.id, { ...saved.fields, title: '长'.repeat(500) }),
      'VALIDATION_FAILED',
    );
    expect(error.issues?.[0]?.path).toEqual(['fields', 'title']);
    await rejectsWith(service.saveDraft(draft.id, { ...saved.fields, surprise: 1 }), 'VALIDATION_FAILED');
  });
});
