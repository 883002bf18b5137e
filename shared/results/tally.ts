import { toDayNumber } from '../calendar/dates';
import {
  awaitsRectification,
  DOSSIER_KINDS,
  DOSSIER_STATUSES,
  type Dossier,
  type Finding,
  RECTIFICATION_STATUSES,
} from '../domain/dossier';
import { FINDING_TAXONOMY } from '../taxonomy/findings';
import { isTerminal } from '../workflow/deadlines';

/**
 * Tallies (统计汇总): counts of dossiers and findings kept per month of registration for
 * the office as a whole, each enforcement subject and each accountable organ, so the
 * dashboard and scorecards read a few rows instead of 100,000 dossiers. Every dossier
 * write subtracts what the record contributed before and adds what it contributes
 * after (see `contributions`), in the same transaction; a full recount gives the same
 * rows (tests/unit/results).
 */

/** First-level finding categories; index 12 holds keys the taxonomy does not know (e.g. from newer packages). */
export const CATEGORY_KEYS: readonly string[] = FINDING_TAXONOMY.map((c) => c.key);
export const OTHER_CATEGORY = CATEGORY_KEYS.length;
export const CATEGORY_SLOTS = CATEGORY_KEYS.length + 1;
const RECT_SLOTS = RECTIFICATION_STATUSES.length;

const categoryIndexes = new Map(CATEGORY_KEYS.map((k, i) => [k, i]));

export function categoryIndex(key: string): number {
  return categoryIndexes.get(key) ?? OTHER_CATEGORY;
}

/** The catalogue's bitmask of the categories a dossier's findings fall in. */
export function categoryMask(findings: readonly Pick<Finding, 'category'>[]): number {
  let mask = 0;
  for (const f of findings) mask |= 1 << categoryIndex(f.category);
  return mask;
}

/** One month of one tally row. */
export interface TallyBucket {
  /** Dossiers registered in the month. */
  dossiers: number;
  received: number;
  /** By DOSSIER_STATUSES index. */
  byStatus: number[];
  /** By DOSSIER_KINDS index. */
  byKind: number[];
  /** Findings by category index × RECTIFICATION_STATUSES index (category * 5 + status). */
  findings: number[];
  /** Findings whose rectification report came in by the deadline, and after it. */
  onTime: number;
  late: number;
  /**
   * Findings still owed, with a deadline, in dossiers still open: day number of the
   * deadline → count. How many are overdue depends on the day it is asked.
   */
  dueOn: Record<string, number>;
}

export interface TallyRow {
  /** 'all', 's:<subject id>' or 'u:<unit code>'. */
  k: string;
  /** 'YYYY-MM' of registration → counts. */
  months: Record<string, TallyBucket>;
}

export const ALL_KEY = 'all';
export const subjectKey = (id: string) => `s:${id}`;
export const unitKey = (code: number) => `u:${code}`;

export function emptyBucket(): TallyBucket {
  return {
    dossiers: 0,
    received: 0,
    byStatus: new Array(DOSSIER_STATUSES.length).fill(0),
    byKind: new Array(DOSSIER_KINDS.length).fill(0),
    findings: new Array(CATEGORY_SLOTS * RECT_SLOTS).fill(0),
    onTime: 0,
    late: 0,
    dueOn: {},
  };
}

/** What a dossier adds to the rows it counts in. */
export interface Contribution {
  key: string;
  month: string;
  bucket: TallyBucket;
}

type TalliedRecord = {
  dossier: Pick<Dossier, 'status' | 'kind' | 'registeredOn' | 'subjectIds' | 'origin'>;
  findings: readonly Pick<Finding, 'category' | 'rectificationStatus' | 'deadline' | 'report'>[];
};

/** The dossier's own counts (no findings), as the subjects other than the lead see it. */
function dossierPart(record: TalliedRecord): TallyBucket {
  const { dossier } = record;
  const bucket = emptyBucket();
  bucket.dossiers = 1;
  bucket.received = dossier.origin.kind === 'received' ? 1 : 0;
  bucket.byStatus[DOSSIER_STATUSES.indexOf(dossier.status)] = 1;
  bucket.byKind[DOSSIER_KINDS.indexOf(dossier.kind)] = 1;
  return bucket;
}

