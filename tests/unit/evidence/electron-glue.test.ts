import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  focused: null as object | null,
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
}));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => electron.focused },
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: electron.showSaveDialog },
}));

const { createElectronDialogs } = await import('../../../electron/main/adapters/dialogs');
const { evidenceRoute } = await import('../../../electron/main/evidence-route');
const { EvidenceStore } = await import('../../../electron/services/evidence/store');

describe('Electron dialog adapter', () => {
  beforeEach(() => {
    electron.showOpenDialog.mockReset();
    electron.showSaveDialog.mockReset();
  });

  it('opens modal to the focused window and returns the chosen paths', async () => {
    const window = { id: 1 };
    electron.focused = window;
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/a.pdf', '/b.jpg'] });
    const filters = [{ name: 'PDF', extensions: ['pdf'] }];
    expect(await createElectronDialogs().showOpen({ filters, multiple: true })).toEqual(['/a.pdf', '/b.jpg']);
    expect(electron.showOpenDialog).toHaveBeenCalledWith(window, {
      properties: ['openFile', 'multiSelections'],
      filters,
    });
  });

  it('returns null when the clerk cancels, with or without a focused window', async () => {
    electron.focused = null;
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const dialogs = createElectronDialogs();
    expect(await dialogs.showOpen({})).toBeNull();
    expect(await dialogs.showSave({ defaultPath: 'x.xlsx' })).toBeNull();
    expect(electron.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'] });
  });

  it('asks before overwriting when saving', async () => {
    electron.focused = { id: 2 };
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/out/名录.xlsx' });
    expect(await createElectronDialogs().showSave({ defaultPath: '名录.xlsx' })).toBe('/out/名录.xlsx');
    expect(electron.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: '名录.xlsx',
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
  });
});

describe('app:// evidence route', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-route-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams stored evidence and leaves other app:// URLs to the renderer files', async () => {
    const store = new EvidenceStore({ root: join(dir, 'evidence') });
    writeFileSync(join(dir, 'scan.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const stored = await store.addFile(join(dir, 'scan.jpg'));
    const route = evidenceRoute(store);

    const response = await route(new URL(`app://desk/evidence/${stored.sha256}`));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('image/jpeg');
    expect(response?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await (response as Response).arrayBuffer())).toEqual(
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    );

    expect((await route(new URL(`app://desk/evidence/${'a'.repeat(64)}`)))?.status).toBe(404);
    expect(await route(new URL('app://desk/index.html'))).toBeNull();
    expect(await route(new URL(`app://other/evidence/${stored.sha256}`))).toBeNull();
  });
});
