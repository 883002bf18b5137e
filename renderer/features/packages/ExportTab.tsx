import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import type { DossierCard } from '../../db/dossiers/layout';
import { listDossiers, todayOf } from '../../db/dossiers/store';
import { buildExportPayload, campaignDossierIds } from './bundle';
import { useOperation } from './operation';
import { errorText, formatTime, OperationProgress } from './parts';

type ExportRecord = ChannelOutput<'packages.exports'>[number];

// The catalogue is read once and shared by concurrent callers inside their own
// transactions, so this screen's list reads go one after another.
let lastRead: Promise<unknown> = Promise.resolve();
function serial<T>(read: () => Promise<T>): Promise<T> {
  const next = lastRead.then(read, read);
  lastRead = next.catch(() => undefined);
  return next;
}
type TrustedOrgan = ChannelOutput<'trust.list'>[number];

export function ExportTab({ keyState }: { keyState: 'none' | 'locked' | 'unlocked' | null }) {
  const keysReady = keyState === 'unlocked';
  const { t } = useTranslation(['packages', 'dossiers', 'errors']);
  const { locale } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [cards, setCards] = useState<DossierCard[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [trusted, setTrusted] = useState<TrustedOrgan[]>([]);
  const [recipient, setRecipient] = useState<string | undefined>();
  const [records, setRecords] = useState<ExportRecord[]>([]);
  const [campaigns, setCampaigns] = useState<DossierCard[]>([]);
  const [addingCampaign, setAddingCampaign] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperation();

  const refresh = useCallback(async () => {
    const [organs, exports] = await Promise.all([call('trust.list'), call('packages.exports')]);
    setTrusted(organs.filter((o) => o.keys.some((k) => !k.revokedAt)));
    setRecords([...exports].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    void serial(() =>
      listDossiers(
        db(),
        { kinds: ['special', 'inspection'], origin: 'own' },
        { today: todayOf(new Date()), limit: 200 },
      ),
    ).then((page) => setCampaigns(page.cards));
  }, []);

  const addCampaign = async (campaignId: string) => {
    setAddingCampaign(true);
    try {
      const ids = await campaignDossierIds(db(), campaignId);
      setSelected((current) => [...new Set([...current, ...ids])]);
      void message.info(t('export.campaignAdded', { count: ids.length }));
    } finally {
      setAddingCampaign(false);
    }
  };

  useEffect(() => {
    let live = true;
    void serial(() => listDossiers(db(), { text, origin: 'own' }, { today: todayOf(new Date()), limit: 200 })).then(
      (page) => {
        if (live) setCards(page.cards);
      },
    );
    return () => {
      live = false;
    };
  }, [text]);

  const start = async () => {
    if (!recipient || selected.length === 0) return;
    setError(null);
    try {
      const payload = await buildExportPayload(db(), selected);
      const { record } = await operation.run((opId) =>
        call('packages.export', { opId, recipientOrganId: recipient, ...payload }),
      );
      if (!record) return;
      void message.success(t('export.done', { file: record.fileName }));
      setSelected([]);
      await refresh();
    } catch (e) {
      const text = errorText(t, e);
      if (e && typeof e === 'object' && 'code' in e && e.code === 'CANCELLED') void message.info(t('export.cancelled'));
      else setError(text);
    }
  };

  const importReceipt = async () => {
    setError(null);
    try {
      const { record } = await call('packages.importReceipt');
      if (!record) return;
      void message.success(t('records.receiptImported', { label: record.label }));
      await refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const organOptions = useMemo(
    () => trusted.map((o) => ({ value: o.organId, label: `${o.organ.name}（${o.organ.divisionCode}）` })),
    [trusted],
  );

  return (
    <>
      <Card title={t('export.title')}>
        <Typography.Paragraph type="secondary">{t('export.intro')}</Typography.Paragraph>
        {keyState !== null && !keysReady && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t(keyState === 'locked' ? 'export.keysLocked' : 'export.noKeys')}
            action={<Button onClick={() => navigate('/packages/keys')}>{t('export.goKeys')}</Button>}
          />
        )}
        {keysReady && trusted.length === 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('export.noTrusted')}
            action={<Button onClick={() => navigate('/packages/keys')}>{t('export.goKeys')}</Button>}
          />
        )}
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('export.search')}
            onSearch={setText}
            style={{ width: 340 }}
            data-testid="export-search"
          />
          <Typography.Text data-testid="export-selected-count">
            {t('export.selected', { count: selected.length })}
          </Typography.Text>
          {campaigns.length > 0 && (
            <Select
              style={{ width: 300 }}
              value={null}
              placeholder={t('export.campaign')}
              loading={addingCampaign}
              showSearch
              optionFilterProp="label"
              options={campaigns.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
              onChange={(id: string) => void addCampaign(id)}
              data-testid="export-campaign"
            />
          )}
          {selected.length > 0 && (
            <Button type="link" onClick={() => setSelected([])}>
              {t('export.clear')}
            </Button>
          )}
        </Space>
        <Table<DossierCard>
          size="small"
          rowKey="id"
          loading={cards === null}
          dataSource={cards ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('export.noDossiers')} /> }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (card) => ({ 'aria-label': card.number }) as object,
          }}
          onRow={() => ({ 'data-testid': 'export-dossier-row' }) as object}
          columns={[
            { title: t('export.columns.number'), dataIndex: 'number', width: 200 },
            { title: t('export.columns.title'), dataIndex: 'title', ellipsis: true },
            {
              title: t('export.columns.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: string) => t(`dossiers:statuses.${s}`),
            },
            {
              title: t('export.columns.updated'),
              dataIndex: 'updatedAt',
              width: 160,
              render: (at: string) => formatTime(at, locale),
            },
          ]}
        />
        <Space wrap style={{ marginTop: 16 }} align="center">
          <Typography.Text>{t('export.recipient')}</Typography.Text>
          <Select
            style={{ width: 360 }}
            placeholder={t('export.recipientPlaceholder')}
            options={organOptions}
            value={recipient}
            onChange={setRecipient}
            data-testid="export-recipient"
          />
          <Button
            type="primary"
            disabled={!keysReady || !recipient || selected.length === 0 || operation.running}
            loading={operation.running}
            onClick={() => void start()}
            data-testid="export-start"
          >
            {t('export.start')}
          </Button>
        </Space>
        {operation.progress && (
          <div style={{ marginTop: 16 }}>
            <OperationProgress progress={operation.progress} onCancel={operation.cancel} />
          </div>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            message={error}
            data-testid="export-error"
            closable
            onClose={() => setError(null)}
          />
        )}
      </Card>
      <Card
        title={t('records.exportsTitle')}
        extra={
          <Button onClick={() => void importReceipt()} data-testid="import-receipt">
            {t('records.importReceipt')}
          </Button>
        }
      >
        <Table<ExportRecord>
          size="small"
          rowKey="packageId"
          dataSource={records}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('records.empty') }}
          onRow={(r) => ({ 'data-testid': 'export-record', 'data-status': r.status }) as object}
          columns={[
            {
              title: t('records.columns.createdAt'),
              dataIndex: 'createdAt',
              width: 160,
              render: (at: string) => formatTime(at, locale),
            },
            { title: t('records.columns.recipient'), render: (_, r) => r.recipient.organName, width: 180 },
            { title: t('records.columns.label'), dataIndex: 'label', ellipsis: true },
            { title: t('records.columns.file'), dataIndex: 'fileName', ellipsis: true },
            {
              title: t('records.columns.status'),
              width: 220,
              render: (_, r) =>
                r.status === 'delivered' ? (
                  <Space size={4} data-testid="export-status">
                    <Tag color="green">{t('exportStatus.delivered')}</Tag>
                    <Typography.Text type="secondary">
                      {t('records.deliveredAt', { at: formatTime(r.deliveredAt, locale) })}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag color="blue" data-testid="export-status">
                    {t('exportStatus.sent')}
                  </Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
