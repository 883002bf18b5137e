import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerEvidenceRequest } from '../../../electron/services/evidence/http';
import { EvidenceStore, recordableName } from '../../../electron/services/evidence/store';

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-evidence-'));
  root = join(dir, 'evidence');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const source = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
/** Every file under the store, relative to its root. */
const storeFiles = () =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

describe('EvidenceStore.addFile', () => {
  it('hashes while copying in small chunks and files the bytes under their SHA-256', async () => {
    const bytes = randomBytes(3 * 64 * 1024 + 17);
    const store = new EvidenceStore({ root, chunkBytes: 64 * 1024 });
    const progress: number[] = [];
    const stored = await store.addFile(source('scan.pdf', bytes), { onProgress: (done) => progress.push(done) });
    expect(stored).toEqual({
      sha256: sha(bytes),
      size: bytes.length,
      fileName: 'scan.pdf',
      mimeType: 'application/pdf',
      alreadyStored: false,
    });
    expect(readFileSync(store.pathOf(stored.sha256))).toEqual(bytes);
    expect(store.pathOf(stored.sha256)).toBe(join(root, stored.sha256.slice(0, 2), stored.sha256));
    expect(progress.at(-1)).toBe(bytes.length);
    expect(storeFiles()).toEqual([stored.sha256]);
  });

  it('tells the type by the bytes: a PNG named .pdf is an image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const store = new EvidenceStore({ root });
    expect((await store.addFile(source('photo.pdf', png))).mimeType).toBe('image/png');
    expect((await store.addFile(source('notes.docx', randomBytes(20)))).mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('keeps one copy of the same bytes and says they were there already', async () => {
    const bytes = randomBytes(10_000);
    const store = new EvidenceStore({ root });
    const first = await store.addFile(source('a.jpg', bytes));
    const second = await store.addFile(source('b-renamed.jpg', bytes));
    expect(second).toMatchObject({ sha256: first.sha256, alreadyStored: true, fileName: 'b-renamed.jpg' });
    expect(storeFiles()).toEqual([first.sha256]);
  });

  it('replaces a held copy that was damaged (wrong size) with the fresh one', async () => {
    const bytes = randomBytes(5_000);
    const store = new EvidenceStore({ root });
    const first = await store.addFile(source('a.bin', bytes));
    writeFileSync(store.pathOf(first.sha256), bytes.subarray(0, 100));
    const again = await store.addFile(source('a.bin', bytes));
    expect(again.alreadyStored).toBe(false);
    expect(readFileSync(store.pathOf(first.sha256))).toEqual(bytes);
  });

  it('refuses with INSUFFICIENT_SPACE before writing anything when the disk lacks room', async () => {
    // 300 MiB free: after the safety margin kept for the OS and the database, about 44 MiB of room.
    const statfs = async () => ({ bavail: 300 * 256, blocks: 1_000_000, bsize: 4096 });
    const store = new EvidenceStore({ root, statfs });
    await expect(store.beginUpload('recording.mp4', 50 * 1024 * 1024)).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
    });
    const full = new EvidenceStore({ root, statfs: async () => ({ bavail: 10, blocks: 1_000_000, bsize: 4096 }) });
    await expect(full.addFile(source('small.bin', randomBytes(1024)))).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
    });
    expect(storeFiles()).toEqual([]);
    // Room for it: taken in.
    expect((await store.addFile(source('small.bin', randomBytes(1024)))).size).toBe(1024);
  });

  it('leaves no file at all when cancelled mid-copy', async () => {
    const store = new EvidenceStore({ root, chunkBytes: 16 * 1024 });
    const controller = new AbortController();
    const path = source('video.mp4', randomBytes(4 * 1024 * 1024));
    const adding = store.addFile(path, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 64 * 1024) controller.abort();
      },
    });
    await expect(adding).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(storeFiles()).toEqual([]);
  });

  it('keeps names recordable: no folders, no control characters, at most 255 characters with the extension', () => {
    expect(recordableName('../../etc/passwd')).toBe('passwd');
    expect(recordableName('a\u0007b.pdf')).toBe('ab.pdf');
    const long = recordableName(`${'证'.repeat(300)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('refuses folders and missing files with clear codes', async () => {
    const store = new EvidenceStore({ root });
    mkdirSync(join(dir, 'folder'));
    await expect(store.addFile(join(dir, 'folder'))).rejects.toMatchObject({ code: 'EVIDENCE_NOT_A_FILE' });
    await expect(store.addFile(join(dir, 'nope.pdf'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('clears temporary files a crash left behind when it starts', async () => {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'dead.part'), 'half a file');
    await new EvidenceStore({ root }).init();
    expect(storeFiles()).toEqual([]);
  });
});

describe('EvidenceStore uploads', () => {
  it('takes a file in chunks and stores it like a copied one', async () => {
    const bytes = randomBytes(70_000);
    const store = new EvidenceStore({ root });
    const upload = await store.beginUpload('dropped.png', bytes.length);
    for (let offset = 0; offset < bytes.length; offset += 32_000)
      await upload.write(bytes.subarray(offset, offset + 32_000));
    const stored = await upload.finish();
    expect(stored).toMatchObject({
      sha256: sha(bytes),
      size: bytes.length,
      fileName: 'dropped.png',
      alreadyStored: false,
    });
    expect(storeFiles()).toEqual([stored.sha256]);
  });

  it('refuses more or fewer bytes than announced and leaves nothing', async () => {
    const store = new EvidenceStore({ root });
    const over = await store.beginUpload('a.bin', 10);
    await expect(over.write(new Uint8Array(11))).rejects.toMatchObject({ code: 'EVIDENCE_SOURCE_CHANGED' });
    const under = await store.beginUpload('b.bin', 10);
    await under.write(new Uint8Array(5));
    await expect(under.finish()).rejects.toMatchObject({ code: 'EVIDENCE_SOURCE_CHANGED' });
    const aborted = await store.beginUpload('c.bin', 10);
    await aborted.write(new Uint8Array(5));
    await aborted.abort();
    expect(storeFiles()).toEqual([]);
  });
});

describe('answerEvidenceRequest', () => {
  it('serves only stored hashes, with the type the bytes show and nosniff', async () => {
    const store = new EvidenceStore({ root });
    const pdf = await store.addFile(source('a.pdf', Buffer.from('%PDF-1.7\n%test')));
    const html = await store.addFile(source('page.png', Buffer.from('<html><script>alert(1)</script>')));

    const ok = await answerEvidenceRequest(store, `/evidence/${pdf.sha256}`);
    expect(ok).toMatchObject({ status: 200, filePath: store.pathOf(pdf.sha256) });
    expect(ok.headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': String(pdf.size),
    });
    expect(ok.headers['Content-Security-Policy']).toContain('sandbox');

    // A name never makes bytes previewable.
    const opaque = await answerEvidenceRequest(store, `/evidence/${html.sha256}`);
    expect(opaque.headers['Content-Type']).toBe('application/octet-stream');

    for (const path of [
      `/evidence/${'0'.repeat(64)}`,
      '/evidence/../settings.json',
      `/evidence/${pdf.sha256.toUpperCase()}`,
      '/index.html',
    ]) {
      expect((await answerEvidenceRequest(store, path)).status).toBe(404);
    }
  });
});
