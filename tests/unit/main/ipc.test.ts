import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';

const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron.module);

const { registerIpc } = await import('../../../electron/main/ipc');
const { silentLogger } = await import('../../../electron/services/logger');

function frame(url: string, parent: object | null = null) {
  return { url, parent };
}

describe('IPC adapter', () => {
  const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, value: channel }));
  const warn = vi.fn();
  registerIpc(electron.module.ipcMain as never, dispatch, { ...silentLogger, warn });
  const invoke = (channel: string, senderFrame: unknown, input?: unknown) => {
    const handler = electron.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame, sender: { isDestroyed: () => false, send: vi.fn() } }, input) as Promise<unknown>;
  };

  it('registers one handler per contract channel and nothing else', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes calls from the app top frame to the dispatcher', async () => {
    await expect(invoke('office.get', frame('app://desk/index.html'))).resolves.toEqual({
      ok: true,
      value: 'office.get',
    });
    expect(dispatch).toHaveBeenCalledWith('office.get', undefined, expect.any(Object));
  });

  it('refuses a call from a foreign origin without running the handler', async () => {
    dispatch.mockClear();
    for (const sender of [frame('https://evil.example/'), frame('file:///tmp/x.html'), frame('app://other/'), null]) {
      await expect(invoke('office.save', sender, { name: 'x' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
  });

  it('refuses a call from a subframe, even one on the app origin', async () => {
    dispatch.mockClear();
    const result = await invoke('office.get', frame('app://desk/frame.html', { url: 'app://desk/index.html' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
