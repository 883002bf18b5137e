import { createReadStream, mkdirSync, type ReadStream, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { temporarySibling } from '../atomic-file';

const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

/**
 * The content-addressed store of evidence and issued documents (userData/evidence/<sha256>).
 * Packages read from it on export and add to it when an import is committed. The
 * port is small so that the evidence feature can own the store and still feed packages.
 */
export interface EvidenceStore {
  /** Absolute path of the file with this hash (it may not exist). */
  evidencePath(sha256: string): string;
  openEvidence(sha256: string): ReadStream;
  /** Size in bytes, or null when the store lacks the file. */
  sizeOf(sha256: string): number | null;
  /**
   * Moves a verified file into the store; a file already there (same hash, same
   * bytes) is kept and the source removed. Returns whether the store gained a file.
   */
  adopt(sha256: string, sourcePath: string): Promise<boolean>;
}

export class FsEvidenceStore implements EvidenceStore {
  constructor(private readonly dir: string) {}

  evidencePath(sha256: string): string {
    if (!isSha256(sha256)) throw new RangeError('Not a SHA-256 hex digest');
    return join(this.dir, sha256);
  }

  openEvidence(sha256: string): ReadStream {
    return createReadStream(this.evidencePath(sha256));
  }

  sizeOf(sha256: string): number | null {
    return statSync(this.evidencePath(sha256), { throwIfNoEntry: false })?.size ?? null;
  }

  async adopt(sha256: string, sourcePath: string): Promise<boolean> {
    const target = this.evidencePath(sha256);
    mkdirSync(this.dir, { recursive: true });
    const existing = statSync(target, { throwIfNoEntry: false });
    // Same hash, same bytes: keep the stored file. A stored file of another size is
    // damaged; the verified copy replaces it.
    if (existing && existing.size === statSync(sourcePath).size) {
      await rm(sourcePath, { force: true });
      return false;
    }
    try {
      await rename(sourcePath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // Quarantine on another volume: copy beside the target, then rename into place.
      const temp = temporarySibling(target);
      try {
        await copyFile(sourcePath, temp);
        renameSync(temp, target);
      } finally {
        rmSync(temp, { force: true });
      }
      await rm(sourcePath, { force: true });
    }
    return true;
  }
}
