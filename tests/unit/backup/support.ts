import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Conf from 'conf';
import { BackupService, type BackupServiceOptions } from '../../../electron/services/backup/service';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';

export const PASSPHRASE = '正确的备份口令 correct horse';
/** Cheap scrypt and small chunks: the same code paths, many chunks, fast tests. */
export const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 }, chunkSize: 4096 };

export const office = {
  name: '青山县司法局',
  shortName: '青司',
  level: 'county' as const,
  kind: 'judicial' as const,
  divisionCode: '330104',
  superior: { name: '江州市司法局', divisionCode: '330100' },
};

export function tempDir(prefix = 'desk-backup-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Profile {
  userData: string;
  settings: Conf<SettingsSchema>;
  service: BackupService;
}

export function openProfile(userData = tempDir(), extra: Partial<BackupServiceOptions> = {}): Profile {
  const settings = new Conf<SettingsSchema>({ cwd: userData, configName: 'settings', defaults: SETTINGS_DEFAULTS });
  const service = new BackupService({
    userDataDir: userData,
    settings,
    software: 'Supervision Desk test',
    now: () => new Date('2026-11-27T08:00:00Z'),
    ...FAST,
    ...extra,
  });
  return { userData, settings, service };
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A profile with evidence (one file spanning many chunks), an issued document, a ledger and keys. */
export function fillProfile(profile: Profile, seed = 1): void {
  const bytes = (n: number, s: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + s * 7) % 251));
  for (const data of [bytes(50_000, seed), bytes(3, seed + 1), Buffer.alloc(0)]) {
    const hash = sha(data);
    mkdirSync(join(profile.userData, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(profile.userData, 'evidence', hash.slice(0, 2), hash), data);
  }
  mkdirSync(join(profile.userData, 'evidence', 'tmp'), { recursive: true });
  writeFileSync(join(profile.userData, 'evidence', 'tmp', 'half-copied.part'), 'scratch');
  const issued = join(profile.userData, 'documents', 'issued', `doc-${seed}`);
  mkdirSync(issued, { recursive: true });
  writeFileSync(join(issued, 'document.pdf'), bytes(9000, seed + 2));
  writeFileSync(join(issued, 'record.json'), JSON.stringify({ number: `青司监〔2026〕${seed}号` }));
  mkdirSync(join(profile.userData, 'packages'), { recursive: true });
  writeFileSync(join(profile.userData, 'packages', 'outbox.json'), JSON.stringify({ lastSequence: seed }));
  mkdirSync(join(profile.userData, 'keys'), { recursive: true });
  writeFileSync(join(profile.userData, 'keys', 'trust.json'), JSON.stringify({ formatVersion: 1, organs: [], seed }));
  writeFileSync(join(profile.userData, 'keys', 'office-keys.json'), JSON.stringify({ secret: `sealed-${seed}` }));
  profile.settings.set('office', { ...office, name: `${office.name}${seed}` });
  profile.settings.set('locale', seed % 2 ? 'en' : 'zh-CN');
}

/** Every file under userData (but settings.json) with its SHA-256: what "untouched" compares. */
export function snapshotFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = `${statSync(path).size}:${sha(readFileSync(path))}`;
    }
  };
  walk(root);
  return out;
}

/** Rows as the renderer encodes them: one JSON object per line. */
export function tableRows(seed: number): Record<string, string[]> {
  const row = (table: string, i: number) =>
    JSON.stringify({ id: `${table}-${seed}-${i}`, name: `名称 ${i}`, n: i * seed, nested: { list: [i, 'x'] } });
  return {
    organs: Array.from({ length: 7 }, (_, i) => row('organs', i)),
    bodies: Array.from({ length: 300 }, (_, i) => row('bodies', i)),
    meta: [],
  };
}

export const pageText = (rows: readonly string[]) => rows.map((r) => `${r}\n`).join('');

export function pages(rows: readonly string[], size: number): string[] {
  if (rows.length === 0) return [''];
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(pageText(rows.slice(i, i + size)));
  return out;
}

/** What the renderer does for a backup: every table page by page, then finish. */
export async function writeBackup(
  profile: Profile,
  target: string,
  tables: Record<string, string[]>,
  options: { includeOfficeKeys?: boolean; passphrase?: string; signal?: AbortSignal } = {},
) {
  const { sessionId } = await profile.service.begin({
    target,
    passphrase: options.passphrase ?? PASSPHRASE,
    includeOfficeKeys: options.includeOfficeKeys ?? true,
    database: { name: 'supervision-desk', schemaVersion: 2 },
    estimatedDatabaseBytes: 10_000,
  });
  for (const [table, rows] of Object.entries(tables)) {
    for (const page of pages(rows, 50)) await profile.service.appendRows(sessionId, table, page);
  }
  return profile.service.finish(sessionId, { signal: options.signal });
}
