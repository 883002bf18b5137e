// Sandboxed preload: CommonJS, bundled into one small file, no zod. It exposes exactly
// one function per contract channel plus a typed `on` for the contract's events.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../shared/ipc/build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      // The IpcRendererEvent (with its `sender`) never reaches the page.
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  }),
);

// A dropped file's path on disk, so multi-GB evidence is copied by the main process
// instead of streamed through the page; "" for files that have no path.
contextBridge.exposeInMainWorld('deskFiles', {
  pathForFile: (file: File): string => (file instanceof File ? webUtils.getPathForFile(file) : ''),
});
