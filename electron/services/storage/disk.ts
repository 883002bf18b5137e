import { statfs } from 'node:fs/promises';
import { formatBytes } from '../../../shared/format/bytes';
import { AppError } from '../../../shared/ipc/errors';

export interface DiskSpace {
  free: number;
  total: number;
}

export type StatFs = (path: string) => Promise<{ bavail: number; blocks: number; bsize: number }>;

/** Space on the volume holding `path` (injectable so tests can fake a full disk). */
export async function diskSpace(path: string, fs: StatFs = statfs as unknown as StatFs): Promise<DiskSpace> {
  const s = await fs(path);
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

/** Keep this much free besides what an operation needs, so the OS and the database can still write. */
export const SAFETY_MARGIN_BYTES = 256 * 1024 * 1024;

/**
 * Refuses, before anything is written, work that would not fit on the disk: the clerk
 * gets DISK_FULL with the numbers instead of a half-written file.
 */
export async function ensureFreeSpace(path: string, bytesNeeded: number, fs?: StatFs): Promise<void> {
  const { free } = await diskSpace(path, fs);
  if (bytesNeeded + SAFETY_MARGIN_BYTES > free) {
    throw new AppError('INSUFFICIENT_SPACE', `Needs ${bytesNeeded} bytes plus margin, ${free} free`, {
      params: { needed: formatBytes(bytesNeeded), free: formatBytes(free) },
    });
  }
}
