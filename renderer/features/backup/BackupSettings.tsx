import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/format/bytes';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call, onEvent } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { BACKUP_STATUS_CHANGED } from './BackupStatus';
import { applyRestore, currentCounts, type OpenedRestore, type RestoreResult, runBackup } from './transfer';

type Status = ChannelOutput<'backup.status'>;
type Picked = NonNullable<ChannelOutput<'backup.pickFile'>['file']>;
type Verified = ChannelOutput<'backup.verify'>;

interface Busy {
  label: string;
  percent: number;
  opId: string | null;
}

const newOpId = () => `backup-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const MIN_PASSPHRASE = 8;

/** Follows op.progress for one operation into the progress bar. */
function useProgress(setBusy: (b: Busy | null) => void, t: (k: string, o?: Record<string, unknown>) => string) {
  return useCallback(
    (opId: string) =>
      onEvent('op.progress', (p) => {
        if (p.opId !== opId) return;
        setBusy({ label: t(p.phase.replace(/^backup\./, '')), percent: p.total ? (100 * p.done) / p.total : 0, opId });
      }),
    [setBusy, t],
  );
}

function ContentsTable({
  tables,
  areas,
  current,
}: {
  tables: { name: string; rows: number }[];
  areas: Record<string, { files: number; bytes: number }>;
  current?: { tables: { name: string; rows: number }[]; areas: Record<string, { files: number; bytes: number }> };
}) {
  const { t } = useTranslation('backup');
  const rows = [
    ...tables.map((x) => ({
      key: `t:${x.name}`,
      name: x.name,
      backup: x.rows,
      current: current?.tables.find((c) => c.name === x.name)?.rows,
    })),
    ...Object.entries(areas).map(([name, a]) => ({
      key: `a:${name}`,
      name: t(`areas.${name}`),
      backup: a.files,
      current: current?.areas[name]?.files,
    })),
  ];
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="backup-contents"
      columns={[
        { title: `${t('contents.table')} / ${t('contents.area')}`, dataIndex: 'name' },
        ...(current ? [{ title: t('contents.current'), dataIndex: 'current' }] : []),
        { title: t('contents.backup'), dataIndex: 'backup' },
      ]}
    />
  );
}

export default function BackupSettings() {
  const { t, i18n } = useTranslation(['backup', 'common', 'errors']);
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState<Busy | null>(null);
  const follow = useProgress(setBusy, (k, o) => t(`backup:${k}`, o));
  const [nowForm] = Form.useForm<{ passphrase: string; confirm: string; includeKeys: boolean }>();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [filePassphrase, setFilePassphrase] = useState('');
  const [verified, setVerified] = useState<Verified | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [autoPassphrase, setAutoPassphrase] = useState('');
  const [result, setResult] = useState<RestoreResult | null>(null);
  const cancelRef = useRef<AbortController | null>(null);
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  useEffect(() => {
    void call('backup.status').then(setStatus, showError);
  }, [showError]);

  const cancel = () => {
    cancelRef.current?.abort();
    if (busy?.opId) void call('ops.cancel', { opId: busy.opId });
  };

  const backupNow = async () => {
    const values = await nowForm.validateFields();
    const opId = newOpId();
    const controller = new AbortController();
    cancelRef.current = controller;
    const stop = follow(opId);
    setBusy({ label: t('backup:progress.rows', { table: '' }), percent: 0, opId });
    try {
      const summary = await runBackup({
        opId,
        mode: 'manual',
        passphrase: values.passphrase,
        includeOfficeKeys: values.includeKeys === true,
        signal: controller.signal,
        onRows: (p) =>
          setBusy({
            label: t('backup:progress.rows', { table: p.table }),
            percent: p.total ? (100 * p.done) / p.total : 0,
            opId,
          }),
      });
      if (summary) {
        void message.success(t('backup:now.done', { path: summary.path, size: formatBytes(summary.size) }));
        nowForm.resetFields();
        setStatus(await call('backup.status'));
        window.dispatchEvent(new Event(BACKUP_STATUS_CHANGED));
      }
    } catch (error) {
      if (!(error instanceof DOMException)) showError(error);
    } finally {
      stop();
      setBusy(null);
    }
  };

  const pick = async () => {
    try {
      const { file } = await call('backup.pickFile');
      setPicked(file);
      setVerified(null);
    } catch (error) {
      showError(error);
    }
  };

  const verify = async () => {
    if (!picked) return;
    const opId = newOpId();
    const stop = follow(opId);
    setBusy({ label: t('backup:progress.verifying'), percent: 0, opId });
    try {
      setVerified(await call('backup.verify', { opId, path: picked.path, passphrase: filePassphrase }));
      void message.success(t('backup:file.verified'));
    } catch (error) {
      showError(error);
    } finally {
      stop();
      setBusy(null);
    }
  };

  const finishRestore = async (opened: OpenedRestore) => {
    setBusy({ label: t('backup:progress.writing'), percent: 0, opId: null });
    try {
      const outcome = await applyRestore(opened, (phase, p) =>
        setBusy({
          label: t(`backup:progress.${phase}`),
          percent: p.total ? (100 * p.done) / p.total : 100,
          opId: null,
        }),
      );
      setResult(outcome);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    if (!picked) return;
    const opId = newOpId();
    const stop = follow(opId);
    setBusy({ label: t('backup:progress.verifying'), percent: 0, opId });
    let opened: OpenedRestore;
    let counts: { name: string; rows: number }[];
    try {
      opened = await call('backup.restoreOpen', { opId, path: picked.path, passphrase: filePassphrase });
      counts = await currentCounts();
    } catch (error) {
      showError(error);
      return;
    } finally {
      stop();
      setBusy(null);
    }
    const empty = counts.every((c) => c.rows === 0) && Object.values(opened.currentAreas).every((a) => a.files === 0);
    let understood = empty;
    const instance = modal.confirm({
      title: t('backup:restore.confirmTitle'),
      width: 640,
      okText: t('backup:restore.confirm'),
      okButtonProps: { danger: true, disabled: !understood, 'data-testid': 'restore-confirm' } as never,
      cancelText: t('common:cancel'),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            {empty
              ? t('backup:restore.confirmEmpty')
              : t('backup:restore.confirmBody', { time: time(opened.createdAt) })}
          </Typography.Paragraph>
          <ContentsTable
            tables={opened.tables}
            areas={opened.areas}
            current={{ tables: counts, areas: opened.currentAreas }}
          />
          {!empty && (
            <Checkbox
              data-testid="restore-understand"
              onChange={(e) => {
                understood = e.target.checked;
                instance.update({
                  okButtonProps: { danger: true, disabled: !understood, 'data-testid': 'restore-confirm' } as never,
                });
              }}
            >
              {t('backup:restore.understand')}
            </Checkbox>
          )}
        </Space>
      ),
      onOk: () => {
        void finishRestore(opened);
      },
      onCancel: () => {
        void call('backup.restoreDiscard', { restoreId: opened.restoreId });
      },
    });
  };

  const configure = async (change: Parameters<typeof call<'backup.configure'>>[1]) => {
    try {
      setStatus(await call('backup.configure', change));
      window.dispatchEvent(new Event(BACKUP_STATUS_CHANGED));
      void message.success(t('backup:auto.saved'));
    } catch (error) {
      showError(error);
    }
  };

  const chooseFolder = async () => {
    try {
      setStatus(await call('backup.chooseFolder'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title={t('backup:title')} data-testid="backup-settings">
      <Typography.Paragraph type="secondary">{t('backup:description')}</Typography.Paragraph>
      {busy && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="backup-progress">
          <Typography.Text>{busy.label}</Typography.Text>
          <Progress percent={Math.round(busy.percent)} />
          {busy.opId && <Button onClick={cancel}>{t('backup:cancel')}</Button>}
        </Space>
      )}

      <Typography.Title level={5}>{t('backup:now.title')}</Typography.Title>
      <Form form={nowForm} layout="vertical" onFinish={backupNow} disabled={busy !== null}>
        <Form.Item
          name="passphrase"
          label={t('backup:now.passphrase')}
          extra={t('backup:now.passphraseHint')}
          rules={[{ required: true, min: MIN_PASSPHRASE, message: t('backup:now.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="backup-passphrase" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('backup:now.confirm')}
          dependencies={['passphrase']}
          rules={[
            { required: true, message: t('backup:now.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('passphrase')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('backup:now.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="backup-passphrase-confirm" />
        </Form.Item>
        <Form.Item name="includeKeys" valuePropName="checked" extra={t('backup:now.includeKeysNote')}>
          <Checkbox>{t('backup:now.includeKeys')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="backup-start">
          {t('backup:now.start')}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t('backup:file.title')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={pick} disabled={busy !== null} data-testid="backup-pick">
          {t('backup:file.choose')}
        </Button>
        {picked && (
          <>
            <Typography.Text data-testid="backup-picked">
              {picked.fileName} · {formatBytes(picked.size)}
              {picked.createdAt ? ` · ${t('backup:file.createdAt', { time: time(picked.createdAt) })}` : ''}
            </Typography.Text>
            {picked.errorCode ? (
              <Alert type="error" showIcon message={t(`errors:codes.${picked.errorCode}`, { version: '?' })} />
            ) : (
              <Space wrap>
                <Input.Password
                  placeholder={t('backup:file.passphrase')}
                  value={filePassphrase}
                  onChange={(e) => setFilePassphrase(e.target.value)}
                  data-testid="restore-passphrase"
                  style={{ width: 280 }}
                />
                <Button onClick={verify} disabled={busy !== null || !filePassphrase} data-testid="backup-verify">
                  {t('backup:file.verify')}
                </Button>
                <Button
                  danger
                  onClick={restore}
                  disabled={busy !== null || !filePassphrase}
                  data-testid="backup-restore"
                >
                  {t('backup:file.restore')}
                </Button>
              </Space>
            )}
            {verified && (
              <>
                <Alert type="success" showIcon message={t('backup:file.verified')} data-testid="backup-verified" />
                <ContentsTable tables={verified.tables} areas={verified.areas} />
              </>
            )}
          </>
        )}
      </Space>

      <Divider />
      <Typography.Title level={5}>{t('backup:auto.title')}</Typography.Title>
      {status && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="backup-auto">
          <Space wrap>
            <Switch checked={status.enabled} onChange={(enabled) => void configure({ enabled })} />
            <span>{t('backup:auto.enabled')}</span>
          </Space>
          <Space wrap>
            <span>{t('backup:auto.interval')}</span>
            <Select
              style={{ width: 160 }}
              value={status.intervalHours}
              onChange={(intervalHours) => void configure({ intervalHours })}
              options={[
                { value: 6, label: t('backup:auto.hours', { count: 6 }) },
                { value: 12, label: t('backup:auto.hours', { count: 12 }) },
                { value: 24, label: t('backup:auto.daily') },
                { value: 168, label: t('backup:auto.weekly') },
              ]}
            />
            <span>{t('backup:auto.keep')}</span>
            <InputNumber
              min={1}
              max={365}
              value={status.keep}
              onChange={(keep) => typeof keep === 'number' && void configure({ keep })}
            />
          </Space>
          <Space wrap>
            <span>{t('backup:auto.folder')}:</span>
            <Typography.Text code>{status.folder ?? t('backup:auto.noFolder')}</Typography.Text>
            <Button onClick={chooseFolder}>{t('backup:auto.chooseFolder')}</Button>
          </Space>
          <Checkbox
            checked={status.includeOfficeKeys}
            onChange={(e) => void configure({ includeOfficeKeys: e.target.checked })}
          >
            {t('backup:auto.includeKeys')}
          </Checkbox>
          <Space wrap>
            <Input.Password
              placeholder={t('backup:auto.passphrase')}
              value={autoPassphrase}
              onChange={(e) => setAutoPassphrase(e.target.value)}
              style={{ width: 280 }}
              autoComplete="new-password"
            />
            <Button
              disabled={autoPassphrase.length < MIN_PASSPHRASE}
              onClick={() => {
                void configure({ passphrase: autoPassphrase });
                setAutoPassphrase('');
              }}
            >
              {t('backup:auto.savePassphrase')}
            </Button>
          </Space>
          <Typography.Text type="secondary">
            {t(
              status.passphrase === 'system'
                ? 'backup:auto.passphraseSystem'
                : status.passphrase === 'session'
                  ? 'backup:auto.passphraseSession'
                  : 'backup:auto.passphraseNone',
            )}
          </Typography.Text>
          <Typography.Text>
            {status.lastSuccessAt
              ? t('backup:auto.lastSuccess', { time: time(status.lastSuccessAt) })
              : t('backup:auto.never')}
          </Typography.Text>
          {status.lastError && (
            <Alert
              type="warning"
              showIcon
              message={t('backup:auto.lastError', { error: t(`errors:codes.${status.lastError}`) })}
            />
          )}
        </Space>
      )}

      <Modal
        open={result !== null}
        title={t('backup:restore.resultTitle')}
        closable={false}
        maskClosable={false}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('backup:restore.reload')}
        okButtonProps={{ 'data-testid': 'restore-reload' } as never}
        onOk={() => window.location.reload()}
      >
        {result && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="restore-result">
            <Alert
              type={result.ok ? 'success' : 'warning'}
              showIcon
              message={t(result.ok ? 'backup:restore.resultOk' : 'backup:restore.resultBad')}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={[
                ...result.tables.map((x) => ({
                  name: x.name,
                  expected: x.expectedRows,
                  restored: x.restoredRows,
                  ok: x.hashMatches && x.expectedRows === x.restoredRows,
                })),
                ...result.areas.map((a) => ({
                  name: t(`backup:areas.${a.name}`),
                  expected: a.expectedFiles,
                  restored: a.restoredFiles,
                  ok: a.expectedFiles === a.restoredFiles,
                })),
              ]}
              columns={[
                { title: `${t('backup:contents.table')} / ${t('backup:contents.area')}`, dataIndex: 'name' },
                { title: t('backup:contents.backup'), dataIndex: 'expected' },
                { title: t('backup:contents.restored'), dataIndex: 'restored' },
                {
                  title: '',
                  dataIndex: 'ok',
                  render: (ok: boolean) => t(ok ? 'backup:contents.match' : 'backup:contents.mismatch'),
                },
              ]}
            />
          </Space>
        )}
      </Modal>
    </Card>
  );
}
