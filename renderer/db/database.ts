import Dexie, { type EntityTable } from 'dexie';
import type { Dossier, Evidence, Finding, TimelineEvent } from '../../shared/domain/dossier';
import type { EnforcementOfficer, EnforcementSubject, Organ, Supervisor } from '../../shared/domain/registry';

/**
 * The office's supervision record, in IndexedDB. Every schema change is a new
 * `version(n)` with an upgrade function; version 1 is frozen once released (a fixture
 * written by it is opened by the migration test).
 */
export class DeskDatabase extends Dexie {
  organs!: EntityTable<Organ, 'id'>;
  subjects!: EntityTable<EnforcementSubject, 'id'>;
  officers!: EntityTable<EnforcementOfficer, 'id'>;
  supervisors!: EntityTable<Supervisor, 'id'>;
  dossiers!: EntityTable<Dossier, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;

  constructor(name = 'supervision-desk') {
    super(name);
    this.version(1).stores({
      organs: 'id, name, parentId, divisionCode, level, active',
      subjects: 'id, name, organId, field, active',
      officers: 'id, &certificateNo, subjectId, status',
      supervisors: 'id, &supervisionIdNo, organId, active',
      dossiers: 'id, number, status, kind, owningOrganId, updatedAt, [status+updatedAt], *subjectIds',
      findings: 'id, dossierId, category, rectificationStatus',
      evidence: 'id, dossierId, sha256',
      events: 'id, [dossierId+seq]',
    });
  }
}

let instance: DeskDatabase | undefined;

/** The app's one database connection. */
export function db(): DeskDatabase {
  instance ??= new DeskDatabase();
  return instance;
}
