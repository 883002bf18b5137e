import type { Dossier } from '../domain/dossier';

/**
 * The accountable organ (责任单位) a dossier is counted under when organs are compared:
 * for a dossier received in a package, the lower office that sent it; for the office's
 * own, the first organ it supervises (or the lead subject's organ). Organs compare by
 * their place in the registry's tree, so these are registry ids where possible.
 */
export interface UnitLookup {
  /** Whether the registry holds an organ with this id. */
  hasOrgan(id: string): boolean;
  /** The registry's judicial organ (司法行政部门) with this division code, if any. */
  judicialOrganIn(divisionCode: string): string | undefined;
  /** The organ a subject belongs to. */
  subjectOrgan(subjectId: string): string | undefined;
}

/** A sender the registry does not hold is counted under its division code. */
export const senderUnitId = (divisionCode: string) => `division:${divisionCode}`;

export interface UnitRef {
  id: string;
  /** For senders outside the registry: the name the package gave. */
  name?: string;
}

export function unitOf(
  dossier: Pick<Dossier, 'origin' | 'owningOrganId' | 'supervisedOrganIds' | 'subjectIds'>,
  lookup: UnitLookup,
): UnitRef | undefined {
  const origin = dossier.origin;
  if (origin.kind === 'received') {
    if (lookup.hasOrgan(dossier.owningOrganId)) return { id: dossier.owningOrganId };
    const judicial = lookup.judicialOrganIn(origin.senderDivisionCode);
    if (judicial) return { id: judicial };
    return { id: senderUnitId(origin.senderDivisionCode), name: origin.senderOrganName };
  }
  const supervised = dossier.supervisedOrganIds[0];
  if (supervised) return { id: supervised };
  const lead = dossier.subjectIds[0];
  const organ = lead ? lookup.subjectOrgan(lead) : undefined;
  return organ ? { id: organ } : undefined;
}

/** A lookup over registry rows held in memory (bulk writes, recounts). */
export function memoryLookup(
  organs: readonly { id: string; kind: string; divisionCode: string }[],
  subjects: readonly { id: string; organId: string }[],
): UnitLookup {
  const ids = new Set(organs.map((o) => o.id));
  const judicial = new Map<string, string>();
  // The lowest id wins, as in an indexed lookup over the registry table.
  for (const o of organs) {
    const held = judicial.get(o.divisionCode);
    if (o.kind === 'judicial' && (held === undefined || o.id < held)) judicial.set(o.divisionCode, o.id);
  }
  const subjectOrgans = new Map(subjects.map((s) => [s.id, s.organId]));
  return {
    hasOrgan: (id) => ids.has(id),
    judicialOrganIn: (code) => judicial.get(code),
    subjectOrgan: (id) => subjectOrgans.get(id),
  };
}
