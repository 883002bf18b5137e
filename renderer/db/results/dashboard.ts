import { ALL_KEY, summarize, type TallySummary } from '../../../shared/results/tally';
import type { DeskDatabase } from '../database';
import { loadCatalog, repairInterruptedWrites } from '../dossiers/store';
import { type CatalogTable, tabulateCatalog } from './tabulate';
import { loadUnitDirectory, type UnitDirectory } from './units';

/** A period of whole months of registration, as dates for the list's filter. */
export interface Period {
  /** First day of the first month, or open. */
  from?: string;
  /** Last day of the last month, or open. */
  to?: string;
}

export interface DashboardData {
  /** Dossier counts from the catalogue (what the list counts). */
  dossiers: CatalogTable;
  /** Finding figures from the office's tally row. */
  findings: TallySummary;
  directory: UnitDirectory;
}

/**
 * Everything the dashboard shows, from the catalogue kept in memory, one tally row and
 * the unit directory — never from the dossiers themselves.
 */
export async function loadDashboard(db: DeskDatabase, today: string, period: Period): Promise<DashboardData> {
  // The dashboard is the start page: a demo seed cut short is recounted before it shows.
  await repairInterruptedWrites(db);
  const [catalog, row, directory] = await db.transaction(
    'r',
    [db.meta, db.catalog, db.tallies, db.units, db.organs],
    async () => Promise.all([loadCatalog(db), db.tallies.get(ALL_KEY), loadUnitDirectory(db)]),
  );
  return {
    dossiers: tabulateCatalog(catalog, { today, registeredFrom: period.from, registeredTo: period.to }),
    findings: summarize([row], { today, from: period.from?.slice(0, 7), to: period.to?.slice(0, 7) }),
    directory,
  };
}

export interface UnitGroup {
  /** The organ the bar stands for (with everything below it); the list's `unit` filter. */
  id: string;
  name: string;
  /** The chosen organ's own dossiers, apart from its branches. */
  itself: boolean;
  own: number;
  received: number;
  overdue: number;
}

/**
 * Dossier counts of the branches under `root` (default: the deepest organ above every
 * organ with dossiers). Dossiers counted under organs outside `root`, or under none, are
 * left out: the list cannot show "none" as a filter.
 */
export function compareUnits(
  table: CatalogTable,
  directory: UnitDirectory,
  root?: string,
): { root: string; groups: UnitGroup[] } {
  const { tree } = directory;
  const ids: string[] = [];
  for (const [code, counts] of table.byUnit) {
    const unit = directory.byCode.get(code);
    if (unit && counts.own + counts.received > 0) ids.push(unit.id);
  }
  const chosen = root ?? tree.commonRoot(ids);
  const groups = new Map<string, UnitGroup>();
  for (const [code, counts] of table.byUnit) {
    const unit = directory.byCode.get(code);
    if (!unit) continue;
    // Organs the registry does not hold (senders outside it) stand alone at the top.
    const branch = tree.has(unit.id) ? tree.branchOf(chosen, unit.id) : chosen === '' ? unit.id : undefined;
    if (!branch) continue;
    let g = groups.get(branch);
    if (!g) {
      g = {
        id: branch,
        name: tree.get(branch)?.name ?? directory.units.find((u) => u.id === branch)?.name ?? branch,
        itself: branch === chosen,
        own: 0,
        received: 0,
        overdue: 0,
      };
      groups.set(branch, g);
    }
    g.own += counts.own;
    g.received += counts.received;
    g.overdue += counts.overdue;
  }
  return {
    root: chosen,
    groups: [...groups.values()].sort(
      (a, b) => b.own + b.received - (a.own + a.received) || a.name.localeCompare(b.name),
    ),
  };
}
