import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/domain/locale';
import { CATALOGUES, NAMESPACES } from '../../shared/i18n';

export function initI18n(locale: Locale): void {
  void i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: {
      'zh-CN': CATALOGUES['zh-CN'],
      en: CATALOGUES.en,
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
