import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/domain/locale';
import { common as enCommon } from '../../shared/i18n/en/common';
import { errors as enErrors } from '../../shared/i18n/en/errors';
import { shell as enShell } from '../../shared/i18n/en/shell';
import { common } from '../../shared/i18n/zh-CN/common';
import { errors } from '../../shared/i18n/zh-CN/errors';
import { shell } from '../../shared/i18n/zh-CN/shell';

// The shell's own catalogues are bundled; each feature's arrive with the feature, in
// the language being shown (react-i18next suspends until they are in).
const catalogueModules = import.meta.glob<Record<string, ResourceKey>>([
  '../../shared/i18n/zh-CN/*.ts',
  '../../shared/i18n/en/*.ts',
]);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogueModules[`../../shared/i18n/${language}/${namespace}.ts`];
    if (!load) {
      callback(new Error(`No catalogue ${language}/${namespace}`), null);
      return;
    }
    load().then(
      (module) => callback(null, module[namespace] ?? null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export function initI18n(locale: Locale): void {
  void i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: false,
      ns: ['common', 'shell', 'errors'],
      defaultNS: 'common',
      // Namespaces a screen asks for beyond these are read through the backend.
      partialBundledLanguages: true,
      resources: {
        'zh-CN': { common, shell, errors },
        en: { common: enCommon, shell: enShell, errors: enErrors },
      },
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  document.documentElement.lang = locale;
}

export async function changeLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
