import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import Conf from 'conf';
import { type Backend, createBackend } from '../../../electron/backend';
import { answerEvidenceRequest, EVIDENCE_PATH_PREFIX } from '../../../electron/services/evidence/http';
import { PassphraseProtector } from '../../../electron/services/keys/protector';
import { createFileLogger } from '../../../electron/services/logger';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';
import { eventChannel, PRELOAD_CHANNELS } from '../../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { PlaywrightPdfPrinter } from './pdf-printer';
import { RecordingShell, ScriptedDialogs } from './ports';

const repoRoot = resolve(import.meta.dirname, '../../..');
const rendererDir = join(repoRoot, 'dist/renderer');

/**
 * A stable, secure-context origin for the renderer. Requests to it never reach the
 * network: the context's route handler answers them from dist/renderer, so the
 * origin (and with it IndexedDB) is the same across "restarts".
 */
export const APP_ORIGIN = 'http://localhost:41789';
export const APP_URL = `${APP_ORIGIN}/index.html`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The built preload, run in the page with `require('electron')` answered by a shim
 * whose ipcRenderer talks to the real backend through `exposeBinding('__ipc')`.
 * So the e2e suite exercises the exact preload code that ships.
 */
function preloadInitScript(): string {
  const preload = readFileSync(join(repoRoot, 'dist/preload/preload.cjs'), 'utf8');
  return `(() => {
  const listeners = new Map();
  Object.defineProperty(window, '__deskEmit', {
    value: (channel, payload) => { for (const l of listeners.get(channel) ?? []) l({}, payload); },
  });
  const electron = {
    // Files in a test page have no path on disk, like files dragged from a browser in Electron.
    webUtils: { getPathForFile: () => '' },
    contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value, enumerable: true }) },
    ipcRenderer: {
      invoke: (channel, input) => window.__ipc(channel, input),
      on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
      removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
    },
  };
  const requireShim = (name) => { if (name === 'electron') return electron; throw new Error('preload may only require electron, not ' + name); };
  const moduleShim = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(requireShim, moduleShim, moduleShim.exports);
})();`;
}

export interface DeskInstance {
  context: BrowserContext;
  page: Page;
  backend: Backend;
  userDataDir: string;
  /** Test doubles of the Electron ports: file dialogs and the system shell. */
  ports: { dialogs: ScriptedDialogs; shell: RecordingShell };
  /** Emits a main→renderer event to every open page, as the main process would. */
  emit(event: Parameters<typeof eventChannel>[0], payload: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir: string;
  locale?: 'zh-CN' | 'en';
  viewport?: { width: number; height: number };
  /** 'unavailable' plays a Linux desktop without a key store (safeStorage's basic_text). */
  keyStore?: 'available' | 'unavailable';
}

/**
 * Stands in for the OS key store: a passphrase protector with a fixed secret and cheap
 * scrypt, so keys made in one "session" open in the next without a prompt.
 */
async function harnessKeyStore(): Promise<PassphraseProtector> {
  return PassphraseProtector.create('e2e harness key store', {
    name: 'scrypt',
    N: 2 ** 10,
    r: 8,
    p: 1,
    salt: Buffer.alloc(16, 0x5a).toString('base64'),
  });
}

/** Starts "the app": a backend over userDataDir and Chromium with a persistent profile in it. */
export async function launchDesk(options: LaunchOptions): Promise<DeskInstance> {
  const { userDataDir } = options;
  const logger = createFileLogger({ dir: join(userDataDir, 'logs') });
  const settingsStore = new Conf<SettingsSchema>({
    cwd: userDataDir,
    configName: 'settings',
    defaults: SETTINGS_DEFAULTS,
  });

  let context: BrowserContext | undefined;
  const emit = async (event: Parameters<typeof eventChannel>[0], payload: unknown) => {
    for (const page of context?.pages() ?? []) {
      await page
        .evaluate(
          ([channel, data]) =>
            (window as unknown as { __deskEmit(c: unknown, d: unknown): void }).__deskEmit(channel, data),
          [eventChannel(event), payload] as const,
        )
        .catch(() => undefined);
    }
  };

  const dialogs = new ScriptedDialogs();
  const shell = new RecordingShell();
  // printToPDF's stand-in: page.pdf on a page of the same Chromium.
  const pdfPrinter = new PlaywrightPdfPrinter(async () => {
    if (!context) throw new Error('The browser is not running');
    return context.newPage();
  });
  const backend = createBackend({
    userDataDir,
    settingsStore,
    logger,
    systemProtector: options.keyStore === 'unavailable' ? null : await harnessKeyStore(),
    runtime: 'harness',
    version: '0.0.0-test',
    platform: process.platform,
    onLocaleChanged: (locale) => void emit('settings.changed', { locale }),
    pdfPrinter,
    dialogs,
    shell,
  });

  await backend.startup();
  context = await chromium.launchPersistentContext(join(userDataDir, 'Chromium'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 820 },
    locale: options.locale ?? 'zh-CN',
  });
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    // The same evidence route the app:// protocol serves in Electron.
    if (url.pathname.startsWith(EVIDENCE_PATH_PREFIX)) {
      const answer = await answerEvidenceRequest(backend.evidence, url.pathname);
      // `body`, not `path`: fulfilling from a path would retype the response by file extension.
      if (answer.filePath)
        return route.fulfill({ status: 200, body: await readFile(answer.filePath), headers: answer.headers });
      return route.fulfill({ status: 404, headers: answer.headers, body: 'Not found' });
    }
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      await route.fulfill({
        status: 200,
        body,
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        },
      });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  await context.exposeBinding('__ipc', async (source, channel: unknown, input: unknown) => {
    if (channel === PRELOAD_CHANNELS.grantDroppedFile) return backend.grantDroppedFile(input).catch(() => '');
    return backend.dispatch(String(channel), input, {
      emit: (event, payload) => {
        void source.page
          .evaluate(([c, d]) => (window as unknown as { __deskEmit(c: unknown, d: unknown): void }).__deskEmit(c, d), [
            eventChannel(event),
            payload,
          ] as const)
          .catch(() => undefined);
      },
    });
  });
  await context.addInitScript({ content: preloadInitScript() });

  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    backend,
    userDataDir,
    ports: { dialogs, shell },
    emit,
    close: async () => {
      await pdfPrinter.close();
      await context?.close();
    },
  };
}

export function makeUserDataDir(prefix = 'desk-e2e-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
