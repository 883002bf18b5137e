import { App, Button, Drawer, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentType } from '../../../shared/documents/types';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';

type Entry = ChannelOutput<'documents.types'>[number];

/** The number prefix of each type (e.g. 青司执监意), editable by the office. */
export function PrefixesDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation(['documents', 'common']);
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [edits, setEdits] = useState<Partial<Record<DocumentType, string>>>({});

  useEffect(() => {
    if (!open) return;
    setEdits({});
    call('documents.types').then(setEntries, showError);
  }, [open, showError]);

  const save = async (type: DocumentType, prefix: string | null) => {
    try {
      setEntries(await call('documents.setPrefix', { type, prefix }));
      setEdits((e) => ({ ...e, [type]: undefined }));
      void message.success(t('documents:prefixes.saved'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('documents:prefixes.title')} size={640}>
      <Typography.Paragraph type="secondary">{t('documents:prefixes.description')}</Typography.Paragraph>
      <Table<Entry>
        rowKey="type"
        size="small"
        pagination={false}
        dataSource={entries}
        columns={[
          {
            title: t('documents:list.type'),
            dataIndex: 'type',
            render: (v: DocumentType) => t(`documents:types.${v}`),
          },
          {
            title: t('documents:prefixes.title'),
            dataIndex: 'prefix',
            width: 260,
            render: (prefix: string, row) => {
              const value = edits[row.type] ?? prefix;
              return (
                <Space.Compact>
                  <Input
                    value={value}
                    maxLength={20}
                    onChange={(e) => setEdits((x) => ({ ...x, [row.type]: e.target.value }))}
                    onPressEnter={() => value.trim() && void save(row.type, value.trim())}
                  />
                  <Button
                    disabled={!value.trim() || value === prefix}
                    onClick={() => void save(row.type, value.trim())}
                  >
                    {t('common:save')}
                  </Button>
                  <Button disabled={prefix === row.defaultPrefix} onClick={() => void save(row.type, null)}>
                    {t('documents:prefixes.reset')}
                  </Button>
                </Space.Compact>
              );
            },
          },
        ]}
      />
    </Drawer>
  );
}
