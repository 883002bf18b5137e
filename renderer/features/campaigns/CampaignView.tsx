import { ArrowLeftOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DossierRecord } from '../../db/dossiers/layout';
import { getDossier } from '../../db/dossiers/store';
import { STATUS_COLORS } from '../dossiers/components/labels';
import { useDossiers } from '../dossiers/data/use-store';
import CampaignPanel from './CampaignPanel';

/** A campaign on its own page: the parent dossier's heading and the campaign panel. */
export function CampaignView() {
  const { t } = useTranslation(['campaigns', 'dossiers']);
  const { id = '' } = useParams();
  const { db } = useDossiers();
  const navigate = useNavigate();
  const [record, setRecord] = useState<DossierRecord | null | undefined>(undefined);
  useEffect(() => {
    void getDossier(db, id).then((r) => setRecord(r ?? null));
  }, [db, id]);
  if (record === undefined) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (record === null) {
    return (
      <Result
        status="404"
        subTitle={t('campaigns:panel.notFound')}
        extra={<Button onClick={() => navigate('/campaigns')}>{t('campaigns:panel.back')}</Button>}
      />
    );
  }
  const d = record.dossier;
  return (
    <div className="work-page" data-testid="campaign-view">
      <Card className="work-detail-header">
        <div className="work-header-row">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/campaigns')}
            aria-label={t('campaigns:panel.back')}
          />
          <div className="grow">
            <div className="work-number">{d.number}</div>
            <h2 data-testid="campaign-title">{d.title}</h2>
            <Space size={6}>
              <Tag color={STATUS_COLORS[d.status]}>{t(`dossiers:statuses.${d.status}`)}</Tag>
              <Tag bordered={false}>{t(`dossiers:kinds.${d.kind}`)}</Tag>
            </Space>
          </div>
          <Button icon={<FolderOpenOutlined />} onClick={() => navigate(`/dossiers/${encodeURIComponent(d.id)}`)}>
            {t('campaigns:panel.openDossier')}
          </Button>
        </div>
      </Card>
      <Card>
        <CampaignPanel record={record} onChanged={setRecord} readOnly={d.origin.kind === 'received'} />
      </Card>
    </div>
  );
}
