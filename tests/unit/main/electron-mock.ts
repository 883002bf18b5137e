import { vi } from 'vitest';

/**
 * A recording stand-in for the parts of Electron the main process touches, for
 * `vi.mock('electron', () => electronMock())`. Handlers registered through it are kept
 * so tests can fire events at them.
 */
export function createElectronMock() {
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const windows: FakeWindow[] = [];

  class FakeWindow {
    static getAllWindows = () => windows;
    static getFocusedWindow = () => windows[0] ?? null;
    options: Record<string, unknown>;
    listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    webContents = { send: vi.fn(), isDestroyed: () => false };
    maximized = false;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    on(name: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: (...args: unknown[]) => void) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    loadURL = vi.fn(async () => undefined);
  }

  const module = {
    app: { isPackaged: true, getPath: vi.fn(() => '/tmp'), getVersion: () => '0.0.0' },
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => privileged.push(...schemes)),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
      ),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => unknown) =>
        ipcHandlers.set(channel, handler),
      ),
    },
  };
  return { module, ipcHandlers, protocolHandlers, privileged, windows };
}
