import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RegistryKind, RegistryRecords } from '../../../shared/domain/registry';
import { REGISTRY_COLUMNS } from '../../../shared/registry/columns';
import type { RegistrySnapshot } from '../../../shared/registry/rules';
import { cellValue } from './spreadsheet';

type AnyRecord = RegistryRecords[RegistryKind];

/** Row count from which a table renders only the rows in view. */
export const VIRTUAL_FROM = 300;

export interface RegistryTableProps {
  kind: RegistryKind;
  records: readonly AnyRecord[];
  snapshot: RegistrySnapshot;
  onEdit(record: AnyRecord): void;
  onToggleActive(record: AnyRecord): void;
  emptyText: string;
}

/** A registry's records; a county's thousands of officers scroll smoothly (virtualised). */
export function RegistryTable({ kind, records, snapshot, onEdit, onToggleActive, emptyText }: RegistryTableProps) {
  const { t } = useTranslation(['registries', 'common']);
  const specs = REGISTRY_COLUMNS[kind].filter((c) => c.type !== 'active');
  const columns: ColumnsType<AnyRecord> = [
    ...specs.map((spec) => ({
      key: spec.key,
      title: t(`registries:columns.${kind}.${spec.key}`),
      width: Math.max(100, spec.width * 7),
      ellipsis: { showTitle: false },
      render: (_: unknown, record: AnyRecord) => {
        const text = cellValue(t, spec, record, snapshot);
        if (kind === 'officers' && spec.key === 'status') {
          const status = (record as RegistryRecords['officers']).status;
          return <Tag color={status === 'active' ? 'blue' : status === 'suspended' ? 'orange' : 'default'}>{text}</Tag>;
        }
        return (
          <Tooltip title={text.length > spec.width ? text : undefined} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        );
      },
    })),
    {
      key: 'active',
      title: t(`registries:columns.${kind}.active`),
      width: 80,
      render: (_: unknown, record: AnyRecord) =>
        record.active ? (
          <Tag color="green">{t('registries:activeLabels.active')}</Tag>
        ) : (
          <Tag>{t('registries:activeLabels.inactive')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('registries:actions.actions'),
      width: 130,
      fixed: 'right',
      render: (_: unknown, record: AnyRecord) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(record)}>
            {t('registries:actions.edit')}
          </Button>
          <Button type="link" size="small" danger={record.active} onClick={() => onToggleActive(record)}>
            {record.active ? t('registries:actions.deactivate') : t('registries:actions.reactivate')}
          </Button>
        </Space>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
  return (
    <Table<AnyRecord>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={records as AnyRecord[]}
      pagination={false}
      // Long lists are virtualised; short ones keep full table semantics for screen readers.
      virtual={records.length > VIRTUAL_FROM}
      scroll={{ x: width, y: 520 }}
      rowClassName={(r) => (r.active ? '' : 'registry-row-inactive')}
      locale={{ emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }}
      data-testid={`registry-table-${kind}`}
    />
  );
}
