import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/domain/locale';
import { translate } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/ipc/events';

export interface MenuActions {
  send(command: MenuCommand): void;
  openLogs(): void;
}

/**
 * The application menu in the clerk's language. New / search / save show their
 * accelerators but do not register them: the renderer owns those shortcuts, so they
 * work the same in the e2e harness and never fire twice.
 */
export function buildMenuTemplate(
  locale: Locale,
  actions: MenuActions,
  options: { platform: NodeJS.Platform; devTools: boolean },
): MenuItemConstructorOptions[] {
  const t = (key: string) => translate(locale, `menu.${key}`);
  const isMac = options.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.send(cmd),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: t('file'),
      submenu: [
        command('newDossier', 'new', 'CmdOrCtrl+N'),
        command('search', 'search', 'CmdOrCtrl+F'),
        command('save', 'save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        command('settings', 'settings', 'CmdOrCtrl+,'),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t('quit') }]),
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        { type: 'separator' },
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'reload', label: t('reload') },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const, label: t('toggleDevTools') }] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: t('resetZoom') },
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('toggleFullScreen') },
      ],
    },
    {
      label: t('window'),
      submenu: [
        { role: 'minimize', label: t('minimize') },
        { role: 'zoom', label: t('zoom') },
        { role: 'close', label: t('close') },
      ],
    },
    {
      label: t('help'),
      role: 'help',
      submenu: [command('about', 'about'), { label: t('openLogs'), click: () => actions.openLogs() }],
    },
  );
  return template;
}
