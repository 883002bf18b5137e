import Dexie, { type Table } from 'dexie';
import { localDate } from '../../../shared/calendar/dates';
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import { dueDate } from '../../../shared/calendar/working-days';
import { OFFICE_ORGAN_ID } from '../../../shared/demo/registry';
import type { Dossier, Evidence, Finding, RectificationStatus, TimelineEvent } from '../../../shared/domain/dossier';
import type { DossierDraft, FindingDraft } from '../../../shared/dossiers/draft';
import { formatDossierNumber, numberCounterKey } from '../../../shared/dossiers/numbering';
import type { Term } from '../../../shared/search/tokenize';
import { type ChainVerdict, sealEvent, type UnsealedEvent, verifyChain } from '../../../shared/timeline/chain';
import type { RecordEventType } from '../../../shared/workflow/events';
import { applyAction, type Refusal, type WorkflowAction, type WorkflowContext } from '../../../shared/workflow/machine';
import type { WorkflowSettings } from '../../../shared/workflow/settings';
import type { DeskDatabase } from '../database';
import { readEarly } from '../read-early';
import { dropUnusedUnits, forgetTallies, lastUnitCode, rebuildAggregates, recordTallies } from '../results/aggregates';
import { aggregateTables, catalogFilterOf, previousTally, RESULT_READ_TABLES } from '../results/hooks';
import { INDEX_PENDING_FROM, TALLIES_PENDING } from './bulk';
import { Catalog, type CatalogPage, catalogEntryOf, NO_ENTRY, writeEntry } from './catalog';
import { type DossierQuery, defaultDirection, normalizeQuery } from './filters';
import {
  BODY_BLOCK,
  type BodyBlock,
  bodyBlockOf,
  CARD_BLOCK,
  type CardBlock,
  cardBlockOf,
  type DossierCard,
  type DossierRecord,
  emptySegment,
  fromStored,
  META,
  organFacet,
  SEGMENT,
  segmentOf,
  subjectFacet,
  toStored,
} from './layout';
import { cardOf } from './record-card';
import {
  addPostings,
  clearTermCache,
  dossierTerms,
  forEachDossierTerm,
  holdIndex,
  type IndexNames,
  matchSlots,
  PostingBuilder,
  removePostings,
} from './search-index';

/** Who is working and with which rules: what every write needs. */
export interface StoreEnv {
  db: DeskDatabase;
  office: { name: string; shortName: string };
  /** The clerk's name, recorded on the timeline. */
  actor: string;
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
  now?: () => Date;
}

export type DossierStoreErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'READ_ONLY' | 'NOT_EDITABLE';

/** A refusal the clerk can act on; `code` picks the message (dossiers:errors.<code>). */
export class DossierStoreError extends Error {
  constructor(
    readonly code: DossierStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierStoreError';
  }
}

const clock = (env: Pick<StoreEnv, 'now'>) => (env.now ?? (() => new Date()))();

/** The clerk's calendar date, in the computer's time zone. */
export function todayOf(now: Date): string {
  return localDate(now, -now.getTimezoneOffset());
}

// ---------------------------------------------------------------------------
// Catalogue cache

const catalogs = new WeakMap<DeskDatabase, Catalog>();

async function metaValue(db: DeskDatabase, key: string): Promise<number> {
  return (await db.meta.get(key))?.v ?? 0;
}

/** Catalogue reads under way, per transaction (or per database outside one). */
const loading = new WeakMap<object, Promise<Catalog>>();

/** The catalogue, read once and then kept current by this window's own writes. */
export async function loadCatalog(db: DeskDatabase): Promise<Catalog> {
  const version = await metaValue(db, META.catalogVersion);
  const cached = catalogs.get(db);
  if (cached && cached.version === version) return cached;
  // Another window (or a bulk write) changed the records: what was read of the
  // search index may be stale too.
  candidateMemo.delete(db);
  clearTermCache(db);
  // Concurrent callers in one transaction share one read. A caller in another
  // transaction must not wait on it: IndexedDB would commit its own transaction while
  // it waits, and its next read would fail.
  const owner: object = Dexie.currentTransaction ?? db;
  let pending = loading.get(owner);
  if (!pending) {
    pending = readCatalog(db).finally(() => loading.delete(owner));
    loading.set(owner, pending);
  }
  return pending;
}

function readCatalog(db: DeskDatabase): Promise<Catalog> {
  return db.transaction('r', [db.meta, db.catalog], async () => {
    const [size, v, segments] = await Promise.all([
      metaValue(db, META.nextSlot),
      metaValue(db, META.catalogVersion),
      db.catalog.toArray(),
    ]);
    const catalog = new Catalog(size, v);
    for (const seg of segments.sort((a, b) => a.seg - b.seg)) {
      while (catalog.segments.length < seg.seg) catalog.segments.push(emptySegment(catalog.segments.length));
      catalog.segments[seg.seg] = seg;
    }
    catalogs.set(db, catalog);
    return catalog;
  });
}

/** Forgets what is cached of the catalogue and the search index (after bulk writes). */
export function dropCatalogCache(db: DeskDatabase): void {
  catalogs.delete(db);
  candidateMemo.delete(db);
  clearTermCache(db);
}

// ---------------------------------------------------------------------------
// Reading

async function slotOf(db: DeskDatabase, id: string): Promise<number | undefined> {
  const block = await db.cards.where('ids').equals(id).first();
  const card = block?.cards.find((c) => c?.id === id);
  return card?.slot;
}

