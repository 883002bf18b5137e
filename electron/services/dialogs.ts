import { resolve } from 'node:path';
import { AppError } from '../../shared/ipc/errors';

export interface FileFilter {
  /** Shown in the dialog, already localised. */
  name: string;
  extensions: string[];
}

/**
 * Native file dialogs, as a port: Electron's `dialog` in the app, preset answers in
 * the e2e harness. Paths always come from here, never from the renderer, so a
 * compromised page cannot make the main process read or write where it likes.
 */
export interface DialogPort {
  /** Chosen files (or folders, with `directory`), or null when the clerk cancelled. */
  showOpen(options: {
    title: string;
    filters?: FileFilter[];
    multiple?: boolean;
    directory?: boolean;
  }): Promise<string[] | null>;
  /** The chosen destination, or null when the clerk cancelled. */
  showSave(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
}

/**
 * Paths the clerk picked in a dialog during this session. Channels that take a path
 * from the renderer (e.g. importing files listed after a pick) accept only these.
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
