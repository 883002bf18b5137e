import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/domain/locale';

// Each catalogue is its own chunk: the shell's arrive before the first render, each
// feature's with the feature, in the language being shown (react-i18next suspends
// until they are in).
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

export async function initI18n(locale: Locale): Promise<void> {
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: false,
      // What the shell itself shows; features name their own namespaces.
      ns: ['common', 'shell', 'errors'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = locale;
}

export async function changeLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
