import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import type { SecretProtector } from '../keys/protector';
import type { BackupScheduleSettings, SettingsPort } from '../settings';
import { BACKUP_EXTENSION } from './format';

const HOUR = 60 * 60 * 1000;
/** After a failed attempt, wait this long before trying again (a missing USB stick should not nag every minute). */
export const RETRY_AFTER_MS = HOUR;
export const AUTO_PREFIX = 'supervision-desk-auto-';
const AUTO_NAME = new RegExp(`^${AUTO_PREFIX}\\d{8}-\\d{6}\\.${BACKUP_EXTENSION}$`);

export const DEFAULT_SCHEDULE: BackupScheduleSettings = {
  enabled: false,
  intervalHours: 24,
  folder: null,
  keep: 7,
  includeOfficeKeys: false,
  sealedPassphrase: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
};

export interface ScheduleStatus {
  enabled: boolean;
  intervalHours: number;
  folder: string | null;
  keep: number;
  includeOfficeKeys: boolean;
  /** Where the passphrase lives: sealed by the OS key store, in memory until the app quits, or nowhere. */
  passphrase: 'system' | 'session' | 'none';
  systemProtectionAvailable: boolean;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** An automatic backup should run now. */
  due: boolean;
  /** The last backup is older than the schedule allows (status-bar warning). */
  stale: boolean;
}

/** Age past which the last backup counts as overdue: the interval plus half of it as grace. */
export const staleAfterMs = (intervalHours: number) => intervalHours * 1.5 * HOUR;

export function isDue(s: BackupScheduleSettings, now: Date, hasPassphrase: boolean): boolean {
  if (!s.enabled || !s.folder || !hasPassphrase) return false;
  const t = now.getTime();
  if (s.lastAttemptAt && s.lastError && t - Date.parse(s.lastAttemptAt) < RETRY_AFTER_MS) return false;
  return !s.lastSuccessAt || t - Date.parse(s.lastSuccessAt) >= s.intervalHours * HOUR;
}

export function isStale(s: BackupScheduleSettings, now: Date): boolean {
  if (!s.enabled) return false;
  return !s.lastSuccessAt || now.getTime() - Date.parse(s.lastSuccessAt) > staleAfterMs(s.intervalHours);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time in the name, so the clerk recognises the file; sorting by name sorts by time. */
export function autoBackupName(now: Date): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${AUTO_PREFIX}${date}-${time}.${BACKUP_EXTENSION}`;
}

/** Deletes automatic backups beyond the newest `keep`; files the clerk saved by hand are never touched. */
export async function pruneAutoBackups(folder: string, keep: number): Promise<string[]> {
  const names = (await readdir(folder)).filter((n) => AUTO_NAME.test(n)).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(join(folder, name), { force: true });
  return removed;
}

export interface AutoBackupOptions {
  settings: SettingsPort;
  /** The OS key store (safeStorage); null where the platform has none. */
  systemProtector: SecretProtector | null;
  now: () => Date;
}

/**
 * The automatic-backup schedule and its passphrase. The passphrase is sealed with the
 * OS key store, as the office keys are when the clerk chose that; where the OS offers
 * no real store (Linux basic_text), it is held in memory only and asked for once per
 * session — writing it to disk unprotected would defeat the backup's encryption.
 */
export class AutoBackup {
  private sessionPassphrase: string | null = null;

  constructor(private readonly options: AutoBackupOptions) {}

  settings(): BackupScheduleSettings {
    return { ...DEFAULT_SCHEDULE, ...(this.options.settings.get('backupSchedule') ?? {}) };
  }

  private save(next: BackupScheduleSettings): void {
    this.options.settings.set('backupSchedule', next);
  }

  private protector(): SecretProtector | null {
    const p = this.options.systemProtector;
    return p?.isAvailable() ? p : null;
  }

  private hasPassphrase(s: BackupScheduleSettings): boolean {
    return this.sessionPassphrase !== null || (s.sealedPassphrase !== null && this.protector() !== null);
  }

  status(): ScheduleStatus {
    const s = this.settings();
    const now = this.options.now();
    return {
      enabled: s.enabled,
      intervalHours: s.intervalHours,
      folder: s.folder,
      keep: s.keep,
      includeOfficeKeys: s.includeOfficeKeys,
      passphrase:
        s.sealedPassphrase && this.protector() ? 'system' : this.sessionPassphrase !== null ? 'session' : 'none',
      systemProtectionAvailable: this.protector() !== null,
      lastSuccessAt: s.lastSuccessAt,
      lastError: s.lastError,
      due: isDue(s, now, this.hasPassphrase(s)),
      stale: isStale(s, now),
    };
  }

  async configure(
    change: Partial<
      Pick<BackupScheduleSettings, 'enabled' | 'intervalHours' | 'folder' | 'keep' | 'includeOfficeKeys'>
    > & {
      passphrase?: string;
    },
  ): Promise<ScheduleStatus> {
    const { passphrase, ...rest } = change;
    const next = { ...this.settings(), ...rest };
    if (passphrase !== undefined) {
      const protector = this.protector();
      next.sealedPassphrase = protector ? await protector.seal(Buffer.from(passphrase.normalize('NFC'), 'utf8')) : null;
      this.sessionPassphrase = passphrase;
    }
    this.save(next);
    return this.status();
  }

  async passphrase(): Promise<string> {
    if (this.sessionPassphrase !== null) return this.sessionPassphrase;
    const s = this.settings();
    const protector = this.protector();
    if (!s.sealedPassphrase || !protector) {
      throw new AppError('BACKUP_PASSPHRASE_NOT_STORED', 'No stored passphrase for automatic backups');
    }
    try {
      this.sessionPassphrase = Buffer.from(await protector.open(s.sealedPassphrase)).toString('utf8');
    } catch (error) {
      throw new AppError('BACKUP_PASSPHRASE_NOT_STORED', 'The stored passphrase cannot be opened', { cause: error });
    }
    return this.sessionPassphrase;
  }

  /** Where the next automatic backup goes. */
  target(): string {
    const folder = this.settings().folder;
    if (!folder) throw new AppError('BACKUP_FOLDER_NOT_SET', 'No folder for automatic backups');
    return join(folder, autoBackupName(this.options.now()));
  }

  async recordSuccess(): Promise<void> {
    const s = this.settings();
    const at = this.options.now().toISOString();
    this.save({ ...s, lastSuccessAt: at, lastAttemptAt: at, lastError: null });
    if (s.folder) await pruneAutoBackups(s.folder, s.keep);
  }

  /** Manual backups count too: what matters is that a recent copy exists. */
  recordManualSuccess(): void {
    const s = this.settings();
    this.save({ ...s, lastSuccessAt: this.options.now().toISOString() });
  }

  recordFailure(code: string): void {
    this.save({ ...this.settings(), lastAttemptAt: this.options.now().toISOString(), lastError: code });
  }
}
