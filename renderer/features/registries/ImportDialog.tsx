import { Alert, App, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryKind } from '../../../shared/domain/registry';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { type ImportPlan, type ImportProblem, type ImportRow, planImport } from '../../../shared/registry/import-plan';
import type { RegistrySnapshot } from '../../../shared/registry/rules';
import { useErrorMessage } from '../../components/use-error-message';
import { ImportConflict, writeImport } from './data';
import { VIRTUAL_FROM } from './RegistryTable';

export type TableFile = NonNullable<ChannelOutput<'registry.readTable'>>;

export interface ImportDialogProps {
  kind: RegistryKind;
  file: TableFile;
  initialSheet: number;
  snapshot: RegistrySnapshot;
  onClose(imported: number): void;
}

/**
 * The import preview: every row of the sheet with what is wrong with it. Nothing is
 * written until the clerk confirms; then all valid rows go in one transaction.
 */
export function ImportDialog({ kind, file, initialSheet, snapshot, onClose }: ImportDialogProps) {
  const { t } = useTranslation(['registries', 'common', 'errors']);
  const [sheetIndex, setSheetIndex] = useState(initialSheet);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [writing, setWriting] = useState(false);
  const { message } = App.useApp();
  const showError = useErrorMessage();

  // The preview is planned against the registry as it was when the file was read;
  // the write checks again against the registry as it is then.
  const [basis] = useState(snapshot);
  const plan: ImportPlan = useMemo(() => {
    const sheet = file.sheets[sheetIndex] ?? { name: '', rows: [] };
    return planImport(kind, sheet, basis, { newId: () => crypto.randomUUID(), now: new Date().toISOString() });
  }, [file, sheetIndex, kind, basis]);

  const columnLabel = (key: string) => t(`registries:columns.${kind}.${key}`, { defaultValue: key });
  const problemText = (p: ImportProblem) => {
    const text = t(p.key, { ...p.params, column: p.column ? columnLabel(p.column) : '' });
    return p.column && !p.key.endsWith('missingColumn')
      ? t('registries:import.problemLine', { column: columnLabel(p.column), text })
      : text;
  };

  const invalid = plan.rows.filter((r) => r.problems.length > 0).length;
  const rows = onlyProblems ? plan.rows.filter((r) => r.problems.length > 0) : plan.rows;
  const canImport = plan.fileProblems.length === 0 && plan.valid.length > 0;

  const confirm = async () => {
    setWriting(true);
    try {
      const count = await writeImport(kind, plan.valid);
      void message.success(t('registries:messages.imported', { count }));
      onClose(count);
    } catch (error) {
      if (error instanceof ImportConflict) {
        const detail = error.issues.map((i) => t(i.key, i.params)).join('；');
        void message.error(t('registries:messages.importConflict', { detail }));
      } else {
        showError(error);
      }
    } finally {
      setWriting(false);
    }
  };

  const columns: ColumnsType<ImportRow> = [
    { title: t('registries:import.line'), dataIndex: 'line', width: 64, fixed: 'left' },
    {
      title: t('registries:import.result'),
      key: 'result',
      width: 300,
      render: (_: unknown, row: ImportRow) =>
        row.problems.length === 0 ? (
          <Tag color="success">{t('registries:import.ok')}</Tag>
        ) : (
          <ul className="import-problems" data-testid={`import-problems-${row.line}`}>
            {row.problems.map((p) => (
              <li key={`${p.column}-${p.key}`}>{problemText(p)}</li>
            ))}
          </ul>
        ),
    },
    ...plan.columns.map((key) => ({
      title: columnLabel(key),
      key,
      width: 140,
      ellipsis: true,
      render: (_: unknown, row: ImportRow) => {
        const bad = row.problems.some((p) => p.column === key);
        return <span className={bad ? 'import-cell-bad' : undefined}>{row.cells[key] ?? ''}</span>;
      },
    })),
  ];

  return (
    <Modal
      open
      width={1080}
      title={t('registries:import.title', { registry: t(`registries:tabs.${kind}`) })}
      onCancel={() => onClose(0)}
      onOk={() => void confirm()}
      okText={
        canImport ? t('registries:import.confirm', { count: plan.valid.length }) : t('registries:import.nothingValid')
      }
      okButtonProps={{ disabled: !canImport, loading: writing, 'data-testid': 'import-confirm' }}
      cancelButtonProps={{ 'data-testid': 'import-cancel' }}
      cancelText={t('common:cancel')}
      destroyOnHidden
      centered
      maskClosable={false}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text type="secondary">{t('registries:import.file', { fileName: file.fileName })}</Typography.Text>
          {file.sheets.length > 1 && (
            <Space>
              <span>{t('registries:import.sheet')}</span>
              <Select
                value={sheetIndex}
                onChange={setSheetIndex}
                style={{ minWidth: 160 }}
                options={file.sheets.map((s, i) => ({ value: i, label: s.name }))}
              />
            </Space>
          )}
        </Space>
        {plan.fileProblems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('registries:import.fileProblem')}
            description={
              <ul className="import-problems">
                {plan.fileProblems.map((p) => (
                  <li key={`${p.column}-${p.key}`}>{problemText(p)}</li>
                ))}
              </ul>
            }
            data-testid="import-file-problems"
          />
        ) : (
          <Alert
            type={invalid > 0 ? 'warning' : 'info'}
            showIcon
            title={t('registries:import.summary', { total: plan.rows.length, valid: plan.valid.length, invalid })}
            description={t('registries:import.hint')}
            data-testid="import-summary"
          />
        )}
        {plan.ignoredColumns.length > 0 && (
          <Alert
            type="info"
            title={t('registries:import.ignoredColumns', { columns: plan.ignoredColumns.join('、') })}
          />
        )}
        {plan.rows.length > 0 && (
          <>
            <Space>
              <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} id="import-only-problems" />
              <label htmlFor="import-only-problems">{t('registries:import.onlyProblems')}</label>
            </Space>
            <Table<ImportRow>
              size="small"
              rowKey="line"
              columns={columns}
              dataSource={rows}
              pagination={false}
              virtual={rows.length > VIRTUAL_FROM}
              scroll={{ x: 64 + 300 + plan.columns.length * 140, y: 340 }}
              rowClassName={(row) => (row.problems.length > 0 ? 'import-row-bad' : '')}
              data-testid="import-preview"
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
