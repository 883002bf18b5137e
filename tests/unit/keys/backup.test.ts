import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyBackup, openKeyBackup } from '../../../electron/services/keys/backup';
import { OfficeKeys } from '../../../electron/services/keys/office-keys';
import { CITY_OFFICE } from '../../e2e/support/office';
import { createOfficePair, createTestOffice, TEST_SCRYPT, testSystemProtector } from '../../support/package-offices';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'key-backup-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('encrypted key backup', () => {
  it('restores an office on a new computer, old generations included', async () => {
    const { county, city } = await createOfficePair(root, 4096);
    const sha = county.addEvidence(Buffer.from('证据'));
    const path = join(root, 'old-key.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [sha], label: '', refs: [] },
      path,
    );
    await city.keys.rotate();
    const backup = await createKeyBackup(city.keys, 'backup passphrase 2026', new Date(), TEST_SCRYPT);
    expect(backup).not.toContain((await city.keys.exportSecrets())[0]?.signingSeed.toString('base64'));

    const opened = await openKeyBackup(Buffer.from(backup), 'backup passphrase 2026');
    const restored = new OfficeKeys({
      dir: join(root, 'new-pc'),
      systemProtector: await testSystemProtector(),
      scrypt: TEST_SCRYPT,
    });
    await restored.restore(opened.organId, opened.generations, { protection: 'system' });
    expect(restored.generations().map((g) => g.fingerprint)).toEqual(city.keys.generations().map((g) => g.fingerprint));
    expect(restored.organId()).toBe(city.keys.organId());
    // The key of the first generation, which the package was sent to, is back.
    const oldKey = await restored.agreementKey(city.keys.generations()[0]?.fingerprint as string);
    expect(oldKey).toBeDefined();
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const office = await createTestOffice(join(root, 'city'), CITY_OFFICE);
    const backup = await createKeyBackup(office.keys, 'the right one', new Date(), TEST_SCRYPT);
    await expect(openKeyBackup(Buffer.from(backup), 'the wrong one')).rejects.toMatchObject({
      code: 'KEYS_WRONG_PASSPHRASE',
    });
    await expect(openKeyBackup(Buffer.from(backup.slice(0, 100)), 'the right one')).rejects.toMatchObject({
      code: 'KEYS_BACKUP_INVALID',
    });
  });

  it('refuses to mix in the keys of another organ', async () => {
    const a = await createTestOffice(join(root, 'a'), CITY_OFFICE);
    const b = await createTestOffice(join(root, 'b'), CITY_OFFICE);
    const opened = await openKeyBackup(
      Buffer.from(await createKeyBackup(a.keys, 'passphrase a', new Date(), TEST_SCRYPT)),
      'passphrase a',
    );
    await expect(b.keys.restore(opened.organId, opened.generations, { protection: 'system' })).rejects.toMatchObject({
      code: 'KEYS_BACKUP_OTHER_ORGAN',
    });
  });
});
