import { mkdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
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
  /**
   * Undoes an adopt that gained a file (a commit that failed further on): moves the file
   * back to `sourcePath`, and removes the folders that adopt made if they are empty.
   */
  giveBack(sha256: string, sourcePath: string): Promise<void>;
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
  /** Folders adopt made, each with the outermost one mkdir created for it. */
  const made = new Map<string, string>();
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
        const first = mkdirSync(folder, { recursive: true });
        if (first) made.set(folder, first);
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
    giveBack: async (sha256, sourcePath) => {
      const target = store.pathOf(sha256);
      renameSync(target, sourcePath);
      const folder = dirname(target);
      const outermost = made.get(folder);
      if (!outermost) return;
      for (let dir = folder; ; dir = dirname(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          return; // Not empty: another file lives there now.
        }
        folders.delete(folder);
        made.delete(folder);
        if (dir === outermost) return;
      }
    },
  };
}
