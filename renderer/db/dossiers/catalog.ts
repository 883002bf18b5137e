import { toDayNumber } from '../../../shared/calendar/dates';
import { DOSSIER_STATUSES, type DossierKind, type DossierStatus } from '../../../shared/domain/dossier';
import {
  type CatalogSegment,
  type DossierCard,
  emptySegment,
  kindCode,
  priorityCode,
  SEGMENT,
  statusCode,
  statusOfCode,
  UPDATED_EPOCH,
} from './layout';

/** The catalogue columns of one dossier. */
export interface CatalogEntry {
  status: number;
  kind: number;
  priority: number;
  flags: number;
  updated: number;
  registered: number;
  due: number;
  unit: number;
  cats: number;
}

export function catalogEntryOf(card: DossierCard): CatalogEntry {
  return {
    status: statusCode(card.status),
    kind: kindCode(card.kind),
    priority: priorityCode(card.priority),
    flags: card.receivedFrom ? 1 : 0,
    updated: Math.max(0, Math.floor((Date.parse(card.updatedAt) - UPDATED_EPOCH) / 1000)),
    registered: toDayNumber(card.registeredOn),
    due: card.dueOn ? toDayNumber(card.dueOn) : 0,
    unit: card.unit ?? 0,
    cats: card.cats ?? 0,
  };
}

/** The columns of an unused slot. */
export const NO_ENTRY: CatalogEntry = {
  status: 0,
  kind: 0,
  priority: 0,
  flags: 0,
  updated: 0,
  registered: 0,
  due: 0,
  unit: 0,
  cats: 0,
};

export function writeEntry(segment: CatalogSegment, slot: number, entry: CatalogEntry): void {
  const i = slot % SEGMENT;
  segment.status[i] = entry.status;
  segment.kind[i] = entry.kind;
  segment.priority[i] = entry.priority;
  segment.flags[i] = entry.flags;
  segment.updated[i] = entry.updated;
  segment.registered[i] = entry.registered;
  segment.due[i] = entry.due;
  segment.unit[i] = entry.unit;
  segment.cats[i] = entry.cats;
}

export type SortKey = 'updated' | 'registered' | 'due';

export interface CatalogFilter {
  statuses?: readonly DossierStatus[];
  kinds?: readonly DossierKind[];
  overdue?: boolean;
  origin?: 'own' | 'received';
  registeredFrom?: string;
  registeredTo?: string;
  /** Bitmask of finding categories: a dossier matches with any of them. */
  categories?: number;
  /** Unit codes allowed (an organ and those below it), indexed by code. */
  units?: Uint8Array;
}

/** Position after which the next page starts: the last row's sort key and slot. */
export interface PageCursor {
  key: number;
  slot: number;
}

export interface CatalogPage {
  slots: number[];
  /** Rows matching every filter. */
  total: number;
  /** Rows matching every filter but the status one, per status. */
  counts: Record<DossierStatus, number>;
  overdue: number;
  next?: PageCursor;
}

/**
 * The catalogue in memory: every slot's sort and filter keys in typed-array columns.
 * A page is the top `limit` rows after the cursor in one pass over the candidates,
 * which at 100,000 dossiers takes a few milliseconds and reads no dossier.
 */
export class Catalog {
  readonly segments: CatalogSegment[] = [];

  constructor(
    public size: number,
    public version: number,
  ) {}

  segmentFor(slot: number): CatalogSegment {
    const seg = Math.floor(slot / SEGMENT);
    while (this.segments.length <= seg) this.segments.push(emptySegment(this.segments.length));
    return this.segments[seg] as CatalogSegment;
  }

  apply(slot: number, entry: CatalogEntry): void {
    writeEntry(this.segmentFor(slot), slot, entry);
    if (slot >= this.size) this.size = slot + 1;
  }

  statusOf(slot: number): DossierStatus | undefined {
    const code = this.segments[Math.floor(slot / SEGMENT)]?.status[slot % SEGMENT] ?? 0;
    return code ? statusOfCode(code) : undefined;
  }

