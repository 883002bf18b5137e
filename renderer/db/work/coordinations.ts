import type { Coordination, CoordinationDraft } from '../../../shared/coordination/coordination';
import type { DeskDatabase } from '../database';
import type { StoreEnv } from '../dossiers/store';

export class CoordinationConflict extends Error {
  constructor() {
    super('coordination changed meanwhile');
    this.name = 'CoordinationConflict';
  }
}

export async function getCoordination(db: DeskDatabase, dossierId: string): Promise<Coordination | undefined> {
  return db.coordinations.get(dossierId);
}

/**
 * Saves the dispute's record. `version` is what the form was loaded from (0 for a new
 * record): a save over someone else's newer save is refused.
 */
export async function saveCoordination(
  env: StoreEnv,
  dossierId: string,
  version: number,
  draft: CoordinationDraft,
): Promise<Coordination> {
  const { db } = env;
  const at = (env.now ?? (() => new Date()))().toISOString();
  return db.transaction('rw', [db.coordinations], async () => {
    const current = await db.coordinations.get(dossierId);
    if ((current?.version ?? 0) !== version) throw new CoordinationConflict();
    const next: Coordination = { ...draft, dossierId, version: version + 1, updatedAt: at, updatedBy: env.actor };
    await db.coordinations.put(next);
    return next;
  });
}
