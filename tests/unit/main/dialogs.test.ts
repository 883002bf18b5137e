import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  focused: null as object | null,
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
}));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => electron.focused },
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: electron.showSaveDialog },
}));

const { electronDialogs } = await import('../../../electron/main/adapters/dialogs');

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
    expect(await electronDialogs.showOpen({ filters, multiple: true })).toEqual(['/a.pdf', '/b.jpg']);
    expect(electron.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ properties: ['openFile', 'multiSelections'], filters }),
    );
  });

  it('returns null when the clerk cancels, with or without a focused window', async () => {
    electron.focused = null;
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await electronDialogs.showOpen({})).toBeNull();
    expect(await electronDialogs.showSave({ defaultPath: 'x.xlsx' })).toBeNull();
    expect(electron.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
  });

  it('returns the chosen save path, suggesting the default name', async () => {
    electron.focused = { id: 2 };
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/out/名录.xlsx' });
    expect(await electronDialogs.showSave({ defaultPath: '名录.xlsx' })).toBe('/out/名录.xlsx');
    expect(electron.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: '名录.xlsx' });
  });
});
