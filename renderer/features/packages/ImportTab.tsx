import { Alert, App, Button, Card, List, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBytes } from '../../../shared/format/bytes';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import { storeImportedPackage } from './bundle';
import { useOperation } from './operation';
import { errorText, formatTime, OperationProgress } from './parts';

type FoundFile = ChannelOutput<'packages.pickImport'>['files'][number];
type ReceivedRecord = ChannelOutput<'packages.received'>[number];

/** What became of one picked package, for the clerk. */
type Result =
  | {
      fileName: string;
      ok: true;
      organ: string;
      packageId: string;
      dossiers: { id: string; number: string }[];
      filesAdded: number;
    }
  | { fileName: string; ok: false; message: string; issues: string | null };

export function ImportTab({ keyState }: { keyState: 'none' | 'locked' | 'unlocked' | null }) {
  const keysReady = keyState === 'unlocked';
  const { t } = useTranslation(['packages', 'errors']);
  const { locale } = useSession();
  const { message } = App.useApp();
  const [found, setFound] = useState<FoundFile[] | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [received, setReceived] = useState<ReceivedRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperation();

  const refresh = useCallback(async () => {
    const list = await call('packages.received');
    setReceived([...list].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pick = async (folder: boolean) => {
    setError(null);
    try {
      const { files } = await call('packages.pickImport', { folder });
      setResults([]);
      setFound(files);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const importFound = async () => {
    const paths = (found ?? []).filter((f) => f.errorCode === null).map((f) => f.path);
    if (paths.length === 0) return;
    setError(null);
    try {
      const { outcomes } = await operation.run((opId) => call('packages.import', { opId, paths }));
      // Files that could not even be read as packages are reported with the rest.
      const next: Result[] = (found ?? [])
        .filter((f) => f.errorCode !== null)
        .map((f) => ({ fileName: f.fileName, ok: false, message: errorText(t, { code: f.errorCode }), issues: null }));
      // One package after another: each is written and committed before the next, so
      // a newer version of a dossier lands after the older one.
      for (const outcome of outcomes) {
        if (!outcome.ok) {
          const issues = outcome.error.issues?.map((i) => i.path.join('.')).join('；') || null;
          next.push({ fileName: outcome.fileName, ok: false, message: errorText(t, outcome.error), issues });
          continue;
        }
        const pkg = outcome.package;
        try {
          const stored = await storeImportedPackage(db(), pkg, {
            commit: (importId) => call('packages.commitImport', { importId }),
            discard: (importId) => call('packages.discardImport', { importId }),
          });
          if (stored.ok) {
            next.push({
              fileName: outcome.fileName,
              ok: true,
              organ: pkg.sender.organName,
              packageId: pkg.packageId,
              dossiers: stored.dossierIds.map((id, i) => ({ id, number: stored.numbers[i] ?? id })),
              filesAdded: stored.filesAdded,
            });
          } else if (stored.stage === 'store') {
            const reason = stored.storeCode ? t(`import.storeReasons.${stored.storeCode}`) : errorText(t, stored.error);
            next.push({
              fileName: outcome.fileName,
              ok: false,
              message: t('import.storeRefused', { reason }),
              issues: null,
            });
          } else {
            const reason = errorText(t, stored.error);
            next.push({
              fileName: outcome.fileName,
              ok: false,
              message: stored.undone
                ? t('import.commitFailed', { reason })
                : t('import.commitFailedNotUndone', { reason, numbers: stored.numbers.join('、') }),
              issues: null,
            });
          }
        } catch (e) {
          next.push({ fileName: outcome.fileName, ok: false, message: errorText(t, e), issues: null });
        }
      }
      setResults(next);
      setFound(null);
      await refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const writeReceipt = async (packageId: string) => {
    try {
      const { path } = await call('packages.writeReceipt', { packageId });
      if (!path) return;
      void message.success(t('records.receiptWritten', { path }));
      await refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const readable = (found ?? []).filter((f) => f.errorCode === null).length;

  return (
    <>
      <Card title={t('import.title')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        {keyState !== null && !keysReady && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t(keyState === 'locked' ? 'export.keysLocked' : 'export.noKeys')}
          />
        )}
        <Space wrap>
          <Button onClick={() => void pick(false)} disabled={operation.running} data-testid="import-pick-files">
            {t('import.pickFiles')}
          </Button>
          <Button onClick={() => void pick(true)} disabled={operation.running} data-testid="import-pick-folder">
            {t('import.pickFolder')}
          </Button>
        </Space>
        {found && found.length === 0 && (
          <Alert type="info" showIcon style={{ marginTop: 16 }} message={t('import.nothingFound')} />
        )}
        {found && found.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>{t('import.found', { count: found.length })}</Typography.Text>
            <List
              size="small"
              dataSource={found}
              renderItem={(f) => (
                <List.Item data-testid="import-found">
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{f.fileName}</Typography.Text>
                    {f.errorCode ? (
                      <Typography.Text className="package-found-error">
                        {t('import.unreadable', { error: errorText(t, { code: f.errorCode }) })}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">
                        {t('import.from', { organ: f.sender?.organName ?? '' })} ·{' '}
                        {t('import.madeAt', { at: formatTime(f.createdAt, locale) })} · {formatBytes(f.size)}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
            <Button
              type="primary"
              disabled={readable === 0 || operation.running || !keysReady}
              loading={operation.running}
              onClick={() => void importFound()}
              data-testid="import-start"
            >
              {t('import.start')}
            </Button>
          </div>
        )}
        {operation.progress && (
          <div style={{ marginTop: 16 }}>
            <OperationProgress progress={operation.progress} onCancel={operation.cancel} />
          </div>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 16 }} message={error} />}
        {results.length > 0 && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            {results.map((r) =>
              r.ok ? (
                <Alert
                  key={r.fileName}
                  type="success"
                  showIcon
                  data-testid="import-result"
                  data-ok="true"
                  message={r.fileName}
                  description={
                    <Space direction="vertical" size={4}>
                      <span>{t('import.ok', { count: r.dossiers.length, files: r.filesAdded, organ: r.organ })}</span>
                      <Space wrap>
                        {r.dossiers.map((d) => (
                          <Link
                            key={d.id}
                            to={`/dossiers/${encodeURIComponent(d.id)}`}
                            data-testid="import-dossier-link"
                          >
                            {d.number}
                          </Link>
                        ))}
                      </Space>
                      <Typography.Text type="secondary">{t('import.writeReceiptHint')}</Typography.Text>
                    </Space>
                  }
                />
              ) : (
                <Alert
                  key={r.fileName}
                  type="error"
                  showIcon
                  data-testid="import-result"
                  data-ok="false"
                  message={`${r.fileName} — ${t('import.failed')}`}
                  description={
                    <Space direction="vertical" size={0}>
                      <span data-testid="import-error">{r.message}</span>
                      {r.issues && (
                        <Typography.Text type="secondary">{t('import.issues', { paths: r.issues })}</Typography.Text>
                      )}
                    </Space>
                  }
                />
              ),
            )}
          </Space>
        )}
      </Card>
      <Card title={t('records.receivedTitle')}>
        <Table<ReceivedRecord>
          size="small"
          rowKey="packageId"
          dataSource={received}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('records.empty') }}
          onRow={() => ({ 'data-testid': 'received-record' }) as object}
          columns={[
            {
              title: t('records.columns.createdAt'),
              dataIndex: 'receivedAt',
              width: 160,
              render: (at: string) => formatTime(at, locale),
            },
            { title: t('records.columns.sender'), render: (_, r) => r.sender.organName },
            {
              title: t('records.columns.receipt'),
              width: 260,
              render: (_, r) => (
                <Space>
                  {r.receiptWrittenAt && (
                    <Typography.Text type="secondary">
                      {t('records.receiptWrittenAt', { at: formatTime(r.receiptWrittenAt, locale) })}
                    </Typography.Text>
                  )}
                  <Button size="small" onClick={() => void writeReceipt(r.packageId)} data-testid="write-receipt">
                    {t('records.writeReceipt')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
