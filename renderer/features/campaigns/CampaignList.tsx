import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DossierStatus } from '../../../shared/domain/dossier';
import type { DossierCard } from '../../db/dossiers/layout';
import { getCards } from '../../db/dossiers/store';
import { type CampaignRow, listCampaigns } from '../../db/work/campaigns';
import { STATUS_COLORS } from '../dossiers/components/labels';
import { useDossiers } from '../dossiers/data/use-store';

const DONE: DossierStatus[] = ['closed', 'archived', 'not_opened'];

interface Row extends CampaignRow {
  done: number;
  findings: number;
  openFindings: number;
}

/** Every campaign with how far its children have got. */
export function CampaignList() {
  const { t } = useTranslation(['campaigns', 'dossiers']);
  const { db } = useDossiers();
  const navigate = useNavigate();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    let live = true;
    void listCampaigns(db).then(async (campaigns) => {
      const childIds = campaigns.flatMap((c) => c.plan.children.map((x) => x.dossierId));
      const cards = new Map<string, DossierCard>((await getCards(db, childIds)).map((c) => [c.id, c]));
      const out = campaigns.map((c) => {
        const children = c.plan.children.map((x) => cards.get(x.dossierId)).filter((x): x is DossierCard => !!x);
        return {
          ...c,
          done: children.filter((x) => DONE.includes(x.status)).length,
          findings: children.reduce((n, x) => n + x.findingCount, 0),
          openFindings: children.reduce((n, x) => n + x.openFindings, 0),
        };
      });
      if (live) setRows(out);
    });
    return () => {
      live = false;
    };
  }, [db]);

  return (
    <div className="work-page" data-testid="campaign-list">
      <div className="work-toolbar">
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('campaigns:list.intro')}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={() => navigate('/campaigns/new')}
          data-testid="campaign-new"
        >
          {t('campaigns:list.new')}
        </Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          className="work-table"
          rowKey={(r) => r.plan.dossierId}
          loading={!rows}
          dataSource={rows ?? []}
          pagination={false}
          locale={{ emptyText: t('campaigns:list.empty') }}
          onRow={() => ({ 'data-testid': 'campaign-row' }) as never}
          columns={[
            {
              key: 'title',
              title: t('campaigns:list.columns.title'),
              render: (_, r) => (
                <>
                  <Link to={`/campaigns/${encodeURIComponent(r.plan.dossierId)}`}>{r.parent?.title ?? '…'}</Link>
                  <span className="sub work-number">{r.parent?.number}</span>
                </>
              ),
            },
            {
              key: 'kind',
              title: t('campaigns:list.columns.kind'),
              width: 110,
              render: (_, r) => (r.parent ? t(`dossiers:kinds.${r.parent.kind}`) : ''),
            },
            {
              key: 'period',
              title: t('campaigns:list.columns.period'),
              width: 200,
              render: (_, r) => `${r.plan.periodFrom} ~ ${r.plan.periodTo}`,
            },
            {
              key: 'status',
              title: t('campaigns:list.columns.status'),
              width: 100,
              render: (_, r) =>
                r.parent && (
                  <Tag color={STATUS_COLORS[r.parent.status]}>{t(`dossiers:statuses.${r.parent.status}`)}</Tag>
                ),
            },
            {
              key: 'subjects',
              title: t('campaigns:list.columns.subjects'),
              width: 120,
              render: (_, r) =>
                t('campaigns:list.childrenCell', { created: r.plan.children.length, total: r.plan.subjectIds.length }),
            },
            {
              key: 'progress',
              title: t('campaigns:list.columns.progress'),
              width: 180,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={r.plan.children.length ? Math.round((r.done / r.plan.children.length) * 100) : 0}
                  format={() => `${r.done}/${r.plan.children.length}`}
                />
              ),
            },
            {
              key: 'findings',
              title: t('campaigns:list.columns.findings'),
              width: 120,
              render: (_, r) => t('dossiers:list.findingsCell', { open: r.openFindings, total: r.findings }),
            },
          ]}
        />
      </Card>
    </div>
  );
}
