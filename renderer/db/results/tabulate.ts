import { toDayNumber } from '../../../shared/calendar/dates';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from '../../../shared/domain/dossier';
import { CATEGORY_SLOTS } from '../../../shared/results/tally';
import type { Catalog } from '../dossiers/catalog';
import { SEGMENT } from '../dossiers/layout';

/**
 * The dashboard's dossier counts in one pass over the catalogue's columns — the same
 * columns and the same tests the list's filters use, so every number here is what the
 * list shows when the chart is clicked. At 100,000 dossiers the pass takes a few
 * milliseconds and reads nothing from the database.
 */
export interface CatalogTable {
  total: number;
  received: number;
  /** Past the earliest date something is owed (the list's "overdue"). */
  overdue: number;
  byKind: number[];
  byStatus: number[];
  overdueByKind: number[];
  /** Dossiers with at least one finding of each category. */
  byCategory: number[];
  /** 'YYYY-MM' → dossiers registered, and of them overdue now. */
  byMonth: Map<string, { count: number; overdue: number }>;
  /** Unit code → own, received and overdue dossiers. */
  byUnit: Map<number, { own: number; received: number; overdue: number }>;
}

/** 'YYYY-MM' of a day number (days since 1970-01-01), without building a date string per row. */
function monthKeyOfDay(day: number, cache: Map<number, string>): string {
  // Months change at most every 28 days: remember the answer per day.
  let key = cache.get(day);
  if (key === undefined) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    key = `${y}-${m < 10 ? '0' : ''}${m}`;
    cache.set(day, key);
  }
  return key;
}

export function tabulateCatalog(
  catalog: Catalog,
  options: { today: string; registeredFrom?: string; registeredTo?: string },
): CatalogTable {
  const todayDay = toDayNumber(options.today);
  const from = options.registeredFrom ? toDayNumber(options.registeredFrom) : 0;
  const to = options.registeredTo ? toDayNumber(options.registeredTo) : 0xffff;
  const byKind = new Array<number>(DOSSIER_KINDS.length).fill(0);
  const byStatus = new Array<number>(DOSSIER_STATUSES.length).fill(0);
  const overdueByKind = new Array<number>(DOSSIER_KINDS.length).fill(0);
  const categoryCounts = new Uint32Array(16);
  // Counted per registration day first: far fewer days than dossiers.
  const perDay = new Map<number, { count: number; overdue: number }>();
  const byUnit = new Map<number, { own: number; received: number; overdue: number }>();
  let total = 0;
  let received = 0;
  let overdue = 0;
  for (let s = 0; s * SEGMENT < catalog.size; s++) {
    const seg = catalog.segments[s];
    if (!seg) continue;
    const end = Math.min(SEGMENT, catalog.size - s * SEGMENT);
    for (let i = 0; i < end; i++) {
      const status = seg.status[i] as number;
      if (status === 0) continue;
      const registered = seg.registered[i] as number;
      if (registered < from || registered > to) continue;
      const kind = (seg.kind[i] as number) - 1;
      const isReceived = ((seg.flags[i] as number) & 1) === 1;
      const due = seg.due[i] as number;
      const isOverdue = due !== 0 && due < todayDay;
      total++;
      byStatus[status - 1] = (byStatus[status - 1] as number) + 1;
      byKind[kind] = (byKind[kind] as number) + 1;
      if (isReceived) received++;
      if (isOverdue) {
        overdue++;
        overdueByKind[kind] = (overdueByKind[kind] as number) + 1;
      }
      let cats = seg.cats[i] as number;
      while (cats !== 0) {
        const bit = 31 - Math.clz32(cats);
        categoryCounts[bit] = (categoryCounts[bit] as number) + 1;
        cats &= ~(1 << bit);
      }
      let day = perDay.get(registered);
      if (!day) {
        day = { count: 0, overdue: 0 };
        perDay.set(registered, day);
      }
      day.count++;
      if (isOverdue) day.overdue++;
      const unit = seg.unit[i] as number;
      let u = byUnit.get(unit);
      if (!u) {
        u = { own: 0, received: 0, overdue: 0 };
        byUnit.set(unit, u);
      }
      if (isReceived) u.received++;
      else u.own++;
      if (isOverdue) u.overdue++;
    }
  }
  const monthCache = new Map<number, string>();
  const byMonth = new Map<string, { count: number; overdue: number }>();
  for (const [day, n] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
    const key = monthKeyOfDay(day, monthCache);
    const m = byMonth.get(key) ?? { count: 0, overdue: 0 };
    m.count += n.count;
    m.overdue += n.overdue;
    byMonth.set(key, m);
  }
  return {
    total,
    received,
    overdue,
    byKind,
    byStatus,
    overdueByKind,
    byCategory: Array.from(categoryCounts.subarray(0, CATEGORY_SLOTS)),
    byMonth,
    byUnit,
  };
}
