import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isPartialPath } from '../storage/atomic';

/**
 * The file areas of userData a backup carries. Folders travel whole (minus their
 * scratch space); the keys folder only file by file, because the office's private keys
 * go into a backup only when the clerk asks for them.
 */
export const FOLDER_AREAS = [
  { area: 'evidence', dir: 'evidence', skip: ['tmp'] },
  { area: 'documents', dir: 'documents', skip: ['tmp'] },
  { area: 'packages', dir: 'packages', skip: ['quarantine'] },
] as const;
export const KEYS_AREA = 'keys';
export const TRUST_FILE = 'trust.json';
export const OFFICE_KEYS_FILE = 'office-keys.json';
/** Folders a restore recreates empty, because the services expect them. */
export const EMPTY_FOLDERS: Record<string, string[]> = {
  evidence: ['tmp'],
  documents: ['drafts', 'issued', 'voids', 'tmp', 'exports'],
  packages: [],
  keys: [],
};

export interface AreaFile {
  area: string;
  /** '/'-separated path inside the area. */
  relative: string;
  path: string;
  size: number;
}

async function walk(
  root: string,
  skip: readonly string[],
  prefix = '',
): Promise<{ relative: string; path: string; size: number }[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: { relative: string; path: string; size: number }[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const path = join(root, relative);
    if (isPartialPath(path) || (!prefix && skip.includes(entry.name))) continue;
    if (entry.isDirectory()) out.push(...(await walk(root, skip, relative)));
    else if (entry.isFile()) out.push({ relative, path, size: (await stat(path)).size });
  }
  return out;
}

/** Every file the backup will carry, in the order it writes them. */
export async function listAreaFiles(userDataDir: string, includeOfficeKeys: boolean): Promise<AreaFile[]> {
  const files: AreaFile[] = [];
  for (const { area, dir, skip } of FOLDER_AREAS) {
    for (const file of await walk(join(userDataDir, dir), skip)) files.push({ area, ...file });
  }
  const keyNames = includeOfficeKeys ? [TRUST_FILE, OFFICE_KEYS_FILE] : [TRUST_FILE];
  for (const name of keyNames) {
    const path = join(userDataDir, 'keys', name);
    try {
      const info = await stat(path);
      if (info.isFile()) files.push({ area: KEYS_AREA, relative: name, path, size: info.size });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}

/** Files and bytes per area, for the manifest and the restore confirmation. */
export function tallyAreas(
  files: readonly { area: string; size: number }[],
): Record<string, { files: number; bytes: number }> {
  const areas: Record<string, { files: number; bytes: number }> = {};
  for (const name of [...FOLDER_AREAS.map((a) => a.area), KEYS_AREA]) areas[name] = { files: 0, bytes: 0 };
  for (const file of files) {
    const tally = areas[file.area] ?? { files: 0, bytes: 0 };
    areas[file.area] = tally;
    tally.files++;
    tally.bytes += file.size;
  }
  return areas;
}
