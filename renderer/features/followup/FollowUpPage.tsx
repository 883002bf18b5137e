import { Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DossierProvider } from '../dossiers/data/use-store';
import { OverdueWork } from './OverdueWork';
import { ReviewRequestRegister } from './ReviewRequestRegister';
import './work.css';

/** 待办督办: everything overdue in one place, and the register of review requests. */
export default function FollowUpPage() {
  const { t } = useTranslation('followup');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'reviews' ? 'reviews' : 'overdue';
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'reviews' ? { tab: 'reviews' } : {}, { replace: true })}
        items={[
          {
            key: 'overdue',
            label: <span data-testid="tab-overdue">{t('tabs.overdue')}</span>,
            children: <OverdueWork />,
          },
          {
            key: 'reviews',
            label: <span data-testid="tab-reviews">{t('tabs.reviews')}</span>,
            children: <ReviewRequestRegister />,
          },
        ]}
      />
    </DossierProvider>
  );
}
