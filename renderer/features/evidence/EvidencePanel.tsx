import { CopyOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Progress, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type DragEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/domain/dossier';
import { formatBytes } from '../../../shared/format/bytes';
import type { StoredFileInfo } from '../../../shared/ipc/contract/evidence';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../components/use-error-message';
import { type EvidenceRecorder, evidenceTableRecorder, useDossierEvidence } from './data';
import { PreviewModal } from './PreviewModal';
import { addDropped, addFromDialog, type Transfer, type TransferProgress } from './transfer';
import './evidence.css';

export interface EvidencePanelProps {
  dossierId: string;
  /** A closed or received dossier shows its evidence but takes no changes. */
  readOnly?: boolean;
  /** Who is acting, for "added by" / "removed by"; defaults to the office's name. */
  actor?: string;
  /** Where changes are written; the dossier page's recorder also writes the timeline. */
  recorder?: EvidenceRecorder;
}

/**
 * A dossier's evidence (证据材料): add by dialog or drag and drop, duplicates caught by
 * SHA-256, image and PDF preview, and removal that is recorded with a reason, never a
 * deletion.
 */
export function EvidencePanel({
  dossierId,
  readOnly = false,
  actor,
  recorder = evidenceTableRecorder,
}: EvidencePanelProps) {
  const { t } = useTranslation(['evidence', 'common', 'errors']);
  const { office } = useSession();
  const who = actor ?? office?.name ?? '';
  const items = useDossierEvidence(dossierId);
  const { message } = App.useApp();
  const showError = useErrorMessage();

  const [showRemoved, setShowRemoved] = useState(true);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [dragging, setDragging] = useState(false);
  const [previewing, setPreviewing] = useState<Evidence | null>(null);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(
    async (take: (transfer: Transfer) => Promise<StoredFileInfo[]>) => {
      if (abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      setProgress({ done: 0, total: 0 });
      try {
        const stored = await take({ opId: crypto.randomUUID(), signal: controller.signal, onProgress: setProgress });
        if (stored.length === 0) return;
        const outcome = await recorder.add(dossierId, stored, who);
        for (const duplicate of outcome.duplicates) {
          void message.warning({
            content: t('evidence:duplicate', { name: duplicate.fileName, existing: duplicate.existing }),
            duration: 8,
          });
        }
        if (outcome.added.length > 0) void message.success(t('evidence:added', { count: outcome.added.length }));
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CANCELLED')) showError(error);
        else void message.info(t('errors:codes.CANCELLED'));
      } finally {
        abort.current = null;
        setProgress(null);
      }
    },
    [dossierId, who, message, t, showError, recorder],
  );

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (readOnly || files.length === 0) return;
    void run((transfer) => addDropped(files, transfer));
  };

  const visible = (items ?? []).filter((e) => showRemoved || !e.removed);
  const columns: ColumnsType<Evidence> = [
    {
      key: 'fileName',
      title: t('evidence:columns.fileName'),
      ellipsis: true,
      render: (_, item) => (
        <Space direction="vertical" size={0} className={item.removed ? 'evidence-removed' : undefined}>
          <Button type="link" size="small" className="evidence-name" onClick={() => setPreviewing(item)}>
            <PaperClipOutlined /> {item.fileName}
          </Button>
          {item.removed && (
            <Typography.Text type="danger" className="evidence-removed-note" data-testid="evidence-removed-note">
              <Tag color="red">{t('evidence:removedTag')}</Tag>
              {t('evidence:removedNote', {
                at: new Date(item.removed.at).toLocaleString(),
                by: item.removed.by,
                reason: item.removed.reason,
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'type', title: t('evidence:columns.type'), width: 150, ellipsis: true, dataIndex: 'mimeType' },
    { key: 'size', title: t('evidence:columns.size'), width: 90, render: (_, item) => formatBytes(item.size) },
    {
      key: 'sha256',
      title: t('evidence:columns.sha256'),
      width: 150,
      render: (_, item) => (
        <Tooltip title={item.sha256}>
          <code className="evidence-hash">{item.sha256.slice(0, 12)}…</code>
          <Button
            type="text"
            size="small"
            aria-label={t('evidence:copyHash')}
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard.writeText(item.sha256).then(() => message.success(t('evidence:hashCopied')))
            }
          />
        </Tooltip>
      ),
    },
    {
      key: 'added',
      title: t('evidence:columns.added'),
      width: 190,
      render: (_, item) => t('evidence:addedLine', { at: new Date(item.addedAt).toLocaleString(), by: item.addedBy }),
    },
    {
      key: 'actions',
      title: t('evidence:columns.actions'),
      width: 130,
      render: (_, item) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setPreviewing(item)}>
            {t('evidence:preview')}
          </Button>
          {!readOnly && !item.removed && (
            <Button type="link" size="small" danger onClick={() => setRemoving(item)}>
              {t('evidence:remove')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('evidence:title')}
      className="evidence-panel"
      data-testid="evidence-panel"
      extra={
        <Space>
          <Switch size="small" checked={showRemoved} onChange={setShowRemoved} id={`evidence-removed-${dossierId}`} />
          <label htmlFor={`evidence-removed-${dossierId}`}>{t('evidence:showRemoved')}</label>
        </Space>
      }
    >
      {!readOnly && (
        <section
          className={`evidence-drop${dragging ? ' evidence-drop-active' : ''}`}
          data-testid="evidence-drop"
          aria-label={t('evidence:dropHint')}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <InboxOutlined className="evidence-drop-icon" />
          <Typography.Text type="secondary">
            {dragging ? t('evidence:dropNow') : t('evidence:dropHint')}
          </Typography.Text>
          {progress ? (
            <div className="evidence-progress">
              <Typography.Text>{t('evidence:progress.copying')}</Typography.Text>
              <Progress
                percent={progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0}
                size="small"
                status="active"
              />
              <Typography.Text type="secondary">
                {t('evidence:progress.done', { done: formatBytes(progress.done), total: formatBytes(progress.total) })}
              </Typography.Text>
              <Button size="small" onClick={() => abort.current?.abort()}>
                {t('evidence:cancel')}
              </Button>
            </div>
          ) : (
            <Button type="primary" onClick={() => void run(addFromDialog)}>
              {t('evidence:add')}
            </Button>
          )}
        </section>
      )}
      <Table<Evidence>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={visible}
        loading={items === undefined}
        pagination={false}
        rowClassName={(item) => (item.removed ? 'evidence-row-removed' : '')}
        locale={{ emptyText: t('evidence:empty') }}
        data-testid="evidence-table"
      />
      {previewing && <PreviewModal item={previewing} onClose={() => setPreviewing(null)} />}
      {removing && <RemoveDialog item={removing} actor={who} recorder={recorder} onClose={() => setRemoving(null)} />}
    </Card>
  );
}

function RemoveDialog({
  item,
  actor,
  recorder,
  onClose,
}: {
  item: Evidence;
  actor: string;
  recorder: EvidenceRecorder;
  onClose(): void;
}) {
  const { t } = useTranslation(['evidence', 'common', 'errors']);
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useErrorMessage();
  const submit = async () => {
    const reason = String(form.getFieldValue('reason') ?? '').trim();
    if (reason.length < 2) {
      form.setFields([{ name: 'reason', errors: [t(reason ? 'errors:fields.tooShort' : 'errors:fields.required')] }]);
      return;
    }
    try {
      await recorder.remove(item.id, actor, reason);
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open
      title={t('evidence:removeTitle', { name: item.fileName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('evidence:remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('evidence:removeHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="reason" label={t('evidence:removeReason')} required>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
