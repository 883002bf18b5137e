import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu-template';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('application menu', () => {
  const actions = { send: vi.fn(), openLogs: vi.fn() };

  it('has File, Edit, View, Window and Help in Chinese and in English', () => {
    const zh = buildMenuTemplate('zh-CN', actions, { platform: 'win32', devTools: false });
    const en = buildMenuTemplate('en', actions, { platform: 'win32', devTools: false });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(flatten(en).find((i) => i.role === 'paste')?.label).toBe('Paste');
    expect(flatten(zh).find((i) => i.role === 'paste')?.label).toBe('粘贴');
  });

  it('keeps the standard edit, view and window roles (and their accelerators)', () => {
    const roles = flatten(buildMenuTemplate('en', actions, { platform: 'linux', devTools: false })).map((i) => i.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'quit',
      'minimize',
      'close',
      'zoomIn',
      'togglefullscreen',
    ]) {
      expect(roles).toContain(role);
    }
    expect(roles).not.toContain('toggleDevTools');
  });

  it('shows shortcuts for new, search and save, leaving the keys to the page', () => {
    const items = flatten(buildMenuTemplate('en', actions, { platform: 'linux', devTools: false }));
    const newItem = items.find((i) => i.label === 'New Dossier');
    expect(newItem).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
    expect(items.find((i) => i.label === 'Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S' });
    newItem?.click?.({} as never, undefined, {} as never);
    expect(actions.send).toHaveBeenCalledWith('new');
  });

  it('starts with the application menu on macOS, without a Quit in File', () => {
    const mac = buildMenuTemplate('en', actions, { platform: 'darwin', devTools: true });
    expect(mac[0]?.role).toBe('appMenu');
    const file = mac[1]?.submenu as MenuItemConstructorOptions[];
    expect(file.some((i) => i.role === 'quit')).toBe(false);
    expect(flatten(mac).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
