import { SafetyCertificateFilled } from '@ant-design/icons';
import { Layout, Menu, Modal, Spin, Tag } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { onEvent } from '../api/client';
import { BackupStatus } from '../features/backup/BackupStatus';
import { emitCommand, shortcutFor, useCommand } from './commands';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ROUTES } from './routes';
import { StorageStatus } from './StorageStatus';
import { useSession } from './session';

// Counts overdue work once the shell is up; its database code loads only then.
const OverdueNotice = lazy(() => import('../features/followup/OverdueNotice'));

/** The main window: navigation on the left, the page, and a status bar. */
export function Shell() {
  const { t } = useTranslation(['shell', 'common']);
  const { office, version } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [aboutOpen, setAboutOpen] = useState(false);
  const current = NAV_ROUTES.find((r) => location.pathname.startsWith(r.path)) ?? NAV_ROUTES[0];

  // The start-up benchmark reads this mark: the shell's first frame is on screen.
  useEffect(() => {
    requestAnimationFrame(() => performance.mark('desk:shell-visible'));
  }, []);

  useEffect(() => {
    document.title = `${t(`shell:nav.${current?.key ?? 'dashboard'}`)} — ${t('common:appName')}`;
  }, [current, t]);

  // Menu commands from the main process and the renderer's own shortcuts meet here.
  useEffect(() => onEvent('menu.command', ({ command }) => void emitCommand(command)), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutFor(event);
      if (command && emitCommand(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useCommand(
    'settings',
    useCallback(() => navigate('/settings'), [navigate]),
  );
  useCommand(
    'about',
    useCallback(() => setAboutOpen(true), []),
  );

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('shell:skipToContent')}
      </a>
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64}>
        <div className="shell-brand">
          <span className="shell-brand-mark" aria-hidden>
            <SafetyCertificateFilled />
          </span>
          <span className="shell-brand-name">{t('common:appNameShort')}</span>
        </div>
        <nav aria-label={t('common:appName')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            onClick={({ key }) => navigate(NAV_ROUTES.find((r) => r.key === key)?.path ?? '/')}
            items={NAV_ROUTES.map((r) => ({ key: r.key, icon: r.icon, label: t(`shell:nav.${r.key}`) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <h1 data-testid="page-title">{t(`shell:nav.${current?.key ?? 'dashboard'}`)}</h1>
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content className="shell-content" id="main" tabIndex={-1}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Routes>
              {NAV_ROUTES.map((r) => (
                <Route key={r.key} path={`${r.path}/*`} element={r.element} />
              ))}
              <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
        <footer className="shell-status" data-testid="status-bar">
          <span>{office ? t('shell:status.office', { name: office.name }) : t('shell:officeMissing')}</span>
          <Tag bordered={false}>{t('shell:status.offline')}</Tag>
          <span className="spacer" />
          <BackupStatus />
          <StorageStatus />
          <span>{t('shell:about.version', { version })}</span>
        </footer>
      </Layout>
      <Suspense fallback={null}>
        <OverdueNotice />
      </Suspense>
      <Modal
        open={aboutOpen}
        title={t('shell:about.title')}
        onCancel={() => setAboutOpen(false)}
        onOk={() => setAboutOpen(false)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>{t('shell:about.body')}</p>
        <p>{t('shell:about.version', { version })}</p>
      </Modal>
    </Layout>
  );
}
