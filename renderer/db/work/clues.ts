import Dexie from 'dexie';
import {
  assessClue,
  assessmentDue,
  type ClueContext,
  type ClueRefusal,
  type ClueSettings,
  recordReferralReply,
} from '../../../shared/clues/assessment';
import {
  type Clue,
  type ClueDraft,
  type ClueStatus,
  clueCounterKey,
  clueSchema,
  formatClueNumber,
  type Reporter,
} from '../../../shared/clues/clue';
import { dossierDraftFromClue } from '../../../shared/clues/handoff';
import { type DuplicateHint, likelyDuplicates } from '../../../shared/clues/similarity';
import type { DossierKind, InvestigationMethod } from '../../../shared/domain/dossier';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import type { Refusal } from '../../../shared/workflow/machine';
import type { DeskDatabase } from '../database';
import { createDossier, type StoreEnv, takeAction, todayOf, writeTables } from '../dossiers/store';
import type { ClueAccess } from './records';
import type { WorkSettings } from './settings';

/** A refusal of a clue store write the clerk can act on: `code` picks the message. */
export class ClueStoreError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'ClueStoreError';
  }
}

const clock = (env: Pick<StoreEnv, 'now'>) => (env.now ?? (() => new Date()))();
const newId = () => (globalThis.crypto as Crypto).randomUUID();

export function clueSettingsOf(env: StoreEnv, work: WorkSettings): ClueSettings {
  return {
    assessmentWorkingDays: work.clueAssessmentWorkingDays,
    // One rule for every referral: the office sets it once, for dossiers and clues alike.
    referralReplyWorkingDays: env.settings.referralReplyWorkingDays,
  };
}

function clueContext(env: StoreEnv, work: WorkSettings, now: Date): ClueContext {
  return {
    today: todayOf(now),
    now: now.toISOString(),
    actor: env.actor,
    calendar: env.calendar,
    settings: clueSettingsOf(env, work),
  };
}

