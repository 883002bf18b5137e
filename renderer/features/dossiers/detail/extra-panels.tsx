import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRecord } from '../../../db/dossiers/layout';

/** What a panel gets: the dossier, and a way to show the dossier changed. */
export interface DossierPanelProps {
  record: DossierRecord;
  onChanged(next: DossierRecord): void;
  readOnly: boolean;
}

/**
 * Sections other features add to a dossier's page: below the overview, or as a tab
 * before the timeline. Each panel says which dossiers it applies to; its code loads
 * only when shown. Features append their panels here, as they append routes.
 */
export interface DossierPanel {
  key: string;
  placement: 'overview' | 'tab';
  applies(record: DossierRecord): boolean;
  /** A tab's label: a key of the panel's own catalogue, "namespace:key". */
  label?: string;
  Component: ComponentType<DossierPanelProps>;
}

export const DOSSIER_PANELS: DossierPanel[] = [
  {
    key: 'clue-origin',
    placement: 'overview',
    applies: (r) => !!r.dossier.links.clueId,
    Component: lazy(() => import('../../clues/ClueOriginPanel')),
  },
  {
    key: 'campaign',
    placement: 'tab',
    applies: (r) => (r.dossier.kind === 'special' || r.dossier.kind === 'inspection') && !r.dossier.links.parentId,
    label: 'campaigns:panel.tab',
    Component: lazy(() => import('../../campaigns/CampaignPanel')),
  },
  {
    key: 'campaign-child',
    placement: 'overview',
    applies: (r) => !!r.dossier.links.parentId,
    Component: lazy(() => import('../../campaigns/CampaignChildPanel')),
  },
  {
    key: 'coordination',
    placement: 'tab',
    applies: (r) => r.dossier.kind === 'coordination',
    label: 'coordination:tab',
    Component: lazy(() => import('../../coordination/CoordinationPanel')),
  },
  {
    key: 'review',
    placement: 'tab',
    applies: (r) => !!r.dossier.workflow.service || !!r.dossier.workflow.review,
    label: 'coordination:review.tab',
    Component: lazy(() => import('../../coordination/ReviewRequestsPanel')),
  },
];

function LabelText({ label }: { label: string }) {
  const { t } = useTranslation(label.split(':')[0]);
  return <>{t(label)}</>;
}

/** A tab label in its feature's catalogue, which loads with the label (blank until it has). */
export function PanelLabel({ label }: { label: string }) {
  return (
    <Suspense fallback={null}>
      <LabelText label={label} />
    </Suspense>
  );
}
