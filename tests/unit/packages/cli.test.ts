import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runPkgCli } from '../../../electron/cli/pkg-cli';
import { sha256Hex } from '../../../electron/services/crypto/primitives';
import { createKeyBackup } from '../../../electron/services/keys/backup';
import { createOfficePair, TEST_SCRYPT, type TestOffice } from '../../support/package-offices';
import { entryRange } from '../../support/zip-craft';

const repoRoot = join(import.meta.dirname, '../../..');
const PASSPHRASE = 'city backup passphrase';
let root: string;
let county: TestOffice;
let city: TestOffice;
let good: string;
let damaged: string;
let countyCert: string;
let cityBackup: string;
let evidence: Buffer[];

async function cli(argv: string[], env: Record<string, string> = { SDPKG_PASSPHRASE: PASSPHRASE }) {
  let stdout = '';
  let stderr = '';
  const code = await runPkgCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr, json: stdout.startsWith('{') ? JSON.parse(stdout) : null };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pkg-cli-'));
  ({ county, city } = await createOfficePair(root, 4096));
  evidence = [Buffer.from('询问笔录'), Buffer.alloc(20_000, 7)];
  const files = evidence.map((b) => county.addEvidence(b));
  good = join(root, 'good.sdpkg');
  await county.packages.exportPackage(
    { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files, label: '', refs: [] },
    good,
  );
  damaged = join(root, 'damaged.sdpkg');
  const bytes = readFileSync(good);
  const { offset } = await entryRange(good, 'payload.bin');
  bytes[offset + 4112 + 10] = (bytes[offset + 4112 + 10] as number) ^ 0x80;
  writeFileSync(damaged, bytes);
  countyCert = join(root, 'county.sdcert');
  writeFileSync(countyCert, await county.certificate());
  cityBackup = join(root, 'city.sdkeys');
  writeFileSync(cityBackup, await createKeyBackup(city.keys, PASSPHRASE, new Date(), TEST_SCRYPT));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pkg CLI', () => {
  it('verifies a good package byte for byte with the sender’s certificate and the recipient’s key backup', async () => {
    const result = await cli(['verify', good, '--trust', countyCert, '--key', cityBackup, '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({
      ok: true,
      signature: 'valid',
      content: 'verified',
      openedAs: 'recipient',
      package: { sender: { organName: county.identity.name }, fileCount: 3 },
    });
    expect(result.json.files.map((f: { sha256: string }) => f.sha256).sort()).toEqual(evidence.map(sha256Hex).sort());
  });

  it('decrypts into a BagIt folder whose manifest matches its files', async () => {
    const out = join(root, 'bag');
    const result = await cli(['decrypt', good, '--trust', countyCert, '--key', cityBackup, '--out', out]);
    expect(result.code).toBe(EXIT.ok);
    const manifest = readFileSync(join(out, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
    expect(manifest).toHaveLength(3);
    for (const line of manifest) {
      const [digest, path] = line.split('  ');
      expect(sha256Hex(readFileSync(join(out, path as string)))).toBe(digest);
    }
    expect(readFileSync(join(out, 'bagit.txt'), 'utf8')).toContain('BagIt-Version: 1.0');
  });

  it('reports a damaged package with its code and exit code, and leaves no output', async () => {
    const out = join(root, 'bag-damaged');
    const result = await cli(['decrypt', damaged, '--trust', countyCert, '--key', cityBackup, '--out', out, '--json']);
    expect(result.code).toBe(EXIT.damaged);
    expect(result.json).toMatchObject({
      ok: false,
      exitCode: 5,
      error: { code: 'PKG_CHUNK_DAMAGED', params: { chunk: 2 } },
    });
    expect(existsSync(out)).toBe(false);
  });

  it('checks the ciphertext checksum when no key is given', async () => {
    expect((await cli(['verify', good, '--trust', countyCert, '--json'])).json).toMatchObject({
      signature: 'valid',
      payloadCrc32: 'valid',
    });
    const result = await cli(['verify', damaged, '--trust', countyCert, '--json']);
    expect(result.code).toBe(EXIT.damaged);
    expect(result.json.error.code).toBe('PKG_CRC_MISMATCH');
  });

  it('refuses a sender it has no certificate for, and a wrong passphrase', async () => {
    const cityCert = join(root, 'city.sdcert');
    writeFileSync(cityCert, await city.certificate());
    expect((await cli(['verify', good, '--trust', cityCert])).code).toBe(EXIT.untrusted);
    const wrong = await cli(['verify', good, '--trust', countyCert, '--key', cityBackup], {
      SDPKG_PASSPHRASE: 'nope nope',
    });
    expect(wrong.code).toBe(EXIT.notForUs);
    expect(wrong.stderr).toContain('KEYS_WRONG_PASSPHRASE');
  });

  it('explains its usage', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('Exit codes');
  });

  it('runs as `npm run pkg` with the same exit codes', () => {
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/cli/pkg.ts',
          'verify',
          file,
          '--trust',
          countyCert,
          '--key',
          cityBackup,
          '--json',
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, SDPKG_PASSPHRASE: PASSPHRASE },
        },
      );
    const ok = run(good);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, content: 'verified' });
    const bad = run(damaged);
    expect(bad.status).toBe(5);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'PKG_CHUNK_DAMAGED' } });
    const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
    expect(scripts.pkg).toBe('tsx electron/cli/pkg.ts');
  });
});
