import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RegistryKind, RegistryRecords } from '../../../shared/domain/registry';
import {
  officerIssues,
  organIssues,
  type RegistrySnapshot,
  type RuleIssue,
  subjectIssues,
  supervisorIssues,
} from '../../../shared/registry/rules';
import { type DeskDatabase, db } from '../../db/database';

// The registries in IndexedDB. Every write re-checks the cross-record rules inside its
// transaction, so two windows (or a form and an import) cannot slip a duplicate past them.

/** A record the rules refused; `issues` go to the form's fields. */
export class RecordRejected extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super('The record breaks a registry rule');
    this.name = 'RecordRejected';
  }
}

const tables = (d: DeskDatabase) => [d.organs, d.subjects, d.officers, d.supervisors] as const;

export async function readSnapshot(d: DeskDatabase = db()): Promise<RegistrySnapshot> {
  const [organs, subjects, officers, supervisors] = await Promise.all([
    d.organs.toArray(),
    d.subjects.toArray(),
    d.officers.toArray(),
    d.supervisors.toArray(),
  ]);
  return { organs, subjects, officers, supervisors };
}

/** All four registries, kept current as they change. */
export function useRegistrySnapshot(): RegistrySnapshot | undefined {
  return useLiveQuery(() => db().transaction('r', tables(db()), () => readSnapshot()), []);
}

/** The rules of one registry applied to one record against the others. */
export function ruleIssues<K extends RegistryKind>(
  kind: K,
  record: RegistryRecords[K],
  snapshot: RegistrySnapshot,
): RuleIssue[] {
  switch (kind) {
    case 'organs':
      return organIssues(record as RegistryRecords['organs'], snapshot);
    case 'subjects':
      return subjectIssues(record as RegistryRecords['subjects'], snapshot);
    case 'officers':
      return officerIssues(record as RegistryRecords['officers'], snapshot);
    default:
      return supervisorIssues(record as RegistryRecords['supervisors'], snapshot);
  }
}

function table<K extends RegistryKind>(d: DeskDatabase, kind: K) {
  return d[kind] as unknown as Table<RegistryRecords[K], string>;
}

/** The unique index a ConstraintError came from, reported on its field. */
const UNIQUE_FIELD: Partial<Record<RegistryKind, string>> = {
  officers: 'certificateNo',
  supervisors: 'supervisionIdNo',
};

function isConstraintError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'ConstraintError' || inner === 'ConstraintError';
}

/** Creates or updates a record; throws RecordRejected with field issues if a rule forbids it. */
export async function saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void> {
  const d = db();
  try {
    await d.transaction('rw', tables(d), async () => {
      const issues = ruleIssues(kind, record, await readSnapshot(d));
      if (issues.length > 0) throw new RecordRejected(issues);
      await table(d, kind).put(record);
    });
  } catch (error) {
    const field = UNIQUE_FIELD[kind];
    if (field && isConstraintError(error)) {
      throw new RecordRejected([{ path: [field], key: 'registries:rules.numberTaken' }]);
    }
    throw error;
  }
}

/** Deactivates or reactivates a record; records are never deleted. */
export async function setActive(kind: RegistryKind, id: string, active: boolean): Promise<void> {
  const d = db();
  await d.transaction('rw', tables(d), async () => {
    const changed = await (
      d[kind] as unknown as Table<{ id: string; active: boolean; updatedAt: string }, string>
    ).update(id, {
      active,
      updatedAt: new Date().toISOString(),
    });
    if (changed === 0) throw new Error(`No ${kind} record ${id}`);
  });
}

/** The registry changed between the preview and the write: nothing was written. */
export class ImportConflict extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super('The registry changed since the preview');
    this.name = 'ImportConflict';
  }
}

/**
 * Writes the valid rows of an import in ONE transaction: the rules are checked again
 * against the registry as it is now, and any failure (a rule, a unique index, the
 * disk) rolls every row back.
 */
export async function writeImport<K extends RegistryKind>(kind: K, records: RegistryRecords[K][]): Promise<number> {
  const d = db();
  await d.transaction('rw', tables(d), async () => {
    const current = await readSnapshot(d);
    const after: RegistrySnapshot = { ...current, [kind]: [...current[kind], ...records] };
    for (const record of records) {
      const issues = ruleIssues(kind, record, after);
      if (issues.length > 0) throw new ImportConflict(issues);
    }
    await table(d, kind).bulkAdd(records);
  });
  return records.length;
}
