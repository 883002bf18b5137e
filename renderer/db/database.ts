import Dexie, { type EntityTable, type Table } from 'dexie';
import type { HolidayYear } from '../../shared/calendar/holidays';
import type { Clue } from '../../shared/clues/clue';
import type { Dossier, Evidence, Finding, TimelineEvent } from '../../shared/domain/dossier';
import type { EnforcementOfficer, EnforcementSubject, Organ, Supervisor } from '../../shared/domain/registry';
import type { TallyRow } from '../../shared/results/tally';
import type { Rubric } from '../../shared/review/rubric';
import type { ReviewFile, ReviewSession } from '../../shared/review/session';
import { activeDatabaseName } from './active-name';
import type { SavedFilter } from './dossiers/filters';
import type { BodyBlock, CardBlock, CatalogSegment, MetaRow, PostingRow, TermBucket } from './dossiers/layout';
import { migrateV1Dossiers } from './dossiers/migrate-v1';
import { type RebuildTables, rebuildAggregates, type UnitRow } from './results/aggregates';
import type {
  ClueAccess,
  StoredCampaign,
  StoredCoordination,
  StoredInspection,
  StoredReviewRequest,
} from './work/records';
import { writeCounter } from './write-count';

/**
 * Version 1's stores as released, for the migration test and its fixture script (a
 * unit test checks that DeskDatabase still declares exactly these).
 */
export const SCHEMA_V1 = {
  organs: 'id, name, parentId, divisionCode, level, active',
  subjects: 'id, name, organId, field, active',
  officers: 'id, &certificateNo, subjectId, status',
  supervisors: 'id, &supervisionIdNo, organId, active',
  dossiers: 'id, number, status, kind, owningOrganId, updatedAt, [status+updatedAt], *subjectIds',
  findings: 'id, dossierId, category, rectificationStatus',
  evidence: 'id, dossierId, sha256',
  events: 'id, [dossierId+seq]',
} as const;

/**
 * Version 2 keeps dossiers, findings and timelines in blocks with a column catalogue
 * and an inverted search index (see dossiers/layout.ts for why), moving version 1's
 * per-record rows into them.
 */
export const SCHEMA_V2 = {
  dossiers: null,
  findings: null,
  events: null,
  bodies: 'b',
  cards: 'b, *ids',
  catalog: 'seg',
  postings: '[t+c]',
  termBuckets: 'b',
  meta: 'k',
  savedFilters: 'id, name',
  calendars: 'year',
} as const;

/**
 * Version 3 adds the breadth of supervision work: clues (问题线索) and who viewed a
 * reporter's identity, campaign plans (keyed by their parent dossier), enterprise
 * inspections, jurisdiction disputes (keyed by their dossier) and review requests.
 */
export const SCHEMA_V3 = {
  clues:
    'id, &number, status, receivedOn, [status+assessDue], [status+replyDue], dossierId, *subjectIds, *supervisedOrganIds, creditCode',
  clueAccess: 'id, clueId',
  campaigns: 'dossierId',
  inspections: 'id, date, creditCode, subjectId',
  coordinations: 'dossierId',
  reviewRequests: 'id, dossierId, receivedOn',
} as const;

/**
 * Version 4 adds results: tallies of dossiers and findings by month for the office,
 * each subject and each accountable organ (kept current by every dossier write), the
 * directory of accountable organs behind the catalogue's unit column, and case-file
 * reviews (rubric templates, sessions, scored files). The upgrade counts what is held.
 */
export const SCHEMA_V4 = {
  tallies: 'k',
  units: 'code, &id',
  rubrics: 'id',
  reviewSessions: 'id, updatedAt',
  reviewFiles: 'id, sessionId, subjectId',
} as const;

/** A rubric template the office keeps (the common rubric ships with the app). */
export type StoredRubric = Rubric & { updatedAt: string };

/**
 * The office's supervision record, in IndexedDB. Every schema change is a new
 * `version(n)` with an upgrade function; released versions are frozen (a fixture
 * written by version 1 is opened by the migration test).
 */
export class DeskDatabase extends Dexie {
  organs!: EntityTable<Organ, 'id'>;
  subjects!: EntityTable<EnforcementSubject, 'id'>;
  officers!: EntityTable<EnforcementOfficer, 'id'>;
  supervisors!: EntityTable<Supervisor, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  bodies!: Table<BodyBlock, number>;
  cards!: Table<CardBlock, number>;
  catalog!: Table<CatalogSegment, number>;
  postings!: Table<PostingRow, [PostingRow['t'], number]>;
  termBuckets!: Table<TermBucket, number>;
  meta!: Table<MetaRow, string>;
  savedFilters!: EntityTable<SavedFilter, 'id'>;
  calendars!: Table<HolidayYear, number>;
  tallies!: Table<TallyRow, string>;
  units!: Table<UnitRow, number>;
  rubrics!: EntityTable<StoredRubric, 'id'>;
  reviewSessions!: EntityTable<ReviewSession, 'id'>;
  reviewFiles!: EntityTable<ReviewFile, 'id'>;
  clues!: EntityTable<Clue, 'id'>;
  clueAccess!: EntityTable<ClueAccess, 'id'>;
  campaigns!: Table<StoredCampaign, string>;
  inspections!: EntityTable<StoredInspection, 'id'>;
  coordinations!: Table<StoredCoordination, string>;
  reviewRequests!: EntityTable<StoredReviewRequest, 'id'>;

  constructor(name = 'supervision-desk') {
    super(name);
    this.use(writeCounter(this));
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
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Officers gained `active` (the record's deactivation, apart from the
        // certificate's status) after version 1; every version 1 officer was active.
        await tx
          .table('officers')
          .toCollection()
          .modify((officer: { active?: boolean }) => {
            officer.active ??= true;
          });
        await migrateV1Dossiers(tx);
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const table = (name: string) => tx.table(name);
        await rebuildAggregates({
          bodies: table('bodies'),
          cards: table('cards'),
          catalog: table('catalog'),
          meta: table('meta'),
          organs: table('organs'),
          subjects: table('subjects'),
          tallies: table('tallies'),
          units: table('units'),
        } as RebuildTables);
      });
  }
}

/** Version 1's record tables, readable during the upgrade to version 2. */
export interface V1Tables {
  dossiers: Table<Dossier, string>;
  findings: Table<Finding, string>;
  events: Table<TimelineEvent, string>;
}

let instance: DeskDatabase | undefined;

/** The app's one database connection, to the database the main process names (db/active-name.ts). */
export function db(): DeskDatabase {
  instance ??= new DeskDatabase(activeDatabaseName());
  return instance;
}
