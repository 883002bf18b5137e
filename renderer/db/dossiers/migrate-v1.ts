import type { Transaction } from 'dexie';
import type { Dossier, Finding, TimelineEvent } from '../../../shared/domain/dossier';
import type { EnforcementSubject, Organ } from '../../../shared/domain/registry';
import { type BulkTables, BulkWriter } from './bulk';

/**
 * Version 1 kept one row per dossier, finding and event. Version 2 moves them into
 * blocks, builds the catalogue and the search index, and fills fields that did not
 * exist yet with their defaults (a workflow record, a rejection count); every value
 * the old record had is kept as it was.
 */
export async function migrateV1Dossiers(tx: Transaction): Promise<void> {
  const dossiers = (await tx.table('dossiers').toArray()) as Dossier[];
  if (dossiers.length === 0) return;
  const findings = (await tx.table('findings').toArray()) as Finding[];
  const events = (await tx.table('events').toArray()) as TimelineEvent[];
  const subjects = new Map(((await tx.table('subjects').toArray()) as EnforcementSubject[]).map((s) => [s.id, s]));
  const organs = new Map(((await tx.table('organs').toArray()) as Organ[]).map((o) => [o.id, o]));

  const findingsOf = groupBy(findings, (f) => f.dossierId);
  const eventsOf = groupBy(events, (e) => e.dossierId);
  const tables: BulkTables = {
    bodies: tx.table('bodies'),
    cards: tx.table('cards'),
    catalog: tx.table('catalog'),
    meta: tx.table('meta'),
    postings: tx.table('postings'),
    termBuckets: tx.table('termBuckets'),
  };
  const writer = new BulkWriter(tables, (work) => work());
  await writer.begin();
  const ordered = [...dossiers].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const old of ordered) {
    const dossier = upgradeDossier(old);
    const ownFindings = (findingsOf.get(old.id) ?? []).map(upgradeFinding);
    const timeline = (eventsOf.get(old.id) ?? []).sort((a, b) => a.seq - b.seq);
    writer.add(
      { dossier, findings: ownFindings, events: timeline },
      {
        subjects: dossier.subjectIds.flatMap((id) => subjects.get(id)?.name ?? []),
        organs: [...dossier.supervisedOrganIds, dossier.owningOrganId].flatMap((id) => organs.get(id)?.name ?? []),
      },
    );
    if (writer.nextSlot % 512 === 0) await writer.flush();
  }
  await writer.finish();
}

/** Fields added after version 1, with the values a version-1 record means. */
function upgradeDossier(old: Dossier): Dossier {
  const raw = old as Partial<Dossier> & Dossier;
  return {
    ...raw,
    methods: raw.methods ?? [],
    subjectIds: raw.subjectIds ?? [],
    supervisedOrganIds: raw.supervisedOrganIds ?? [],
    handlerIds: raw.handlerIds ?? [],
    tags: raw.tags ?? [],
    summary: raw.summary ?? '',
    legalBasis: raw.legalBasis ?? '',
    links: { ...raw.links, related: raw.links?.related ?? [] },
    workflow: raw.workflow ?? { escalations: [] },
  };
}

function upgradeFinding(old: Finding): Finding {
  const raw = old as Partial<Finding> & Finding;
  return {
    ...raw,
    evidenceIds: raw.evidenceIds ?? [],
    ruleBreached: raw.ruleBreached ?? '',
    rejectionCount: raw.rejectionCount ?? 0,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = map.get(k);
    if (!list) {
      list = [];
      map.set(k, list);
    }
    list.push(item);
  }
  return map;
}
