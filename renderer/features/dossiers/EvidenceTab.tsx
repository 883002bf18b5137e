import { useMemo } from 'react';
import { recordWithEvent } from '../../db/dossiers/store';
import { type EvidenceRecorder, recordEvidence, removeEvidence } from '../evidence/data';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { useDossiers } from './data/use-store';

/**
 * The dossier's evidence (证据材料): the evidence store's panel, whose additions and
 * removals also go on the dossier's timeline in the same transaction.
 */
export function EvidenceTab({
  dossierId,
  readOnly,
  onChanged,
}: {
  dossierId: string;
  readOnly: boolean;
  onChanged(): void;
}) {
  const { env } = useDossiers();
  const recorder = useMemo<EvidenceRecorder>(
    () => ({
      add: async (id, files, actor) => {
        const outcome = await recordWithEvent(
          env,
          id,
          [env.db.evidence],
          () => recordEvidence(id, files, actor),
          (result) =>
            result.added.length === 0
              ? null
              : {
                  type: 'evidence_added',
                  data: {
                    files: result.added.map((e) => ({ id: e.id, name: e.fileName, sha256: e.sha256, size: e.size })),
                  },
                },
        );
        onChanged();
        return outcome;
      },
      remove: async (id, by, reason) => {
        const removed = await recordWithEvent(
          env,
          dossierId,
          [env.db.evidence],
          () => removeEvidence(id, by, reason),
          (item) =>
            item
              ? { type: 'evidence_removed', reason, data: { id: item.id, name: item.fileName, sha256: item.sha256 } }
              : null,
        );
        onChanged();
        return removed;
      },
    }),
    [env, dossierId, onChanged],
  );
  return <EvidencePanel dossierId={dossierId} readOnly={readOnly} actor={env.actor} recorder={recorder} />;
}
