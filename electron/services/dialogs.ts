/** System file dialogs, as a port: Electron's `dialog` in the app, a scripted double in tests. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogPort {
  /** Chosen paths, or null when the clerk cancelled. */
  showOpen(options: {
    title?: string;
    defaultPath?: string;
    filters?: FileFilter[];
    multiple?: boolean;
    /** Choose a folder instead of files (e.g. a USB stick full of packages). */
    directory?: boolean;
  }): Promise<string[] | null>;
  /** The chosen path, or null when the clerk cancelled. */
  showSave(options: { title?: string; defaultPath?: string; filters?: FileFilter[] }): Promise<string | null>;
}
