import Dexie, { type Table } from 'dexie';
import type { Dossier, Finding } from '../../../shared/domain/dossier';
import {
  bitmapHas,
  bitmapValues,
  decodePostings,
  encodeBitmap,
  encodePostings,
  intersectSorted,
  unionSorted,
  worthABitmap,
} from '../../../shared/search/postings';
import {
  bigramRangesStartingWith,
  forEachTerm,
  parseQuery,
  type QueryPart,
  type Term,
  unigramTerm,
} from '../../../shared/search/tokenize';
import { findCategory } from '../../../shared/taxonomy/findings';
import {
  BUCKET_ENTRY_LIMIT,
  bucketOf,
  organFacet,
  type PostingRow,
  subjectFacet,
  TERM_BUCKETS,
  type TermBucket,
} from './layout';

/** The tables the search index lives in (the database, or an upgrade transaction's). */
export interface SearchTables {
  postings: Table<PostingRow, [Term, number]>;
  termBuckets: Table<TermBucket, number>;
}

/** Names the index needs but dossiers only reference by id. */
export interface IndexNames {
  subjects: readonly string[];
  organs: readonly string[];
}

/**
 * The terms a dossier is found by: its title, summary and number, its findings (what
 * was found, the rule, and the category in both languages, so an English query like
 * "hearing" finds Chinese records), the names of its subjects and organs, and facet
 * terms for the subject and organ filters.
 */
export function dossierTerms(dossier: Dossier, findings: readonly Finding[], names: IndexNames): Set<Term> {
  const terms = new Set<Term>();
  forEachDossierTerm(dossier, findings, names, (t) => terms.add(t));
  return terms;
}

/** dossierTerms without collecting them (terms may repeat), for bulk indexing. */
export function forEachDossierTerm(
  dossier: Dossier,
  findings: readonly Finding[],
  names: IndexNames,
  add: (term: Term) => void,
): void {
  forEachTerm(dossier.title, add);
  forEachTerm(dossier.summary, add);
  forEachTerm(dossier.number, add);
  for (const f of findings) {
    forEachTerm(f.description, add);
    forEachTerm(f.ruleBreached, add);
    const category = findCategory(f.category);
    const item = category?.items.find((i) => i.key === f.subcategory);
    if (category) forEachTerm(`${category.zh} ${category.en}`, add);
    if (item) forEachTerm(`${item.zh} ${item.en}`, add);
  }
  for (const name of names.subjects) forEachTerm(name, add);
  for (const name of names.organs) forEachTerm(name, add);
  for (const id of dossier.subjectIds) add(subjectFacet(id));
  for (const id of dossier.supervisedOrganIds) add(organFacet(id));
  add(organFacet(dossier.owningOrganId));
}

function insertSorted(list: number[], value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === value) return false;
  list.splice(lo, 0, value);
  return true;
}

function removeSorted(list: number[], value: number): boolean {
  const at = list.indexOf(value);
  if (at < 0) return false;
  list.splice(at, 1);
  return true;
}

async function lastChunk(db: SearchTables, term: Term): Promise<number> {
  const key: unknown = await db.postings.where('[t+c]').between([term, Dexie.minKey], [term, Dexie.maxKey]).lastKey();
  return Array.isArray(key) ? (key[1] as number) : -1;
}

/**
 * Adds a dossier's slot to terms (inside the caller's transaction). Small and recent
 * lists live in shared bucket rows; a list that outgrows its bucket moves to a posting
 * row of its own.
 */
