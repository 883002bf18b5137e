import type { HolidayYear } from '../../../shared/calendar/holidays';
import { type DemoBatchParams, demoRegistryOf } from '../../../shared/demo/dossier-batches';
import { OFFICE_ORGAN_ID } from '../../../shared/demo/registry';
import { numberCounterKey } from '../../../shared/dossiers/numbering';
import type { WorkflowSettings } from '../../../shared/workflow/settings';
import type { DeskDatabase } from '../database';
import { BulkAggregates } from '../results/aggregates';
import { BulkWriter } from './bulk';
import { inlineDemoSource, type OpenDemoSource } from './demo-source';
import { dropCatalogCache } from './store';

export interface DemoSeedOptions {
  seed: number;
  count: number;
  today: string;
  office: { name: string; shortName: string; divisionCode: string };
  holidayYears: readonly HolidayYear[];
  settings: WorkflowSettings;
  /** How far back the oldest dossier was registered. */
  spanDays?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Where the dossiers are generated: inline unless the caller gives a worker. */
  source?: OpenDemoSource;
}

export interface DemoSeedResult {
  dossiers: number;
  /**
   * Of `ms`, the time the writer waited for generated records (history, hashes): all of
   * the generation when inline, what storing did not cover when in a worker.
   */
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
  const office = { shortName: options.office.shortName, divisionCode: options.office.divisionCode };
  const registry = demoRegistryOf({ seed: options.seed, at, office });
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
  const counters = (await db.meta.bulkGet(counterKeys)).map(
    (row, i) => [counterKeys[i] as string, row?.v ?? 0] as const,
  );
  const params: DemoBatchParams = {
    seed: options.seed,
    at,
    today: options.today,
    spanDays,
    count: options.count,
    office,
    holidayYears: options.holidayYears,
    settings: options.settings,
    counters,
  };

  const organsById = new Map(registry.organs.map((o) => [o.id, o]));
  const subjectsById = new Map(registry.subjects.map((s) => [s.id, s]));
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
  const source = (options.source ?? inlineDemoSource)(params, registry, BATCH);
  try {
    for (;;) {
      const t0 = performance.now();
      const batch = await source.next();
      generateMs += performance.now() - t0;
      if (!batch) break;
      for (const { dossier, findings: f, events: e } of batch) {
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
      }
      await writer.flush();
      options.onProgress?.(generated, options.count);
      if (options.signal?.aborted) break;
    }
  } finally {
    source.close();
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
