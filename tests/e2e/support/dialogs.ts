import type { DialogPort, FileFilter } from '../../../electron/services/dialogs';

/**
 * The dialog port for e2e tests: each dialog the app opens takes the next answer the
 * test queued (a path, or null for "cancelled"). A dialog nobody expected fails the
 * call loudly instead of hanging.
 */
export class HarnessDialogs implements DialogPort {
  private readonly openAnswers: (string[] | null)[] = [];
  private readonly saveAnswers: (string | null)[] = [];
  /** What the app asked for, for tests that check filters or suggested names. */
  readonly requests: { kind: 'open' | 'save'; filters?: FileFilter[]; defaultPath?: string; multiple?: boolean }[] = [];

  queueOpen(paths: string[] | null): void {
    this.openAnswers.push(paths);
  }

  queueSave(path: string | null): void {
    this.saveAnswers.push(path);
  }

  async showOpen(options: { filters?: FileFilter[]; multiple?: boolean }): Promise<string[] | null> {
    this.requests.push({ kind: 'open', ...options });
    if (this.openAnswers.length === 0) throw new Error('The app opened a file dialog the test did not expect');
    return this.openAnswers.shift() ?? null;
  }

  async showSave(options: { defaultPath?: string; filters?: FileFilter[] }): Promise<string | null> {
    this.requests.push({ kind: 'save', ...options });
    if (this.saveAnswers.length === 0) throw new Error('The app opened a save dialog the test did not expect');
    return this.saveAnswers.shift() ?? null;
  }
}
