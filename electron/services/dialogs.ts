/** A file-type filter of an open or save dialog. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The native file dialogs, as a port: Electron's `dialog` in the app, a queue of
 * preset answers in the e2e harness. Null means the clerk cancelled.
 */
export interface DialogPort {
  showOpen(options: { filters?: FileFilter[]; multiple?: boolean }): Promise<string[] | null>;
  showSave(options: { defaultPath?: string; filters?: FileFilter[] }): Promise<string | null>;
}