async function readRecord(db: DeskDatabase, slot: number): Promise<DossierRecord | undefined> {
  const block = await db.bodies.get(bodyBlockOf(slot));
  const stored = block?.items[slot % BODY_BLOCK];
  return stored ? fromStored(stored) : undefined;
}

/** A dossier with its findings and timeline, or undefined. */
export async function getDossier(db: DeskDatabase, id: string): Promise<DossierRecord | undefined> {
  return db.transaction('r', [db.cards, db.bodies], async () => {
    const slot = await slotOf(db, id);
    return slot === undefined ? undefined : readRecord(db, slot);
  });
}

/** List rows of some dossiers, by id, in the order given (missing ones left out). */
export async function getCards(db: DeskDatabase, ids: readonly string[]): Promise<DossierCard[]> {
  const blocks = await Promise.all(ids.map((id) => db.cards.where('ids').equals(id).first()));
  return ids
    .map((id, k) => blocks[k]?.cards.find((c) => c?.id === id) ?? null)
    .filter((c): c is DossierCard => c !== null);
}

/**
 * Beyond this many dossiers the search index is not held in memory (at 100,000 it
 * takes about 17 MiB: 11.5 of byte arrays, 6 of objects); searches then read the
 * terms they need.
 */
const HOLD_INDEX_UP_TO = 300_000;

/**
 * Reads the search index into memory in the background, so that searches read nothing
 * but the rows they show. The list calls this once it has shown its first page.
 */
export async function holdSearchIndex(db: DeskDatabase): Promise<void> {
  const size = catalogs.get(db)?.size ?? (await metaValue(db, META.nextSlot));
  if (size > HOLD_INDEX_UP_TO) return;
  await holdIndex(db, () => metaValue(db, META.catalogVersion));
}

export interface StatusCounts {
  counts: CatalogPage['counts'];
  total: number;
  overdue: number;
}

const candidateMemo = new WeakMap<DeskDatabase, Map<string, number[] | null>>();

/**
 * Slots the search text and facet filters allow (null: all). Paging through one
 * query asks for the same candidates again, so the last few answers are kept until
 * this window writes. (Only answers: a pending read belongs to its transaction.)
 */
async function candidatesFor(db: DeskDatabase, q: DossierQuery): Promise<number[] | null> {
  const key = JSON.stringify([q.text ?? '', q.subjectId ?? '', q.organId ?? '']);
  let memo = candidateMemo.get(db);
  if (!memo) {
    memo = new Map();
    candidateMemo.set(db, memo);
  }
  if (memo.has(key)) return memo.get(key) ?? null;
  const facets: Term[] = [];
  if (q.subjectId) facets.push(subjectFacet(q.subjectId));
  if (q.organId) facets.push(organFacet(q.organId));
  const slots = await matchSlots(db, q.text ?? '', facets);
  memo.set(key, slots);
  if (memo.size > 8) memo.delete(memo.keys().next().value as string);
  return slots;
}

/**
 * The catalogue and the query's candidates, read side by side: the catalogue's version
 * check is a round trip of its own, and the index reads need not wait for it. Should
 * the version turn out to have changed (another window wrote), what the index reads
 * drew from the caches may be stale, so they are done again.
 */
async function catalogAndCandidates(db: DeskDatabase, q: DossierQuery): Promise<[Catalog, number[] | null]> {
  const known = catalogs.get(db)?.version;
  const [catalog, candidates] = await Promise.all([loadCatalog(db), candidatesFor(db, q)]);
  if (catalog.version === known) return [catalog, candidates];
  candidateMemo.delete(db);
  clearTermCache(db);
  return [catalog, await candidatesFor(db, q)];
}

/** How many dossiers each status holds under the query's other filters. */
export async function countDossiers(db: DeskDatabase, query: DossierQuery, today: string): Promise<StatusCounts> {
  const q = normalizeQuery(query);
  // One read transaction for all the reads: a transaction per read costs more than the read.
  const [catalog, candidates, filter] = await db.transaction(
    'r',
    [db.meta, db.catalog, db.postings, db.termBuckets, ...RESULT_READ_TABLES(db)],
    async () => {
      const [loaded, candidates] = await catalogAndCandidates(db, q);
      return [loaded, candidates, await catalogFilterOf(db, q)] as const;
    },
  );
  const { counts, total, overdue } = catalog.page(filter, 'updated', 'desc', today, 0, undefined, candidates);
  return { counts, total, overdue };
}

export interface ListPage extends Omit<CatalogPage, 'slots'> {
  cards: DossierCard[];
}

/** One page of the list: filters, search and keyset paging over the catalogue. */
export async function listDossiers(
  db: DeskDatabase,
  query: DossierQuery,
  options: {
    today: string;
    limit?: number;
    cursor?: CatalogPage['next'];
  },
): Promise<ListPage> {
  const q = normalizeQuery(query);
  const tables = [db.meta, db.catalog, db.postings, db.termBuckets, db.cards, ...RESULT_READ_TABLES(db)];
  return readEarly(db, tables, async () => {
    // The catalogue held in memory is taken as current while the rows are read, and its
    // version is read alongside them: one round trip instead of two. Should another
    // window have written meanwhile, the page is read again from a fresh catalogue.
    const held = catalogs.get(db);
    if (held) {
      // Dexie's own promise, not an async function's: held across other awaits, only
      // Dexie's promises keep the transaction's zone (and the transaction) alive.
      const version = db.meta.get(META.catalogVersion).then((row) => row?.v ?? 0);
      const page = await readPage(db, q, held, await candidatesFor(db, q), options, version);
      if (page) return page;
      dropCatalogCache(db);
    }
    const [catalog, candidates] = await catalogAndCandidates(db, q);
    return (await readPage(db, q, catalog, candidates, options, Promise.resolve(catalog.version))) as ListPage;
  });
}

