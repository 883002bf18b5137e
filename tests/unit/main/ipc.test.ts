import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, PRELOAD_CHANNELS } from '../../../shared/ipc/channels';

const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron.module);

const { registerIpc, registerPreloadIpc } = await import('../../../electron/main/ipc');
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

  const grant = vi.fn(async (path: unknown) => `token-for-${String(path)}`);
  registerPreloadIpc(electron.module.ipcMain as never, grant, { ...silentLogger, warn });

  it("registers one handler per contract channel and the preload's grant, nothing else", () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS, PRELOAD_CHANNELS.grantDroppedFile].sort());
  });

  it('grants dropped files only to the app top frame', async () => {
    await expect(
      invoke(PRELOAD_CHANNELS.grantDroppedFile, frame('app://desk/index.html'), '/home/a.pdf'),
    ).resolves.toBe('token-for-/home/a.pdf');
    await expect(
      invoke(PRELOAD_CHANNELS.grantDroppedFile, frame('https://evil.example/'), '/etc/passwd'),
    ).resolves.toBe('');
    expect(grant).toHaveBeenCalledTimes(1);
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
