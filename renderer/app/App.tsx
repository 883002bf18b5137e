import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { HashRouter } from 'react-router';
import type { InitialSettings } from './bootstrap';
import { Shell } from './Shell';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';
import './app.css';

// Only a first start needs the wizard (and the schemas behind it).
const SetupWizard = lazy(() => import('../features/setup/SetupWizard'));

export function App({ initial }: { initial: InitialSettings }) {
  return (
    <SessionProvider initial={initial}>
      <LocalizedApp />
    </SessionProvider>
  );
}

function LocalizedApp() {
  const { locale, office, setOffice } = useSession();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        {office ? (
          <HashRouter>
            <Shell />
          </HashRouter>
        ) : (
          <Suspense fallback={null}>
            <SetupWizard onDone={setOffice} />
          </Suspense>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