/** A page from a catalogue and its rows; undefined if `version` says the catalogue is stale. */
async function readPage(
  db: DeskDatabase,
  q: DossierQuery,
  catalog: Catalog,
  candidates: number[] | null,
  options: Parameters<typeof listDossiers>[2],
  version: Promise<number>,
): Promise<ListPage | undefined> {
  const filter = await catalogFilterOf(db, q);
  const sort = q.sort ?? 'updated';
  const page = catalog.page(
    filter,
    sort,
    q.direction ?? defaultDirection(sort),
    options.today,
    options.limit ?? 50,
    options.cursor,
    candidates,
  );
  const blockNos = [...new Set(page.slots.map(cardBlockOf))];
  const blocks = db.cards.bulkGet(blockNos);
  if ((await version) !== catalog.version) {
    blocks.catch(() => undefined);
    return undefined;
  }
  const byNo = new Map((await blocks).filter((b): b is CardBlock => !!b).map((b) => [b.b, b]));
  const cards = page.slots
    .map((slot) => byNo.get(cardBlockOf(slot))?.cards[slot % CARD_BLOCK] ?? null)
    .filter((c): c is DossierCard => c !== null);
  const { slots: _slots, ...rest } = page;
  return { ...rest, cards };
}

export async function verifyTimeline(db: DeskDatabase, id: string): Promise<ChainVerdict> {
  const record = await getDossier(db, id);
  if (!record) throw new DossierStoreError('NOT_FOUND', `no dossier ${id}`);
  return verifyChain(id, record.events);
}

// ---------------------------------------------------------------------------
// Writing: each change is one transaction over the record, its list row, its
// catalogue entry, its search terms and its timeline event.

/**
 * The tables every dossier write touches. A feature that writes its own records in the
 * same transaction as a dossier (a clue opened as a dossier, a campaign's children)
 * opens its transaction over these plus its own tables.
 */
export function writeTables(db: DeskDatabase) {
  return [
    db.bodies,
    db.cards,
    db.catalog,
    db.meta,
    db.termBuckets,
    db.postings,
    db.subjects,
    db.organs,
    ...aggregateTables(db),
  ];
}

async function namesFor(db: DeskDatabase, dossier: Dossier): Promise<IndexNames> {
  const [subjects, organs] = await Promise.all([
    db.subjects.bulkGet(dossier.subjectIds),
    db.organs.bulkGet([...dossier.supervisedOrganIds, dossier.owningOrganId]),
  ]);
  // The office's own name is left out: every own dossier would match it.
  const organNames = organs.filter((o) => !!o).map((o) => o.name);
  const subjectNames = subjects.filter((s) => !!s).map((s) => s.name);
  if (dossier.origin.kind === 'received') {
    organNames.push(dossier.origin.senderOrganName);
    // The sender's names for ids this office's registry does not hold.
    const sent = dossier.origin.senderNames;
    if (sent) {
      dossier.subjectIds.forEach((id, i) => {
        if (!subjects[i] && sent.subjects[id]) subjectNames.push(sent.subjects[id]);
      });
      dossier.supervisedOrganIds.forEach((id, i) => {
        if (!organs[i] && sent.organs[id]) organNames.push(sent.organs[id]);
      });
    }
  }
  return { subjects: subjectNames, organs: organNames };
}

interface Committed {
  slot: number;
  card: DossierCard;
  versionBefore: number;
  versionAfter: number;
}

/** Writes a record into its body block, card block and catalogue segment. */
async function putRecord(db: DeskDatabase, record: DossierRecord): Promise<Committed> {
  const { slot } = record;
  const card = cardOf(record);
  const [body, cards, segment, versionBefore] = await Promise.all([
    db.bodies.get(bodyBlockOf(slot)),
    db.cards.get(cardBlockOf(slot)),
    db.catalog.get(segmentOf(slot)),
    metaValue(db, META.catalogVersion),
  ]);
  // The dashboard's tallies move from what the slot held to the record, in this transaction.
  card.unit = await recordTallies(db, previousTally(body, cards, slot), record);
  const bodyBlock: BodyBlock = body ?? { b: bodyBlockOf(slot), items: new Array(BODY_BLOCK).fill(null) };
  bodyBlock.items[slot % BODY_BLOCK] = toStored(record);
  const cardBlock: CardBlock = cards ?? { b: cardBlockOf(slot), ids: [], cards: new Array(CARD_BLOCK).fill(null) };
  cardBlock.cards[slot % CARD_BLOCK] = card;
  cardBlock.ids = cardBlock.cards.filter((c): c is DossierCard => c !== null).map((c) => c.id);
  const seg = segment ?? emptySegment(segmentOf(slot));
  writeEntry(seg, slot, catalogEntryOf(card));
  const versionAfter = versionBefore + 1;
  await Promise.all([
    db.bodies.put(bodyBlock),
    db.cards.put(cardBlock),
    db.catalog.put(seg),
    db.meta.put({ k: META.catalogVersion, v: versionAfter }),
  ]);
  return { slot, card, versionBefore, versionAfter };
}

