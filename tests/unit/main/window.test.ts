import { describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron.module);

const { createMainWindow, restorableBounds } = await import('../../../electron/main/window');
const { SettingsService } = await import('../../../electron/services/settings');

function memoryStore() {
  const data = new Map<string, unknown>();
  return {
    get: (key: string) => data.get(key),
    set: (key: string, value: unknown) => void data.set(key, value),
    delete: (key: string) => void data.delete(key),
  };
}

describe('main window', () => {
  it('opens hidden with every isolation setting of the security checklist', () => {
    const settings = new SettingsService(memoryStore() as never);
    const window = createMainWindow({ settings, preloadPath: '/app/preload.cjs', title: 'Desk' }) as unknown as {
      options: { show: boolean; webPreferences: Record<string, unknown> };
    };
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('remembers size, position and maximized state when closed', () => {
    const settings = new SettingsService(memoryStore() as never);
    const window = createMainWindow({ settings, preloadPath: '/p', title: 'Desk' }) as unknown as {
      maximize(): void;
      emit(name: string): void;
    };
    window.maximize();
    window.emit('close');
    expect(settings.windowState()).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });

  it('restores saved bounds only where a display still shows them', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restorableBounds({ x: 100, y: 80, width: 1000, height: 700, maximized: false }, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
    });
    // The second monitor it was on has been unplugged: keep the size, let the OS place it.
    expect(restorableBounds({ x: 2500, y: 80, width: 1000, height: 700, maximized: false }, screen)).toEqual({
      width: 1000,
      height: 700,
    });
    // Never smaller than the minimum the layout needs.
    expect(restorableBounds({ width: 200, height: 100, maximized: false }, screen)).toEqual({
      width: 960,
      height: 640,
    });
    expect(restorableBounds(null, screen)).toEqual({ width: 1280, height: 820 });
  });
});
