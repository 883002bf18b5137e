import type { Table } from 'dexie';
import { numberCounterKey, parseDossierNumber } from '../../../shared/dossiers/numbering';
import type { Term } from '../../../shared/search/tokenize';
import type { BulkAggregates } from '../results/aggregates';
import { catalogEntryOf, writeEntry } from './catalog';
import {
  BODY_BLOCK,
  type BodyBlock,
  bodyBlockOf,
  CARD_BLOCK,
  type CardBlock,
  type CatalogSegment,
  cardBlockOf,
  type DossierRecord,
  emptySegment,
  META,
  type MetaRow,
  segmentOf,
  toStored,
} from './layout';
import { cardOf } from './record-card';
import { forEachDossierTerm, type IndexNames, PostingBuilder, type SearchTables } from './search-index';

export interface BulkTables extends SearchTables {
  bodies: Table<BodyBlock, number>;
  cards: Table<CardBlock, number>;
  catalog: Table<CatalogSegment, number>;
  meta: Table<MetaRow, string>;
}

/** Meta key marking slots whose search terms are not written yet (an interrupted bulk write). */
export const INDEX_PENDING_FROM = 'indexPendingFrom';

/** Meta key marking a bulk write whose tallies are not written yet (recounted if it stops). */
export const TALLIES_PENDING = 'talliesPending';

/**
 * Writes many dossiers fast: whole blocks per row, the catalogue per segment, and the
 * search index once at the end (a posting list per term rather than per dossier).
 * Blocks go out in batches, each batch one transaction; the index goes last, and a
 * marker in `meta` records that it is pending, so an interrupted run is repaired.
 */
export class BulkWriter {
  private bodies = new Map<number, BodyBlock>();
  private cards = new Map<number, CardBlock>();
  private segments = new Map<number, CatalogSegment>();
  private readonly postings = new PostingBuilder();
  private readonly counters = new Map<string, number>();
  private readonly startCounters = new Map<string, number>();
  private readonly dirtySegments = new Set<number>();
  private next = 0;
  private start = 0;
  private inFlight: Promise<unknown>[] = [];
  private aggregates: BulkAggregates | undefined;

  constructor(
    private readonly tables: BulkTables,
    private readonly run: <T>(work: () => Promise<T>) => Promise<T>,
  ) {}

  /** Keeps the dashboard's tallies with the blocks (the run's transactions must cover their tables). */
  withAggregates(aggregates: BulkAggregates): this {
    this.aggregates = aggregates;
    return this;
  }

  /** Reads where to start: the next free slot and the partly filled blocks it sits in. */
  async begin(): Promise<number> {
    await this.run(async () => {
      const next = (await this.tables.meta.get(META.nextSlot))?.v ?? 0;
      this.start = next;
      this.next = next;
      const [body, card, segment] = await Promise.all([
        this.tables.bodies.get(bodyBlockOf(next)),
        this.tables.cards.get(cardBlockOf(next)),
        this.tables.catalog.get(segmentOf(next)),
      ]);
      if (body) this.bodies.set(body.b, body);
      if (card) this.cards.set(card.b, card);
      if (segment) this.segments.set(segment.seg, segment);
      for (const row of await this.tables.meta.where('k').startsWith('number:').toArray()) {
        this.startCounters.set(row.k, row.v);
      }
      await this.tables.meta.put({ k: INDEX_PENDING_FROM, v: next });
      if (this.aggregates) {
        await this.tables.meta.put({ k: TALLIES_PENDING, v: next });
        await this.aggregates.begin();
      }
    });
    return this.start;
  }

  get nextSlot(): number {
    return this.next;
  }