function afterCommit(db: DeskDatabase, done: Committed): void {
  candidateMemo.delete(db);
  const cached = catalogs.get(db);
  if (!cached) return;
  if (cached.version !== done.versionBefore) {
    catalogs.delete(db);
    return;
  }
  cached.apply(done.slot, catalogEntryOf(done.card));
  cached.version = done.versionAfter;
}

function appendEvent(
  record: DossierRecord,
  env: StoreEnv,
  at: string,
  event: Omit<UnsealedEvent, 'dossierId' | 'actor' | 'at'>,
): TimelineEvent {
  const sealed = sealEvent({ dossierId: record.dossier.id, actor: env.actor, at, ...event }, record.events.at(-1));
  record.events.push(sealed);
  return sealed;
}

async function loadForWrite(db: DeskDatabase, id: string): Promise<DossierRecord> {
  const slot = await slotOf(db, id);
  const record = slot === undefined ? undefined : await readRecord(db, slot);
  if (!record) throw new DossierStoreError('NOT_FOUND', `no dossier ${id}`);
  if (record.dossier.origin.kind === 'received') {
    throw new DossierStoreError('READ_ONLY', `dossier ${id} was received from another organ`);
  }
  return structuredClone(record);
}

async function reindex(db: DeskDatabase, before: DossierRecord | null, after: DossierRecord): Promise<void> {
  const next = dossierTerms(after.dossier, after.findings, await namesFor(db, after.dossier));
  if (!before) {
    await addPostings(db, after.slot, next);
    return;
  }
  const prev = dossierTerms(before.dossier, before.findings, await namesFor(db, before.dossier));
  const added = [...next].filter((t) => !prev.has(t));
  const removed = [...prev].filter((t) => !next.has(t));
  if (added.length > 0) await addPostings(db, after.slot, added);
  if (removed.length > 0) await removePostings(db, after.slot, removed);
}

function dossierFromDraft(
  draft: DossierDraft,
): Omit<
  Dossier,
  | 'id'
  | 'number'
  | 'status'
  | 'owningOrganId'
  | 'origin'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'workflow'
  | 'methods'
> {
  if (draft.confidentiality !== 'public' && draft.confidentiality !== 'internal') {
    // The schema refuses classified markings; this keeps the type honest.
    throw new DossierStoreError('NOT_EDITABLE', 'classified matter cannot be kept here');
  }
  return {
    title: draft.title,
    kind: draft.kind,
    source: draft.source,
    subjectIds: draft.subjectIds,
    supervisedOrganIds: draft.supervisedOrganIds,
    handlerIds: draft.handlerIds,
    registeredOn: draft.registeredOn,
    ...(draft.deadline ? { deadline: draft.deadline } : {}),
    priority: draft.priority,
    confidentiality: draft.confidentiality,
    summary: draft.summary,
    legalBasis: draft.legalBasis,
    tags: draft.tags,
    links: {
      ...(draft.parentId ? { parentId: draft.parentId } : {}),
      ...(draft.clueId ? { clueId: draft.clueId } : {}),
      ...(draft.referralId ? { referralId: draft.referralId } : {}),
      related: [],
    },
  };
}

function newId(): string {
  return (globalThis.crypto as Crypto).randomUUID();
}

