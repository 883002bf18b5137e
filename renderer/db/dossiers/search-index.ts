import Dexie, { type Table } from 'dexie';
import type { Dossier, Finding } from '../../../shared/domain/dossier';
import { decodePostings, encodePostings, intersectSorted, unionSorted } from '../../../shared/search/postings';
import {
  bigramRangesStartingWith,
  forEachTerm,
  parseQuery,
  type QueryPart,
  type Term,
  unigramTerm,
} from '../../../shared/search/tokenize';
import { findCategory } from '../../../shared/taxonomy/findings';
import { BUCKET_ENTRY_LIMIT, bucketOf, organFacet, type PostingRow, subjectFacet, type TermBucket } from './layout';

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
        flushed.push({ t: term, c: (await lastChunk(db, term)) + 1, p: encodePostings(entry) });
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
  if (changed.length > 0) await db.termBuckets.bulkPut(changed);
  for (const term of list) {
    const rows = await db.postings.where('[t+c]').between([term, Dexie.minKey], [term, Dexie.maxKey]).toArray();
    for (const row of rows) {
      const slots = decodePostings(row.p);
      if (removeSorted(slots, slot)) {
        if (slots.length === 0) await db.postings.delete([row.t, row.c]);
        else await db.postings.put({ ...row, p: encodePostings(slots) });
      }
    }
  }
}

/** The slots holding a term: its own posting rows and its bucket entry. */
export async function readTerm(db: SearchTables, term: Term): Promise<number[]> {
  const [rows, bucket] = await Promise.all([
    db.postings.where('[t+c]').between([term, Dexie.minKey], [term, Dexie.maxKey]).toArray(),
    db.termBuckets.get(bucketOf(term)),
  ]);
  const small = bucket?.terms.get(term);
  if (rows.length === 0) return small ? [...small] : [];
  const lists = rows.map((r) => decodePostings(r.p));
  if (small) lists.push(small);
  return lists.length === 1 ? (lists[0] as number[]) : unionSorted(lists);
}

/** Slots of every term in a range of own posting rows (for one-character queries). */
async function readRange(db: SearchTables, low: Term, high: Term): Promise<number[]> {
  const rows = await db.postings.where('[t+c]').between([low, Dexie.minKey], [high, Dexie.maxKey]).toArray();
  return unionSorted(rows.map((r) => decodePostings(r.p)));
}

async function partSlots(db: SearchTables, part: QueryPart): Promise<number[]> {
  if (part.kind === 'word') return readTerm(db, part.text);
  if (part.kind === 'cjk') return intersectSorted(await Promise.all(part.terms.map((t) => readTerm(db, t))));
  // One character: records where it stands alone, or starts a frequent bigram.
  const ranges = bigramRangesStartingWith(part.codePoint);
  const lists = await Promise.all([
    readTerm(db, unigramTerm(part.codePoint)),
    ...(ranges.numeric ? [readRange(db, ranges.numeric[0], ranges.numeric[1])] : []),
    readRange(db, ranges.text[0], ranges.text[1]),
  ]);
  return unionSorted(lists);
}

/**
 * Slots matching a query (every part) and facet terms, ascending; null when there is
 * nothing to narrow by (no text, no facets).
 */
export async function matchSlots(db: SearchTables, text: string, facets: readonly Term[]): Promise<number[] | null> {
  const parts = parseQuery(text);
  if (parts.length === 0 && facets.length === 0) return null;
  const lists = await Promise.all([...parts.map((p) => partSlots(db, p)), ...facets.map((f) => readTerm(db, f))]);
  return intersectSorted(lists);
}

/** Accumulates posting lists in memory for a bulk write (seeding, migration). */
export class PostingBuilder {
  private readonly lists = new Map<Term, number[]>();

  add(slot: number, terms: Iterable<Term>): void {
    for (const term of terms) {
      let list = this.lists.get(term);
      if (!list) {
        list = [];
        this.lists.set(term, list);
      }
      if (list[list.length - 1] !== slot) list.push(slot);
    }
  }

  /** A sink for one slot's terms, each term's list taking the slot once however often it comes. */
  sinkFor(slot: number): (term: Term) => void {
    return (term) => {
      let list = this.lists.get(term);
      if (!list) {
        list = [];
        this.lists.set(term, list);
      }
      if (list[list.length - 1] !== slot) list.push(slot);
    };
  }

  get termCount(): number {
    return this.lists.size;
  }

  /** Writes everything accumulated: large lists as posting rows, small ones into buckets. */
  async write(db: SearchTables): Promise<void> {
    const existing = new Map<Term, number>();
    for (const key of await db.postings.toCollection().primaryKeys()) {
      const [t, c] = key as unknown as [Term, number];
      existing.set(t, Math.max(existing.get(t) ?? -1, c));
    }
    const rows: PostingRow[] = [];
    const small = new Map<number, [Term, number[]][]>();
    for (const [term, list] of this.lists) {
      if (list.length > BUCKET_ENTRY_LIMIT) {
        rows.push({ t: term, c: (existing.get(term) ?? -1) + 1, p: encodePostings(list) });
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
          flushed.push({ t: term, c: (existing.get(term) ?? -1) + 1, p: encodePostings(merged) });
          bucket.terms.delete(term);
        } else {
          bucket.terms.set(term, merged);
        }
      }
      out.push(bucket);
    });
    await db.termBuckets.bulkPut(out);
    if (flushed.length > 0) await db.postings.bulkPut(flushed);
    this.lists.clear();
  }
}