/** Registers a clue: its number is allocated and its assessment deadline set in one transaction. */
export async function registerClue(env: StoreEnv, work: WorkSettings, draft: ClueDraft): Promise<Clue> {
  const { db } = env;
  const now = clock(env);
  const at = now.toISOString();
  return db.transaction('rw', [db.clues, db.meta], async () => {
    const year = Number(draft.receivedOn.slice(0, 4));
    const key = clueCounterKey(year);
    const sequence = ((await db.meta.get(key))?.v ?? 0) + 1;
    await db.meta.put({ k: key, v: sequence });
    const enterprise = draft.enterpriseName ? { name: draft.enterpriseName, creditCode: draft.creditCode } : undefined;
    const clue: Clue = clueSchema.parse({
      id: newId(),
      number: formatClueNumber(env.office.shortName, year, sequence),
      source: draft.source,
      receivedOn: draft.receivedOn,
      title: draft.title,
      content: draft.content,
      subjectIds: draft.subjectIds,
      supervisedOrganIds: draft.supervisedOrganIds,
      ...(enterprise ? { enterprise } : {}),
      ...(draft.creditCode ? { creditCode: draft.creditCode } : {}),
      ...(draft.reporter ? { reporter: draft.reporter } : {}),
      proposedKind: draft.proposedKind,
      priority: draft.priority,
      status: 'pending',
      assessDue: assessmentDue(draft.receivedOn, env.calendar, clueSettingsOf(env, work)),
      similarIds: draft.similarIds,
      ...(draft.origin ? { origin: draft.origin } : {}),
      createdBy: env.actor,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    await db.clues.add(clue);
    return clue;
  });
}

/**
 * Clues that read like the one being registered and concern the same subject, organ or
 * enterprise. Only clues sharing one of those are read, through their indexes.
 */
export async function findLikelyDuplicates(
  db: DeskDatabase,
  candidate: Pick<Clue, 'title' | 'content' | 'subjectIds' | 'supervisedOrganIds'> & {
    id?: string;
    creditCode?: string;
    enterpriseName?: string;
  },
): Promise<{ hint: DuplicateHint; clue: Clue }[]> {
  const ids = new Set<string>();
  await db.transaction('r', [db.clues], async () => {
    const [bySubject, byOrgan, byCode] = await Promise.all([
      candidate.subjectIds.length
        ? db.clues.where('subjectIds').anyOf(candidate.subjectIds).primaryKeys()
        : Promise.resolve([]),
      candidate.supervisedOrganIds.length
        ? db.clues.where('supervisedOrganIds').anyOf(candidate.supervisedOrganIds).primaryKeys()
        : Promise.resolve([]),
      candidate.creditCode
        ? db.clues.where('creditCode').equals(candidate.creditCode).primaryKeys()
        : Promise.resolve([]),
    ]);
    for (const id of [...bySubject, ...byOrgan, ...byCode]) ids.add(id);
  });
  if (ids.size === 0) return [];
  const clues = (await db.clues.bulkGet([...ids])).filter((c): c is Clue => !!c);
  const comparable = clues.map((c) => ({
    id: c.id,
    title: c.title,
    content: c.content,
    subjectIds: c.subjectIds,
    supervisedOrganIds: c.supervisedOrganIds,
    ...(c.creditCode ? { creditCode: c.creditCode } : {}),
    ...(c.enterprise ? { enterpriseName: c.enterprise.name } : {}),
  }));
  const byId = new Map(clues.map((c) => [c.id, c]));
  return likelyDuplicates(candidate, comparable).map((hint) => ({ hint, clue: byId.get(hint.id) as Clue }));
}

export async function getClue(db: DeskDatabase, id: string): Promise<Clue | undefined> {
  return db.clues.get(id);
}

export async function getClues(db: DeskDatabase, ids: readonly string[]): Promise<Clue[]> {
  return (await db.clues.bulkGet([...ids])).filter((c): c is Clue => !!c);
}

export interface ClueQuery {
  status?: ClueStatus;
  overdue?: boolean;
  source?: Clue['source'];
  text?: string;
}

export interface CluePage {
  clues: Clue[];
  total: number;
  counts: Record<ClueStatus | 'all' | 'overdue', number>;
}

const norm = (s: string) => s.toLowerCase();

/**
 * One page of the clue register, newest received first. Counts come from the status
 * index; overdue clues from the deadline indexes, never from reading every clue.
 */
export async function listClues(
  db: DeskDatabase,
  query: ClueQuery,
  options: { today: string; offset?: number; limit?: number },
): Promise<CluePage> {
  const { today } = options;
  return db.transaction('r', [db.clues], async () => {
    const [pending, opened, referred, replied, notOpened, overdueAssess, overdueReply] = await Promise.all([
      db.clues.where('status').equals('pending').count(),
      db.clues.where('status').equals('opened').count(),
      db.clues.where('status').equals('referred').count(),
      db.clues.where('status').equals('replied').count(),
      db.clues.where('status').equals('not_opened').count(),
      overdueRange(db, 'assessDue', 'pending', today).count(),
      overdueRange(db, 'replyDue', 'referred', today).count(),
    ]);
    const counts = {
      pending,
      opened,
      referred,
      replied,
      not_opened: notOpened,
      all: pending + opened + referred + replied + notOpened,
      overdue: overdueAssess + overdueReply,
    };
    let rows: Clue[];
    if (query.overdue) {
      const [a, r] = await Promise.all([
        overdueRange(db, 'assessDue', 'pending', today).toArray(),
        overdueRange(db, 'replyDue', 'referred', today).toArray(),
      ]);
      rows = [...a, ...r];
    } else if (query.status) {
      rows = await db.clues.where('status').equals(query.status).toArray();
    } else {
      rows = await db.clues.toArray();
    }
    const text = query.text?.trim() ? norm(query.text.trim()) : '';
    const filtered = rows
      .filter((c) => !query.source || c.source === query.source)
      .filter((c) => !text || norm(`${c.number} ${c.title} ${c.content} ${c.enterprise?.name ?? ''}`).includes(text))
      .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.number.localeCompare(a.number, 'zh-CN'));
    const offset = options.offset ?? 0;
    return {
      clues: filtered.slice(offset, offset + (options.limit ?? 200)),
      total: filtered.length,
      counts,
    };
  });
}

function overdueRange(db: DeskDatabase, field: 'assessDue' | 'replyDue', status: ClueStatus, today: string) {
  return db.clues.where(`[status+${field}]`).between([status, Dexie.minKey], [status, today], true, false);
}

/** Overdue clues of one kind, most overdue first, and how many there are. */
export async function overdueClues(
  db: DeskDatabase,
  kind: 'assessment' | 'referral_reply',
  today: string,
  limit = 200,
): Promise<{ clues: Clue[]; total: number }> {
  const [field, status] =
    kind === 'assessment' ? (['assessDue', 'pending'] as const) : (['replyDue', 'referred'] as const);
  return db.transaction('r', [db.clues], async () => {
    const range = () => overdueRange(db, field, status, today);
    const [total, clues] = await Promise.all([range().count(), range().limit(limit).toArray()]);
    return { total, clues };
  });
}

export type ClueOutcome =
  | { ok: true; clue: Clue; dossierId?: string }
  | { ok: false; refusals: (ClueRefusal | Refusal)[] };

/** Aborts the transaction with the workflow's refusals, so nothing the step wrote stays. */
class Refused extends Error {
  constructor(readonly refusals: (ClueRefusal | Refusal)[]) {
    super('refused');
  }
}

async function updateClue(
  env: StoreEnv,
  work: WorkSettings,
  id: string,
  change: (clue: Clue, ctx: ClueContext) => ReturnType<typeof assessClue>,
): Promise<ClueOutcome> {
  const { db } = env;
  const ctx = clueContext(env, work, clock(env));
  try {
    return await db.transaction('rw', [db.clues], async () => {
      const clue = await db.clues.get(id);
      if (!clue) throw new ClueStoreError('NOT_FOUND', `no clue ${id}`);
      const result = change(clue, ctx);
      if (!result.ok) throw new Refused(result.refusals);
      await db.clues.put(result.clue);
      return { ok: true as const, clue: result.clue };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusals: error.refusals };
    throw error;
  }
}

export function referClue(env: StoreEnv, work: WorkSettings, id: string, input: { to: string; reason: string }) {
  return updateClue(env, work, id, (clue, ctx) => assessClue(clue, { outcome: 'referred', ...input }, ctx));
}

export function declineClue(env: StoreEnv, work: WorkSettings, id: string, reason: string) {
  return updateClue(env, work, id, (clue, ctx) => assessClue(clue, { outcome: 'not_opened', reason }, ctx));
}

export function recordClueReply(env: StoreEnv, work: WorkSettings, id: string, reply: { on: string; summary: string }) {
  return updateClue(env, work, id, (clue, ctx) => recordReferralReply(clue, reply, ctx));
}

export interface OpenChoice {
  kind: DossierKind;
  subjectIds: string[];
  supervisedOrganIds: string[];
  handlerIds: string[];
  deadline?: string;
  /** Open (立项) right away with these methods; otherwise the dossier waits, registered. */
  methods?: InvestigationMethod[];
  note?: string;
}

/**
 * Opens a dossier from a clue (立项): the dossier is created (and opened, when methods
 * are given) and the clue records it, in one transaction — a refusal of any step leaves
 * neither. The dossier's links.clueId points back at the clue.
 */
export async function openDossierFromClue(
  env: StoreEnv,
  work: WorkSettings,
  id: string,
  choice: OpenChoice,
): Promise<ClueOutcome | { ok: false; fieldIssues: { path: (string | number)[]; message: string }[] }> {
  const { db } = env;
  const now = clock(env);
  const ctx = clueContext(env, work, now);
  const existing = await db.clues.get(id);
  if (!existing) throw new ClueStoreError('NOT_FOUND', `no clue ${id}`);
  const parsed = dossierDraftSchema.safeParse(dossierDraftFromClue(existing, { ...choice, registeredOn: ctx.today }));
  if (!parsed.success) {
    return {
      ok: false,
      fieldIssues: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      })),
    };
  }
  try {
    return await db.transaction('rw', [...writeTables(db), db.clues], async () => {
      const clue = await db.clues.get(id);
      if (!clue) throw new ClueStoreError('NOT_FOUND', `no clue ${id}`);
      if (clue.status !== 'pending') throw new Refused([{ code: 'notPending' }]);
      const created = await createDossier(env, parsed.data);
      if (choice.methods && choice.methods.length > 0) {
        const opened = await takeAction(env, created.dossier.id, {
          action: 'open',
          methods: choice.methods,
          ...(choice.note ? { note: choice.note } : {}),
        });
        if (!opened.ok) throw new Refused(opened.refusals);
      }
      const result = assessClue(
        clue,
        { outcome: 'opened', dossierId: created.dossier.id, note: choice.note ?? '' },
        ctx,
      );
      if (!result.ok) throw new Refused(result.refusals);
      await db.clues.put(result.clue);
      return { ok: true as const, clue: result.clue, dossierId: created.dossier.id };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusals: error.refusals };
    throw error;
  }
}

