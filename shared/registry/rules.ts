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

function taken<T extends { id: string }>(records: readonly T[], self: string, same: (r: T) => boolean): T | undefined {
  return records.find((r) => r.id !== self && same(r));
}

/**
 * A reference may point at a deactivated record only if it already did: a clerk may
 * still edit an officer whose subject was wound up, but cannot pick a stale one anew.
 */
function referenceIssue<T extends { id: string; active: boolean; name: string }>(
  field: string,
  targetId: string | undefined,
  previousId: string | undefined,
  records: readonly T[],
): RuleIssue | null {
  if (!targetId) return null;
  const target = records.find((r) => r.id === targetId);
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
  const issues: RuleIssue[] = [];
  const name = normalizeName(organ.name);
  const clash = taken(snapshot.organs, organ.id, (o) => normalizeName(o.name) === name);
  if (clash) issues.push(issue('name', 'nameTaken'));
  if (organ.parentId) {
    const previous = snapshot.organs.find((o) => o.id === organ.id)?.parentId;
    const parent = snapshot.organs.find((o) => o.id === organ.parentId);
    const reference = referenceIssue('parentId', organ.parentId, previous, snapshot.organs);
    if (reference) issues.push(reference);
    else if (organSubtree(snapshot.organs, organ.id).has(organ.parentId)) issues.push(issue('parentId', 'parentCycle'));
    else if (parent && levelRank(parent.level) > levelRank(organ.level)) {
      issues.push(issue('parentId', 'parentBelow'));
    }
  }
  return issues;
}

export function subjectIssues(
  subject: Pick<EnforcementSubject, 'id' | 'name' | 'organId'> & { creditCode?: string },
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const name = normalizeName(subject.name);
  if (taken(snapshot.subjects, subject.id, (s) => normalizeName(s.name) === name)) {
    issues.push(issue('name', 'nameTaken'));
  }
  if (subject.creditCode && taken(snapshot.subjects, subject.id, (s) => s.creditCode === subject.creditCode)) {
    issues.push(issue('creditCode', 'creditCodeTaken'));
  }
  const previous = snapshot.subjects.find((s) => s.id === subject.id)?.organId;
  const reference = referenceIssue('organId', subject.organId, previous, snapshot.organs);
  if (reference) issues.push(reference);
  return issues;
}

export function officerIssues(
  officer: Pick<EnforcementOfficer, 'id' | 'certificateNo' | 'subjectId'>,
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const clash = taken(snapshot.officers, officer.id, (o) => o.certificateNo === officer.certificateNo);
  if (clash) issues.push(issue('certificateNo', 'certificateTaken', { name: clash.name }));
  const previous = snapshot.officers.find((o) => o.id === officer.id)?.subjectId;
  const reference = referenceIssue('subjectId', officer.subjectId, previous, snapshot.subjects);
  if (reference) issues.push(reference);
  return issues;
}

export function supervisorIssues(
  supervisor: Pick<Supervisor, 'id' | 'supervisionIdNo' | 'organId'>,
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const clash = taken(snapshot.supervisors, supervisor.id, (s) => s.supervisionIdNo === supervisor.supervisionIdNo);
  if (clash) issues.push(issue('supervisionIdNo', 'supervisionIdTaken', { name: clash.name }));
  const previous = snapshot.supervisors.find((s) => s.id === supervisor.id)?.organId;
  const reference = referenceIssue('organId', supervisor.organId, previous, snapshot.organs);
  if (reference) issues.push(reference);
  return issues;
}
