import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, PRELOAD_CHANNELS } from '../../../shared/ipc/channels';

const bridge = vi.hoisted(() => {
  const exposed: Record<string, Record<string, unknown>> = {};
  const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  return {
    exposed,
    listeners,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: Record<string, unknown>) => {
          exposed[key] = value;
        },
      },
      webUtils: { getPathForFile: vi.fn(() => '/home/clerk/scan.pdf') },
      ipcRenderer: {
        invoke: vi.fn(async () => ({ ok: true, value: null })),
        on: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
          listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
        removeListener: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((l) => l !== fn),
          ),
      },
    },
  };
});
vi.mock('electron', () => bridge.module);
await import('../../../electron/preload/index');

describe('preload', () => {
  const api = bridge.exposed.api as Record<string, (...args: unknown[]) => unknown>;

  it('exposes exactly the contract channels and `on`, plus the dropped-file grant', () => {
    expect(Object.keys(bridge.exposed)).toEqual(['api', 'deskFiles']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(api).not.toHaveProperty('invoke');
  });

  it("hands a dropped File's path to the main process, never to the page", async () => {
    const files = bridge.exposed.deskFiles as { grantDropped(file: unknown): Promise<string> };
    expect(Object.keys(files)).toEqual(['grantDropped']);
    bridge.module.ipcRenderer.invoke.mockResolvedValueOnce('ab'.repeat(16) as never);
    await expect(files.grantDropped(new File(['x'], 'scan.pdf'))).resolves.toBe('ab'.repeat(16));
    expect(bridge.module.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      PRELOAD_CHANNELS.grantDroppedFile,
      '/home/clerk/scan.pdf',
    );
    // Anything but a File (a string, a forged object) gets nothing and never reaches webUtils.
    await expect(files.grantDropped('/etc/passwd')).resolves.toBe('');
    await expect(files.grantDropped({ name: 'scan.pdf' })).resolves.toBe('');
    expect(bridge.module.webUtils.getPathForFile).toHaveBeenCalledTimes(1);
  });

  it('forwards a call to ipcRenderer.invoke on its own channel', async () => {
    await api['office.get']?.();
    expect(bridge.module.ipcRenderer.invoke).toHaveBeenCalledWith('office.get', undefined);
  });

  it('delivers contract events without the IPC event object, and unsubscribes', () => {
    const received: unknown[] = [];
    const off = api.on?.(EVENTS[0], (payload: unknown) => received.push(payload)) as () => void;
    const channel = `event:${EVENTS[0]}`;
    for (const fn of bridge.listeners.get(channel) ?? []) fn({ sender: 'secret' }, { opId: 'x' });
    expect(received).toEqual([{ opId: 'x' }]);
    off();
    expect(bridge.listeners.get(channel)).toEqual([]);
  });

  it('refuses events outside the contract', () => {
    expect(() => api.on?.('anything', () => undefined)).toThrow(/Unknown event/);
  });

  it('builds to one small CommonJS file without zod', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'desk-preload-'));
    await build({
      configFile: resolve(import.meta.dirname, '../../../build/vite.preload.config.ts'),
      logLevel: 'silent',
      build: { outDir },
    });
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/^\s*import\s|ZodType|ZodError|safeParse|require\("zod"\)/m);
    expect(code.match(/require\(/g)).toHaveLength(1);
    expect(code.length).toBeLessThan(8 * 1024);
  });
});
