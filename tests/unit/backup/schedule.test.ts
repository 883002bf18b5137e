import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { AutoBackup, autoBackupName } from '../../../electron/services/backup/schedule';
import type { SecretProtector } from '../../../electron/services/keys/protector';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';
import { tempDir } from './support';

/** A stand-in for safeStorage: reversible, and counts how often it is asked. */
function fakeKeyStore(available = true): SecretProtector & { opened: number } {
  return {
    opened: 0,
    isAvailable: () => available,
    seal: async (secret) => `sealed:${Buffer.from(secret).toString('base64')}`,
    async open(sealed) {
      this.opened++;
      return Buffer.from(sealed.slice('sealed:'.length), 'base64');
    },
  };
}

function setUp(available = true) {
  const dir = tempDir();
  const clock = { now: new Date('2026-11-27T08:00:00Z') };
  const settings = new Conf<SettingsSchema>({ cwd: dir, configName: 'settings', defaults: SETTINGS_DEFAULTS });
  const protector = fakeKeyStore(available);
  const make = () => new AutoBackup({ settings, systemProtector: protector, now: () => clock.now });
  const advance = (hours: number) => {
    clock.now = new Date(clock.now.getTime() + hours * 3600_000);
  };
  return { dir, clock, settings, protector, make, advance };
}

describe('automatic backup schedule', () => {
  it('is due daily by default, after a success waits a day, and warns when a day and a half passed', async () => {
    const { dir, make, advance } = setUp();
    const auto = make();
    expect(auto.status()).toMatchObject({ enabled: false, intervalHours: 24, due: false, stale: false });
    await auto.configure({ enabled: true, folder: dir, passphrase: 'auto passphrase' });
    expect(auto.status()).toMatchObject({ due: true, stale: true, passphrase: 'system' });

    await auto.recordSuccess();
    expect(auto.status()).toMatchObject({ due: false, stale: false });
    advance(23);
    expect(auto.status().due).toBe(false);
    advance(1);
    expect(auto.status()).toMatchObject({ due: true, stale: false });
    advance(12.5);
    expect(auto.status()).toMatchObject({ due: true, stale: true });
  });

  it('after a failure waits an hour before trying again', async () => {
    const { dir, make, advance } = setUp();
    const auto = make();
    await auto.configure({ enabled: true, folder: dir, passphrase: 'p' });
    auto.recordFailure('IO_ERROR');
    expect(auto.status()).toMatchObject({ due: false, lastError: 'IO_ERROR' });
    advance(1);
    expect(auto.status().due).toBe(true);
  });

  it('keeps the passphrase sealed by the key store across restarts, and in memory only without one', async () => {
    const withStore = setUp(true);
    await withStore.make().configure({ enabled: true, folder: withStore.dir, passphrase: '自动备份口令' });
    expect(JSON.stringify(withStore.settings.store)).not.toContain('自动备份口令');
    const restarted = withStore.make();
    expect(await restarted.passphrase()).toBe('自动备份口令');
    expect(withStore.protector.opened).toBe(1);

    const without = setUp(false);
    await without.make().configure({ enabled: true, folder: without.dir, passphrase: 'only in memory' });
    expect(JSON.stringify(without.settings.store)).not.toContain('only in memory');
    const next = without.make();
    expect(next.status()).toMatchObject({ passphrase: 'none', due: false });
    await expect(next.passphrase()).rejects.toMatchObject({ code: 'BACKUP_PASSPHRASE_NOT_STORED' });
  });

  it('keeps the newest N automatic backups and never touches other files', async () => {
    const { make, advance } = setUp();
    const dir = tempDir('desk-auto-');
    const auto = make();
    await auto.configure({ enabled: true, folder: dir, keep: 3, passphrase: 'p' });
    writeFileSync(join(dir, 'saved-by-hand.sdbackup'), 'x');
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const target = auto.target();
      names.push(target.slice(dir.length + 1));
      writeFileSync(target, `backup ${i}`);
      await auto.recordSuccess();
      advance(24);
    }
    expect(readdirSync(dir).sort()).toEqual(['saved-by-hand.sdbackup', ...names.slice(2)].sort());
    expect(names[0]).toBe(autoBackupName(new Date('2026-11-27T08:00:00Z')));
  });
});
