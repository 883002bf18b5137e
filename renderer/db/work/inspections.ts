import { addDays } from '../../../shared/calendar/dates';
import {
  type EnterpriseInspection,
  enterpriseInspectionSchema,
  flagInspections,
  type InspectionFlag,
  type InspectionRules,
} from '../../../shared/enterprise/inspections';
import type { DeskDatabase } from '../database';
import type { StoreEnv } from '../dossiers/store';
import type { StoredInspection } from './records';

export type InspectionDraft = Omit<EnterpriseInspection, 'id'>;

export async function addInspection(env: StoreEnv, draft: InspectionDraft): Promise<StoredInspection> {
  const at = (env.now ?? (() => new Date()))().toISOString();
  const parsed = enterpriseInspectionSchema.parse({ ...draft, id: (globalThis.crypto as Crypto).randomUUID() });
  const stored: StoredInspection = { ...parsed, createdAt: at, createdBy: env.actor };
  await env.db.inspections.add(stored);
  return stored;
}

export async function updateInspection(
  db: DeskDatabase,
  id: string,
  draft: InspectionDraft,
): Promise<StoredInspection> {
  return db.transaction('rw', [db.inspections], async () => {
    const current = await db.inspections.get(id);
    if (!current) throw new Error(`no inspection ${id}`);
    const parsed = enterpriseInspectionSchema.parse({ ...draft, id });
    const next: StoredInspection = { ...current, ...parsed };
    await db.inspections.put(next);
    return next;
  });
}

export async function deleteInspection(db: DeskDatabase, id: string): Promise<void> {
  await db.inspections.delete(id);
}

/** How far back the flags look: a year, or the longest window of the rules if longer. */
export function flagHorizon(rules: InspectionRules): number {
  return Math.max(366, rules.windowDays, rules.jointWindowDays);
}

/** Inspections on or after `from`, newest first, through the date index. */
export async function inspectionsSince(db: DeskDatabase, from: string): Promise<StoredInspection[]> {
  return db.inspections.where('date').aboveOrEqual(from).reverse().sortBy('date');
}

/** Every inspection of one enterprise, by credit code. */
export async function inspectionsOf(db: DeskDatabase, creditCode: string): Promise<StoredInspection[]> {
  const rows = await db.inspections.where('creditCode').equals(creditCode).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date));
}

/** The register's flags over the horizon before today, with the inspections they were raised on. */
export async function currentFlags(
  db: DeskDatabase,
  rules: InspectionRules,
  today: string,
): Promise<{ flags: InspectionFlag[]; inspections: StoredInspection[] }> {
  const inspections = await inspectionsSince(db, addDays(today, -flagHorizon(rules)));
  return { flags: flagInspections(inspections, rules), inspections };
}
