import { join } from 'node:path';
import type { Locale } from '../shared/domain/locale';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import type { DialogPort } from './services/dialogs';
import { EvidenceStore } from './services/evidence/store';
import type { Logger } from './services/logger';
import { OperationRegistry } from './services/operations';
import { type SettingsPort, SettingsService } from './services/settings';

/**
 * What the main process is, minus Electron: services wired to their ports and the IPC
 * dispatch over them. The composition root builds one with Electron adapters; the e2e
 * harness builds one with a temporary userData folder and test adapters.
 */
export interface BackendDeps {
  userDataDir: string;
  settingsStore: SettingsPort;
  dialogs: DialogPort;
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
  /** Content-addressed evidence files; the app:// protocol serves them for preview. */
  evidence: EvidenceStore;
}

export function createBackend(deps: BackendDeps): Backend {
  const settings = new SettingsService(deps.settingsStore);
  const operations = new OperationRegistry();
  const evidence = new EvidenceStore({ root: join(deps.userDataDir, 'evidence') });
  const handlers = createHandlers({
    settings,
    operations,
    evidence,
    dialogs: deps.dialogs,
    userDataDir: deps.userDataDir,
    runtime: deps.runtime,
    version: deps.version,
    platform: deps.platform,
    onLocaleChanged: deps.onLocaleChanged,
  });
  return { dispatch: createDispatch(handlers, deps.logger), settings, operations, evidence };
}
