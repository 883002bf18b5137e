import { useLiveQuery } from 'dexie-react-hooks';
import type { Evidence } from '../../../shared/domain/dossier';
import type { StoredFileInfo } from '../../../shared/ipc/contract/evidence';
import { db } from '../../db/database';

/** A dossier's evidence, oldest first, removed items included. */
export function useDossierEvidence(dossierId: string): Evidence[] | undefined {
  return useLiveQuery(
    async () =>
      (await db().evidence.where('dossierId').equals(dossierId).toArray()).sort((a, b) =>
        a.addedAt.localeCompare(b.addedAt),
      ),
    [dossierId],
  );
}

export interface AddOutcome {
  added: Evidence[];
  /** Files whose bytes are already evidence of this dossier (and not removed). */
  duplicates: { fileName: string; existing: string }[];
}

/**
 * Records files the store took in as evidence of a dossier. A file with the same
 * SHA-256 as live evidence of the same dossier (or as an earlier file of the same
 * batch) is reported as a duplicate instead of being recorded twice.
 */
export async function recordEvidence(dossierId: string, files: StoredFileInfo[], actor: string): Promise<AddOutcome> {
  const d = db();
  return d.transaction('rw', d.evidence, async () => {
    const live = (await d.evidence.where('dossierId').equals(dossierId).toArray()).filter((e) => !e.removed);
    const bySha = new Map(live.map((e) => [e.sha256, e.fileName]));
    const outcome: AddOutcome = { added: [], duplicates: [] };
    const now = new Date().toISOString();
    for (const file of files) {
      const existing = bySha.get(file.sha256);
      if (existing !== undefined) {
        outcome.duplicates.push({ fileName: file.fileName, existing });
        continue;
      }
      const record: Evidence = {
        id: crypto.randomUUID(),
        dossierId,
        fileName: file.fileName.slice(0, 255),
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        description: '',
        addedAt: now,
        addedBy: actor.slice(0, 80),
      };
      bySha.set(file.sha256, record.fileName);
      outcome.added.push(record);
    }
    if (outcome.added.length > 0) await d.evidence.bulkAdd(outcome.added);
    return outcome;
  });
}

/**
 * Where evidence changes are written. The dossier feature supplies one that also puts
 * each change on the dossier's timeline, in the same transaction.
 */
export interface EvidenceRecorder {
  add(dossierId: string, files: StoredFileInfo[], actor: string): Promise<AddOutcome>;
  remove(id: string, by: string, reason: string): Promise<Evidence | undefined>;
}

export const evidenceTableRecorder: EvidenceRecorder = { add: recordEvidence, remove: removeEvidence };

/** Marks evidence removed, with who, when and why; the record and the bytes stay. */
export async function removeEvidence(id: string, by: string, reason: string): Promise<Evidence | undefined> {
  const d = db();
  return d.transaction('rw', d.evidence, async () => {
    const item = await d.evidence.get(id);
    if (!item) throw new Error(`No evidence ${id}`);
    if (item.removed) return undefined;
    const removed = { at: new Date().toISOString(), by: by.slice(0, 80), reason: reason.trim() };
    await d.evidence.update(id, { removed });
    return { ...item, removed };
  });
}
