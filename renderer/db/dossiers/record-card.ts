import { rectificationSettled } from '../../../shared/domain/dossier';
import { earliestDue } from '../../../shared/workflow/deadlines';
import type { DossierCard, DossierRecord } from './layout';

/** The list row of a dossier, derived from the record whenever it is written. */
export function cardOf(record: DossierRecord): DossierCard {
  const { dossier, findings, slot } = record;
  const dueOn = earliestDue(dossier, findings);
  return {
    slot,
    id: dossier.id,
    number: dossier.number,
    title: dossier.title,
    kind: dossier.kind,
    status: dossier.status,
    priority: dossier.priority,
    registeredOn: dossier.registeredOn,
    ...(dossier.deadline ? { deadline: dossier.deadline } : {}),
    ...(dueOn ? { dueOn } : {}),
    updatedAt: dossier.updatedAt,
    owningOrganId: dossier.owningOrganId,
    subjectIds: dossier.subjectIds,
    supervisedOrganIds: dossier.supervisedOrganIds,
    findingCount: findings.length,
    openFindings: findings.filter((f) => !rectificationSettled(f)).length,
    ...(dossier.origin.kind === 'received' ? { receivedFrom: dossier.origin.senderOrganName } : {}),
    ...senderNamesOf(dossier),
  };
}

/** The sender's names for the ids the row shows, which this office's registry may lack. */
function senderNamesOf(dossier: DossierRecord['dossier']): Pick<DossierCard, 'senderNames'> {
  if (dossier.origin.kind !== 'received' || !dossier.origin.senderNames) return {};
  const { subjects, organs } = dossier.origin.senderNames;
  const names = Object.fromEntries(
    [
      ...dossier.subjectIds.flatMap((id) => (subjects[id] ? [[id, subjects[id]]] : [])),
      ...dossier.supervisedOrganIds.flatMap((id) => (organs[id] ? [[id, organs[id]]] : [])),
    ].slice(0, 6),
  );
  return Object.keys(names).length > 0 ? { senderNames: names } : {};
}
