import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvidenceStore } from '../evidence/store';

/**
 * What packages need of the files they carry: where a file with a given SHA-256 lives
 * and its size, and a way to move a verified imported file in. Evidence lives in the
 * content-addressed evidence store (userData/evidence); issued documents live with
 * their records in the documents folder and travel the same way, by hash, so the
 * receiving office keeps both in its evidence store. This port keeps packages
 * independent of how either feature lays its files out.
 */
export interface PackageEvidence {
  /** The stored file with this hash and its size, or null when no store has it. */
  locate(sha256: string): Promise<{ path: string; size: number } | null>;
  /**
   * Moves a verified file into the evidence store. An intact copy already there (same
   * hash and size) is kept and the source removed; a damaged one is replaced. Returns
   * whether the store gained a file.
   */
  adopt(sha256: string, sourcePath: string, size: number): Promise<boolean>;
}

/** Issued documents by hash: the path of an issued DOCX or PDF with that SHA-256. */
export type IssuedFileLookup = (sha256: string) => Promise<string | null>;

/**
 * The port over the app's EvidenceStore (and, for export, the issued documents).
 * Adopting is a plain rename into the store's layout (synchronous: an import commits
 * thousands of files, and a rename is one quick system call). Renaming over a stored
 * copy is safe either way: the same hash means the same bytes, and a stored copy of
 * another size was damaged and is repaired.
 */
export function packageEvidenceFrom(store: EvidenceStore, issuedFile?: IssuedFileLookup): PackageEvidence {
  const folders = new Set<string>();
  return {
    locate: async (sha256) => {
      const size = await store.sizeOf(sha256);
      if (size !== null) return { path: store.pathOf(sha256), size };
      const issued = await issuedFile?.(sha256);
      const info = issued ? statSync(issued, { throwIfNoEntry: false }) : undefined;
      return issued && info?.isFile() ? { path: issued, size: info.size } : null;
    },
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
