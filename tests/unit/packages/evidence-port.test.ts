import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EvidenceStore } from '../../../electron/services/evidence/store';
import { packageEvidenceFrom } from '../../../electron/services/packages/evidence-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-port-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('finds a file in the evidence store first, then among issued documents, and nothing else', async () => {
  const store = new EvidenceStore({ root: join(dir, 'evidence') });
  await store.init();
  const stored = await store.addFile(writeTo('photo.png', 'evidence bytes'));
  const issuedPath = writeTo('document.pdf', 'issued document bytes');
  const issuedSha = 'a'.repeat(64);
  const port = packageEvidenceFrom(store, async (sha) => (sha === issuedSha ? issuedPath : null));

  expect(await port.locate(stored.sha256)).toEqual({ path: store.pathOf(stored.sha256), size: 14 });
  expect(await port.locate(issuedSha)).toEqual({ path: issuedPath, size: 21 });
  expect(await port.locate('b'.repeat(64))).toBeNull();
  // Without the documents lookup (the import side), only evidence is found.
  expect(await packageEvidenceFrom(store).locate(issuedSha)).toBeNull();
});

function writeTo(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