function withFindings(record: TalliedRecord): TallyBucket {
  const bucket = dossierPart(record);
  const open = !isTerminal(record.dossier.status);
  for (const f of record.findings) {
    const slot = categoryIndex(f.category) * RECT_SLOTS + RECTIFICATION_STATUSES.indexOf(f.rectificationStatus);
    bucket.findings[slot] = (bucket.findings[slot] as number) + 1;
    if (!f.deadline) continue;
    if (f.report && (f.rectificationStatus === 'report_received' || f.rectificationStatus === 'verified')) {
      if (f.report.receivedOn <= f.deadline.due) bucket.onTime++;
      else bucket.late++;
    } else if (open && awaitsRectification(f)) {
      const day = String(toDayNumber(f.deadline.due));
      bucket.dueOn[day] = (bucket.dueOn[day] ?? 0) + 1;
    }
  }
  return bucket;
}

/**
 * The rows a dossier counts in: the office ('all') and its accountable organ with
 * everything; its lead subject (the first, which findings are recorded against) with
 * everything; any further subjects with the dossier alone, so a subject's count of
 * matters equals the list filtered by that subject while findings are never counted
 * twice.
 */
export function contributions(record: TalliedRecord, unit: number): Contribution[] {
  const month = record.dossier.registeredOn.slice(0, 7);
  const full = withFindings(record);
  const out: Contribution[] = [{ key: ALL_KEY, month, bucket: full }];
  if (unit > 0) out.push({ key: unitKey(unit), month, bucket: full });
  const subjects = [...new Set(record.dossier.subjectIds)];
  subjects.forEach((id, i) => {
    out.push({ key: subjectKey(id), month, bucket: i === 0 ? full : dossierPart(record) });
  });
  return out;
}

/** target += sign × delta. */
export function addBucket(target: TallyBucket, delta: TallyBucket, sign: 1 | -1): void {
  target.dossiers += sign * delta.dossiers;
  target.received += sign * delta.received;
  for (let i = 0; i < delta.byStatus.length; i++)
    target.byStatus[i] = (target.byStatus[i] ?? 0) + sign * (delta.byStatus[i] as number);
  for (let i = 0; i < delta.byKind.length; i++)
    target.byKind[i] = (target.byKind[i] ?? 0) + sign * (delta.byKind[i] as number);
  for (let i = 0; i < delta.findings.length; i++)
    target.findings[i] = (target.findings[i] ?? 0) + sign * (delta.findings[i] as number);
  target.onTime += sign * delta.onTime;
  target.late += sign * delta.late;
  for (const [day, n] of Object.entries(delta.dueOn)) {
    const next = (target.dueOn[day] ?? 0) + sign * n;
    if (next === 0) delete target.dueOn[day];
    else target.dueOn[day] = next;
  }
}

export function isEmptyBucket(b: TallyBucket): boolean {
  return (
    b.dossiers === 0 &&
    b.received === 0 &&
    b.onTime === 0 &&
    b.late === 0 &&
    b.byStatus.every((n) => n === 0) &&
    b.byKind.every((n) => n === 0) &&
    b.findings.every((n) => n === 0) &&
    Object.keys(b.dueOn).length === 0
  );
}

/**
 * Adds (sign 1) or takes away (sign −1) contributions from rows held in `rows`,
 * creating rows and months as needed and dropping months that fall back to nothing.
 * `load` supplies a row not in `rows` yet (undefined: a new row).
 */
export function applyContributions(rows: Map<string, TallyRow>, list: readonly Contribution[], sign: 1 | -1): void {
  for (const c of list) {
    let row = rows.get(c.key);
    if (!row) {
      row = { k: c.key, months: {} };
      rows.set(c.key, row);
    }
    let bucket = row.months[c.month];
    if (!bucket) {
      bucket = emptyBucket();
      row.months[c.month] = bucket;
    }
    addBucket(bucket, c.bucket, sign);
    if (isEmptyBucket(bucket)) delete row.months[c.month];
  }
}

/** Month keys of a row set, ascending. */
export function monthsOf(rows: readonly TallyRow[]): string[] {
  const set = new Set<string>();
  for (const r of rows) for (const m of Object.keys(r.months)) set.add(m);
  return [...set].sort();
}

// ---------------------------------------------------------------------------
// Reading tallies

export interface MonthFigures {
  month: string;
  dossiers: number;
  findings: number;
  rectified: number;
  /** Findings that need rectification at all (everything but "not required"). */
  requiring: number;
  onTime: number;
  late: number;
  overdue: number;
}

