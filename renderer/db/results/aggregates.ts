import type { Table } from 'dexie';
import type { Dossier, Finding } from '../../../shared/domain/dossier';
import type { EnforcementSubject, Organ } from '../../../shared/domain/registry';
import {
  addBucket,
  applyContributions,
  categoryMask,
  contributions,
  emptyBucket,
  isEmptyBucket,
  type TallyRow,
  unitKey,
} from '../../../shared/results/tally';
import { memoryLookup, type UnitLookup, type UnitRef, unitOf } from '../../../shared/results/units';
import type { DeskDatabase } from '../database';
import {
  type BodyBlock,
  CARD_BLOCK,
  type CardBlock,
  type CatalogSegment,
  cardBlockOf,
  META,
  type MetaRow,
  SEGMENT,
  segmentOf,
} from '../dossiers/layout';

/**
 * Keeps the tallies (shared/results/tally) and the unit directory current with every
 * dossier write. The dossier store calls `recordTallies` from inside its write
 * transaction, the bulk writer uses `BulkAggregates`, and `rebuildAggregates` recounts
 * everything (the upgrade to version 4, and the repair in Settings).
 */

/** The unit directory: accountable organs numbered for the catalogue's 16-bit column. */
export interface UnitRow {
  code: number;
  id: string;
  /** Only for senders outside the registry. */
  name?: string;
}

export interface AggregateTables {
  tallies: Table<TallyRow, string>;
  units: Table<UnitRow, number>;
}

const MAX_UNIT_CODE = 0xffff;

/** A registry table as the recount reads it (whole). */
interface Readable<T> {
  toArray(): Promise<T[]>;
}

interface RegistryTables {
  organs: Readable<Organ>;
  subjects: Readable<EnforcementSubject>;
}

type TalliedRecord = { dossier: Dossier; findings: readonly Finding[] };

/** What a slot held before a write: the record and the unit it was counted under. */
export interface PreviousTally {
  record: TalliedRecord;
  unit: number;
}

/** The lookups unitOf may need for one dossier, fetched from the registry tables. */
async function lookupFor(db: DeskDatabase, dossier: Dossier): Promise<UnitLookup> {
  const received = dossier.origin.kind === 'received' ? dossier.origin : undefined;
  const lead = dossier.subjectIds[0];
  const [owner, judicial, subject] = await Promise.all([
    received ? db.organs.get(dossier.owningOrganId) : undefined,
    received
      ? db.organs
          .where('divisionCode')
          .equals(received.senderDivisionCode)
          .filter((o) => o.kind === 'judicial')
          .first()
      : undefined,
    !received && dossier.supervisedOrganIds.length === 0 && lead ? db.subjects.get(lead) : undefined,
  ]);
  return {
    hasOrgan: (id) => owner?.id === id,
    judicialOrganIn: () => judicial?.id,
    subjectOrgan: (id) => (subject?.id === id ? subject.organId : undefined),
  };
}

async function codeFor(units: Table<UnitRow, number>, ref: UnitRef | undefined): Promise<number> {
  if (!ref) return 0;
  const held = await units.where('id').equals(ref.id).first();
  if (held) return held.code;
  const last = await units.orderBy('code').last();
  const code = (last?.code ?? 0) + 1;
  if (code > MAX_UNIT_CODE) return 0;
  await units.put({ code, id: ref.id, ...(ref.name ? { name: ref.name } : {}) });
  return code;
}

async function writeDeltas(tallies: Table<TallyRow, string>, deltas: Map<string, TallyRow>): Promise<void> {
  const keys = [...deltas.keys()].filter((k) =>
    Object.values((deltas.get(k) as TallyRow).months).some((b) => !isEmptyBucket(b)),
  );
  if (keys.length === 0) return;
  const held = await tallies.bulkGet(keys);
  const put: TallyRow[] = [];
  const gone: string[] = [];
  keys.forEach((key, i) => {
    const row = held[i] ?? { k: key, months: {} };
    for (const [month, delta] of Object.entries((deltas.get(key) as TallyRow).months)) {
      if (isEmptyBucket(delta)) continue;
      const target = row.months[month] ?? emptyBucket();
      addBucket(target, delta, 1);
      // A month or row that nets out to nothing is dropped, as a recount would leave it.
      if (isEmptyBucket(target)) delete row.months[month];
      else row.months[month] = target;
    }
    if (Object.keys(row.months).length === 0) gone.push(key);
    else put.push(row);
  });
  await Promise.all([tallies.bulkPut(put), gone.length ? tallies.bulkDelete(gone) : undefined]);
}

