import {
  type EnforcementOfficer,
  type EnforcementSubject,
  levelRank,
  type Organ,
  type Supervisor,
} from '../domain/registry';
import { normalizeName } from './columns';

// Rules that look beyond one record: uniqueness across the registry, and references
// to other records. The edit forms and the spreadsheet import both apply them.

export interface RegistrySnapshot {
  organs: readonly Organ[];
  subjects: readonly EnforcementSubject[];
  officers: readonly EnforcementOfficer[];
  supervisors: readonly Supervisor[];
}

/** A problem with one field: `key` is a full catalogue key, e.g. "registries:rules.nameTaken". */
export interface RuleIssue {
  path: string[];
  key: string;
  params?: Record<string, string | number>;
}

const issue = (field: string, key: string, params?: Record<string, string | number>): RuleIssue => ({
  path: [field],
  key: `registries:rules.${key}`,
  ...(params ? { params } : {}),
});

/** Lookups over a snapshot, built once per snapshot so checking 50 000 rows stays linear. */
export interface SnapshotIndex {
  organsById: Map<string, Organ>;
  organsByName: Map<string, Organ[]>;
  subjectsById: Map<string, EnforcementSubject>;
  subjectsByName: Map<string, EnforcementSubject[]>;
  subjectsByCreditCode: Map<string, EnforcementSubject[]>;
  officersByCertificate: Map<string, EnforcementOfficer[]>;
  supervisorsByIdNo: Map<string, Supervisor[]>;
}

function group<T>(records: readonly T[], key: (r: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(record);
    else map.set(k, [record]);
  }
  return map;
}

const indexes = new WeakMap<RegistrySnapshot, SnapshotIndex>();
export function indexSnapshot(snapshot: RegistrySnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = {
      organsById: new Map(snapshot.organs.map((o) => [o.id, o])),
      organsByName: group(snapshot.organs, (o) => normalizeName(o.name)),
      subjectsById: new Map(snapshot.subjects.map((s) => [s.id, s])),
      subjectsByName: group(snapshot.subjects, (s) => normalizeName(s.name)),
      subjectsByCreditCode: group(snapshot.subjects, (s) => s.creditCode),
      officersByCertificate: group(snapshot.officers, (o) => o.certificateNo),
      supervisorsByIdNo: group(snapshot.supervisors, (s) => s.supervisionIdNo),
    };
    indexes.set(snapshot, index);
  }
  return index;
}

/** Another record than `self` under the same key. */
function taken<T extends { id: string }>(map: Map<string, T[]>, key: string | undefined, self: string): T | undefined {
  return key === undefined ? undefined : map.get(key)?.find((r) => r.id !== self);
}

/**
 * A reference may point at a deactivated record only if it already did: a clerk may
 * still edit an officer whose subject was wound up, but cannot pick a stale one anew.
 */
function referenceIssue<T extends { id: string; active: boolean; name: string }>(
  field: string,
  targetId: string | undefined,
  previousId: string | undefined,
  byId: Map<string, T>,
): RuleIssue | null {
  if (!targetId) return null;
  const target = byId.get(targetId);
  if (!target) return issue(field, 'referenceMissing');
  if (!target.active && targetId !== previousId) return issue(field, 'referenceInactive', { name: target.name });
  return null;
}

/** The ids of an organ and everything under it. */
export function organSubtree(organs: readonly Organ[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const organ of organs) {
    if (!organ.parentId) continue;
    const list = children.get(organ.parentId) ?? [];
    list.push(organ.id);
    children.set(organ.parentId, list);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    for (const child of children.get(next) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}

export function organIssues(
  organ: Pick<Organ, 'id' | 'name' | 'level'> & { parentId?: string },
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const index = indexSnapshot(snapshot);
  const issues: RuleIssue[] = [];
  if (taken(index.organsByName, normalizeName(organ.name), organ.id)) issues.push(issue('name', 'nameTaken'));
  if (organ.parentId) {
    const previous = index.organsById.get(organ.id)?.parentId;
    const parent = index.organsById.get(organ.parentId);
    const reference = referenceIssue('parentId', organ.parentId, previous, index.organsById);
    if (reference) issues.push(reference);
    else if (isUnder(index, organ.parentId, organ.id)) issues.push(issue('parentId', 'parentCycle'));
    else if (parent && levelRank(parent.level) > levelRank(organ.level)) {
      issues.push(issue('parentId', 'parentBelow'));
    }
  }
  return issues;
}

/** True if `id` is `ancestorId` or lies below it, following parents up from `id`. */
function isUnder(index: SnapshotIndex, id: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = id; at && !seen.has(at); at = index.organsById.get(at)?.parentId) {
    if (at === ancestorId) return true;
    seen.add(at);
  }
  return false;
}

export function subjectIssues(
  subject: Pick<EnforcementSubject, 'id' | 'name' | 'organId'> & { creditCode?: string },
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const index = indexSnapshot(snapshot);
  const issues: RuleIssue[] = [];
  if (taken(index.subjectsByName, normalizeName(subject.name), subject.id)) issues.push(issue('name', 'nameTaken'));
  if (taken(index.subjectsByCreditCode, subject.creditCode, subject.id)) {
    issues.push(issue('creditCode', 'creditCodeTaken'));
  }
  const previous = index.subjectsById.get(subject.id)?.organId;
  const reference = referenceIssue('organId', subject.organId, previous, index.organsById);
  if (reference) issues.push(reference);
  return issues;
}

export function officerIssues(
  officer: Pick<EnforcementOfficer, 'id' | 'certificateNo' | 'subjectId'>,
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const index = indexSnapshot(snapshot);
  const issues: RuleIssue[] = [];
  const clash = taken(index.officersByCertificate, officer.certificateNo, officer.id);
  if (clash) issues.push(issue('certificateNo', 'certificateTaken', { name: clash.name }));
  const previous = previousOf(snapshot.officers, officer.id)?.subjectId;
  const reference = referenceIssue('subjectId', officer.subjectId, previous, index.subjectsById);
  if (reference) issues.push(reference);
  return issues;
}

export function supervisorIssues(
  supervisor: Pick<Supervisor, 'id' | 'supervisionIdNo' | 'organId'>,
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const index = indexSnapshot(snapshot);
  const issues: RuleIssue[] = [];
  const clash = taken(index.supervisorsByIdNo, supervisor.supervisionIdNo, supervisor.id);
  if (clash) issues.push(issue('supervisionIdNo', 'supervisionIdTaken', { name: clash.name }));
  const previous = previousOf(snapshot.supervisors, supervisor.id)?.organId;
  const reference = referenceIssue('organId', supervisor.organId, previous, index.organsById);
  if (reference) issues.push(reference);
  return issues;
}

const byIdCache = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();
/** The saved version of a record, if it has one (for "it already pointed there"). */
function previousOf<T extends { id: string }>(records: readonly T[], id: string): T | undefined {
  let map = byIdCache.get(records);
  if (!map) {
    map = new Map(records.map((r) => [r.id, r]));
    byIdCache.set(records, map);
  }
  return map.get(id) as T | undefined;
}
