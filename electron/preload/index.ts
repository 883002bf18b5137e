// Sandboxed preload: CommonJS, bundled into one small file, no zod. It exposes exactly
// one function per contract channel plus a typed `on` for the contract's events, and
// the dropped-file grant below.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../shared/ipc/build-api';
import { PRELOAD_CHANNELS } from '../../shared/ipc/channels';

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

// The one addition to the contract's API, because only a preload may call webUtils: a
// dropped file's path goes straight to the main process, which answers with a
// one-time token; the page never sees the path and cannot name any other file.
contextBridge.exposeInMainWorld('deskFiles', {
  grantDropped: async (file: File): Promise<string> => {
    if (!(file instanceof File)) return '';
    const path = webUtils.getPathForFile(file);
    if (!path) return '';
    return (await ipcRenderer.invoke(PRELOAD_CHANNELS.grantDroppedFile, path)) as string;
  },
});
