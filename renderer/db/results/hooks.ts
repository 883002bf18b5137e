import { categoryIndex } from '../../../shared/results/tally';
import type { DeskDatabase } from '../database';
import type { CatalogFilter } from '../dossiers/catalog';
import type { DossierQuery } from '../dossiers/filters';
import { BODY_BLOCK, type BodyBlock, CARD_BLOCK, type CardBlock } from '../dossiers/layout';
import type { PreviousTally } from './aggregates';
import { unitCodesUnder } from './units';

/**
 * The few points where the dossier store meets the results feature, kept here so the
 * store's own code changes by a line at each.
 */

/** Tables every dossier write also writes: the tallies and the unit directory. */
export function aggregateTables(db: DeskDatabase) {
  return [db.tallies, db.units];
}

/** Tables a list query reads for the organ filter. */
export function RESULT_READ_TABLES(db: DeskDatabase) {
  return [db.units, db.organs];
}

/** What a slot held before a write, from the blocks the write has read anyway. */
export function previousTally(
  body: BodyBlock | undefined,
  cards: CardBlock | undefined,
  slot: number,
): PreviousTally | null {
  const stored = body?.items[slot % BODY_BLOCK];
  if (!stored) return null;
  return { record: stored, unit: cards?.cards[slot % CARD_BLOCK]?.unit ?? 0 };
}

/** The catalogue filter of a list query: its own filters plus the category and organ ones. */
export async function catalogFilterOf(db: DeskDatabase, q: DossierQuery): Promise<CatalogFilter> {
  return {
    ...q,
    ...(q.category ? { categories: 1 << categoryIndex(q.category) } : {}),
    ...(q.unitId ? { units: await unitCodesUnder(db, q.unitId) } : {}),
  };
}
