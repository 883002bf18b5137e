import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The dossier's evidence (证据材料). A placeholder: the lead swaps in the evidence
 * store's EvidencePanel (add, preview, soft-remove) built on the registries branch.
 */
export function EvidenceTab({ dossierId, readOnly }: { dossierId: string; readOnly: boolean }) {
  const { t } = useTranslation('dossiers');
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('detail.evidencePlaceholder')}
      data-dossier-id={dossierId}
      data-read-only={readOnly}
      data-testid="evidence-tab"
    />
  );
}