  /** Adds one dossier at the next slot; `terms` are its search terms (dossierTerms). */
  add(record: Omit<DossierRecord, 'slot'>, names: IndexNames, extraTerms?: Iterable<Term>): number {
    const slot = this.next++;
    const full: DossierRecord = { slot, ...record };
    const b = bodyBlockOf(slot);
    let body = this.bodies.get(b);
    if (!body) {
      body = { b, items: new Array(BODY_BLOCK).fill(null) };
      this.bodies.set(b, body);
    }
    body.items[slot % BODY_BLOCK] = toStored(full);
    const card = cardOf(full);
    if (this.aggregates) card.unit = this.aggregates.add(full);
    const c = cardBlockOf(slot);
    let cards = this.cards.get(c);
    if (!cards) {
      cards = { b: c, ids: [], cards: new Array(CARD_BLOCK).fill(null) };
      this.cards.set(c, cards);
    }
    cards.cards[slot % CARD_BLOCK] = card;
    cards.ids.push(card.id);
    const s = segmentOf(slot);
    let segment = this.segments.get(s);
    if (!segment) {
      segment = emptySegment(s);
      this.segments.set(s, segment);
    }
    writeEntry(segment, slot, catalogEntryOf(card));
    this.dirtySegments.add(s);
    forEachDossierTerm(record.dossier, record.findings, names, this.postings.sinkFor(slot));
    if (extraTerms) this.postings.add(slot, extraTerms);
    const parsed = parseDossierNumber(record.dossier.number);
    if (parsed) {
      const key = numberCounterKey(record.dossier.owningOrganId, parsed.year);
      this.counters.set(key, Math.max(this.counters.get(key) ?? 0, parsed.sequence));
    }
    return slot;
  }

  /**
   * Sends the complete blocks to the database without waiting for them (at most two
   * batches in flight), so the caller can generate the next batch meanwhile.
   */
  async flush(): Promise<void> {
    // Every block written so far goes out, the last ones partly filled, so that all
    // slots below `nextSlot` are complete should the run stop here.
    const bodies = [...this.bodies.values()];
    const cards = [...this.cards.values()];
    for (const b of bodies) if ((b.b + 1) * BODY_BLOCK <= this.next) this.bodies.delete(b.b);
    for (const c of cards) if ((c.b + 1) * CARD_BLOCK <= this.next) this.cards.delete(c.b);
    const segments = [...this.dirtySegments].map((seg) => this.segments.get(seg) as CatalogSegment);
    this.dirtySegments.clear();
    const meta: MetaRow[] = [{ k: META.nextSlot, v: this.next }, ...this.counterRows()];
    const aggregates = this.aggregates;
    const units = aggregates?.takeUnits();
    const write = this.run(async () => {
      await Promise.all([
        this.tables.bodies.bulkPut(bodies),
        this.tables.cards.bulkPut(cards),
        this.tables.catalog.bulkPut(segments),
        this.tables.meta.bulkPut(meta),
        units ? aggregates?.writeUnits(units) : undefined,
      ]);
    });
    this.inFlight.push(write);
    if (this.inFlight.length >= 2) await this.inFlight.shift();
  }

  /** Number counters as far as this run has used them (never lowered: see begin()). */
  private counterRows(): MetaRow[] {
    return [...this.counters.entries()].map(([k, v]) => ({ k, v: Math.max(v, this.startCounters.get(k) ?? 0) }));
  }

  /** Writes the rest, the counters, the search index and the tallies, then clears the markers. */
  async finish(): Promise<{ from: number; to: number; terms: number }> {
    await this.flush();
    await Promise.all(this.inFlight);
    this.inFlight = [];
    const terms = this.postings.termCount;
    await this.run(async () => {
      const version = (await this.tables.meta.get(META.catalogVersion))?.v ?? 0;
      await this.tables.meta.put({ k: META.catalogVersion, v: version + 1 });
      await this.postings.write(this.tables);
      await this.tables.meta.delete(INDEX_PENDING_FROM);
      if (this.aggregates) {
        await this.aggregates.writeTallies();
        await this.tables.meta.delete(TALLIES_PENDING);
      }
    });
    return { from: this.start, to: this.next, terms };
  }
}