/** Net change of one write, as signed rows (subtract the old record, add the new). */
function deltaRows(before: PreviousTally | null, after: TalliedRecord, afterUnit: number): Map<string, TallyRow> {
  const rows = new Map<string, TallyRow>();
  applyContributions(rows, contributions(after, afterUnit), 1);
  if (before) subtract(rows, contributions(before.record, before.unit));
  return rows;
}

function subtract(rows: Map<string, TallyRow>, list: ReturnType<typeof contributions>): void {
  for (const c of list) {
    let row = rows.get(c.key);
    if (!row) {
      row = { k: c.key, months: {} };
      rows.set(c.key, row);
    }
    const bucket = row.months[c.month] ?? emptyBucket();
    addBucket(bucket, c.bucket, -1);
    row.months[c.month] = bucket;
  }
}

/**
 * Called by the dossier store inside each write's transaction (its tables include
 * `tallies`, `units`, `organs` and `subjects`): moves the dossier's counts from what it
 * was to what it is now. Returns the unit code to put in its list row and catalogue.
 */
export async function recordTallies(
  db: DeskDatabase,
  before: PreviousTally | null,
  after: TalliedRecord,
): Promise<number> {
  const unit = await codeFor(db.units, unitOf(after.dossier, await lookupFor(db, after.dossier)));
  await writeDeltas(db.tallies, deltaRows(before, after, unit));
  return unit;
}

/** Inside a write transaction: takes a record that leaves its slot out of the tallies. */
export async function forgetTallies(db: DeskDatabase, before: PreviousTally): Promise<void> {
  const rows = new Map<string, TallyRow>();
  subtract(rows, contributions(before.record, before.unit));
  await writeDeltas(db.tallies, rows);
}

/** The highest unit code given so far (0: none). */
export async function lastUnitCode(db: DeskDatabase): Promise<number> {
  return (await db.units.orderBy('code').last())?.code ?? 0;
}

/**
 * Inside a write transaction that took records back out: drops the unit codes given
 * in (`from`, `to`] that no tally counts any more. Every dossier counted under a unit
 * adds to its `u:<code>` row, so a code without one is held by no dossier.
 */
export async function dropUnusedUnits(db: DeskDatabase, from: number, to: number): Promise<void> {
  if (to <= from) return;
  const made = await db.units.where('code').between(from, to, false, true).primaryKeys();
  const counted = await db.tallies.bulkGet(made.map(unitKey));
  const unused = made.filter((_, i) => !counted[i]);
  if (unused.length > 0) await db.units.bulkDelete(unused);
}

/**
 * The bulk writer's side: counts accumulate in memory for the whole run and go out
 * once, at its end. Rewriting every touched tally row with each flush cost about 40%
 * of a demo seed's store time; a run cut short is recounted instead (repairTallies).
 * New units go out with each flush, since the stored cards already carry their codes.
 */
export class BulkAggregates {
  private pending = new Map<string, TallyRow>();
  private codes = new Map<string, number>();
  private newUnits: UnitRow[] = [];
  private nextCode = 1;
  private lookup: UnitLookup | undefined;

  constructor(private readonly tables: AggregateTables & RegistryTables) {}

  /** Reads the unit directory and the registry (inside the writer's first transaction). */
  async begin(): Promise<void> {
    const [units, organs, subjects] = await Promise.all([
      this.tables.units.toArray(),
      this.tables.organs.toArray(),
      this.tables.subjects.toArray(),
    ]);
    for (const u of units) this.codes.set(u.id, u.code);
    this.nextCode = units.reduce((max, u) => Math.max(max, u.code), 0) + 1;
    this.lookup = memoryLookup(organs, subjects);
  }

  /** Counts a new dossier; returns its unit code. */
  add(record: TalliedRecord): number {
    if (!this.lookup) throw new Error('BulkAggregates.begin() first');
    const ref = unitOf(record.dossier, this.lookup);
    let code = 0;
    if (ref) {
      code = this.codes.get(ref.id) ?? 0;
      if (code === 0 && this.nextCode <= MAX_UNIT_CODE) {
        code = this.nextCode++;
        this.codes.set(ref.id, code);
        this.newUnits.push({ code, id: ref.id, ...(ref.name ? { name: ref.name } : {}) });
      }
    }
    applyContributions(this.pending, contributions(record, code), 1);
    return code;
  }

