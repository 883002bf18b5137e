import { Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DossierProvider } from '../dossiers/data/use-store';
import '../followup/work.css';
import { FlagsTab } from './FlagsTab';
import { InspectionsTab } from './InspectionsTab';

/** 涉企行政执法: the inspections register and the flags its records raise. */
export default function EnterprisePage() {
  const { t } = useTranslation('enterprise');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'flags' ? 'flags' : 'inspections';
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'flags' ? { tab: 'flags' } : {}, { replace: true })}
        items={[
          {
            key: 'inspections',
            label: <span data-testid="tab-inspections">{t('tabs.inspections')}</span>,
            children: <InspectionsTab />,
          },
          { key: 'flags', label: <span data-testid="tab-flags">{t('tabs.flags')}</span>, children: <FlagsTab /> },
        ]}
      />
    </DossierProvider>
  );
}