export async function addPostings(db: SearchTables, slot: number, terms: Iterable<Term>): Promise<void> {
  clearTermCache(db);
  const byBucket = new Map<number, Term[]>();
  for (const term of terms) {
    const b = bucketOf(term);
    let list = byBucket.get(b);
    if (!list) {
      list = [];
      byBucket.set(b, list);
    }
    list.push(term);
  }
  const keys = [...byBucket.keys()];
  const rows = await db.termBuckets.bulkGet(keys);
  const flushed: PostingRow[] = [];
  const updated: TermBucket[] = [];
  for (let k = 0; k < keys.length; k++) {
    const b = keys[k] as number;
    const bucket = rows[k] ?? { b, terms: new Map<Term, number[]>() };
    for (const term of byBucket.get(b) ?? []) {
      let entry = bucket.terms.get(term);
      if (!entry) {
        entry = [];
        bucket.terms.set(term, entry);
      }
      insertSorted(entry, slot);
      if (entry.length > BUCKET_ENTRY_LIMIT) {
        flushed.push({ t: term, c: (await lastChunk(db, term)) + 1, p: encodePostings(entry), n: entry.length });
        bucket.terms.delete(term);
      }
    }
    updated.push(bucket);
  }
  await db.termBuckets.bulkPut(updated);
  if (flushed.length > 0) await db.postings.bulkPut(flushed);
}

/** Removes a dossier's slot from terms it no longer has. */
export async function removePostings(db: SearchTables, slot: number, terms: Iterable<Term>): Promise<void> {
  clearTermCache(db);
  const list = [...terms];
  if (list.length === 0) return;
  const keys = [...new Set(list.map(bucketOf))];
  const buckets = await db.termBuckets.bulkGet(keys);
  const changed: TermBucket[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    let touched = false;
    for (const term of list) {
      const entry = bucket.terms.get(term);
      if (entry && removeSorted(entry, slot)) {
        touched = true;
        if (entry.length === 0) bucket.terms.delete(term);
      }
    }
    if (touched) changed.push(bucket);
  }
  // A bucket left with no terms goes, as if it had never been written.
  const emptied = changed.filter((b) => b.terms.size === 0).map((b) => b.b);
  const kept = changed.filter((b) => b.terms.size > 0);
  if (kept.length > 0) await db.termBuckets.bulkPut(kept);
  if (emptied.length > 0) await db.termBuckets.bulkDelete(emptied);
  for (const term of list) {
    const rows = await db.postings.where('[t+c]').between([term, Dexie.minKey], [term, Dexie.maxKey]).toArray();
    for (const row of rows) {
      if (row.bits) {
        if (bitmapHas(row.p, slot)) {
          const p = row.p.slice();
          p[slot >> 3] = (p[slot >> 3] as number) & ~(1 << (slot & 7));
          await db.postings.put({ ...row, p, n: row.n - 1 });
        }
        continue;
      }
      const slots = decodePostings(row.p);
      if (removeSorted(slots, slot)) {
        if (slots.length === 0) await db.postings.delete([row.t, row.c]);
        else await db.postings.put({ ...row, p: encodePostings(slots), n: slots.length });
      }
    }
  }
}

/**
 * A term's slots as read: bitmaps for its dense rows and one ascending list for the
 * rest (sparse rows and its bucket entry). `count` is exact.
 */
export interface TermPostings {
  bitmaps: Uint8Array[];
  list: number[];
  count: number;
}

/**
 * A term with any dense row as one bitmap holding all its slots (its own bitmaps, and
 * its gap lists and bucket entry written into a copy); the stored bitmap itself when
 * it has nothing else.
 */
function denseOf(p: TermPostings): Uint8Array {
  if (p.bitmaps.length === 1 && p.list.length === 0) return p.bitmaps[0] as Uint8Array;
  let length = p.list.length > 0 ? ((p.list[p.list.length - 1] as number) >> 3) + 1 : 0;
  for (const bits of p.bitmaps) length = Math.max(length, bits.length);
  const out = new Uint8Array(length);
  for (const bits of p.bitmaps) for (let i = 0; i < bits.length; i++) out[i] = (out[i] as number) | (bits[i] as number);
  for (const slot of p.list) out[slot >> 3] = (out[slot >> 3] as number) | (1 << (slot & 7));
  return out;
}

