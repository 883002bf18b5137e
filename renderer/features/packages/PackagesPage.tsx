import { Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ExportTab } from './ExportTab';
import { ImportTab } from './ImportTab';
import { KeysTab } from './KeysTab';
import './packages.css';

type KeyStatus = ChannelOutput<'keys.status'>;

const TABS = ['export', 'import', 'keys'] as const;
type TabKey = (typeof TABS)[number];

/** 交换包: send dossiers to another organ, receive theirs, and keep the keys and trust registry. */
export default function PackagesPage() {
  const { t } = useTranslation(['packages', 'errors', 'dossiers']);
  const location = useLocation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const segment = location.pathname.replace(/^\/packages\/?/, '').split('/')[0] ?? '';
  const active: TabKey = (TABS as readonly string[]).includes(segment) ? (segment as TabKey) : 'export';

  const loadStatus = useCallback(async () => setStatus(await call('keys.status')), []);
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  return (
    <div className="packages-page" data-testid="packages-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key === 'export' ? '/packages' : `/packages/${key}`)}
        destroyOnHidden
        items={[
          { key: 'export', label: t('tabs.export'), children: <ExportTab keyState={status?.state ?? null} /> },
          { key: 'import', label: t('tabs.import'), children: <ImportTab keyState={status?.state ?? null} /> },
          { key: 'keys', label: t('tabs.keys'), children: <KeysTab status={status} onStatus={setStatus} /> },
        ]}
      />
    </div>
  );
}
