import {
  DOSSIER_KINDS,
  DOSSIER_STATUSES,
  type Dossier,
  type DossierKind,
  type DossierStatus,
  type Finding,
  PRIORITIES,
  type Priority,
  type TimelineEvent,
} from '../../../shared/domain/dossier';
import type { Term } from '../../../shared/search/tokenize';
import { eventWithout, genesisHash } from '../../../shared/timeline/chain';

/**
 * How dossiers sit in IndexedDB.
 *
 * IndexedDB in Chromium costs about a tenth of a millisecond per row written, whatever
 * its size, so one row per dossier, finding and event could not seed 100,000 dossiers
 * with 300,000 findings and a million events in seconds. Records are therefore kept in
 * blocks addressed by a slot number given to each dossier when it is created:
 *
 * - `bodies`: blocks of 16 dossiers with their findings and timeline (what the detail
 *   page reads and every change rewrites, in one transaction);
 * - `cards`: blocks of 16 list rows (what the list shows), indexed by dossier id — small,
 *   since a page of rows sorted by last change touches a different block per row;
 * - `catalog`: the sort and filter keys of every slot as typed-array columns in
 *   segments of 4,096 — a compact index (about 20 bytes a dossier) that lists, counts
 *   and keyset pages are computed from without reading any dossier;
 * - `postings` and `termBuckets`: the inverted search index.
 */
export const BODY_BLOCK = 16;
export const CARD_BLOCK = 16;
export const SEGMENT = 4096;

export const bodyBlockOf = (slot: number) => Math.floor(slot / BODY_BLOCK);
export const cardBlockOf = (slot: number) => Math.floor(slot / CARD_BLOCK);
export const segmentOf = (slot: number) => Math.floor(slot / SEGMENT);

/** A dossier with everything that hangs off it, as the detail page needs it. */
export interface DossierRecord {
  slot: number;
  dossier: Dossier;
  findings: Finding[];
  events: TimelineEvent[];
}

/**
 * A timeline event as stored: without the fields derived from its place (`id` is
 * "<dossierId>:<seq>", `dossierId` is the record's, `prevHash` the previous event's
 * hash), which are restored on reading. A third less to write, and the chain still
 * verifies: an altered or removed event changes the hashes recomputed after it.
 */
export type StoredEvent = Omit<TimelineEvent, 'id' | 'dossierId' | 'prevHash'>;

export interface StoredRecord {
  slot: number;
  dossier: Dossier;
  findings: Finding[];
  events: StoredEvent[];
}

export interface BodyBlock {
  b: number;
  items: (StoredRecord | null)[];
}

/** Event members derived from the dossier and the chain, rebuilt on reading (fromStored). */
const DERIVED = new Set(['id', 'dossierId', 'prevHash']);

export function toStored(record: DossierRecord): StoredRecord {
  return {
    slot: record.slot,
    dossier: record.dossier,
    findings: record.findings,
    events: record.events.map((e) => eventWithout(e, DERIVED) as StoredEvent),
  };
}

export function fromStored(stored: StoredRecord): DossierRecord {
  const dossierId = stored.dossier.id;
  let prevHash = genesisHash(dossierId);
  const events = stored.events.map((e) => {
    const full: TimelineEvent = { ...e, id: `${dossierId}:${e.seq}`, dossierId, prevHash };
    prevHash = e.hash;
    return full;
  });
  return { slot: stored.slot, dossier: stored.dossier, findings: stored.findings, events };
}

