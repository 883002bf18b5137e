import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { documentSourceFromDossier } from '../../../../shared/documents/from-dossier';
import type { DocumentSummary } from '../../../../shared/documents/records';
import { call } from '../../../api/client';
import { useErrorMessage } from '../../../components/use-error-message';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { DraftDocumentButton, documentPath } from '../../documents/draft-from-source';
import { useDossiers } from '../data/use-store';

const STATUS_COLORS: Record<DocumentSummary['status'], string> = {
  draft: 'default',
  issued: 'green',
  voided: 'red',
  superseded: 'orange',
};

/** A dossier's documents: drafts and issued ones, and drafting a new one from the dossier. */
export function DocumentsTab({ record, readOnly }: { record: DossierRecord; readOnly: boolean }) {
  const { t } = useTranslation(['documents', 'dossiers']);
  const { db } = useDossiers();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const dossierId = record.dossier.id;

  useEffect(() => {
    let live = true;
    call('documents.list', { dossierId }).then(
      (list) => live && setDocuments(list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
      (error: unknown) => {
        showError(error);
        if (live) setDocuments([]);
      },
    );
    return () => {
      live = false;
    };
  }, [dossierId, showError]);

  const source = async () => {
    const [organs, subjects, evidence] = await Promise.all([
      db.organs.bulkGet(record.dossier.supervisedOrganIds),
      db.subjects.bulkGet(record.dossier.subjectIds),
      db.evidence.where('dossierId').equals(dossierId).toArray(),
    ]);
    return documentSourceFromDossier({
      dossier: record.dossier,
      findings: record.findings,
      evidence,
      names: {
        organs: organs.flatMap((o) => (o ? [o.name] : [])),
        subjects: subjects.flatMap((s) => (s ? [s.name] : [])),
      },
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="dossier-documents">
      {!readOnly && (
        <Space>
          <DraftDocumentButton source={source} />
          <Typography.Text type="secondary">{t('dossiers:detail.documentsHint')}</Typography.Text>
        </Space>
      )}
      {documents && documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossiers:detail.documentsEmpty')} />
      ) : (
        <Table<DocumentSummary>
          size="small"
          rowKey="id"
          loading={documents === null}
          dataSource={documents ?? []}
          pagination={false}
          onRow={(doc) => ({ onClick: () => navigate(documentPath(doc.id)), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('list.type'), dataIndex: 'type', render: (type: DocumentSummary['type']) => t(`types.${type}`) },
            { title: t('list.number'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
            { title: t('list.titleColumn'), dataIndex: 'title', ellipsis: true },
            { title: t('list.date'), dataIndex: 'date', width: 120 },
            {
              title: t('list.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: DocumentSummary['status']) => (
                <Tag color={STATUS_COLORS[status]}>{t(`statuses.${status}`)}</Tag>
              ),
            },
            {
              title: '',
              width: 80,
              render: (_: unknown, doc) => (
                <Button type="link" size="small" onClick={() => navigate(documentPath(doc.id))}>
                  {t('list.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
