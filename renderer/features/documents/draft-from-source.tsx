import { FileAddOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentDetail } from '../../../shared/documents/records';
import type { DocumentSource } from '../../../shared/documents/source';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/documents/types';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call, onEvent } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';

/**
 * The entry points other features use. The dossier feature assembles a DocumentSource
 * from a dossier and calls `draftDocumentFromSource`, or drops in <DraftDocumentButton>;
 * it learns about issuance (for its timeline) through `onDocumentIssued`.
 */
export async function draftDocumentFromSource(type: DocumentType, source: DocumentSource): Promise<DocumentDetail> {
  return call('documents.createDraft', { type, source });
}

/** Where the editor of a document lives. */
export const documentPath = (id: string) => `/documents/${id}`;

type IssuedListener = (document: DocumentDetail) => void;
const issuedListeners = new Set<IssuedListener>();

/** Called after every issuance in this window, with the issued document (its dossierId, number, hashes). */
export function onDocumentIssued(listener: IssuedListener): () => void {
  issuedListeners.add(listener);
  return () => issuedListeners.delete(listener);
}

export function notifyIssued(document: DocumentDetail): void {
  for (const listener of issuedListeners) listener(document);
}

/** A "draft document" menu button: pick the type, get a filled draft, open it. */
export function DraftDocumentButton(props: {
  source: DocumentSource | (() => DocumentSource | Promise<DocumentSource>);
  types?: readonly DocumentType[];
  /** Called with the new draft before it opens, e.g. to link it to what it was drafted from. */
  onDrafted?: (draft: DocumentDetail) => void | Promise<void>;
}) {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const types = props.types ?? DOCUMENT_TYPES;
  const start = async (type: DocumentType) => {
    try {
      const source = typeof props.source === 'function' ? await props.source() : props.source;
      const draft = await draftDocumentFromSource(type, source);
      await props.onDrafted?.(draft);
      navigate(documentPath(draft.id));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: types.map((type) => ({ key: type, label: t(`types.${type}`) })),
        onClick: ({ key }) => void start(key as DocumentType),
      }}
    >
      <Button icon={<FileAddOutlined />} data-testid="draft-document">
        {t('draftFromDossier')}
      </Button>
    </Dropdown>
  );
}

/**
 * Documents for many sources at once (e.g. every child dossier of a campaign), with
 * progress; `cancel()` stops before the next item and keeps what is done. A failed item
 * is reported in the results and does not stop the others.
 */
export function startDocumentBatch(
  type: DocumentType,
  sources: DocumentSource[],
  options: { issue: boolean; onProgress?: (done: number, total: number) => void },
): { result: Promise<ChannelOutput<'documents.batch'>>; cancel(): Promise<void> } {
  const opId = `documents-batch-${crypto.randomUUID()}`;
  const off = onEvent('op.progress', (p) => {
    if (p.opId === opId) options.onProgress?.(p.done, p.total);
  });
  const result = call('documents.batch', { opId, type, sources, issue: options.issue }).finally(off);
  return {
    result,
    cancel: async () => {
      await call('ops.cancel', { opId });
    },
  };
}
