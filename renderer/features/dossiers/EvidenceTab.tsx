import { EvidencePanel } from '../evidence/EvidencePanel';
import { clerkName } from './data/env';

/** The dossier's evidence (证据材料): the evidence store's panel, signed by the clerk. */
export function EvidenceTab({ dossierId, readOnly }: { dossierId: string; readOnly: boolean }) {
  return <EvidencePanel dossierId={dossierId} readOnly={readOnly} actor={clerkName() || undefined} />;
}
