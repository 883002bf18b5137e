import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/domain/locale';
import { useErrorMessage } from '../components/use-error-message';
import { useSession } from './session';

/** Each language is named in itself, so a clerk can always find their own. */
const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch({ variant = 'borderless' }: { variant?: 'borderless' | 'outlined' }) {
  const { locale, setLocale } = useSession();
  const { t } = useTranslation();
  const showError = useErrorMessage();
  return (
    <Select<Locale>
      aria-label={t('common:language')}
      data-testid="language-switch"
      value={locale}
      variant={variant}
      prefix={<GlobalOutlined />}
      style={{ width: 140 }}
      onChange={(next) => setLocale(next).catch(showError)}
      options={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
    />
  );
}
