import type { DialogPort } from '../../../electron/services/dialogs';

/**
 * File dialogs answered by the test: queue the answer, then trigger the action that
 * opens the dialog. An unexpected dialog fails loudly instead of hanging.
 */
export class PresetDialogs implements DialogPort {
  private readonly opens: (string[] | null)[] = [];
  private readonly saves: (string | null)[] = [];
  /** Every dialog shown, in order, with what it offered. */
  readonly shown: { kind: 'open' | 'save'; title: string; defaultName?: string; directory?: boolean }[] = [];

  answerOpen(paths: string[] | null): void {
    this.opens.push(paths);
  }

  answerSave(path: string | null): void {
    this.saves.push(path);
  }

  async showOpen(options: Parameters<DialogPort['showOpen']>[0]): Promise<string[] | null> {
    this.shown.push({ kind: 'open', title: options.title, directory: options.directory });
    if (this.opens.length === 0) throw new Error(`Unexpected open dialog: ${options.title}`);
    return this.opens.shift() ?? null;
  }

  async showSave(options: Parameters<DialogPort['showSave']>[0]): Promise<string | null> {
    this.shown.push({ kind: 'save', title: options.title, defaultName: options.defaultName });
    if (this.saves.length === 0) throw new Error(`Unexpected save dialog: ${options.title}`);
    return this.saves.shift() ?? null;
  }
}
