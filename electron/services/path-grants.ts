import { resolve } from 'node:path';
import { AppError } from '../../shared/ipc/errors';

/**
 * Paths the clerk picked in a file dialog during this session. Channels that take a
 * path back from the renderer (e.g. importing the packages listed after a pick) accept
 * only these, so page script cannot make the main process open files of its choosing.
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const path of paths) this.granted.add(resolve(path));
  }

  check(path: string): string {
    const absolute = resolve(path);
    if (!this.granted.has(absolute)) {
      throw new AppError('PATH_NOT_GRANTED', 'This file was not chosen in a dialog', { params: { path } });
    }
    return absolute;
  }
}
