import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DialogPort } from '../../services/dialogs';

/** The dialog port over Electron's native dialogs, modal to the focused window. */
export function createElectronDialogs(): DialogPort {
  return {
    async showOpen({ filters, multiple }) {
      const options: OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(filters ? { filters } : {}),
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async showSave({ defaultPath, filters }) {
      const options: SaveDialogOptions = {
        ...(defaultPath ? { defaultPath } : {}),
        ...(filters ? { filters } : {}),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
