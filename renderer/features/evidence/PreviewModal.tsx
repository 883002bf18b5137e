import { Alert, Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/domain/dossier';
import { formatBytes } from '../../../shared/format/bytes';
import { PdfPreview } from './PdfPreview';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
const MAX_IMAGE_PREVIEW = 64 * 1024 * 1024;
const MAX_PDF_PREVIEW = 128 * 1024 * 1024;

/** The URL the main process serves stored evidence under, on the app's own origin. */
export const evidenceUrl = (sha256: string) => `/evidence/${sha256}`;

export function PreviewModal({ item, onClose }: { item: Evidence; onClose(): void }) {
  const { t } = useTranslation(['evidence', 'common']);
  const url = evidenceUrl(item.sha256);
  const isImage = IMAGE_TYPES.has(item.mimeType);
  const isPdf = item.mimeType === 'application/pdf';
  const tooLarge = (isImage && item.size > MAX_IMAGE_PREVIEW) || (isPdf && item.size > MAX_PDF_PREVIEW);

  let body: React.ReactNode;
  if (tooLarge)
    body = <Alert type="info" showIcon title={t('evidence:tooLargeToPreview', { size: formatBytes(item.size) })} />;
  else if (isImage)
    body = <img className="evidence-image" src={url} alt={item.fileName} data-testid="evidence-image" />;
  else if (isPdf) body = <PdfPreview url={url} />;
  else body = <Alert type="info" showIcon title={t('evidence:noPreview')} />;

  return (
    <Modal
      open
      width={900}
      title={item.fileName}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="evidence-preview"
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('evidence:columns.type')}>{item.mimeType}</Descriptions.Item>
        <Descriptions.Item label={t('evidence:columns.size')}>{formatBytes(item.size)}</Descriptions.Item>
        <Descriptions.Item label={t('evidence:columns.sha256')} span={2}>
          <code className="evidence-hash-full">{item.sha256}</code>
        </Descriptions.Item>
      </Descriptions>
      <div className="evidence-preview-body">{body}</div>
    </Modal>
  );
}
