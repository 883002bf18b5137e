import type { Locale } from '../../../shared/domain/locale';
import type { OperationRegistry } from '../../services/operations';
import type { SettingsService } from '../../services/settings';
import { diskSpace } from '../../services/storage/disk';
import type { Handlers } from '../dispatch';

export interface AppHandlerDeps {
  settings: SettingsService;
  operations: OperationRegistry;
  runtime: 'electron' | 'harness';
  version: string;
  platform: string;
  /** Lets the composition root rebuild the menu and tell every window. */
  onLocaleChanged(locale: Locale): void;
  userDataDir: string;
}

type AppChannel =
  | 'app.info'
  | 'settings.get'
  | 'settings.setLocale'
  | 'office.get'
  | 'office.save'
  | 'ops.cancel'
  | 'storage.status';

export function appHandlers(deps: AppHandlerDeps): Pick<Handlers, AppChannel> {
  const { settings, operations } = deps;
  return {
    'app.info': () => ({ version: deps.version, platform: deps.platform, runtime: deps.runtime }),
    'settings.get': () => ({ locale: settings.locale(), office: settings.office() }),
    'settings.setLocale': ({ locale }) => {
      settings.setLocale(locale);
      deps.onLocaleChanged(locale);
      return { locale };
    },
    'office.get': () => settings.office(),
    'office.save': (office) => settings.setOffice(office),
    'ops.cancel': ({ opId }) => ({ cancelled: operations.cancel(opId) }),
    'storage.status': () => diskSpace(deps.userDataDir),
  };
}
