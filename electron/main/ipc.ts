import type { IpcMain, WebFrameMain } from 'electron';
import { CHANNELS, eventChannel, PRELOAD_CHANNELS } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/dispatch';
import type { Logger } from '../services/logger';
import { isAppUrl } from './app-url';

/** Only our own renderer's top frame may call the main process. */
export function isTrustedSender(frame: WebFrameMain | null, devServerUrl?: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/** Registers one `ipcMain.handle` per contract channel; there is no catch-all channel. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, logger: Logger, devServerUrl?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        logger.warn('IPC call from an untrusted sender refused', { channel, url: event.senderFrame?.url ?? null });
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Untrusted sender' } };
      }
      const sender = event.sender;
      return dispatch(channel, input, {
        emit: (name, payload) => {
          if (!sender.isDestroyed()) sender.send(eventChannel(name), payload);
        },
      });
    });
  }
}

/**
 * The preload's own channel for dropped files: same sender check; a failure is logged
 * and answered with an empty token, which the page treats as "no path".
 */
export function registerPreloadIpc(
  ipcMain: IpcMain,
  grantDroppedFile: (path: unknown) => Promise<string>,
  logger: Logger,
  devServerUrl?: string,
): void {
  ipcMain.handle(PRELOAD_CHANNELS.grantDroppedFile, async (event, path: unknown): Promise<string> => {
    if (!isTrustedSender(event.senderFrame, devServerUrl)) {
      logger.warn('Dropped-file grant from an untrusted sender refused', { url: event.senderFrame?.url ?? null });
      return '';
    }
    return grantDroppedFile(path).catch((error: unknown) => {
      logger.warn('Dropped file refused', { error: error instanceof Error ? error.message : String(error) });
      return '';
    });
  });
}
