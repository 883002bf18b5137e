import { BrowserWindow, dialog } from 'electron';
import type { DialogPort } from '../../services/dialogs';

/** Electron's file dialogs, modal to the window the clerk is working in. */
export const electronDialogs: DialogPort = {
  async showOpen(options) {
    const parent = BrowserWindow.getFocusedWindow();
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = options.directory
      ? ['openDirectory']
      : options.multiple
        ? ['openFile', 'multiSelections']
        : ['openFile'];
    const request = { title: options.title, defaultPath: options.defaultPath, filters: options.filters, properties };
    const result = parent ? await dialog.showOpenDialog(parent, request) : await dialog.showOpenDialog(request);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  },
  async showSave(options) {
    const parent = BrowserWindow.getFocusedWindow();
    const request = { title: options.title, defaultPath: options.defaultPath, filters: options.filters };
    const result = parent ? await dialog.showSaveDialog(parent, request) : await dialog.showSaveDialog(request);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};
