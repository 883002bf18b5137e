import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { DialogPort } from '../../services/dialogs';

/** Electron's native dialogs, modal to the focused window; save dialogs start in Documents. */
export function createElectronDialogs(): DialogPort {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async showOpen({ title, filters, multiple, directory }) {
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = directory
        ? ['openDirectory']
        : ['openFile', ...(multiple ? (['multiSelections'] as const) : [])];
      const window = parent();
      const options = { title, filters, properties };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async showSave({ title, defaultName, filters }) {
      const window = parent();
      const options = { title, filters, defaultPath: join(app.getPath('documents'), defaultName) };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
