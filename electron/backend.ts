import { join } from 'node:path';
import type { Locale } from '../shared/domain/locale';
import { dossierBundlePayload } from '../shared/packages/payload';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import type { DialogPort } from './services/dialogs';
import type { PdfPrinter } from './services/documents/pdf-printer';
import { DocumentService, documentsDir } from './services/documents/service';
import { DroppedFileGrants } from './services/evidence/dropped-files';
import { EvidenceStore } from './services/evidence/store';
import { OfficeKeys } from './services/keys/office-keys';
import type { SecretProtector } from './services/keys/protector';
import { TrustRegistry } from './services/keys/trust-registry';
import type { Logger } from './services/logger';
import { OperationRegistry } from './services/operations';
import { packageEvidenceFrom } from './services/packages/evidence-store';
import { PackageService, type PayloadSchema } from './services/packages/service';
import { PathGrants } from './services/path-grants';
import { type SettingsPort, SettingsService } from './services/settings';
import { sweepPartialFiles } from './services/storage/atomic';
import type { ShellPort } from './services/system-shell';

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
  /** Chromium printing: a hidden window's printToPDF, or Playwright's page.pdf. */
  pdfPrinter: PdfPrinter;
  dialogs: DialogPort;
  shell: ShellPort;
  /** The OS key store (safeStorage in the app); null or absent where the platform has none. */
  systemProtector?: SecretProtector | null;
  /** Checks the data packages carry: the dossier bundle schema unless a test brings its own. */
  payloadSchema?: PayloadSchema;
  now?: () => Date;
}

export interface Backend {
  dispatch: Dispatch;
  settings: SettingsService;
  operations: OperationRegistry;
  /** Start-up work before the first window: clean up after a crash. */
  startup(): Promise<void>;
  documents: DocumentService;
  /** Content-addressed evidence files; the app:// protocol serves them for preview. */
  evidence: EvidenceStore;
  /** The preload-only channel: a dropped file's path in, a one-time token out. */
  grantDroppedFile(path: unknown): Promise<string>;
  /** This office's key generations (本机关密钥). */
  keys: OfficeKeys;
  /** Certificates of the organs this office exchanges packages with. */
  trust: TrustRegistry;
  /** Dossier packages (案卷交换包): export, import, receipts. */
  packages: PackageService;
}

export function createBackend(deps: BackendDeps): Backend {
  const settings = new SettingsService(deps.settingsStore);
  const operations = new OperationRegistry();
  const documents = new DocumentService({
    dir: documentsDir(deps.userDataDir),
    office: () => settings.office(),
    printer: deps.pdfPrinter,
    logger: deps.logger,
  });
  const evidence = new EvidenceStore({ root: join(deps.userDataDir, 'evidence') });
  const droppedFiles = new DroppedFileGrants(deps.userDataDir);
  const now = deps.now ?? (() => new Date());
  const keysDir = join(deps.userDataDir, 'keys');
  const keys = new OfficeKeys({ dir: keysDir, systemProtector: deps.systemProtector ?? null, now });
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
    evidence: packageEvidenceFrom(evidence, (sha256) => documents.issuedFileByHash(sha256)),
    payloadSchema: deps.payloadSchema ?? dossierBundlePayload,
    softwareAgent: `Supervision Desk ${deps.version}`,
    now,
  });
  const handlers = createHandlers({
    settings,
    operations,
    runtime: deps.runtime,
    userDataDir: deps.userDataDir,
    version: deps.version,
    platform: deps.platform,
    onLocaleChanged: deps.onLocaleChanged,
    documents,
    dialogs: deps.dialogs,
    shell: deps.shell,
    locale: () => settings.locale(),
    evidence,
    droppedFiles,
    keys,
    trust,
    packages,
    grants: new PathGrants(),
    now,
  });
  return {
    dispatch: createDispatch(handlers, deps.logger),
    settings,
    operations,
    documents,
    evidence,
    grantDroppedFile: (path) => droppedFiles.grant(path),
    keys,
    trust,
    packages,
    startup: async () => {
      await sweepPartialFiles(deps.userDataDir, deps.logger);
      await evidence.init();
    },
  };
}