/** Registers a new dossier: number and slot are allocated in the same transaction. */
export async function createDossier(env: StoreEnv, draft: DossierDraft): Promise<DossierRecord> {
  const { db } = env;
  const now = clock(env);
  const at = now.toISOString();
  let done: Committed | undefined;
  const record = await db.transaction('rw', writeTables(db), async () => {
    const year = Number(draft.registeredOn.slice(0, 4));
    const counterKey = numberCounterKey(OFFICE_ORGAN_ID, year);
    const [slot, sequence] = await Promise.all([metaValue(db, META.nextSlot), metaValue(db, counterKey)]);
    await db.meta.bulkPut([
      { k: META.nextSlot, v: slot + 1 },
      { k: counterKey, v: sequence + 1 },
    ]);
    const dossier: Dossier = {
      id: newId(),
      number: formatDossierNumber(env.office.shortName, year, sequence + 1),
      ...dossierFromDraft(draft),
      methods: [],
      status: 'registered',
      owningOrganId: OFFICE_ORGAN_ID,
      workflow: { escalations: [] },
      origin: { kind: 'own' },
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const created: DossierRecord = { slot, dossier, findings: [], events: [] };
    appendEvent(created, env, at, { type: 'registered', to: 'registered', data: { number: dossier.number } });
    done = await putRecord(db, created);
    await reindex(db, null, created);
    return created;
  });
  if (done) afterCommit(db, done);
  return record;
}

/** A timeline entry about something recorded beside the dossier (evidence, a document). */
export interface RecordEventInput {
  type: RecordEventType;
  data: Record<string, unknown>;
  reason?: string;
}

/**
 * Runs `work` (writes to `tables`, e.g. the evidence rows) and appends the timeline
 * event it calls for, in one transaction: the change and its record on the timeline
 * are never separated by a crash. `eventFor` sees the work's result and the dossier
 * and returns null when there is nothing to record (e.g. an event already present).
 */
export async function recordWithEvent<T>(
  env: StoreEnv,
  id: string,
  tables: readonly Table[],
  work: () => Promise<T>,
  eventFor: (result: T, record: DossierRecord) => RecordEventInput | null,
): Promise<T> {
  const { db } = env;
  const at = clock(env).toISOString();
  let done: Committed | undefined;
  const result = await db.transaction('rw', [...writeTables(db), ...tables], async () => {
    const before = await loadForWrite(db, id);
    const value = await work();
    const event = eventFor(value, before);
    if (!event) return value;
    const after = structuredClone(before);
    after.dossier = { ...before.dossier, version: before.dossier.version + 1, updatedAt: at };
    const status = after.dossier.status;
    appendEvent(after, env, at, {
      type: event.type,
      from: status,
      to: status,
      data: event.data,
      ...(event.reason ? { reason: event.reason } : {}),
    });
    done = await putRecord(db, after);
    return value;
  });
  if (done) afterCommit(db, done);
  return result;
}

const EDITABLE_FIELDS = [
  'title',
  'kind',
  'source',
  'subjectIds',
  'supervisedOrganIds',
  'handlerIds',
  'registeredOn',
  'deadline',
  'priority',
  'confidentiality',
  'summary',
  'legalBasis',
  'tags',
  'links',
] as const;

/**
 * Saves the clerk's edits of a dossier's own fields. `version` is the version the form
 * was loaded from: if someone saved in between, the save is refused as a conflict.
 */
export async function updateDossier(
  env: StoreEnv,
  id: string,
  version: number,
  draft: DossierDraft,
): Promise<DossierRecord> {
  const { db } = env;
  const at = clock(env).toISOString();
  let done: Committed | undefined;
  const record = await db.transaction('rw', writeTables(db), async () => {
    const before = await loadForWrite(db, id);
    if (before.dossier.version !== version) throw new DossierStoreError('CONFLICT', `dossier ${id} changed meanwhile`);
    const after = structuredClone(before);
    const fields = dossierFromDraft(draft);
    const changed = EDITABLE_FIELDS.filter(
      (f) => JSON.stringify(before.dossier[f] ?? null) !== JSON.stringify((fields as Partial<Dossier>)[f] ?? null),
    );
    if (changed.length === 0) return before;
    after.dossier = { ...before.dossier, ...fields, version: version + 1, updatedAt: at };
    if (!fields.deadline) delete after.dossier.deadline;
    const status = after.dossier.status;
    appendEvent(after, env, at, {
      type: 'edited' satisfies RecordEventType,
      from: status,
      to: status,
      data: { fields: changed },
    });
    done = await putRecord(db, after);
    await reindex(db, before, after);
    return after;
  });
  if (done) afterCommit(db, done);
  return record;
}

function findingFromDraft(
  draft: FindingDraft,
  base: Pick<Finding, 'id' | 'dossierId' | 'createdAt' | 'rejectionCount'> & Partial<Finding>,
  dossier: Dossier,
  env: StoreEnv,
  today: string,
  at: string,
): Finding {
  const status: RectificationStatus = !draft.rectificationRequired
    ? 'not_required'
    : base.rectificationStatus && base.rectificationStatus !== 'not_required'
      ? base.rectificationStatus
      : 'required';
  const from = dossier.workflow.service?.servedOn ?? today;
  const deadline =
    draft.rectificationRequired && draft.deadlineDays
      ? {
          from,
          days: draft.deadlineDays,
          unit: draft.deadlineUnit,
          due: dueDate(env.calendar, from, draft.deadlineDays, draft.deadlineUnit),
        }
      : undefined;
  const finding: Finding = {
    ...base,
    category: draft.category,
    subcategory: draft.subcategory,
    description: draft.description,
    ruleBreached: draft.ruleBreached,
    evidenceIds: draft.evidenceIds,
    severity: draft.severity,
    rectificationRequirement: draft.rectificationRequirement,
    rectificationStatus: status,
    rejectionCount: base.rejectionCount,
    updatedAt: at,
  };
  if (deadline) finding.deadline = deadline;
  else delete finding.deadline;
  return finding;
}

/** Findings are recorded until the matter is closed. */
function assertFindingsEditable(record: DossierRecord): void {
  const s = record.dossier.status;
  if (s === 'closed' || s === 'archived' || s === 'not_opened' || s === 'registered') {
    throw new DossierStoreError('NOT_EDITABLE', `findings cannot change in status ${s}`);
  }
}

export async function addFinding(env: StoreEnv, id: string, draft: FindingDraft): Promise<DossierRecord> {
  const { db } = env;
  const now = clock(env);
  const at = now.toISOString();
  let done: Committed | undefined;
  const record = await db.transaction('rw', writeTables(db), async () => {
    const before = await loadForWrite(db, id);
    assertFindingsEditable(before);
    const after = structuredClone(before);
    const finding = findingFromDraft(
      draft,
      { id: newId(), dossierId: id, createdAt: at, rejectionCount: 0 },
      after.dossier,
      env,
      todayOf(now),
      at,
    );
    after.findings.push(finding);
    after.dossier = { ...after.dossier, version: after.dossier.version + 1, updatedAt: at };
    const status = after.dossier.status;
    appendEvent(after, env, at, {
      type: 'finding_added' satisfies RecordEventType,
      from: status,
      to: status,
      data: { finding: finding.id, category: finding.category, subcategory: finding.subcategory },
    });
    done = await putRecord(db, after);
    await reindex(db, before, after);
    return after;
  });
  if (done) afterCommit(db, done);
  return record;
}

export async function updateFinding(
  env: StoreEnv,
  id: string,
  findingId: string,
  draft: FindingDraft,
): Promise<DossierRecord> {
  const { db } = env;
  const now = clock(env);
  const at = now.toISOString();
  let done: Committed | undefined;
  const record = await db.transaction('rw', writeTables(db), async () => {
    const before = await loadForWrite(db, id);
    assertFindingsEditable(before);
    const after = structuredClone(before);
    const index = after.findings.findIndex((f) => f.id === findingId);
    const old = after.findings[index];
    if (!old) throw new DossierStoreError('NOT_FOUND', `no finding ${findingId}`);
    after.findings[index] = findingFromDraft(draft, old, after.dossier, env, todayOf(now), at);
    after.dossier = { ...after.dossier, version: after.dossier.version + 1, updatedAt: at };
    const status = after.dossier.status;
    appendEvent(after, env, at, {
      type: 'finding_edited' satisfies RecordEventType,
      from: status,
      to: status,
      data: { finding: findingId },
    });
    done = await putRecord(db, after);
    await reindex(db, before, after);
    return after;
  });
  if (done) afterCommit(db, done);
  return record;
}

export type WorkflowOutcome = { ok: true; record: DossierRecord } | { ok: false; refusals: Refusal[] };

export function workflowContext(env: StoreEnv, now: Date): WorkflowContext {
  return {
    today: todayOf(now),
    now: now.toISOString(),
    actor: env.actor,
    calendar: env.calendar,
    settings: env.settings,
  };
}

/** A dossier as it arrives in a package: the record, with origin "received". */
export interface ReceivedDossier {
  dossier: Dossier;
  findings: Finding[];
  events: TimelineEvent[];
}

function checkReceived(received: ReceivedDossier): void {
  if (received.dossier.origin.kind !== 'received') {
    throw new DossierStoreError('NOT_EDITABLE', 'only dossiers received from another organ are stored this way');
  }
  const verdict = verifyChain(received.dossier.id, received.events);
  if (!verdict.ok) {
    throw new DossierStoreError('CONFLICT', `timeline of ${received.dossier.id} breaks at event ${verdict.brokenAt}`);
  }
}

/** Inside a write transaction: stores one received dossier, or refuses it (see putReceivedDossier). */
async function storeReceived(
  db: DeskDatabase,
  received: ReceivedDossier,
): Promise<Committed & { record: DossierRecord; before: DossierRecord | null }> {
  const slot = await slotOf(db, received.dossier.id);
  const before = slot === undefined ? undefined : await readRecord(db, slot);
  if (before) {
    if (before.dossier.origin.kind !== 'received') {
      throw new DossierStoreError('CONFLICT', `dossier ${received.dossier.id} is this office's own`);
    }
    if (before.dossier.version >= received.dossier.version) {
      throw new DossierStoreError(
        'CONFLICT',
        `dossier ${received.dossier.id} is already held at this version or newer`,
      );
    }
  }
  const target = before?.slot ?? (await metaValue(db, META.nextSlot));
  if (!before) await db.meta.put({ k: META.nextSlot, v: target + 1 });
  const after: DossierRecord = { slot: target, ...received };
  const done = await putRecord(db, after);
  await reindex(db, before ?? null, after);
  return { ...done, record: after, before: before ?? null };
}

/**
 * Stores a dossier received in a package from another organ (origin "received"): new
 * ones get a slot, a newer version replaces the one held, an older or equal one is
 * refused as a conflict, and so is one whose timeline does not verify. The packages
 * feature calls this inside its import, after verifying the package itself.
 */
export async function putReceivedDossier(db: DeskDatabase, received: ReceivedDossier): Promise<DossierRecord> {
  const [record] = await putReceivedDossiers(db, [received]);
  return record as DossierRecord;
}

/**
 * Stores all the dossiers of a package, with their evidence rows, in one transaction:
 * if any is refused (see putReceivedDossier) none is stored. A dossier's evidence rows
 * replace those held for it, as its newer version replaces the older one.
 */
export async function putReceivedDossiers(
  db: DeskDatabase,
  list: readonly (ReceivedDossier & { evidence?: Evidence[] })[],
): Promise<DossierRecord[]> {
  return (await writeReceivedDossiers(db, list)).records;
}

/**
 * What a package's write displaced, for undoReceivedDossiers: read in the write's own
 * transaction, so it is exactly what was there.
 */
export interface ReceivedUndo {
  /** Each dossier written, its slot, and the version it replaced (null: it was new). */
  dossiers: { record: DossierRecord; before: DossierRecord | null }[];
  /** The evidence rows the write deleted or overwrote, as they were. */
  evidenceBefore: Evidence[];
  /** Ids of the evidence rows the write put. */
  evidenceWritten: string[];
  /** The next free slot before the write (undefined: never set) and after it. */
  nextSlot: { before: number | undefined; after: number };
  /** The highest unit code before and after: codes between were made for these dossiers. */
  unitCode: { before: number; after: number };
}

/** putReceivedDossiers, also returning what it takes to undo the write. */
export async function writeReceivedDossiers(
  db: DeskDatabase,
  list: readonly (ReceivedDossier & { evidence?: Evidence[] })[],
): Promise<{ records: DossierRecord[]; undo: ReceivedUndo }> {
  for (const received of list) checkReceived(received);
  const ids = new Set<string>();
  for (const { dossier } of list) {
    if (ids.has(dossier.id)) throw new DossierStoreError('CONFLICT', `dossier ${dossier.id} appears twice`);
    ids.add(dossier.id);
  }
  const done: Committed[] = [];
  const result = await db.transaction('rw', [...writeTables(db), db.evidence], async () => {
    const evidenceWritten = list.flatMap((r) => (r.evidence ?? []).map((e) => e.id));
    // An evidence id may already be held under another dossier: that row is overwritten too.
    const [nextSlot, unitCode, evidenceOfDossiers, evidenceById] = await Promise.all([
      db.meta.get(META.nextSlot),
      lastUnitCode(db),
      db.evidence
        .where('dossierId')
        .anyOf([...ids])
        .toArray(),
      db.evidence.bulkGet(evidenceWritten),
    ]);
    const evidenceBefore = new Map(evidenceOfDossiers.map((e) => [e.id, e]));
    for (const e of evidenceById) if (e) evidenceBefore.set(e.id, e);
    const written: ReceivedUndo['dossiers'] = [];
    for (const { evidence, ...received } of list) {
      const committed = await storeReceived(db, received);
      done.push(committed);
      written.push({ record: committed.record, before: committed.before });
      if (evidence) {
        await db.evidence.where('dossierId').equals(received.dossier.id).delete();
        await db.evidence.bulkPut(evidence.map((e) => ({ ...e, dossierId: received.dossier.id })));
      }
    }
    const undo: ReceivedUndo = {
      dossiers: written,
      evidenceBefore: [...evidenceBefore.values()],
      evidenceWritten,
      nextSlot: { before: nextSlot?.v, after: await metaValue(db, META.nextSlot) },
      unitCode: { before: unitCode, after: await lastUnitCode(db) },
    };
    return { records: written.map((w) => w.record), undo };
  });
  // Each write moved the catalogue on by one version, so they apply in order.
  for (const d of done) afterCommit(db, d);
  return result;
}

/** Whether a slot still holds what a write put there (received dossiers change only by a newer version). */
function stillHolds(current: DossierRecord | undefined, written: DossierRecord): boolean {
  const a = current?.dossier;
  const b = written.dossier;
  return (
    !!a &&
    a.id === b.id &&
    a.version === b.version &&
    a.origin.kind === 'received' &&
    b.origin.kind === 'received' &&
    a.origin.packageId === b.origin.packageId &&
    a.origin.receivedAt === b.origin.receivedAt
  );
}

/**
 * Inside a write transaction: empties a dossier's slot, taking it out of the list
 * rows, the catalogue, the search index and the tallies. Blocks and segments left
 * with nothing in them are deleted, as if never written.
 */
async function clearRecord(db: DeskDatabase, record: DossierRecord): Promise<void> {
  const { slot } = record;
  const [body, cards, segment, version] = await Promise.all([
    db.bodies.get(bodyBlockOf(slot)),
    db.cards.get(cardBlockOf(slot)),
    db.catalog.get(segmentOf(slot)),
    metaValue(db, META.catalogVersion),
  ]);
  const previous = previousTally(body, cards, slot);
  if (previous) await forgetTallies(db, previous);
  const writes: Promise<unknown>[] = [db.meta.put({ k: META.catalogVersion, v: version + 1 })];
  if (body) {
    body.items[slot % BODY_BLOCK] = null;
    writes.push(body.items.some((x) => x) ? db.bodies.put(body) : db.bodies.delete(body.b));
  }
  if (cards) {
    cards.cards[slot % CARD_BLOCK] = null;
    cards.ids = cards.cards.filter((c): c is DossierCard => c !== null).map((c) => c.id);
    writes.push(cards.ids.length > 0 ? db.cards.put(cards) : db.cards.delete(cards.b));
  }
  if (segment) {
    writeEntry(segment, slot, NO_ENTRY);
    writes.push(segment.status.some((x) => x !== 0) ? db.catalog.put(segment) : db.catalog.delete(segment.seg));
  }
  await Promise.all(writes);
  await removePostings(db, slot, dossierTerms(record.dossier, record.findings, await namesFor(db, record.dossier)));
}

/**
 * Takes a package's dossiers back out (the package could not be committed): new ones
 * leave their slots, replaced ones get their previous version back, and the evidence
 * rows are as they were — through the same list, catalogue, search and tally upkeep
 * as any write, in one transaction. Refused as a CONFLICT, changing nothing, if one of
 * the dossiers was replaced again meanwhile (e.g. by an import in another window).
 */
export async function undoReceivedDossiers(db: DeskDatabase, undo: ReceivedUndo): Promise<void> {
  try {
    await db.transaction('rw', [...writeTables(db), db.evidence], async () => {
      // Last written first: each step sees the state the one after it left.
      for (const { record, before } of [...undo.dossiers].reverse()) {
        const current = await readRecord(db, record.slot);
        if (!current || !stillHolds(current, record)) {
          throw new DossierStoreError('CONFLICT', `dossier ${record.dossier.id} changed since it was received`);
        }
        if (before) {
          await putRecord(db, before);
          await reindex(db, current, before);
        } else {
          await clearRecord(db, current);
        }
      }
      const ids = undo.dossiers.map((d) => d.record.dossier.id);
      await db.evidence.where('dossierId').anyOf(ids).delete();
      await db.evidence.bulkDelete(undo.evidenceWritten);
      await db.evidence.bulkPut(undo.evidenceBefore);
      // The slots handed out go back only if no write took one after them.
      if ((await metaValue(db, META.nextSlot)) === undo.nextSlot.after) {
        if (undo.nextSlot.before === undefined) await db.meta.delete(META.nextSlot);
        else await db.meta.put({ k: META.nextSlot, v: undo.nextSlot.before });
      }
      await dropUnusedUnits(db, undo.unitCode.before, undo.unitCode.after);
    });
  } finally {
    // Several slots changed, and a refused undo may have left partial cache updates.
    dropCatalogCache(db);
  }
}

/** Takes a workflow action: the change and its timeline event commit together or not at all. */
export async function takeAction(env: StoreEnv, id: string, action: WorkflowAction): Promise<WorkflowOutcome> {
  const { db } = env;
  const now = clock(env);
  let done: Committed | undefined;
  const outcome = await db.transaction('rw', writeTables(db), async (): Promise<WorkflowOutcome> => {
    const before = await loadForWrite(db, id);
    const ctx = workflowContext(env, now);
    const result = applyAction({ dossier: before.dossier, findings: before.findings }, action, ctx);
    if (!result.ok) return result;
    const after: DossierRecord = { ...structuredClone(before), dossier: result.dossier, findings: result.findings };
    appendEvent(after, env, ctx.now, {
      type: result.event.type,
      from: result.event.from,
      to: result.event.to,
      ...(result.event.reason ? { reason: result.event.reason } : {}),
      data: result.event.data,
    });
    done = await putRecord(db, after);
    return { ok: true, record: after };
  });
  if (done) afterCommit(db, done);
  return outcome;
}

/**
 * Finishes the search index of a bulk write that stopped before its end (the app was
 * closed while seeding): its records are all stored, only their terms are missing.
 * Returns how many dossiers were indexed.
 */
export async function repairSearchIndex(db: DeskDatabase): Promise<number> {
  const pending = await db.meta.get(INDEX_PENDING_FROM);
  if (!pending) return 0;
  const from = pending.v;
  const to = await metaValue(db, META.nextSlot);
  const [subjects, organs] = await Promise.all([db.subjects.toArray(), db.organs.toArray()]);
  const subjectNames = new Map(subjects.map((x) => [x.id, x.name]));
  const organNames = new Map(organs.map((x) => [x.id, x.name]));
  const builder = new PostingBuilder();
  const blocks: number[] = [];
  for (let b = bodyBlockOf(from); b <= bodyBlockOf(Math.max(from, to - 1)); b++) blocks.push(b);
  for (let i = 0; i < blocks.length; i += 64) {
    for (const block of await db.bodies.bulkGet(blocks.slice(i, i + 64))) {
      for (const item of block?.items ?? []) {
        if (!item || item.slot < from) continue;
        const d = item.dossier;
        const names: IndexNames = {
          subjects: d.subjectIds.flatMap((id) => subjectNames.get(id) ?? []),
          organs: [
            ...d.supervisedOrganIds.flatMap((id) => organNames.get(id) ?? []),
            ...(d.origin.kind === 'received' ? [d.origin.senderOrganName] : []),
          ],
        };
        forEachDossierTerm(d, item.findings, names, builder.sinkFor(item.slot));
      }
    }
  }
  await db.transaction('rw', [db.postings, db.termBuckets, db.meta], async () => {
    await builder.write(db);
    await db.meta.delete(INDEX_PENDING_FROM);
  });
  dropCatalogCache(db);
  return Math.max(0, to - from);
}

/**
 * Recounts the dashboard's tallies after a bulk write that stopped before its end: it
 * writes them only when it finishes. Returns whether a recount ran.
 */
export async function repairTallies(db: DeskDatabase): Promise<boolean> {
  // A read first: at start-up a write transaction over these tables would hold up the first screen's reads.
  if (!(await db.meta.get(TALLIES_PENDING))) return false;
  const tables = [db.bodies, db.cards, db.catalog, db.meta, db.tallies, db.units, db.organs, db.subjects];
  const ran = await db.transaction('rw', tables, async () => {
    if (!(await db.meta.get(TALLIES_PENDING))) return false;
    await rebuildAggregates(db);
    await db.meta.delete(TALLIES_PENDING);
    return true;
  });
  if (ran) dropCatalogCache(db);
  return ran;
}

const repairs = new WeakMap<DeskDatabase, Promise<void>>();

/**
 * Finishes what a bulk write cut short (the app closed while seeding): its search terms
 * and its tallies. Runs once per window; every screen that reads them waits for it.
 * A repair that fails is logged and tried again by the next screen (its markers stay),
 * rather than keeping the screens from showing what is stored.
 */
export function repairInterruptedWrites(db: DeskDatabase): Promise<void> {
  let pending = repairs.get(db);
  if (!pending) {
    pending = (async () => {
      await repairSearchIndex(db);
      await repairTallies(db);
    })().catch((error: unknown) => {
      repairs.delete(db);
      console.error(error);
    });
    repairs.set(db, pending);
  }
  return pending;
}

/** Slots in use, for tests and maintenance. */
export async function dossierCount(db: DeskDatabase): Promise<number> {
  const catalog = await loadCatalog(db);
  let n = 0;
  for (let slot = 0; slot < catalog.size; slot++) {
    if (catalog.segments[Math.floor(slot / SEGMENT)]?.status[slot % SEGMENT]) n++;
  }
  return n;
}
