import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../../shared/ipc/errors';
import type { DialogPort } from '../../services/dialogs';
import type { OperationRegistry } from '../../services/operations';
import { PACKAGE_EXTENSION } from '../../services/packages/header';
import { RECEIPT_EXTENSION } from '../../services/packages/receipts';
import type { OperationHooks, PackageService } from '../../services/packages/service';
import type { PathGrants } from '../../services/path-grants';
import type { SettingsService } from '../../services/settings';
import type { CallContext, Handlers } from '../dispatch';

export interface PackagesHandlerDeps {
  settings: SettingsService;
  operations: OperationRegistry;
  packages: PackageService;
  dialogs: DialogPort;
  grants: PathGrants;
}

type PackagesChannel =
  | 'packages.export'
  | 'packages.pickImport'
  | 'packages.import'
  | 'packages.commitImport'
  | 'packages.discardImport'
  | 'packages.writeReceipt'
  | 'packages.importReceipt'
  | 'packages.exports'
  | 'packages.received';

const PROGRESS_INTERVAL_MS = 100;

/** op.progress events for one operation: on every phase change, then at most ten a second. */
function progressReporter(ctx: CallContext, opId: string): NonNullable<OperationHooks['onProgress']> {
  let lastPhase = '';
  let lastAt = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (phase === lastPhase && done < total && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastPhase = phase;
    lastAt = now;
    ctx.emit('op.progress', { opId, phase: `packages.progress.${phase}`, done, total });
  };
}

export function packagesHandlers(deps: PackagesHandlerDeps): Pick<Handlers, PackagesChannel> {
  const { settings, operations, packages, dialogs, grants } = deps;
  const t = (key: string) => translate(settings.locale(), key);
  const packageFilter = () => [{ name: t('packages.fileTypes.package'), extensions: [PACKAGE_EXTENSION] }];

  const describe = async (path: string) => {
    const fileName = basename(path);
    const size = statSync(path).size;
    try {
      const { header } = await packages.inspect(path);
      return {
        path,
        fileName,
        size,
        sender: { organName: header.sender.organ.name, divisionCode: header.sender.organ.divisionCode },
        createdAt: header.createdAt,
        errorCode: null,
      };
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'IO_ERROR';
      return { path, fileName, size, sender: null, createdAt: null, errorCode: code };
    }
  };

  return {
    'packages.export': async ({ opId, ...request }, ctx) => {
      await packages.checkExport(request);
      const destination = await dialogs.showSave({
        title: t('packages.dialog.exportPackage'),
        defaultPath: packages.suggestFileName(request.recipientOrganId),
        filters: packageFilter(),
      });
      if (!destination) return { record: null };
      const onProgress = progressReporter(ctx, opId);
      const record = await operations.run(opId, (signal) =>
        packages.exportPackage(request, destination, { signal, onProgress }),
      );
      return { record };
    },
    'packages.pickImport': async ({ folder }) => {
      const chosen = await dialogs.showOpen({
        title: t(folder ? 'packages.dialog.importFolder' : 'packages.dialog.importPackages'),
        filters: folder ? undefined : packageFilter(),
        multiple: !folder,
        directory: folder,
      });
      if (!chosen) return { files: [] };
      const paths = folder
        ? chosen.flatMap((dir) =>
            readdirSync(dir)
              .filter((name) => name.toLowerCase().endsWith(`.${PACKAGE_EXTENSION}`))
              .sort()
              .map((name) => join(dir, name)),
          )
        : chosen;
      grants.grant(paths);
      return { files: await Promise.all(paths.map(describe)) };
    },
    'packages.import': async ({ opId, paths }, ctx) => {
      const granted = paths.map((p) => grants.check(p));
      const onProgress = progressReporter(ctx, opId);
      const outcomes = await operations.run(opId, (signal) => packages.importPackages(granted, { signal, onProgress }));
      return { outcomes };
    },
    'packages.commitImport': ({ importId }) => packages.commitImport(importId),
    'packages.discardImport': ({ importId }) => ({ discarded: packages.discardImport(importId) }),
    'packages.writeReceipt': async ({ packageId }) => {
      const path = await dialogs.showSave({
        title: t('packages.dialog.writeReceipt'),
        defaultPath: `${t('packages.fileTypes.receiptPrefix')}-${packageId.slice(0, 8)}.${RECEIPT_EXTENSION}`,
        filters: [{ name: t('packages.fileTypes.receipt'), extensions: [RECEIPT_EXTENSION] }],
      });
      if (!path) return { path: null };
      return packages.writeReceipt(packageId, path);
    },
    'packages.importReceipt': async () => {
      const paths = await dialogs.showOpen({
        title: t('packages.dialog.importReceipt'),
        filters: [{ name: t('packages.fileTypes.receipt'), extensions: [RECEIPT_EXTENSION] }],
      });
      const path = paths?.[0];
      if (!path) return { record: null };
      return { record: packages.importReceipt(path) };
    },
    'packages.exports': () => packages.exports(),
    'packages.received': () => packages.received(),
  };
}