/** Shows a reporter's identity, recording who asked and when; the record is kept for good. */
export async function revealReporter(env: StoreEnv, id: string): Promise<Reporter | undefined> {
  const { db } = env;
  const at = clock(env).toISOString();
  return db.transaction('rw', [db.clues, db.clueAccess], async () => {
    const clue = await db.clues.get(id);
    if (!clue) throw new ClueStoreError('NOT_FOUND', `no clue ${id}`);
    if (!clue.reporter || clue.reporter.anonymous) return clue.reporter;
    await db.clueAccess.add({ id: newId(), clueId: id, at, by: env.actor });
    return clue.reporter;
  });
}

export async function reporterAccessLog(db: DeskDatabase, clueId: string): Promise<ClueAccess[]> {
  const rows = await db.clueAccess.where('clueId').equals(clueId).toArray();
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}

/** Clues raised from inspection flags, by flag key, to mark flags already acted on. */
export async function cluesFromFlags(db: DeskDatabase, creditCodes: readonly string[]): Promise<Map<string, Clue>> {
  if (creditCodes.length === 0) return new Map();
  const rows = await db.clues
    .where('creditCode')
    .anyOf([...new Set(creditCodes)])
    .toArray();
  const out = new Map<string, Clue>();
  for (const c of rows) if (c.origin?.kind === 'inspection_flag') out.set(c.origin.flagKey, c);
  return out;
}

/** The clue a dossier was opened from. */
export async function clueOfDossier(db: DeskDatabase, dossierId: string): Promise<Clue | undefined> {
  return db.clues.where('dossierId').equals(dossierId).first();
}
