import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';

const TOKEN_TTL_MS = 10 * 60 * 1000;

/**
 * Paths of files the clerk dropped on the window. The preload (never the page) hands
 * a dropped File's path to the main process, which keeps it and gives back a one-time
 * token; the page then asks for the token to be added as evidence. So page script
 * can only ever name files a person actually dropped, never an arbitrary path.
 */
export class DroppedFileGrants {
  private readonly grants = new Map<string, { path: string; expires: number }>();

  constructor(
    private readonly userDataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  async grant(path: unknown): Promise<string> {
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || !isAbsolute(path)) {
      throw new AppError('EVIDENCE_NOT_A_FILE', 'Not an absolute path');
    }
    // The app's own data (keys, settings, the evidence store) is never evidence.
    const inside = relative(resolve(this.userDataDir), resolve(path));
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      throw new AppError('EVIDENCE_NOT_A_FILE', 'Files of the app itself cannot be evidence');
    }
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new AppError('EVIDENCE_NOT_A_FILE', 'Not a regular file');
    this.sweep();
    const token = randomBytes(16).toString('hex');
    this.grants.set(token, { path, expires: this.now() + TOKEN_TTL_MS });
    return token;
  }

  /** The granted path, once: a token cannot be replayed. */
  take(token: string): string {
    const grant = this.grants.get(token);
    this.grants.delete(token);
    if (!grant || grant.expires < this.now()) {
      throw new AppError('EVIDENCE_NOT_A_FILE', 'Unknown or expired dropped-file token');
    }
    return grant.path;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, grant] of this.grants) if (grant.expires < now) this.grants.delete(token);
  }
}
