import type { DeskDatabase } from '../../../renderer/db/database';
import type { StoreEnv } from '../../../renderer/db/dossiers/store';
import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import type { Dossier, DossierStatus, Finding } from '../../../shared/domain/dossier';
import {
  type DossierDraftInput,
  dossierDraftSchema,
  type FindingDraftInput,
  findingDraftSchema,
} from '../../../shared/dossiers/draft';
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowContext } from '../../../shared/workflow';

export const calendar = new WorkingCalendar(DEFAULT_HOLIDAY_YEARS);

/** The office's store environment: clerk 李明, the default calendar and rules, and the given clock. */
export function storeEnv(
  db: DeskDatabase,
  now: () => Date,
  office: StoreEnv['office'] = { name: '青山县司法局', shortName: '青司' },
): StoreEnv {
  return { db, office, actor: '李明', calendar, settings: DEFAULT_WORKFLOW_SETTINGS, now };
}

/** A valid registration form: a focused matter about the market regulator, from the 12345 hotline. */
export const dossierDraft = (overrides: Partial<DossierDraftInput> = {}) =>
  dossierDraftSchema.parse({
    title: '关于青山县市场监督管理局行政处罚案件的监督',
    kind: 'focused',
    source: 'hotline_12345',
    subjectIds: ['s-market'],
    handlerIds: ['h-1', 'h-2'],
    registeredOn: '2026-11-27',
    priority: 'normal',
    confidentiality: 'internal',
    summary: '群众反映罚款过重',
    ...overrides,
  });

/** A valid finding form: a procedural problem (no hearing) to be put right by a new decision. */
export const findingDraft = (description: string, overrides: Partial<FindingDraftInput> = {}) =>
  findingDraftSchema.parse({
    category: 'procedure',
    subcategory: 'no_hearing',
    description,
    severity: 'moderate',
    rectificationRequirement: '重新作出处理决定',
    ...overrides,
  });

export function context(overrides: Partial<WorkflowContext> = {}): WorkflowContext {
  return {
    today: '2026-11-27',
    now: '2026-11-27T09:30:00.000+08:00',
    actor: '李明',
    calendar,
    settings: DEFAULT_WORKFLOW_SETTINGS,
    ...overrides,
  };
}

export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd-1',
    number: '青司监〔2026〕1号',
    title: '关于青山县市场监督管理局行政处罚案件的监督',
    kind: 'focused',
    source: 'hotline_12345',
    methods: [],
    status: 'registered',
    owningOrganId: 'self',
    subjectIds: ['s-1'],
    supervisedOrganIds: [],
    handlerIds: ['h-1', 'h-2'],
    registeredOn: '2026-11-02',
    priority: 'normal',
    confidentiality: 'internal',
    summary: '',
    legalBasis: '',
    tags: [],
    links: { related: [] },
    workflow: { escalations: [] },
    origin: { kind: 'own' },
    version: 1,
    createdAt: '2026-11-02T09:00:00.000+08:00',
    updatedAt: '2026-11-02T09:00:00.000+08:00',
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-1',
    dossierId: 'd-1',
    category: 'procedure',
    subcategory: 'no_hearing',
    description: '作出较大数额罚款前未告知听证权利',
    ruleBreached: '《行政处罚法》第六十三条',
    evidenceIds: [],
    severity: 'moderate',
    rectificationRequirement: '重新作出处理决定',
    rectificationStatus: 'required',
    rejectionCount: 0,
    createdAt: '2026-11-05T09:00:00.000+08:00',
    updatedAt: '2026-11-05T09:00:00.000+08:00',
    ...overrides,
  };
}

const approval = { by: '王局长', on: '2026-11-20', opinion: '同意' };
const service = { document: 'opinion' as const, servedOn: '2026-11-23' };

/** A dossier in each status, with the records its earlier steps would have left. */
export function dossierIn(status: DossierStatus): Dossier {
  const base = dossier({ status });
  switch (status) {
    case 'approved':
      return { ...base, workflow: { escalations: [], approval } };
    case 'served':
    case 'rectifying':
    case 'verifying':
      return { ...base, workflow: { escalations: [], approval, service } };
    case 'review_requested':
      return {
        ...base,
        workflow: {
          escalations: [],
          approval,
          service,
          review: { requestedOn: '2026-11-25', reason: '对认定有异议', decideBy: '2026-12-16', returnTo: 'rectifying' },
        },
      };
    case 'referred':
      return {
        ...base,
        workflow: { escalations: [], referral: { to: '县纪委监委', on: '2026-11-20', replyDue: '2026-12-04' } },
      };
    default:
      return base;
  }
}