function materialize(p: TermPostings): number[] {
  return p.bitmaps.length === 0 ? p.list : bitmapValues(denseOf(p));
}

function postingsOf(rows: readonly PostingRow[], extra: readonly number[] | undefined): TermPostings {
  const bitmaps: Uint8Array[] = [];
  const lists: number[][] = [];
  let count = 0;
  for (const row of rows) {
    count += row.n;
    if (row.bits) bitmaps.push(row.p);
    else lists.push(decodePostings(row.p));
  }
  if (extra && extra.length > 0) {
    lists.push([...extra]);
    count += extra.length;
  }
  return { bitmaps, list: lists.length <= 1 ? (lists[0] ?? []) : unionSorted(lists), count };
}

/**
 * Terms read lately, per database: a clerk refining a query ("市场" → "市场监督") asks
 * for the same bigrams again. Any write through this module, or a catalogue version
 * change seen by the store (another window wrote), clears it.
 */
const termCache = new WeakMap<SearchTables, Map<Term, TermPostings>>();
const TERM_CACHE_SIZE = 128;

/** The index's rows as stored: bitmaps and gap lists stay encoded until a query asks. */
interface HeldIndex {
  rows: Map<Term, PostingRow[]>;
  buckets: Map<number, TermBucket>;
}
/**
 * The whole index, once read in the background (holdIndex): every search then runs
 * on memory, with no reads of its own. Dropped with the term cache, and read again
 * when the list next asks for it.
 */
const heldIndex = new WeakMap<SearchTables, HeldIndex>();
/** Bumped by every clear, so a background read that a write overtook is thrown away. */
const generations = new WeakMap<SearchTables, number>();
const holding = new WeakMap<SearchTables, Promise<void>>();

