import type { Evidence } from '../../../shared/domain/dossier';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { type BundledDossier, type DossierBundle, dossierBundleSchema } from '../../../shared/packages/payload';
import type { DeskDatabase } from '../../db/database';
import {
  DossierStoreError,
  getDossier,
  type ReceivedDossier,
  undoReceivedDossiers,
  writeReceivedDossiers,
} from '../../db/dossiers/store';

/** What `packages.export` takes besides the opId and the recipient. */
export interface ExportPayload {
  data: DossierBundle;
  /** SHA-256 of each evidence file and issued document to carry, once each. */
  files: string[];
  label: string;
  refs: string[];
}

/**
 * Reads the chosen dossiers with their findings, timelines and evidence rows into the
 * bundle a package carries. Removed evidence travels as a record (the timeline names
 * it) but its file stays behind.
 */
export async function buildExportPayload(db: DeskDatabase, ids: readonly string[]): Promise<ExportPayload> {
  const dossiers: BundledDossier[] = [];
  const files = new Set<string>();
  for (const id of ids) {
    const record = await getDossier(db, id);
    if (!record) throw new DossierStoreError('NOT_FOUND', `no dossier ${id}`);
    const evidence = await db.evidence.where('dossierId').equals(id).toArray();
    for (const e of evidence) if (!e.removed) files.add(e.sha256);
    for (const sha256 of issuedDocumentFiles(record.events)) files.add(sha256);
    dossiers.push({ dossier: record.dossier, findings: record.findings, events: record.events, evidence });
  }
  const names = await registryNames(db, dossiers);
  const numbers = dossiers.map((d) => d.dossier.number);
  const label = numbers.length <= 3 ? numbers.join('、') : `${numbers.slice(0, 3).join('、')} …(${numbers.length})`;
  return { data: { dossiers, names }, files: [...files], label: label.slice(0, 500), refs: [...ids] };
}

/** The issued DOCX and PDF files a timeline names: they travel with the dossier. */
function issuedDocumentFiles(events: readonly { type: string; data: Record<string, unknown> }[]): string[] {
  const hashes: string[] = [];
  for (const event of events) {
    if (event.type !== 'document_issued') continue;
    for (const key of ['docxSha256', 'pdfSha256']) {
      const value = event.data[key];
      if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) hashes.push(value);
    }
  }
  return hashes;
}

/** The office's registry names for the ids the dossiers refer to. */
async function registryNames(db: DeskDatabase, dossiers: readonly BundledDossier[]) {
  const subjectIds = [...new Set(dossiers.flatMap((d) => d.dossier.subjectIds))];
  const organIds = [...new Set(dossiers.flatMap((d) => d.dossier.supervisedOrganIds))];
  const supervisorIds = [...new Set(dossiers.flatMap((d) => d.dossier.handlerIds))];
  const [subjects, organs, supervisors] = await Promise.all([
    db.subjects.bulkGet(subjectIds),
    db.organs.bulkGet(organIds),
    db.supervisors.bulkGet(supervisorIds),
  ]);
  const map = (ids: string[], rows: ({ name: string } | undefined)[]) =>
    Object.fromEntries(
      ids.flatMap((id, i) => (rows[i] ? [[id, (rows[i] as { name: string }).name.slice(0, 200)]] : [])),
    );
  return {
    subjects: map(subjectIds, subjects),
    organs: map(organIds, organs),
    supervisors: map(supervisorIds, supervisors),
  };
}

/**
 * A campaign (专项监督, 执法检查) and the office's own dossiers filed under it. The
 * parent link is not indexed, so this reads every record: an explicit, rare action.
 */
export async function campaignDossierIds(db: DeskDatabase, campaignId: string): Promise<string[]> {
  const children: string[] = [];
  await db.bodies.each((block) => {
    for (const item of block.items) {
      if (item && item.dossier.links.parentId === campaignId && item.dossier.origin.kind === 'own') {
        children.push(item.dossier.id);
      }
    }
  });
  return [campaignId, ...children];
}

type ImportedPackage = Extract<ChannelOutput<'packages.import'>['outcomes'][number], { ok: true }>['package'];

/**
 * The package's dossiers as this office stores them: read-only, marked with the organ
 * that signed the package (from the verified header, not from what the data says).
 */
export function receivedDossiersOf(
  pkg: ImportedPackage,
  receivedAt: string,
): (ReceivedDossier & { evidence: Evidence[] })[] {
  const bundle = dossierBundleSchema.parse(pkg.data);
  const origin = {
    kind: 'received' as const,
    senderOrganName: pkg.sender.organName,
    senderDivisionCode: pkg.sender.divisionCode,
    senderFingerprint: pkg.sender.keyFingerprint,
    packageId: pkg.packageId,
    receivedAt,
  };
  const pick = (map: Record<string, string> | undefined, ids: readonly string[]) =>
    Object.fromEntries(ids.flatMap((id) => (map?.[id] !== undefined ? [[id, map[id] as string]] : [])));
  return bundle.dossiers.map((d) => ({
    dossier: {
      ...d.dossier,
      origin: {
        ...origin,
        senderNames: {
          subjects: pick(bundle.names?.subjects, d.dossier.subjectIds),
          organs: pick(bundle.names?.organs, d.dossier.supervisedOrganIds),
          supervisors: pick(bundle.names?.supervisors, d.dossier.handlerIds),
        },
      },
    },
    findings: d.findings,
    events: d.events,
    evidence: d.evidence,
  }));
}

export type StoredImport =
  | { ok: true; dossierIds: string[]; numbers: string[]; filesAdded: number }
  /** The dossier store refused the write: nothing was written. */
  | { ok: false; stage: 'store'; storeCode: string | null; error: unknown }
  /**
   * The main process could not commit the package. `undone`: the dossiers written were
   * taken back out (the database is as before); otherwise `numbers` are still held.
   */
  | { ok: false; stage: 'commit'; undone: boolean; numbers: string[]; error: unknown };

/**
 * Writes an imported package's dossiers in one transaction, then lets the main process
 * commit the package (files into the evidence store, ledger). If the write is refused,
 * or the commit fails and the dossiers are taken back out, the import is discarded,
 * leaving database, files and ledger as they were.
 */
export async function storeImportedPackage(
  db: DeskDatabase,
  pkg: ImportedPackage,
  calls: {
    commit(importId: string): Promise<{ filesAdded: number }>;
    discard(importId: string): Promise<unknown>;
  },
  now: () => Date = () => new Date(),
): Promise<StoredImport> {
  let written: Awaited<ReturnType<typeof writeReceivedDossiers>>;
  try {
    written = await writeReceivedDossiers(db, receivedDossiersOf(pkg, now().toISOString()));
  } catch (error) {
    await calls.discard(pkg.importId).catch(() => undefined);
    return { ok: false, stage: 'store', storeCode: error instanceof DossierStoreError ? error.code : null, error };
  }
  const ids = written.records.map((r) => r.dossier.id);
  const numbers = written.records.map((r) => r.dossier.number);
  let filesAdded: number;
  try {
    ({ filesAdded } = await calls.commit(pkg.importId));
  } catch (error) {
    // The package is not recorded as received, so its dossiers must not stay either.
    let undone = true;
    try {
      await undoReceivedDossiers(db, written.undo);
    } catch {
      undone = false;
    }
    // Discarded either way: a commit that failed moved no file and recorded nothing.
    await calls.discard(pkg.importId).catch(() => undefined);
    return { ok: false, stage: 'commit', undone, numbers, error };
  }
  return { ok: true, dossierIds: ids, numbers, filesAdded };
}
