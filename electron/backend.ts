import type { Locale } from '../shared/domain/locale';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import type { Logger } from './services/logger';
import { OperationRegistry } from './services/operations';
import { type SettingsPort, SettingsService } from './services/settings';
import { sweepPartialFiles } from './services/storage/atomic';

/**
 * What the main process is, minus Electron: services wired to their ports and the IPC
 * dispatch over them. The composition root builds one with Electron adapters; the e2e
 * harness builds one with a temporary userData folder and test adapters.
 */
export interface BackendDeps {
  userDataDir: string;
  settingsStore: SettingsPort;
  logger: Logger;
  runtime: 'electron' | 'harness';
  version: string;
  platform: string;
  onLocaleChanged(locale: Locale): void;
}

export interface Backend {
  dispatch: Dispatch;
  settings: SettingsService;
  operations: OperationRegistry;
  /** Start-up work before the first window: clean up after a crash. */
  startup(): Promise<void>;
}

export function createBackend(deps: BackendDeps): Backend {
  const settings = new SettingsService(deps.settingsStore);
  const operations = new OperationRegistry();
  const handlers = createHandlers({
    settings,
    operations,
    runtime: deps.runtime,
    userDataDir: deps.userDataDir,
    version: deps.version,
    platform: deps.platform,
    onLocaleChanged: deps.onLocaleChanged,
  });
  return {
    dispatch: createDispatch(handlers, deps.logger),
    settings,
    operations,
    startup: async () => {
      await sweepPartialFiles(deps.userDataDir, deps.logger);
    },
  };
}
