import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from './support';
import { fillProfile, openProfile, PASSPHRASE, pages, snapshotFiles, tableRows, tempDir, writeBackup } from './support';

/** The renderer's side of a restore: every staged page into a "database", then read back for the check. */
async function restoreInto(profile: Profile, file: string, options: { dropLastRow?: boolean } = {}) {
  const opened = await profile.service.openRestore(file, PASSPHRASE);
  const database: Record<string, string[]> = {};
  for (let i = 0; i < opened.pageCount; i++) {
    const page = await profile.service.readPage(opened.restoreId, i);
    const rows = page.rows.split('\n').slice(0, -1);
    database[page.table] = [...(database[page.table] ?? []), ...rows];
  }
  if (options.dropLastRow) database.bodies?.pop();
  // Read back in pages of another size: the check must not depend on paging.
  for (const [table, rows] of Object.entries(database)) {
    for (const page of pages(rows, 37)) profile.service.checkRows(opened.restoreId, table, page);
  }
  return { opened, database };
}

const errorCode = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? String(error),
  );

describe('backup and restore', () => {
  it('round trip: every row, file byte, hash and setting arrives in a fresh profile', async () => {
    const source = openProfile();
    fillProfile(source, 1);
    const tables = tableRows(1);
    const target = join(tempDir(), 'office.sdbackup');
    const summary = await writeBackup(source, target, tables);
    expect(summary.tables).toEqual([
      { name: 'organs', rows: 7 },
      { name: 'bodies', rows: 300 },
      { name: 'meta', rows: 0 },
    ]);
    expect(summary.areas.evidence).toEqual({ files: 3, bytes: 50_003 });
    expect(readdirSync(join(target, '..'))).toEqual(['office.sdbackup']);

    const verified = await source.service.verify(target, PASSPHRASE);
    expect(verified.manifest.tables.map((t) => t.rows)).toEqual([7, 300, 0]);

    const fresh = openProfile();
    const { opened, database } = await restoreInto(fresh, target);
    expect(opened.tables).toEqual(summary.tables);
    expect(database).toEqual({ organs: tables.organs, bodies: tables.bodies, meta: [] });
    const result = await fresh.service.commitRestore(opened.restoreId, 'supervision-desk-restored');
    expect(result.ok).toBe(true);
    expect(result.tables.every((t) => t.hashMatches && t.expectedRows === t.restoredRows)).toBe(true);

    const expected = snapshotFiles(source.userData);
    const actual = snapshotFiles(fresh.userData);
    for (const [path, digest] of Object.entries(expected)) {
      if (path === 'settings.json' || path.startsWith(join('evidence', 'tmp'))) continue;
      expect(actual[path], path).toBe(digest);
    }
    expect(fresh.settings.get('office')).toEqual(source.settings.get('office'));
    expect(fresh.settings.get('locale')).toBe('en');
    expect(fresh.service.databaseName()).toBe('supervision-desk-restored');
    expect(fresh.service.previousDatabaseName()).toBe('supervision-desk');
    expect(existsSync(join(fresh.userData, 'restore-staging', opened.restoreId))).toBe(false);
  });

  it('an office with no files and no keys yet backs up and restores too', async () => {
    const empty = openProfile();
    const target = join(tempDir(), 'empty.sdbackup');
    await writeBackup(empty, target, { organs: [] });
    const fresh = openProfile();
    const { opened } = await restoreInto(fresh, target);
    const result = await fresh.service.commitRestore(opened.restoreId, 'supervision-desk-empty');
    expect(result.ok).toBe(true);
    expect(fresh.service.databaseName()).toBe('supervision-desk-empty');
  });

  it('leaves the private keys out unless asked, and keeps the current ones on restore', async () => {
    const source = openProfile();
    fillProfile(source, 1);
    const target = join(tempDir(), 'no-keys.sdbackup');
    await writeBackup(source, target, tableRows(1), { includeOfficeKeys: false });
    const { manifest } = await source.service.verify(target, PASSPHRASE);
    expect(manifest.entries.some((e) => e.name.endsWith('office-keys.json'))).toBe(false);
    expect(manifest.entries.some((e) => e.name === 'files/keys/trust.json')).toBe(true);

    const other = openProfile();
    fillProfile(other, 2);
    const before = readFileSync(join(other.userData, 'keys', 'office-keys.json'), 'utf8');
    const { opened } = await restoreInto(other, target);
    await other.service.commitRestore(opened.restoreId, 'restored');
    expect(readFileSync(join(other.userData, 'keys', 'office-keys.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(other.userData, 'keys', 'trust.json'), 'utf8')).toContain('"seed":1');
  });

  describe('a bad file changes nothing', () => {
    async function prepare() {
      const source = openProfile();
      fillProfile(source, 1);
      const target = join(tempDir(), 'office.sdbackup');
      await writeBackup(source, target, tableRows(1));
      const current = openProfile();
      fillProfile(current, 2);
      const before = snapshotFiles(current.userData);
      const settingsBefore = current.settings.store;
      const untouched = () => {
        expect(snapshotFiles(current.userData)).toEqual(before);
        expect(current.settings.store).toEqual(settingsBefore);
        expect(current.service.databaseName()).toBe('supervision-desk');
      };
      return { target, current, untouched };
    }

    it('wrong passphrase', async () => {
      const { target, current, untouched } = await prepare();
      expect(await errorCode(current.service.verify(target, 'not the passphrase'))).toBe('BACKUP_WRONG_PASSPHRASE');
      expect(await errorCode(current.service.openRestore(target, 'not the passphrase'))).toBe(
        'BACKUP_WRONG_PASSPHRASE',
      );
      untouched();
    });

    it('truncated anywhere: in the header, at a chunk boundary, inside a chunk', async () => {
      const { target, current, untouched } = await prepare();
      const full = readFileSync(target);
      const headerEnd = 12 + full.readUInt32BE(8) + 32;
      const cuts = [
        { at: 20, code: 'BACKUP_TRUNCATED' },
        { at: headerEnd + 2 * (4096 + 16), code: 'BACKUP_TRUNCATED' },
        { at: full.length - 100, code: 'BACKUP_DAMAGED' },
        { at: headerEnd, code: 'BACKUP_TRUNCATED' },
      ];
      for (const { at, code } of cuts) {
        const cut = join(tempDir(), 'cut.sdbackup');
        writeFileSync(cut, full.subarray(0, at));
        expect(await errorCode(current.service.openRestore(cut, PASSPHRASE)), `cut at ${at}`).toBe(code);
        expect(await errorCode(current.service.verify(cut, PASSPHRASE))).toBe(code);
      }
      untouched();
    });

    it('one flipped byte in the data or the header', async () => {
      const { target, current, untouched } = await prepare();
      const full = readFileSync(target);
      const headerEnd = 12 + full.readUInt32BE(8) + 32;
      for (const at of [headerEnd + 5000, full.length - 3, 40, headerEnd - 5]) {
        const flipped = Buffer.from(full);
        flipped[at] = (flipped[at] ?? 0) ^ 0x01;
        const path = join(tempDir(), 'flipped.sdbackup');
        writeFileSync(path, flipped);
        const code = await errorCode(current.service.openRestore(path, PASSPHRASE));
        expect(['BACKUP_DAMAGED', 'BACKUP_WRONG_PASSPHRASE'], `byte ${at}: ${code}`).toContain(code);
        if (at > headerEnd) expect(code).toBe('BACKUP_DAMAGED');
      }
      untouched();
    });

    it('not a backup at all', async () => {
      const { current, untouched } = await prepare();
      const path = join(tempDir(), 'note.txt');
      writeFileSync(path, 'just some text, not a backup');
      expect(await errorCode(current.service.verify(path, PASSPHRASE))).toBe('BACKUP_NOT_A_BACKUP');
      untouched();
    });

    it('an interrupted restore: cancelled while verifying, or the new database incomplete', async () => {
      const { target, current, untouched } = await prepare();
      const controller = new AbortController();
      const cancelled = current.service.openRestore(target, PASSPHRASE, {
        signal: controller.signal,
        onProgress: (_phase, done) => {
          if (done === 3) controller.abort();
        },
      });
      expect(await errorCode(cancelled)).toBe('CANCELLED');
      untouched();

      const { opened } = await restoreInto(current, target, { dropLastRow: true });
      expect(await errorCode(current.service.commitRestore(opened.restoreId, 'half'))).toBe('BACKUP_RESTORE_MISMATCH');
      await current.service.discardRestore(opened.restoreId);
      untouched();
    });
  });

  describe('a restore that fails while moving folders', () => {
    it('puts every moved folder back when a move fails', async () => {
      const source = openProfile();
      fillProfile(source, 1);
      const target = join(tempDir(), 'office.sdbackup');
      await writeBackup(source, target, tableRows(1));
      const current = openProfile();
      fillProfile(current, 2);
      const before = snapshotFiles(current.userData);
      const { opened } = await restoreInto(current, target);
      // Something already where the packages folder would be set aside: that move fails
      // after evidence and documents were swapped.
      mkdirSync(join(current.userData, 'restore-staging', opened.restoreId, 'old', 'packages', 'in-the-way'), {
        recursive: true,
      });
      expect(await errorCode(current.service.commitRestore(opened.restoreId, 'x'))).toBe('IO_ERROR');
      const after = snapshotFiles(current.userData);
      for (const [path, digest] of Object.entries(before)) expect(after[path], path).toBe(digest);
      expect(current.service.databaseName()).toBe('supervision-desk');
    });

    it('after a crash part-way, the next start moves the office’s folders back', async () => {
      const current = openProfile();
      fillProfile(current, 2);
      const before = snapshotFiles(current.userData);
      // What a crash leaves after the first move of a commit: evidence set aside, the
      // journal naming that move and the next one, which never happened.
      const staging = join(current.userData, 'restore-staging', 'crashed');
      mkdirSync(join(staging, 'old'), { recursive: true });
      mkdirSync(join(staging, 'files', 'evidence'), { recursive: true });
      renameSync(join(current.userData, 'evidence'), join(staging, 'old', 'evidence'));
      writeFileSync(
        join(staging, 'journal.json'),
        JSON.stringify({
          state: 'moving',
          moves: [
            { from: join(current.userData, 'evidence'), to: join(staging, 'old', 'evidence') },
            { from: join(staging, 'files', 'evidence'), to: join(current.userData, 'evidence') },
          ],
        }),
      );
      await openProfile(current.userData).service.startup();
      expect(snapshotFiles(current.userData)).toEqual(before);
      expect(existsSync(join(current.userData, 'restore-staging', 'crashed'))).toBe(false);
    });
  });

  describe('writing', () => {
    it('refuses before starting when the backup would not fit, and leaves no file', async () => {
      const dir = tempDir();
      const profile = openProfile(undefined, {
        statfs: async () => ({ bavail: 10, blocks: 1000, bsize: 4096 }),
      });
      fillProfile(profile, 1);
      const target = join(dir, 'office.sdbackup');
      expect(await errorCode(writeBackup(profile, target, tableRows(1)))).toBe('INSUFFICIENT_SPACE');
      expect(readdirSync(dir)).toEqual([]);
    });

    it('a cancelled backup leaves neither the file nor a temporary one', async () => {
      const dir = tempDir();
      const profile = openProfile();
      fillProfile(profile, 1);
      const controller = new AbortController();
      controller.abort();
      const target = join(dir, 'office.sdbackup');
      expect(await errorCode(writeBackup(profile, target, tableRows(1), { signal: controller.signal }))).toBe(
        'CANCELLED',
      );
      expect(readdirSync(dir)).toEqual([]);
    });

    it('a table whose pages are split by another table is refused', async () => {
      const profile = openProfile();
      const { sessionId } = await profile.service.begin({
        target: join(tempDir(), 'x.sdbackup'),
        passphrase: PASSPHRASE,
        includeOfficeKeys: false,
        database: { name: 'supervision-desk', schemaVersion: 2 },
        estimatedDatabaseBytes: 0,
      });
      await profile.service.appendRows(sessionId, 'organs', '{"id":1}\n');
      await profile.service.appendRows(sessionId, 'meta', '{"k":1}\n');
      expect(await errorCode(profile.service.appendRows(sessionId, 'organs', '{"id":2}\n'))).toBe('VALIDATION_FAILED');
      await profile.service.abort(sessionId);
    });
  });
});
