import type { Clue } from '../../../shared/clues/clue';
import {
  countsByWorkKind,
  DOSSIER_WORK_STATUSES,
  type DossierOverdue,
  type DossierWorkKind,
  dossierOverdue,
  type OverdueSummary,
  summarize,
} from '../../../shared/followup/overdue';
import type { DeskDatabase } from '../database';
import type { PageCursor } from '../dossiers/catalog';
import type { DossierCard } from '../dossiers/layout';
import { countDossiers, getDossier, listDossiers } from '../dossiers/store';
import { overdueClues } from './clues';

/**
 * Everything overdue, counted: dossiers from the catalogue (its counts per status under
 * the overdue filter — no dossier is read), clues from their deadline indexes.
 */
export async function overdueSummary(db: DeskDatabase, today: string): Promise<OverdueSummary> {
  const [dossiers, assessments, replies] = await Promise.all([
    countDossiers(db, { overdue: true, origin: 'own' }, today),
    overdueClues(db, 'assessment', today, 0),
    overdueClues(db, 'referral_reply', today, 0),
  ]);
  return summarize(countsByWorkKind(dossiers.counts), assessments.total, replies.total);
}

export interface OverdueDossierRow {
  card: DossierCard;
  /** What exactly is late, read from the dossier itself. */
  items: DossierOverdue[];
  /** Rectification overdue in a status where the workflow allows a measure. */
  canEscalate: boolean;
}

export interface OverdueDossierPage {
  rows: OverdueDossierRow[];
  total: number;
  next?: PageCursor;
}

/**
 * One page of overdue dossiers of a kind of work, most overdue first: the catalogue
 * picks and orders them, and only the page's dossiers are read for the detail.
 */
export async function overdueDossiers(
  db: DeskDatabase,
  kind: DossierWorkKind,
  today: string,
  options: { limit?: number; cursor?: PageCursor } = {},
): Promise<OverdueDossierPage> {
  const page = await listDossiers(
    db,
    { overdue: true, origin: 'own', statuses: [...DOSSIER_WORK_STATUSES[kind]], sort: 'due', direction: 'asc' },
    { today, limit: options.limit ?? 50, ...(options.cursor ? { cursor: options.cursor } : {}) },
  );
  const records = await db.transaction('r', [db.cards, db.bodies], () =>
    Promise.all(page.cards.map((c) => getDossier(db, c.id))),
  );
  const rows = page.cards.map((card, i) => {
    const r = records[i];
    const items = r ? dossierOverdue(r.dossier, r.findings, today) : [];
    return {
      card,
      items,
      canEscalate:
        (card.status === 'rectifying' || card.status === 'verifying') &&
        items.some((item) => item.kind === 'rectification'),
    };
  });
  return { rows, total: page.total, ...(page.next ? { next: page.next } : {}) };
}

export async function overdueClueRows(
  db: DeskDatabase,
  kind: 'assessment' | 'referral_reply',
  today: string,
): Promise<{ clues: Clue[]; total: number }> {
  return overdueClues(db, kind, today, 500);
}
