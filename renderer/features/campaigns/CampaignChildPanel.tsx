import { ApartmentOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignPlan } from '../../../shared/campaigns/campaign';
import { getCampaign } from '../../db/work/campaigns';
import { useDossiers } from '../dossiers/data/use-store';
import type { DossierPanelProps } from '../dossiers/detail/extra-panels';
// Dossier panels load without the work pages: they bring the styles they use.
import '../followup/work.css';

/** On a campaign's child dossier: the checklist to work through, and the way back to the campaign. */
export default function CampaignChildPanel({ record }: DossierPanelProps) {
  const { t } = useTranslation('campaigns');
  const { db } = useDossiers();
  const parentId = record.dossier.links.parentId ?? '';
  const [plan, setPlan] = useState<CampaignPlan | null>(null);
  useEffect(() => {
    void getCampaign(db, parentId).then((p) => setPlan(p ?? null));
  }, [db, parentId]);
  if (!plan) return null;
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      showIcon
      icon={<ApartmentOutlined />}
      title={t('child.title', { from: plan.periodFrom, to: plan.periodTo })}
      description={
        <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {plan.checklist.map((item) => (
            <li key={item.id}>
              {item.title}
              {item.basis && <span className="text-muted">（{item.basis}）</span>}
            </li>
          ))}
        </ol>
      }
      action={<Link to={`/campaigns/${encodeURIComponent(parentId)}`}>{t('child.open')}</Link>}
      data-testid="campaign-child-panel"
    />
  );
}
