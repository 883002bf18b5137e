import type { DialogPort } from '../../../electron/services/dialogs';
import type { ShellPort } from '../../../electron/services/system-shell';

/** File dialogs answered by the test: queue the paths (or null for "cancel") before acting. */
export class ScriptedDialogs implements DialogPort {
  readonly saveAnswers: (string | null)[] = [];
  readonly openAnswers: (string[] | null)[] = [];
  readonly requests: { kind: 'open' | 'save'; defaultPath?: string; title?: string }[] = [];

  async showOpen(options: { title?: string; defaultPath?: string }): Promise<string[] | null> {
    this.requests.push({ kind: 'open', ...options });
    return this.openAnswers.shift() ?? null;
  }

  async showSave(options: { title?: string; defaultPath?: string }): Promise<string | null> {
    this.requests.push({ kind: 'save', ...options });
    return this.saveAnswers.shift() ?? null;
  }
}

/** Records what the app asked the system to open instead of launching WPS or Word. */
export class RecordingShell implements ShellPort {
  readonly opened: string[] = [];

  async openPath(path: string): Promise<string> {
    this.opened.push(path);
    return '';
  }
}
