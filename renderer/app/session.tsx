import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../shared/domain/locale';
import type { OfficeIdentity } from '../../shared/domain/office';
import { call, onEvent } from '../api/client';
import { changeLanguage } from '../i18n';

/** What every screen may need to know about this copy of the app. */
interface Session {
  locale: Locale;
  setLocale(locale: Locale): Promise<void>;
  office: OfficeIdentity | null;
  setOffice(office: OfficeIdentity): void;
  version: string;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider(props: {
  initial: { locale: Locale; office: OfficeIdentity | null; version: string };
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState(props.initial.locale);
  const [office, setOffice] = useState(props.initial.office);

  const applyLocale = useCallback(async (next: Locale) => {
    await changeLanguage(next);
    setLocaleState(next);
  }, []);

  const setLocale = useCallback(
    async (next: Locale) => {
      await call('settings.setLocale', { locale: next });
      await applyLocale(next);
    },
    [applyLocale],
  );

  // Another window (or the main process) changed the language.
  useEffect(() => onEvent('settings.changed', ({ locale: next }) => void applyLocale(next)), [applyLocale]);

  const value = useMemo(
    () => ({ locale, setLocale, office, setOffice, version: props.initial.version }),
    [locale, setLocale, office, props.initial.version],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
