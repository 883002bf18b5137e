// `npm run pkg -- verify-backup FILE [--passphrase-file F] [--json] [--lang zh-CN|en]`:
// checks a backup file completely — header, every chunk's tag, every entry's SHA-256,
// table counts and digests — with the app's own reader, writing nothing (BACKUP.md §7).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale } from '../../shared/domain/locale';
import { translate } from '../../shared/i18n';
import { AppError } from '../../shared/ipc/errors';
import { readBackup } from '../services/backup/reader';
import type { CliIo } from './pkg-cli';

/** Exit codes of verify-backup, documented in BACKUP.md §7 (aligned with the package verifier's). */
export const BACKUP_EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreadable: 3,
  format: 4,
  damaged: 5,
  wrongPassphrase: 8,
} as const;

const EXIT_BY_CODE: Record<string, number> = {
  IO_ERROR: BACKUP_EXIT.unreadable,
  BACKUP_NOT_A_BACKUP: BACKUP_EXIT.format,
  BACKUP_UNSUPPORTED_VERSION: BACKUP_EXIT.format,
  BACKUP_DAMAGED: BACKUP_EXIT.damaged,
  BACKUP_TRUNCATED: BACKUP_EXIT.damaged,
  BACKUP_HASH_MISMATCH: BACKUP_EXIT.damaged,
  BACKUP_WRONG_PASSPHRASE: BACKUP_EXIT.wrongPassphrase,
};

const USAGE = 'usage: npm run pkg -- verify-backup FILE [--passphrase-file F] [--json] [--lang zh-CN|en]\n';

export async function runBackupCli(argv: string[], io: CliIo): Promise<number> {
  let file = '';
  let passphraseFile: string | null = null;
  let json = false;
  let locale: Locale = (io.env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en';
  const rest = argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = rest[i + 1];
    if (arg === '--json') json = true;
    else if ((arg === '--passphrase-file' || arg === '--lang') && value !== undefined) {
      i++;
      if (arg === '--lang') {
        if (value !== 'zh-CN' && value !== 'en') return usage(io, `unknown language ${value}`);
        locale = value;
      } else passphraseFile = value;
    } else if (arg.startsWith('--')) return usage(io, `unknown or incomplete option ${arg}`);
    else if (!file) file = arg;
    else return usage(io, `unexpected argument ${arg}`);
  }
  if (!file) return usage(io, 'no backup file');
  const path = resolve(file);

  const fail = (exitCode: number, code: string, message: string, params: Record<string, string | number> = {}) => {
    if (json) {
      io.stdout(
        `${JSON.stringify({ ok: false, command: 'verify-backup', file: path, exitCode, error: { code, message, params } })}\n`,
      );
    } else {
      const localized = translate(locale, `errors.codes.${code}`, params);
      io.stderr(`${localized.startsWith('errors.') ? message : localized}\n`);
    }
    return exitCode;
  };

  let passphrase: string;
  try {
    if (passphraseFile) passphrase = readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '');
    else passphrase = io.env.SDBACKUP_PASSPHRASE ?? (await io.readPassphrase?.()) ?? '';
  } catch (error) {
    return fail(BACKUP_EXIT.unreadable, 'IO_ERROR', `Cannot read the passphrase file: ${(error as Error).message}`, {
      detail: String((error as Error).message),
    });
  }

  try {
    const { header, manifest, fileSize } = await readBackup(path, passphrase);
    const result = {
      ok: true,
      command: 'verify-backup',
      file: path,
      backup: {
        backupId: header.backupId,
        createdAt: header.createdAt,
        software: header.software,
        fileSize,
        chunkSize: header.payload.chunkSize,
        includesOfficeKeys: header.includesOfficeKeys,
        database: manifest.database,
      },
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows, sha256: t.sha256 })),
      areas: manifest.areas,
      entries: manifest.entries.length,
    };
    if (json) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      io.stdout(`${path}: OK\n  backup ${header.backupId}, ${header.createdAt}, ${header.software}\n`);
      for (const t of result.tables) io.stdout(`  table ${t.name}: ${t.rows}\n`);
      for (const [area, a] of Object.entries(result.areas))
        io.stdout(`  files ${area}: ${a.files} (${a.bytes} bytes)\n`);
      io.stdout(`  office private keys: ${header.includesOfficeKeys ? 'included' : 'not included'}\n`);
    }
    return BACKUP_EXIT.ok;
  } catch (error) {
    if (error instanceof AppError) {
      return fail(EXIT_BY_CODE[error.code] ?? BACKUP_EXIT.internal, error.code, error.message, error.params);
    }
    return fail(BACKUP_EXIT.internal, 'INTERNAL', String((error as Error)?.message ?? error));
  }
}

function usage(io: CliIo, problem: string): number {
  io.stderr(`${problem}\n${USAGE}`);
  return BACKUP_EXIT.usage;
}
