import { OrganTree } from '../../../shared/results/organ-tree';
import type { DeskDatabase } from '../database';
import type { UnitRow } from './aggregates';

/** The unit directory with the registry's organ tree, read together. */
export interface UnitDirectory {
  units: UnitRow[];
  codeOf: Map<string, number>;
  byCode: Map<number, UnitRow>;
  maxCode: number;
  tree: OrganTree;
}

export async function loadUnitDirectory(db: DeskDatabase): Promise<UnitDirectory> {
  const [units, organs] = await Promise.all([db.units.toArray(), db.organs.toArray()]);
  return {
    units,
    codeOf: new Map(units.map((u) => [u.id, u.code])),
    byCode: new Map(units.map((u) => [u.code, u])),
    maxCode: units.reduce((max, u) => Math.max(max, u.code), 0),
    tree: new OrganTree(organs),
  };
}

/** Unit codes of an organ and the organs below it, as a lookup indexed by code. */
export function codesUnder(directory: UnitDirectory, unitId: string): Uint8Array {
  const allowed = new Uint8Array(directory.maxCode + 1);
  const ids = directory.tree.has(unitId) ? directory.tree.subtree(unitId) : new Set([unitId]);
  for (const id of ids) {
    const code = directory.codeOf.get(id);
    if (code !== undefined) allowed[code] = 1;
  }
  return allowed;
}

export async function unitCodesUnder(db: DeskDatabase, unitId: string): Promise<Uint8Array> {
  return codesUnder(await loadUnitDirectory(db), unitId);
}
