// The composition root: the only module (with its siblings in electron/main and the
// preload) that imports `electron`. It builds adapters for the ports and hands them
// to the backend.
import '../../shared/zod-setup';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import Store from 'electron-store';
import type { Locale } from '../../shared/domain/locale';
import { translate } from '../../shared/i18n';
import { eventChannel } from '../../shared/ipc/channels';
import { createBackend } from '../backend';
import { assertCryptoSelfTest } from '../services/crypto/self-test';
import { createFileLogger } from '../services/logger';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../services/settings';
import { electronDialogs } from './adapters/dialogs';
import { ElectronPdfPrinter } from './adapters/pdf-printer';
import { createSafeStorageProtector } from './adapters/safe-storage';
import { APP_ENTRY_URL } from './app-url';
import { evidenceRoute } from './evidence-route';
import { registerIpc, registerPreloadIpc } from './ipc';
import { buildMenuTemplate } from './menu-template';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { hardenWebContents, installPermissionHandlers } from './security';
import { createMainWindow, focusWindow } from './window';

const devServerUrl = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;
const distDir = join(import.meta.dirname, '..');

registerAppSchemePrivileges();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const logger = createFileLogger({ dir: join(userDataDir, 'logs') });
  process.on('uncaughtException', (error) => logger.error('Uncaught exception', { error }));
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', { reason: String(reason) }));

  // A runtime whose crypto gives wrong answers must not write or open a single package.
  const selfTest = await assertCryptoSelfTest().catch((error: unknown) => {
    logger.error('Crypto self-test failed', { error: error instanceof Error ? error : String(error) });
    throw error;
  });
  logger.info('Crypto self-test passed', { checks: selfTest.passed.length });

  const settingsStore = new Store<SettingsSchema>({ name: 'settings', defaults: SETTINGS_DEFAULTS });

  const applyMenu = (locale: Locale) => {
    const template = buildMenuTemplate(
      locale,
      {
        send: (command) => {
          const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
          target?.webContents.send(eventChannel('menu.command'), { command });
        },
        openLogs: () => void shell.openPath(join(userDataDir, 'logs')),
      },
      { platform: process.platform, devTools: !app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const backend = createBackend({
    userDataDir,
    settingsStore,
    logger,
    runtime: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    systemProtector: createSafeStorageProtector(),
    onLocaleChanged: (locale) => {
      applyMenu(locale);
      for (const window of BrowserWindow.getAllWindows()) {
        window.webContents.send(eventChannel('settings.changed'), { locale });
      }
    },
    pdfPrinter: new ElectronPdfPrinter(),
    dialogs: electronDialogs,
    // Only paths the documents service wrote under userData reach here, never page-supplied URLs.
    shell: { openPath: (path) => shell.openPath(path) },
  });

  await backend.startup();
  installPermissionHandlers(session.defaultSession, devServerUrl);
  serveRenderer(join(distDir, 'renderer'), [evidenceRoute(backend.evidence)]);
  registerIpc(ipcMain, backend.dispatch, logger, devServerUrl);
  registerPreloadIpc(ipcMain, backend.grantDroppedFile, logger, devServerUrl);
  applyMenu(backend.settings.locale());

  const openMainWindow = () => {
    mainWindow = createMainWindow({
      settings: backend.settings,
      preloadPath: join(distDir, 'preload', 'preload.cjs'),
      title: translate(backend.settings.locale(), 'common.appName'),
    });
    void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  logger.info('Started', { version: app.getVersion(), userDataDir });
}
