import { DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/domain/locale';
import { type OfficeIdentity, officeIdentitySchema } from '../../shared/domain/office';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Everything persisted in settings.json. Features add their keys here. */
export interface SettingsSchema {
  locale: Locale;
  office: OfficeIdentity | null;
  windowState: WindowState | null;
  /** The IndexedDB database the renderer opens; a restore fills a new one and switches. */
  databaseName: string | null;
  /** The database a restore replaced, deleted by the renderer at its next start. */
  previousDatabaseName: string | null;
  /** Automatic backups (backup/schedule.ts); null until the clerk sets them up. */
  backupSchedule: BackupScheduleSettings | null;
}

export interface BackupScheduleSettings {
  enabled: boolean;
  intervalHours: number;
  folder: string | null;
  keep: number;
  includeOfficeKeys: boolean;
  /** The passphrase sealed by the OS key store (SecretProtector), or null. */
  sealedPassphrase: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

/**
 * The slice of `conf`'s API that services use. electron-store extends conf, so the
 * composition root passes an electron-store and tests pass a plain `Conf`.
 */
export interface SettingsPort {
  get<K extends keyof SettingsSchema>(key: K): SettingsSchema[K] | undefined;
  set<K extends keyof SettingsSchema>(key: K, value: SettingsSchema[K]): void;
  delete(key: keyof SettingsSchema): void;
}

export const SETTINGS_DEFAULTS: SettingsSchema = {
  locale: DEFAULT_LOCALE,
  office: null,
  windowState: null,
  databaseName: null,
  previousDatabaseName: null,
  backupSchedule: null,
};

/**
 * Typed reads over the settings file. Values are re-validated on read because the file
 * is user-editable: a damaged entry falls back to its default instead of crashing.
 */
export class SettingsService {
  constructor(private readonly store: SettingsPort) {}

  locale(): Locale {
    const value = this.store.get('locale');
    return isLocale(value) ? value : DEFAULT_LOCALE;
  }

  setLocale(locale: Locale): Locale {
    this.store.set('locale', locale);
    return locale;
  }

  office(): OfficeIdentity | null {
    const parsed = officeIdentitySchema.safeParse(this.store.get('office'));
    return parsed.success ? parsed.data : null;
  }

  setOffice(office: OfficeIdentity): OfficeIdentity {
    this.store.set('office', office);
    return office;
  }

  windowState(): WindowState | null {
    const s = this.store.get('windowState');
    const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
    if (!s || !finite(s.width) || !finite(s.height)) return null;
    if (s.x !== undefined && !finite(s.x)) return null;
    if (s.y !== undefined && !finite(s.y)) return null;
    return { x: s.x, y: s.y, width: s.width, height: s.height, maximized: s.maximized === true };
  }

  setWindowState(state: WindowState): void {
    this.store.set('windowState', state);
  }
}
