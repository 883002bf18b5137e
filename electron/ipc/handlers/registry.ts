import { basename, extname } from 'node:path';
import { translate } from '../../../shared/i18n';
import type { DialogPort } from '../../services/dialogs';
import type { SettingsService } from '../../services/settings';
import { readTableFile } from '../../services/tabular/read-table';
import { writeXlsx } from '../../services/tabular/write-xlsx';
import type { Handlers } from '../dispatch';

export interface RegistryHandlerDeps {
  dialogs: DialogPort;
  settings: SettingsService;
}

type RegistryChannel = 'registry.readTable' | 'registry.exportXlsx';

export function registryHandlers(deps: RegistryHandlerDeps): Pick<Handlers, RegistryChannel> {
  const t = (key: string) => translate(deps.settings.locale(), key);
  return {
    'registry.readTable': async () => {
      const paths = await deps.dialogs.showOpen({
        title: t('registries.dialogs.import'),
        filters: [
          { name: t('registries.filters.table'), extensions: ['xlsx', 'csv', 'txt'] },
          { name: t('registries.filters.all'), extensions: ['*'] },
        ],
      });
      const path = paths?.[0];
      return path ? await readTableFile(path) : null;
    },
    'registry.exportXlsx': async ({ defaultName, sheets }) => {
      const chosen = await deps.dialogs.showSave({
        title: t('registries.dialogs.export'),
        defaultPath: `${defaultName.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`,
        filters: [{ name: t('registries.filters.xlsx'), extensions: ['xlsx'] }],
      });
      if (!chosen) return { saved: false };
      const target = extname(chosen).toLowerCase() === '.xlsx' ? chosen : `${chosen}.xlsx`;
      await writeXlsx(target, sheets);
      return { saved: true, fileName: basename(target) };
    },
  };
}
