import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import { generateDossier } from '../../../shared/demo/dossiers';
import { generateRegistry, OFFICE_ORGAN_ID } from '../../../shared/demo/registry';
import { numberCounterKey } from '../../../shared/dossiers/numbering';
import type { WorkflowSettings } from '../../../shared/workflow/settings';
import type { DeskDatabase } from '../database';
import { BulkAggregates } from '../results/aggregates';
import { BulkWriter } from './bulk';
import { dropCatalogCache } from './store';

export interface DemoSeedOptions {
  seed: number;
  count: number;
  today: string;
  office: { name: string; shortName: string; divisionCode: string };
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
  /** How far back the oldest dossier was registered. */
  spanDays?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface DemoSeedResult {
  dossiers: number;
  /** Of `ms`, the time spent generating the records (history, hashes) rather than storing them. */
  generateMs: number;
  findings: number;
  events: number;
  organs: number;
  subjects: number;
  ms: number;
}

const BATCH = 2048;

/**
 * Fills the database with a deterministic demo: the registries of a fictional province
 * and `count` dossiers of every kind in every state. The same seed gives the same data.
 */
export async function seedDemoData(db: DeskDatabase, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const started = performance.now();
  const at = new Date().toISOString();
  const registry = generateRegistry({ seed: options.seed, at, officeDivisionCode: options.office.divisionCode });
  await db.transaction('rw', [db.organs, db.subjects, db.supervisors], async () => {
    await Promise.all([
      db.organs.bulkPut(registry.organs),
      db.subjects.bulkPut(registry.subjects),
      db.supervisors.bulkPut(registry.supervisors),
    ]);
  });

  // Numbers continue from what the office (and each sender) has already used.
  const lastYear = Number(options.today.slice(0, 4));
  const spanDays = options.spanDays ?? 720;
  const firstYear = lastYear - Math.ceil(spanDays / 365);
  const counterKeys: string[] = [];
  for (const organId of [OFFICE_ORGAN_ID, ...registry.judicialOrgans.map((o) => o.id)]) {
    for (let y = firstYear; y <= lastYear; y++) counterKeys.push(numberCounterKey(organId, y));
  }
  const counters = new Map<string, number>();
  (await db.meta.bulkGet(counterKeys)).forEach((row, i) => {
    counters.set(counterKeys[i] as string, row?.v ?? 0);
  });

  const organsById = new Map(registry.organs.map((o) => [o.id, o]));
  const subjectsById = new Map(registry.subjects.map((s) => [s.id, s]));
  const context = {
    seed: options.seed,
    today: options.today,
    spanDays,
    count: options.count,
    office: { shortName: options.office.shortName },
    subjects: registry.subjects,
    organsById,
    supervisors: registry.supervisors,
    senders: registry.judicialOrgans,
    calendar: options.calendar,
    settings: options.settings,
    nextNumber: (organId: string, year: number) => {
      const key = numberCounterKey(organId, year);
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };

  const tables = [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets];
  const aggregates = new BulkAggregates(db);
  const writer = new BulkWriter(db, (work) =>
    db.transaction('rw', [...tables, db.tallies, db.units, db.organs, db.subjects], work),
  ).withAggregates(aggregates);
  await writer.begin();
  let findings = 0;
  let events = 0;
  let generated = 0;
  let generateMs = 0;
  for (let i = 0; i < options.count; i++) {
    const t0 = performance.now();
    const { dossier, findings: f, events: e } = generateDossier(i, context);
    generateMs += performance.now() - t0;
    generated++;
    findings += f.length;
    events += e.length;
    const organNames: string[] = [];
    for (const id of dossier.supervisedOrganIds) {
      const name = organsById.get(id)?.name;
      if (name) organNames.push(name);
    }
    if (dossier.origin.kind === 'received') organNames.push(dossier.origin.senderOrganName);
    writer.add(
      { dossier, findings: f, events: e },
      { subjects: dossier.subjectIds.map((id) => subjectsById.get(id)?.name ?? ''), organs: organNames },
    );
    if ((i + 1) % BATCH === 0) {
      await writer.flush();
      options.onProgress?.(i + 1, options.count);
      if (options.signal?.aborted) break;
    }
  }
  await writer.finish();
  dropCatalogCache(db);
  options.onProgress?.(options.count, options.count);
  return {
    dossiers: generated,
    generateMs,
    findings,
    events,
    organs: registry.organs.length,
    subjects: registry.subjects.length,
    ms: performance.now() - started,
  };
}
