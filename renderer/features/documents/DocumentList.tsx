import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentSummary } from '../../../shared/documents/records';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/documents/types';
import { call } from '../../api/client';
import { useCommand } from '../../app/commands';
import { useErrorMessage } from '../../components/use-error-message';
import { documentPath, draftDocumentFromSource } from './draft-from-source';
import { PrefixesDrawer } from './PrefixesDrawer';

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'default',
  issued: 'green',
  voided: 'red',
  superseded: 'orange',
};

/** Drafts and issued documents of the office, newest first. */
export function DocumentList() {
  const { t } = useTranslation(['documents', 'common']);
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [rows, setRows] = useState<DocumentSummary[] | null>(null);
  const [type, setType] = useState<DocumentType | undefined>();
  const [status, setStatus] = useState<DocumentStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const [prefixesOpen, setPrefixesOpen] = useState(false);
  const [newType, setNewType] = useState<DocumentType>('supervision_opinion');

  const load = useCallback(async () => {
    try {
      setRows(await call('documents.list', { type, status }));
    } catch (error) {
      showError(error);
      setRows([]);
    }
  }, [type, status, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  useCommand(
    'new',
    useCallback(() => setCreating(true), []),
  );

  const create = async () => {
    try {
      const draft = await draftDocumentFromSource(newType, {});
      setCreating(false);
      navigate(documentPath(draft.id));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t('documents:title')}
      extra={
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setPrefixesOpen(true)}>
            {t('documents:actions.prefixes')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-document">
            {t('documents:actions.new')}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<DocumentType>
          allowClear
          placeholder={t('documents:list.filterType')}
          style={{ width: 260 }}
          value={type}
          onChange={setType}
          options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`documents:types.${value}`) }))}
        />
        <Select<DocumentStatus>
          allowClear
          placeholder={t('documents:list.filterStatus')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={DOCUMENT_STATUSES.map((value) => ({ value, label: t(`documents:statuses.${value}`) }))}
        />
      </Space>
      <Table<DocumentSummary>
        rowKey="id"
        size="middle"
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="document-list"
        locale={{ emptyText: <Empty description={t('documents:list.empty')} /> }}
        onRow={(row) => ({ onClick: () => navigate(documentPath(row.id)), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('documents:list.type'),
            dataIndex: 'type',
            width: 190,
            render: (value: DocumentType) => t(`documents:types.${value}`),
          },
          {
            title: t('documents:list.number'),
            dataIndex: 'number',
            width: 200,
            render: (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: t('documents:list.titleColumn'),
            dataIndex: 'title',
            ellipsis: true,
            render: (value: string, row) => (
              <Space size={4}>
                <span>{value}</span>
                {row.version > 1 ? <Tag>{t('documents:list.version', { version: row.version })}</Tag> : null}
              </Space>
            ),
          },
          { title: t('documents:list.recipient'), dataIndex: 'recipient', ellipsis: true, width: 200 },
          { title: t('documents:list.date'), dataIndex: 'date', width: 120 },
          {
            title: t('documents:list.status'),
            dataIndex: 'status',
            width: 100,
            render: (value: DocumentStatus) => (
              <Tag color={STATUS_COLORS[value]}>{t(`documents:statuses.${value}`)}</Tag>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('documents:newDialog.title')}
        okText={t('common:ok')}
        cancelText={t('common:cancel')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('documents:newDialog.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('documents:newDialog.type')}>
            <Select<DocumentType>
              value={newType}
              onChange={setNewType}
              data-testid="new-document-type"
              options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`documents:types.${value}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <PrefixesDrawer open={prefixesOpen} onClose={() => setPrefixesOpen(false)} />
    </Card>
  );
}
