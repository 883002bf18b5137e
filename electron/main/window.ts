import { BrowserWindow, type Rectangle, screen } from 'electron';
import type { SettingsService, WindowState } from '../services/settings';

const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 960, height: 640 };

/** Saved bounds are used only if they still overlap a connected display. */
export function restorableBounds(saved: WindowState | null, workAreas: Rectangle[]): Partial<Rectangle> {
  if (!saved) return { ...DEFAULT_SIZE };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const { x, y } = saved;
  const visible = workAreas.some(
    (area) =>
      x < area.x + area.width - 100 && x + width > area.x + 100 && y >= area.y - 10 && y < area.y + area.height - 100,
  );
  return visible ? { x: Math.round(x), y: Math.round(y), width, height } : { width, height };
}

export function createMainWindow(options: {
  settings: SettingsService;
  preloadPath: string;
  title: string;
}): BrowserWindow {
  const saved = options.settings.windowState();
  const bounds = restorableBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#f5f6f8',
    // The security checklist, written out literally so reviewers and
    // electronegativity see every setting where the window is made.
    webPreferences: {
      // The preload is reviewed and tested to expose only the contract's channels.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open links in new windows; nothing in the app needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Normal bounds are remembered even while maximized, so un-maximizing after a
  // restart returns to the size the clerk chose.
  const save = () => {
    if (window.isDestroyed()) return;
    const normal = window.getNormalBounds();
    options.settings.setWindowState({ ...normal, maximized: window.isMaximized() });
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
  return window;
}

export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
