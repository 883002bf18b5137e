import { Button, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { documentSourceFromDossier } from '../../../../shared/documents/from-dossier';
import type { DocumentSummary } from '../../../../shared/documents/records';
import { call } from '../../../api/client';
import { useErrorMessage } from '../../../components/use-error-message';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { DraftDocumentButton, documentPath } from '../../documents/draft-from-source';
import { PdfPreview } from '../../evidence/PdfPreview';
import { evidenceUrl } from '../../evidence/PreviewModal';
import { useDossiers } from '../data/use-store';

const STATUS_COLORS: Record<DocumentSummary['status'], string> = {
  draft: 'default',
  issued: 'green',
  voided: 'red',
  superseded: 'orange',
};

/** A dossier's documents: drafts and issued ones, and drafting a new one from the dossier. */
export function DocumentsTab({ record, readOnly }: { record: DossierRecord; readOnly: boolean }) {
  if (record.dossier.origin.kind === 'received') return <ReceivedDocuments record={record} />;
  return <OwnDocuments record={record} readOnly={readOnly} />;
}

interface ReceivedDocument {
  documentId: string;
  type: string;
  number: string;
  title: string;
  issuedAt: string;
  pdfSha256: string;
}

/**
 * Documents a lower organ issued, as its package carried them: named by the dossier's
 * timeline, their PDFs stored by hash beside the evidence. They are the sender's
 * documents, so there is nothing to draft or edit here, only to read.
 */
function ReceivedDocuments({ record }: { record: DossierRecord }) {
  const { t } = useTranslation(['documents', 'dossiers']);
  const [shown, setShown] = useState<ReceivedDocument | null>(null);
  const documents = useMemo<ReceivedDocument[]>(
    () =>
      record.events
        .filter((e) => e.type === 'document_issued')
        .map((e) => ({
          documentId: String(e.data.documentId ?? ''),
          type: String(e.data.documentType ?? ''),
          number: String(e.data.number ?? ''),
          title: String(e.data.title ?? ''),
          issuedAt: String(e.data.issuedAt ?? e.at).slice(0, 10),
          pdfSha256: String(e.data.pdfSha256 ?? ''),
        })),
    [record.events],
  );
  if (documents.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossiers:detail.documentsEmpty')} />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="dossier-documents">
      <Typography.Text type="secondary">{t('dossiers:detail.receivedDocumentsHint')}</Typography.Text>
      <Table<ReceivedDocument>
        size="small"
        rowKey="documentId"
        dataSource={documents}
        pagination={false}
        columns={[
          { title: t('list.type'), dataIndex: 'type', render: (type: string) => t(`types.${type}`, type) },
          { title: t('list.number'), dataIndex: 'number', render: (n: string) => n || '—' },
          { title: t('list.titleColumn'), dataIndex: 'title', ellipsis: true },
          { title: t('list.date'), dataIndex: 'issuedAt', width: 120 },
          {
            title: '',
            width: 80,
            render: (_: unknown, doc) => (
              <Button type="link" size="small" disabled={!doc.pdfSha256} onClick={() => setShown(doc)}>
                {t('list.open')}
              </Button>
            ),
          },
        ]}
      />
      {shown && (
        <Modal
          open
          width={900}
          title={shown.number ? `${shown.number} ${shown.title}` : shown.title}
          onCancel={() => setShown(null)}
          footer={null}
          destroyOnHidden
          data-testid="received-document-preview"
        >
          <PdfPreview url={evidenceUrl(shown.pdfSha256)} />
        </Modal>
      )}
    </Space>
  );
}

function OwnDocuments({ record, readOnly }: { record: DossierRecord; readOnly: boolean }) {
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