export function clearTermCache(db: SearchTables): void {
  termCache.delete(db);
  heldIndex.delete(db);
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

async function readPostings(db: SearchTables, term: Term): Promise<TermPostings> {
  let cache = termCache.get(db);
  const hit = cache?.get(term);
  if (hit) {
    // Refresh its place: the map's order is the eviction order.
    cache?.delete(term);
    cache?.set(term, hit);
    return hit;
  }
  const held = heldIndex.get(db);
  const [rows, bucket] = held
    ? [held.rows.get(term) ?? [], held.buckets.get(bucketOf(term))]
    : await Promise.all([
        db.postings.where('[t+c]').between([term, Dexie.minKey], [term, Dexie.maxKey]).toArray(),
        db.termBuckets.get(bucketOf(term)),
      ]);
  const postings = postingsOf(rows, bucket?.terms.get(term));
  cache = termCache.get(db);
  if (!cache) {
    cache = new Map();
    termCache.set(db, cache);
  }
  cache.set(term, postings);
  if (cache.size > TERM_CACHE_SIZE) cache.delete(cache.keys().next().value as Term);
  return postings;
}

/** Whether searches on this database run on the index held in memory. */
export function holdsIndex(db: SearchTables): boolean {
  return heldIndex.has(db);
}

/** Rows read per round trip: small reads keep each task on the page short. */
const HOLD_CHUNK = 256;
const BUCKET_CHUNK = 128;

/**
 * Reads the whole index into memory, in small reads between which the page stays
 * responsive. `version` reads the catalogue's version: if it differs at the end from
 * the start (another window wrote), or this window wrote meanwhile, the read is thrown
 * away. Calls while a read is under way share it.
 */
export function holdIndex(db: SearchTables, version: () => Promise<number>): Promise<void> {
  if (heldIndex.has(db)) return Promise.resolve();
  let pending = holding.get(db);
  if (!pending) {
    pending = readWholeIndex(db, version).finally(() => holding.delete(db));
    holding.set(db, pending);
  }
  return pending;
}

async function readWholeIndex(db: SearchTables, version: () => Promise<number>): Promise<void> {
  const generation = generations.get(db) ?? 0;
  const overtaken = () => (generations.get(db) ?? 0) !== generation;
  const before = await version();
  const rows = new Map<Term, PostingRow[]>();
  let after: [Term, number] | undefined;
  for (;;) {
    const chunk = await (after ? db.postings.where('[t+c]').above(after) : db.postings.toCollection())
      .limit(HOLD_CHUNK)
      .toArray();
    for (const row of chunk) {
      const list = rows.get(row.t);
      if (list) list.push(row);
      else rows.set(row.t, [row]);
    }
    if (chunk.length < HOLD_CHUNK) break;
    if (overtaken()) return;
    const last = chunk[chunk.length - 1] as PostingRow;
    after = [last.t, last.c];
  }
  const buckets = new Map<number, TermBucket>();
  for (let b = 0; b < TERM_BUCKETS; b += BUCKET_CHUNK) {
    for (const bucket of await db.termBuckets
      .where('b')
      .between(b, b + BUCKET_CHUNK, true, false)
      .toArray()) {
      buckets.set(bucket.b, bucket);
    }
    if (overtaken()) return;
  }
  if ((await version()) !== before || overtaken()) return;
  heldIndex.set(db, { rows, buckets });
  // For the benchmarks: whether searches ran on the held index.
  performance.mark('desk:search:held');
}

/** The slots holding a term: its own posting rows and its bucket entry. */
export async function readTerm(db: SearchTables, term: Term): Promise<number[]> {
  return materialize(await readPostings(db, term));
}

/** Slots of every term in a range of own posting rows (for one-character queries). */
async function readRange(db: SearchTables, low: Term, high: Term): Promise<number[]> {
  const rows = await db.postings.where('[t+c]').between([low, Dexie.minKey], [high, Dexie.maxKey]).toArray();
  return unionSorted(rows.map((r) => materialize(postingsOf([r], undefined))));
}

/**
 * Slots in every set. Terms with dense rows are ANDed byte by byte (common bigrams of a
 * Chinese phrase are often all dense, and this never lists their members); the sparse
 * ones are intersected as lists, smallest first, and then checked against that bitmap.
 */
export function intersectPostings(sets: readonly TermPostings[]): number[] {
  if (sets.length === 0) return [];
  let dense: Uint8Array | undefined;
  const lists: number[][] = [];
  for (const p of sets) {
    if (p.bitmaps.length === 0) {
      lists.push(p.list);
      continue;
    }
    const bits = denseOf(p);
    if (!dense) {
      dense = bits.slice();
      continue;
    }
    const length = Math.min(dense.length, bits.length);
    for (let i = 0; i < length; i++) dense[i] = (dense[i] as number) & (bits[i] as number);
    dense = dense.subarray(0, length);
  }
  if (lists.length === 0) return bitmapValues(dense as Uint8Array);
  const result = intersectSorted(lists);
  return dense ? result.filter((slot) => bitmapHas(dense, slot)) : result;
}

async function partPostings(db: SearchTables, part: QueryPart): Promise<TermPostings[]> {
  if (part.kind === 'word') return [await readPostings(db, part.text)];
  if (part.kind === 'cjk') return Promise.all(part.terms.map((t) => readPostings(db, t)));
  // One character: records where it stands alone, or starts a frequent bigram.
  const ranges = bigramRangesStartingWith(part.codePoint);
  const lists = await Promise.all([
    readTerm(db, unigramTerm(part.codePoint)),
    ...(ranges.numeric ? [readRange(db, ranges.numeric[0], ranges.numeric[1])] : []),
    readRange(db, ranges.text[0], ranges.text[1]),
  ]);
  const list = unionSorted(lists);
  return [{ bitmaps: [], list, count: list.length }];
}

/**
 * Slots matching a query (every part) and facet terms, ascending; null when there is
 * nothing to narrow by (no text, no facets).
 */
export async function matchSlots(db: SearchTables, text: string, facets: readonly Term[]): Promise<number[] | null> {
  const parts = parseQuery(text);
  if (parts.length === 0 && facets.length === 0) return null;
  const sets = await Promise.all([
    ...parts.map((p) => partPostings(db, p)),
    ...facets.map(async (f) => [await readPostings(db, f)]),
  ]);
  return intersectPostings(sets.flat());
}

/** Accumulates posting lists in memory for a bulk write (seeding, migration). */
export class PostingBuilder {
  // Integer terms (CJK bigrams) and string terms in separate maps: a map with small
  // integer keys only is markedly faster, and bulk indexing does millions of lookups.
  private readonly numeric = new Map<number, number[]>();
  private readonly text = new Map<string, number[]>();

  add(slot: number, terms: Iterable<Term>): void {
    const sink = this.sinkFor(slot);
    for (const term of terms) sink(term);
  }

  /** A sink for one slot's terms, each term's list taking the slot once however often it comes. */
  sinkFor(slot: number): (term: Term) => void {
    const { numeric, text } = this;
    return (term) => {
      if (typeof term === 'number') {
        const list = numeric.get(term);
        if (list === undefined) numeric.set(term, [slot]);
        else if (list[list.length - 1] !== slot) list.push(slot);
      } else {
        const list = text.get(term);
        if (list === undefined) text.set(term, [slot]);
        else if (list[list.length - 1] !== slot) list.push(slot);
      }
    };
  }

  get termCount(): number {
    return this.numeric.size + this.text.size;
  }

  private *entries(): Iterable<[Term, number[]]> {
    yield* this.numeric;
    yield* this.text;
  }

  /** Writes everything accumulated: large lists as posting rows, small ones into buckets. */
  async write(db: SearchTables): Promise<void> {
    clearTermCache(db);
    const existing = new Map<Term, number>();
    for (const key of await db.postings.toCollection().primaryKeys()) {
      const [t, c] = key as unknown as [Term, number];
      existing.set(t, Math.max(existing.get(t) ?? -1, c));
    }
    const rows: PostingRow[] = [];
    const small = new Map<number, [Term, number[]][]>();
    for (const [term, list] of this.entries()) {
      if (list.length > BUCKET_ENTRY_LIMIT) {
        const dense = worthABitmap(list.length, list[list.length - 1] as number);
        rows.push({
          t: term,
          c: (existing.get(term) ?? -1) + 1,
          p: dense ? encodeBitmap(list) : encodePostings(list),
          ...(dense ? { bits: true as const } : {}),
          n: list.length,
        });
      } else {
        const b = bucketOf(term);
        let entries = small.get(b);
        if (!entries) {
          entries = [];
          small.set(b, entries);
        }
        entries.push([term, list]);
      }
    }
    for (let i = 0; i < rows.length; i += 500) await db.postings.bulkPut(rows.slice(i, i + 500));
    const keys = [...small.keys()];
    const buckets = await db.termBuckets.bulkGet(keys);
    const out: TermBucket[] = [];
    const flushed: PostingRow[] = [];
    keys.forEach((b, k) => {
      const bucket = buckets[k] ?? { b, terms: new Map<Term, number[]>() };
      for (const [term, list] of small.get(b) ?? []) {
        const merged = unionSorted([bucket.terms.get(term) ?? [], list]);
        if (merged.length > BUCKET_ENTRY_LIMIT) {
          flushed.push({ t: term, c: (existing.get(term) ?? -1) + 1, p: encodePostings(merged), n: merged.length });
          bucket.terms.delete(term);
        } else {
          bucket.terms.set(term, merged);
        }
      }
      out.push(bucket);
    });
    await db.termBuckets.bulkPut(out);
    if (flushed.length > 0) await db.postings.bulkPut(flushed);
    this.numeric.clear();
    this.text.clear();
  }
}