/** What the list shows of a dossier. */
export interface DossierCard {
  slot: number;
  id: string;
  number: string;
  title: string;
  kind: DossierKind;
  status: DossierStatus;
  priority: Priority;
  registeredOn: string;
  deadline?: string;
  /** Earliest date something is owed (handling, rectification, reply, review). */
  dueOn?: string;
  updatedAt: string;
  owningOrganId: string;
  subjectIds: string[];
  supervisedOrganIds: string[];
  findingCount: number;
  /** Findings whose rectification is not settled. */
  openFindings: number;
  receivedFrom?: string;
  /** Accountable organ's code in the unit directory (renderer/db/results), 0 = none. */
  unit?: number;
  /** Bitmask of the finding categories present (shared/results/tally categoryMask). */
  cats?: number;
  /** For a received dossier: the sender's names of the subjects and organs the row shows, by id. */
  senderNames?: Record<string, string>;
}

export interface CardBlock {
  b: number;
  /** Ids of the dossiers in the block, for the multi-entry index that finds a slot by id. */
  ids: string[];
  cards: (DossierCard | null)[];
}

export interface CatalogSegment {
  seg: number;
  /** DOSSIER_STATUSES index + 1; 0 marks an unused slot. */
  status: Uint8Array;
  kind: Uint8Array;
  priority: Uint8Array;
  /** Bit 0: received from another organ. */
  flags: Uint8Array;
  /** Last change, in seconds since 2000-01-01 (UPDATED_EPOCH); ties are ordered by slot. */
  updated: Uint32Array;
  /** Day numbers (days since 1970-01-01); 0 = none. */
  registered: Uint16Array;
  due: Uint16Array;
  /** Accountable organ (unit directory code) and finding-category bitmask, for the dashboard and its filters. */
  unit: Uint16Array;
  cats: Uint16Array;
}

/** 2000-01-01T00:00:00Z: seconds from here fit 32 bits until 2136. */
export const UPDATED_EPOCH = Date.UTC(2000, 0, 1);

export function emptySegment(seg: number): CatalogSegment {
  return {
    seg,
    status: new Uint8Array(SEGMENT),
    kind: new Uint8Array(SEGMENT),
    priority: new Uint8Array(SEGMENT),
    flags: new Uint8Array(SEGMENT),
    updated: new Uint32Array(SEGMENT),
    registered: new Uint16Array(SEGMENT),
    due: new Uint16Array(SEGMENT),
    unit: new Uint16Array(SEGMENT),
    cats: new Uint16Array(SEGMENT),
  };
}

/** Posting-list chunks written in bulk (seed, compaction, migration). */
export interface PostingRow {
  t: Term;
  c: number;
  /** Ascending slots as varint gaps, or a bitmap over slots when `bits` is set (shared/search/postings). */
  p: Uint8Array;
  bits?: true;
  /** How many slots the row holds. */
  n: number;
}

/** Small and recent posting lists, many terms to a row, spread by a hash of the term. */
export interface TermBucket {
  b: number;
  terms: Map<Term, number[]>;
}

export const TERM_BUCKETS = 1024;
/** A bucket entry longer than this moves out into a posting row of its own. */
export const BUCKET_ENTRY_LIMIT = 256;

export function bucketOf(term: Term): number {
  if (typeof term === 'number') return ((term % TERM_BUCKETS) + TERM_BUCKETS) % TERM_BUCKETS;
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return (h >>> 0) % TERM_BUCKETS;
}

export interface MetaRow {
  k: string;
  v: number;
}

export const META = {
  nextSlot: 'nextSlot',
  /** Bumped by every write, so a cached catalogue knows when it is stale. */
  catalogVersion: 'catalogVersion',
} as const;

export const statusCode = (s: DossierStatus) => DOSSIER_STATUSES.indexOf(s) + 1;
export const kindCode = (k: DossierKind) => DOSSIER_KINDS.indexOf(k) + 1;
export const priorityCode = (p: Priority) => PRIORITIES.indexOf(p) + 1;
export const statusOfCode = (c: number) => DOSSIER_STATUSES[c - 1] as DossierStatus;

/** Facet terms: filters on subjects and organs run on the search index. */
export const subjectFacet = (id: string): Term => `@s:${id}`;
export const organFacet = (id: string): Term => `@o:${id}`;
