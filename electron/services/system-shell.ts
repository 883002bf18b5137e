/** Hands a file to the program the system associates with it (WPS or Word for .docx). */
export interface ShellPort {
  /** Resolves to '' on success, or the system's error message (Electron's shell.openPath contract). */
  openPath(path: string): Promise<string>;
}
