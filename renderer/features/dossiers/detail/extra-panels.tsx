import type { TFunction } from 'i18next';
import { type ComponentType, lazy, type ReactNode } from 'react';
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
  label?(t: TFunction): ReactNode;
  Component: ComponentType<DossierPanelProps>;
}

export const DOSSIER_PANELS: DossierPanel[] = [
  {
    key: 'clue-origin',
    placement: 'overview',
    applies: (r) => !!r.dossier.links.clueId,
    Component: lazy(() => import('../../clues/ClueOriginPanel')),
  },
];
