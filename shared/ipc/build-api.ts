import { CHANNELS, EVENTS, type EventName, eventChannel } from './channels';

/** The two primitives a transport provides: Electron's ipcRenderer, or the e2e bridge. */
export interface IpcTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the object exposed as `window.api`: one function per contract channel and a
 * typed `on` limited to the contract's events. No generic invoke reaches the page.
 */
export function buildApi(transport: IpcTransport): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = (input: unknown) => transport.invoke(channel, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('Listener must be a function');
    return transport.subscribe(eventChannel(event), listener);
  };
  return Object.freeze(api);
}