export interface TallySummary {
  dossiers: number;
  received: number;
  byStatus: number[];
  byKind: number[];
  findings: number;
  byCategory: number[];
  byRectification: number[];
  /** Verified as rectified (整改到位). */
  rectified: number;
  requiring: number;
  onTime: number;
  late: number;
  /** Owed and past the deadline on `today`. */
  overdue: number;
  /** Owed, deadline not passed yet. */
  pending: number;
  months: MonthFigures[];
}

/** Share as a fraction 0…1, or null when there is nothing to divide. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** 整改率: verified over findings needing rectification. */
export const rectificationRate = (s: Pick<TallySummary, 'rectified' | 'requiring'>) => rate(s.rectified, s.requiring);

/** 按期整改率: reports in by the deadline, over those whose deadline has been met, missed or passed. */
export const onTimeRate = (s: Pick<TallySummary, 'onTime' | 'late' | 'overdue'>) =>
  rate(s.onTime, s.onTime + s.late + s.overdue);

const VERIFIED = RECTIFICATION_STATUSES.indexOf('verified');
const NOT_REQUIRED = RECTIFICATION_STATUSES.indexOf('not_required');

/**
 * Sums rows over the months from `from` to `to` ('YYYY-MM', inclusive; open when
 * omitted). `today` decides which owed findings are overdue.
 */
export function summarize(
  rows: readonly (TallyRow | undefined)[],
  options: { today: string; from?: string; to?: string },
): TallySummary {
  const today = toDayNumber(options.today);
  const byMonth = new Map<string, MonthFigures>();
  const s: TallySummary = {
    dossiers: 0,
    received: 0,
    byStatus: new Array(DOSSIER_STATUSES.length).fill(0),
    byKind: new Array(DOSSIER_KINDS.length).fill(0),
    findings: 0,
    byCategory: new Array(CATEGORY_SLOTS).fill(0),
    byRectification: new Array(RECT_SLOTS).fill(0),
    rectified: 0,
    requiring: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    pending: 0,
    months: [],
  };
  for (const row of rows) {
    if (!row) continue;
    for (const [month, b] of Object.entries(row.months)) {
      if ((options.from && month < options.from) || (options.to && month > options.to)) continue;
      let m = byMonth.get(month);
      if (!m) {
        m = { month, dossiers: 0, findings: 0, rectified: 0, requiring: 0, onTime: 0, late: 0, overdue: 0 };
        byMonth.set(month, m);
      }
      s.dossiers += b.dossiers;
      s.received += b.received;
      m.dossiers += b.dossiers;
      b.byStatus.forEach((n, i) => {
        s.byStatus[i] = (s.byStatus[i] as number) + n;
      });
      b.byKind.forEach((n, i) => {
        s.byKind[i] = (s.byKind[i] as number) + n;
      });
      for (let c = 0; c < CATEGORY_SLOTS; c++) {
        for (let r = 0; r < RECT_SLOTS; r++) {
          const n = b.findings[c * RECT_SLOTS + r] ?? 0;
          if (n === 0) continue;
          s.byCategory[c] = (s.byCategory[c] as number) + n;
          s.byRectification[r] = (s.byRectification[r] as number) + n;
          m.findings += n;
          if (r === VERIFIED) m.rectified += n;
          if (r !== NOT_REQUIRED) m.requiring += n;
        }
      }
      s.onTime += b.onTime;
      s.late += b.late;
      m.onTime += b.onTime;
      m.late += b.late;
      for (const [day, n] of Object.entries(b.dueOn)) {
        if (Number(day) < today) {
          s.overdue += n;
          m.overdue += n;
        } else s.pending += n;
      }
    }
  }
  s.findings = s.byCategory.reduce((a, n) => a + n, 0);
  s.rectified = s.byRectification[VERIFIED] as number;
  s.requiring = s.findings - (s.byRectification[NOT_REQUIRED] as number);
  s.months = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  return s;
}

/** Rows rebuilt from scratch: what the incremental updates must always equal. */
export function recount(records: Iterable<{ record: TalliedRecord; unit: number }>): Map<string, TallyRow> {
  const rows = new Map<string, TallyRow>();
  for (const { record, unit } of records) applyContributions(rows, contributions(record, unit), 1);
  for (const [k, row] of rows) if (Object.keys(row.months).length === 0) rows.delete(k);
  return rows;
}
