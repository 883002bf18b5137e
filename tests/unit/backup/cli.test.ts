import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBackupCli } from '../../../electron/cli/backup-cli';
import { fillProfile, openProfile, PASSPHRASE, tableRows, tempDir, writeBackup } from './support';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runBackupCli(['verify-backup', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { LANG: 'en_US.UTF-8' },
  });
  return { code, stdout, stderr };
}

describe('npm run pkg -- verify-backup', () => {
  it('reports a good backup and answers each kind of failure with its exit code', async () => {
    const profile = openProfile();
    fillProfile(profile, 1);
    const dir = tempDir();
    const file = join(dir, 'office.sdbackup');
    await writeBackup(profile, file, tableRows(1));
    const good = join(dir, 'pass.txt');
    writeFileSync(good, `${PASSPHRASE}\n`);
    const bad = join(dir, 'wrong.txt');
    writeFileSync(bad, 'wrong passphrase\n');

    const ok = await run([file, '--passphrase-file', good, '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report).toMatchObject({ ok: true, command: 'verify-backup' });
    expect(report.tables.map((t: { rows: number }) => t.rows)).toEqual([7, 300, 0]);
    expect(report.areas.evidence.files).toBe(3);

    const human = await run([file, '--passphrase-file', good]);
    expect(human.stdout).toContain('OK');
    expect(human.stdout).toContain('table bodies: 300');

    const wrong = await run([file, '--passphrase-file', bad, '--json']);
    expect(wrong.code).toBe(8);
    expect(JSON.parse(wrong.stdout).error.code).toBe('BACKUP_WRONG_PASSPHRASE');

    const cut = join(dir, 'cut.sdbackup');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 5000));
    const truncated = await run([cut, '--passphrase-file', good]);
    expect(truncated.code).toBe(5);
    expect(truncated.stderr).toMatch(/damaged|incomplete/);

    expect((await run([good, '--passphrase-file', good])).code).toBe(4);
    expect((await run([join(dir, 'missing.sdbackup'), '--passphrase-file', good])).code).toBe(3);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
