import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvidenceStore } from '../evidence/store';

/**
 * What packages need of the content-addressed evidence store (userData/evidence):
 * where a file with a given SHA-256 lives, its size, and a way to move a verified
 * imported file in. The evidence feature owns the store; this port keeps packages
 * independent of how it lays files out.
 */
export interface PackageEvidence {
  /** Absolute path of the stored file with this hash (it may not exist). */
  pathOf(sha256: string): string;
  /** Size in bytes, or null when the store lacks the file. */
  sizeOf(sha256: string): Promise<number | null>;
  /**
   * Moves a verified file into the store. An intact copy already there (same hash and
   * size) is kept and the source removed; a damaged one is replaced. Returns whether
   * the store gained a file.
   */
  adopt(sha256: string, sourcePath: string, size: number): Promise<boolean>;
}

/**
 * The port over the app's EvidenceStore. Adopting is a plain rename into the store's
 * layout (synchronous: an import commits thousands of files, and a rename is one quick
 * system call). Renaming over a stored copy is safe either way: the same hash means the
 * same bytes, and a stored copy of another size was damaged and is repaired.
 */
export function packageEvidenceFrom(store: EvidenceStore): PackageEvidence {
  const folders = new Set<string>();
  return {
    pathOf: (sha256) => store.pathOf(sha256),
    sizeOf: (sha256) => store.sizeOf(sha256),
    adopt: async (sha256, sourcePath, size) => {
      const target = store.pathOf(sha256);
      const folder = dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      const existing = statSync(target, { throwIfNoEntry: false });
      if (existing?.isFile() && existing.size === size) {
        rmSync(sourcePath, { force: true });
        return false;
      }
      renameSync(sourcePath, target);
      return true;
    },
  };
}
