import { join } from 'node:path';
import type { Locale } from '../shared/domain/locale';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { type DialogPort, PathGrants } from './services/dialogs';
import { OfficeKeys } from './services/keys/office-keys';
import type { SecretProtector } from './services/keys/protector';
import { TrustRegistry } from './services/keys/trust-registry';
import type { Logger } from './services/logger';
import { OperationRegistry } from './services/operations';
import { type EvidenceStore, FsEvidenceStore } from './services/packages/evidence-store';
import { PackageService, type PayloadSchema, placeholderPayloadSchema } from './services/packages/service';
import { type SettingsPort, SettingsService } from './services/settings';

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
  /** The OS key store (safeStorage in the app), or null where the platform has none. */
  systemProtector: SecretProtector | null;
  /** Native file dialogs (preset answers in the e2e harness). */
  dialogs: DialogPort;
  /** Checks the data packages carry; until the dossier bundle schema is plugged in, a placeholder. */
  payloadSchema?: PayloadSchema;
  /** The content-addressed evidence store; by default userData/evidence. */
  evidence?: EvidenceStore;
  now?: () => Date;
}

export interface Backend {
  dispatch: Dispatch;
  settings: SettingsService;
  operations: OperationRegistry;
  keys: OfficeKeys;
  trust: TrustRegistry;
  packages: PackageService;
}

export function createBackend(deps: BackendDeps): Backend {
  const settings = new SettingsService(deps.settingsStore);
  const operations = new OperationRegistry();
  const now = deps.now ?? (() => new Date());
  const keysDir = join(deps.userDataDir, 'keys');
  const keys = new OfficeKeys({ dir: keysDir, systemProtector: deps.systemProtector, now });
  const trust = new TrustRegistry({
    dir: keysDir,
    now,
    own: () => {
      const status = keys.status();
      return { organId: status.organId, fingerprints: status.generations.map((g) => g.fingerprint) };
    },
  });
  const packages = new PackageService({
    userDataDir: deps.userDataDir,
    keys,
    trust,
    office: () => settings.office(),
    evidence: deps.evidence ?? new FsEvidenceStore(join(deps.userDataDir, 'evidence')),
    payloadSchema: deps.payloadSchema ?? placeholderPayloadSchema,
    softwareAgent: `Supervision Desk ${deps.version}`,
    now,
  });
  const handlers = createHandlers({
    settings,
    operations,
    runtime: deps.runtime,
    version: deps.version,
    platform: deps.platform,
    onLocaleChanged: deps.onLocaleChanged,
    keys,
    trust,
    packages,
    dialogs: deps.dialogs,
    grants: new PathGrants(),
    now,
  });
  return { dispatch: createDispatch(handlers, deps.logger), settings, operations, keys, trust, packages };
}
