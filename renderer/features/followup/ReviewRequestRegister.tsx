import { Card, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewRequest } from '../../../shared/review-requests/review-request';
import { getCards } from '../../db/dossiers/store';
import { recentReviewRequests } from '../../db/work/review-requests';
import { ReviewStatusTag } from '../coordination/ReviewStatusTag';
import { useDossiers } from '../dossiers/data/use-store';

/** 复查申请登记簿: every request, inside or outside its window, and what became of it. */
export function ReviewRequestRegister() {
  const { t } = useTranslation(['followup', 'coordination']);
  const { db } = useDossiers();
  const [rows, setRows] = useState<ReviewRequest[] | null>(null);
  const [numbers, setNumbers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void recentReviewRequests(db).then(async (requests) => {
      setRows(requests);
      const cards = await getCards(db, [...new Set(requests.map((r) => r.dossierId))]);
      setNumbers(new Map(cards.map((c) => [c.id, c.number])));
    });
  }, [db]);
  return (
    <div className="work-page">
      <Typography.Text type="secondary">{t('followup:reviews.intro')}</Typography.Text>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ReviewRequest>
          className="work-table"
          rowKey="id"
          loading={!rows}
          dataSource={rows ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('followup:reviews.empty') }}
          onRow={() => ({ 'data-testid': 'review-register-row' }) as never}
          columns={[
            {
              key: 'receivedOn',
              title: t('coordination:review.columns.receivedOn'),
              dataIndex: 'receivedOn',
              width: 110,
            },
            {
              key: 'dossier',
              title: t('followup:reviews.dossier'),
              width: 180,
              render: (_, r) => (
                <Link className="work-number" to={`/dossiers/${encodeURIComponent(r.dossierId)}`}>
                  {numbers.get(r.dossierId) ?? '…'}
                </Link>
              ),
            },
            { key: 'requester', title: t('coordination:review.columns.requester'), dataIndex: 'requester' },
            { key: 'until', title: t('coordination:review.columns.windowUntil'), dataIndex: 'windowUntil', width: 120 },
            {
              key: 'status',
              title: t('coordination:review.columns.status'),
              width: 150,
              render: (_, r) => <ReviewStatusTag request={r} />,
            },
            {
              key: 'decideBy',
              title: t('coordination:review.columns.decideBy'),
              width: 120,
              render: (_, r) => r.decideBy ?? <Tag bordered={false}>—</Tag>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
