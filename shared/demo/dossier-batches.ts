import type { HolidayYear } from '../calendar/holidays';
import { WorkingCalendar } from '../calendar/working-days';
import { numberCounterKey } from '../dossiers/numbering';
import type { WorkflowSettings } from '../workflow/settings';
import { type DemoDossierContext, type GeneratedDossier, generateDossier } from './dossiers';
import { type DemoRegistry, generateRegistry } from './registry';

/**
 * What the demo's dossier generator needs, as plain data: it may run in a worker, which
 * rebuilds the registry from the same seed and instant (generateRegistry is
 * deterministic) rather than receive it.
 */
export interface DemoBatchParams {
  seed: number;
  /** The instant the registry was generated at (its records' `updatedAt`). */
  at: string;
  today: string;
  spanDays: number;
  count: number;
  office: { shortName: string; divisionCode: string };
  holidayYears: readonly HolidayYear[];
  settings: WorkflowSettings;
  /** Dossier numbers already used, by numberCounterKey, so new ones continue from them. */
  counters: readonly (readonly [string, number])[];
}

export function demoRegistryOf(params: Pick<DemoBatchParams, 'seed' | 'at' | 'office'>): DemoRegistry {
  return generateRegistry({ seed: params.seed, at: params.at, officeDivisionCode: params.office.divisionCode });
}

/** The generator's context; `registry` is the one demoRegistryOf gives for the same params. */
export function demoDossierContext(params: DemoBatchParams, registry: DemoRegistry): DemoDossierContext {
  const counters = new Map(params.counters);
  return {
    seed: params.seed,
    today: params.today,
    spanDays: params.spanDays,
    count: params.count,
    office: { shortName: params.office.shortName },
    subjects: registry.subjects,
    organsById: new Map(registry.organs.map((o) => [o.id, o])),
    supervisors: registry.supervisors,
    senders: registry.judicialOrgans,
    calendar: new WorkingCalendar(params.holidayYears),
    settings: params.settings,
    nextNumber: (organId, year) => {
      const key = numberCounterKey(organId, year);
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };
}

/** Dossiers `from` to `to` (exclusive); batches must be asked for in order (numbers are allocated as they go). */
export function generateDossierBatch(context: DemoDossierContext, from: number, to: number): GeneratedDossier[] {
  const out: GeneratedDossier[] = [];
  for (let i = from; i < to; i++) out.push(generateDossier(i, context));
  return out;
}

/** Messages between the seeding window and its generator worker. */
export type DemoWorkerRequest =
  | { type: 'start'; params: DemoBatchParams }
  | { type: 'batch'; from: number; to: number };

export type DemoWorkerReply =
  | { type: 'batch'; from: number; records: GeneratedDossier[]; ms: number }
  | { type: 'error'; message: string };
