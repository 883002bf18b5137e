import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceRoute } from '../../../electron/main/evidence-route';
import { EvidenceStore } from '../../../electron/services/evidence/store';

describe('app:// evidence route', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-route-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams stored evidence and leaves other app:// URLs to the renderer files', async () => {
    const store = new EvidenceStore({ root: join(dir, 'evidence') });
    writeFileSync(join(dir, 'scan.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const stored = await store.addFile(join(dir, 'scan.jpg'));
    const route = evidenceRoute(store);

    const response = await route(new URL(`app://desk/evidence/${stored.sha256}`));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('image/jpeg');
    expect(response?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await (response as Response).arrayBuffer())).toEqual(
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    );

    expect((await route(new URL(`app://desk/evidence/${'a'.repeat(64)}`)))?.status).toBe(404);
    expect(await route(new URL('app://desk/index.html'))).toBeNull();
    expect(await route(new URL(`app://other/evidence/${stored.sha256}`))).toBeNull();
  });
});