  /**
   * One page of slots. `candidates` (ascending slots from the search index) narrows
   * the scan; without it every slot is a candidate.
   */
  page(
    filter: CatalogFilter,
    sort: SortKey,
    direction: 'asc' | 'desc',
    today: string,
    limit: number,
    cursor: PageCursor | undefined,
    candidates: readonly number[] | null,
  ): CatalogPage {
    const statusAllowed = new Uint8Array(DOSSIER_STATUSES.length + 1);
    if (filter.statuses && filter.statuses.length > 0)
      for (const s of filter.statuses) statusAllowed[statusCode(s)] = 1;
    else statusAllowed.fill(1);
    statusAllowed[0] = 0;
    const kindAllowed = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds.map(kindCode)) : null;
    const todayDay = toDayNumber(today);
    const from = filter.registeredFrom ? toDayNumber(filter.registeredFrom) : 0;
    const to = filter.registeredTo ? toDayNumber(filter.registeredTo) : 0xffff;
    const wantFlags = filter.origin === 'received' ? 1 : filter.origin === 'own' ? 0 : -1;
    const categories = filter.categories ?? 0;
    const units = filter.units;
    const counts = new Uint32Array(DOSSIER_STATUSES.length + 1);
    let overdue = 0;
    let total = 0;
    const desc = direction === 'desc';
    // Keys compare as "better" when they come first in the requested order; rows with
    // no due date sort after every dated one.
    const keyOf = (seg: CatalogSegment, i: number): number => {
      if (sort === 'updated') return seg.updated[i] as number;
      if (sort === 'registered') return seg.registered[i] as number;
      const due = seg.due[i] as number;
      return due === 0 ? (desc ? -1 : 0x10000) : due;
    };
    const before = (ka: number, sa: number, kb: number, sb: number) =>
      desc ? ka > kb || (ka === kb && sa > sb) : ka < kb || (ka === kb && sa < sb);

    // The best `limit` rows so far, kept sorted.
    const topKeys: number[] = [];
    const topSlots: number[] = [];

    const visit = (slot: number) => {
      const seg = this.segments[Math.floor(slot / SEGMENT)];
      if (!seg) return;
      const i = slot % SEGMENT;
      const status = seg.status[i] as number;
      if (status === 0) return;
      if (kindAllowed && !kindAllowed.has(seg.kind[i] as number)) return;
      if (wantFlags >= 0 && ((seg.flags[i] as number) & 1) !== wantFlags) return;
      if (categories !== 0 && ((seg.cats[i] as number) & categories) === 0) return;
      if (units && !units[seg.unit[i] as number]) return;
      const registered = seg.registered[i] as number;
      if (registered < from || registered > to) return;
      const due = seg.due[i] as number;
      const isOverdue = due !== 0 && due < todayDay;
      if (filter.overdue && !isOverdue) return;
      counts[status] = (counts[status] as number) + 1;
      if (!statusAllowed[status]) return;
      total++;
      if (isOverdue) overdue++;
      if (limit === 0) return;
      const key = keyOf(seg, i);
      if (cursor && !before(cursor.key, cursor.slot, key, slot)) return;
      const n = topKeys.length;
      if (n === limit && !before(key, slot, topKeys[n - 1] as number, topSlots[n - 1] as number)) return;
      let at = n;
      while (at > 0 && before(key, slot, topKeys[at - 1] as number, topSlots[at - 1] as number)) at--;
      topKeys.splice(at, 0, key);
      topSlots.splice(at, 0, slot);
      if (topKeys.length > limit) {
        topKeys.pop();
        topSlots.pop();
      }
    };

    if (candidates) {
      for (const slot of candidates) if (slot < this.size) visit(slot);
    } else {
      for (let slot = 0; slot < this.size; slot++) visit(slot);
    }

    const byStatus = {} as Record<DossierStatus, number>;
    DOSSIER_STATUSES.forEach((s, k) => {
      byStatus[s] = counts[k + 1] as number;
    });
    const lastIndex = topKeys.length - 1;
    return {
      slots: topSlots,
      total,
      counts: byStatus,
      overdue,
      ...(limit > 0 && topKeys.length === limit && lastIndex >= 0
        ? { next: { key: topKeys[lastIndex] as number, slot: topSlots[lastIndex] as number } }
        : {}),
    };
  }
}