  /** Units given since the last call (synchronously, before the flush's transaction). */
  takeUnits(): UnitRow[] {
    const units = this.newUnits;
    this.newUnits = [];
    return units;
  }

  /** Writes units that `takeUnits` returned; call inside the flush's transaction. */
  async writeUnits(units: UnitRow[]): Promise<void> {
    if (units.length > 0) await this.tables.units.bulkPut(units);
  }

  /** Writes the run's counts and any units left; call inside the last transaction. */
  async writeTallies(): Promise<void> {
    const rows = this.pending;
    this.pending = new Map();
    await this.writeUnits(this.takeUnits());
    await writeDeltas(this.tables.tallies, rows);
  }
}

export interface RebuildTables extends AggregateTables, RegistryTables {
  bodies: Table<BodyBlock, number>;
  cards: Table<CardBlock, number>;
  catalog: Table<CatalogSegment, number>;
  meta: Table<MetaRow, string>;
}

const REBUILD_CHUNK = 64;

/**
 * Recounts every tally from the stored records and refills the list rows' and the
 * catalogue's unit and category columns. Unit codes already given keep their numbers.
 * Runs inside the caller's transaction over RebuildTables.
 */
export async function rebuildAggregates(
  t: RebuildTables,
  onProgress?: (done: number, total: number) => void,
): Promise<{ dossiers: number }> {
  const [organs, subjects, units, segments] = await Promise.all([
    t.organs.toArray(),
    t.subjects.toArray(),
    t.units.toArray(),
    t.catalog.toArray(),
  ]);
  const lookup = memoryLookup(organs, subjects);
  const codes = new Map(units.map((u) => [u.id, u.code]));
  let nextCode = units.reduce((max, u) => Math.max(max, u.code), 0) + 1;
  const newUnits: UnitRow[] = [];
  const segmentsByNo = new Map<number, CatalogSegment>();
  for (const seg of segments) {
    seg.unit ??= new Uint16Array(SEGMENT);
    seg.cats ??= new Uint16Array(SEGMENT);
    seg.unit.fill(0);
    seg.cats.fill(0);
    segmentsByNo.set(seg.seg, seg);
  }
  const rows = new Map<string, TallyRow>();
  const blockNos = (await t.bodies.toCollection().primaryKeys()) as number[];
  let dossiers = 0;
  for (let i = 0; i < blockNos.length; i += REBUILD_CHUNK) {
    const chunk = blockNos.slice(i, i + REBUILD_CHUNK);
    const bodies = await t.bodies.bulkGet(chunk);
    const slots = bodies.flatMap((b) => (b?.items ?? []).filter((x) => x !== null));
    const cardNos = [...new Set(slots.map((x) => cardBlockOf(x.slot)))];
    const cardBlocks = new Map(
      (await t.cards.bulkGet(cardNos)).filter((c): c is CardBlock => !!c).map((c) => [c.b, c]),
    );
    for (const stored of slots) {
      const ref = unitOf(stored.dossier, lookup);
      let code = 0;
      if (ref) {
        code = codes.get(ref.id) ?? 0;
        if (code === 0 && nextCode <= MAX_UNIT_CODE) {
          code = nextCode++;
          codes.set(ref.id, code);
          newUnits.push({ code, id: ref.id, ...(ref.name ? { name: ref.name } : {}) });
        }
      }
      const cats = categoryMask(stored.findings);
      const card = cardBlocks.get(cardBlockOf(stored.slot))?.cards[stored.slot % CARD_BLOCK];
      if (card) {
        card.unit = code;
        card.cats = cats;
      }
      const seg = segmentsByNo.get(segmentOf(stored.slot));
      if (seg) {
        seg.unit[stored.slot % SEGMENT] = code;
        seg.cats[stored.slot % SEGMENT] = cats;
      }
      applyContributions(rows, contributions(stored, code), 1);
      dossiers++;
    }
    await t.cards.bulkPut([...cardBlocks.values()]);
    onProgress?.(Math.min(blockNos.length, i + REBUILD_CHUNK), blockNos.length);
  }
  const version = (await t.meta.get(META.catalogVersion))?.v ?? 0;
  await t.tallies.clear();
  await Promise.all([
    t.tallies.bulkPut([...rows.values()].filter((r) => Object.keys(r.months).length > 0)),
    newUnits.length ? t.units.bulkPut(newUnits) : undefined,
    t.catalog.bulkPut([...segmentsByNo.values()]),
    t.meta.put({ k: META.catalogVersion, v: version + 1 }),
  ]);
  return { dossiers };
}
