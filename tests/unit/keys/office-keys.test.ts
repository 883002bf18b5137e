import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519Verify } from '../../../electron/services/crypto/primitives';
import { fingerprintGroups } from '../../../electron/services/keys/fingerprint';
import { OfficeKeys } from '../../../electron/services/keys/office-keys';
import type { SecretProtector } from '../../../electron/services/keys/protector';
import { createOfficePair, TEST_SCRYPT, testSystemProtector } from '../../support/package-offices';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'office-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const unavailable: SecretProtector = {
  isAvailable: () => false,
  seal: () => Promise.reject(new Error('no key store')),
  open: () => Promise.reject(new Error('no key store')),
};

async function keysWith(systemProtector: SecretProtector | null) {
  return new OfficeKeys({ dir, systemProtector, scrypt: TEST_SCRYPT });
}

describe('office keys', () => {
  it('are protected by the OS key store and open again after a restart', async () => {
    const keys = await keysWith(await testSystemProtector());
    const status = await keys.setUp({ protection: 'system' });
    expect(status).toMatchObject({ state: 'unlocked', protection: 'system', generations: [{ retiredAt: null }] });
    const secrets = await keys.exportSecrets();
    const onDisk = readFileSync(join(dir, 'office-keys.json'), 'utf8');
    for (const s of secrets) {
      expect(onDisk).not.toContain(s.signingSeed.toString('base64'));
      expect(onDisk).not.toContain(s.encryptionKey.toString('base64'));
    }

    const restarted = await keysWith(await testSystemProtector());
    expect(restarted.status().state).toBe('locked');
    const signer = await restarted.signer();
    const signature = signer.sign(Buffer.from('案卷'));
    expect(ed25519Verify(restarted.current().signingPublicKey, Buffer.from('案卷'), signature)).toBe(true);
  });

  it('needs a passphrase where no OS key store exists (Linux basic_text)', async () => {
    const keys = await keysWith(unavailable);
    expect(keys.status()).toMatchObject({ state: 'none', systemProtectionAvailable: false });
    await expect(keys.setUp({ protection: 'system' })).rejects.toMatchObject({ code: 'KEYS_PROTECTION_UNAVAILABLE' });
    await keys.setUp({ protection: 'passphrase', passphrase: 'correct horse battery' });

    const restarted = await keysWith(unavailable);
    await expect(restarted.signer()).rejects.toMatchObject({ code: 'KEYS_LOCKED' });
    await expect(restarted.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'KEYS_WRONG_PASSPHRASE' });
    expect(restarted.status().state).toBe('locked');
    await restarted.unlock('correct horse battery');
    expect(restarted.status().state).toBe('unlocked');
    await expect(restarted.signer()).resolves.toMatchObject({ fingerprint: keys.current().fingerprint });
  });

  it('keeps old generations on rotation, vouched for by the previous key', async () => {
    const keys = await keysWith(await testSystemProtector());
    await keys.setUp({ protection: 'system' });
    const first = keys.current();
    await keys.rotate();
    const [old, current] = keys.generations();
    expect(old?.fingerprint).toBe(first.fingerprint);
    expect(old?.retiredAt).not.toBeNull();
    expect(current?.fingerprint).not.toBe(first.fingerprint);
    expect(await keys.agreementKey(first.fingerprint)).toBeDefined();
    expect(keys.status().current?.fingerprintGroups).toEqual(fingerprintGroups(current?.fingerprint as string));
  });

  it('switches protection without changing the keys', async () => {
    const keys = await keysWith(await testSystemProtector());
    await keys.setUp({ protection: 'system' });
    const before = keys.current().fingerprint;
    await keys.changeProtection({ protection: 'passphrase', passphrase: 'a long passphrase' });
    const restarted = await keysWith(await testSystemProtector());
    await expect(restarted.signer()).rejects.toMatchObject({ code: 'KEYS_LOCKED' });
    await restarted.unlock('a long passphrase');
    expect((await restarted.signer()).fingerprint).toBe(before);
  });

  it('refuses a damaged key file with a clear code', async () => {
    const keys = await keysWith(await testSystemProtector());
    await keys.setUp({ protection: 'system' });
    const path = join(dir, 'office-keys.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.generations[0].signingPublicKey = Buffer.alloc(32, 9).toString('base64');
    writeFileSync(path, JSON.stringify(file));
    const restarted = await keysWith(await testSystemProtector());
    await expect(restarted.signer()).rejects.toMatchObject({ code: 'KEYS_FILE_DAMAGED' });
  });
});

describe('rotation and old packages', () => {
  it('a package sent to the old key still opens after the recipient rotated', async () => {
    const { county, city } = await createOfficePair(dir, 4096);
    const sha = county.addEvidence(Buffer.from('evidence'));
    const path = join(dir, 'before-rotation.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [sha], label: '', refs: [] },
      path,
    );
    await city.keys.rotate();
    const imported = await city.packages.importPackage(path);
    expect(imported.files).toEqual([{ sha256: sha, size: 8 }]);
  });
});
