import type { DocumentStatus } from '../../../shared/documents/records';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { type Rubric, rubricSchema } from '../../../shared/review/rubric';
import { itemKeys } from '../../../shared/review/rubric-edit';
import {
  type CaseFileDraft,
  caseFileDraftSchema,
  emptyMarks,
  type FileMarks,
  problemDescription,
  problemsOf,
  type ReviewFile,
  type ReviewSession,
  type SessionDraft,
  scoreMarks,
  sessionDraftSchema,
} from '../../../shared/review/session';
import type { DeskDatabase, StoredRubric } from '../database';
import { addFinding, createDossier, type StoreEnv, takeAction, todayOf } from '../dossiers/store';

// Case-file review sessions kept beside the dossiers: templates, sessions, files and
// their marks. Problems found become findings in one case-review dossier per subject.

const newId = () => (globalThis.crypto as Crypto).randomUUID();

export type ReviewStoreErrorCode =
  | 'NOT_FOUND'
  | 'ITEM_IN_USE'
  | 'FINDINGS_RECORDED'
  | 'CIRCULAR_ISSUED'
  | 'CHANGED'
  | 'ALREADY_RESTORED';

/** A refusal the clerk can act on: `code` picks the message (results:review.errors.<code>). */
export class ReviewStoreError extends Error {
  constructor(
    readonly code: ReviewStoreErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ReviewStoreError';
  }
}

/** The office's templates; the common rubric until the office saves one of its own. */
export async function listRubrics(db: DeskDatabase): Promise<StoredRubric[]> {
  const stored = await db.rubrics.toArray();
  if (!stored.some((r) => r.id === DEFAULT_RUBRIC.id)) stored.unshift({ ...DEFAULT_RUBRIC, updatedAt: '' });
  return stored;
}

/** Where a template's item has been scored: sessions started from it with scored files. */
export interface ItemUsage {
  sessions: { id: string; name: string }[];
  files: number;
}

/**
 * The template's veto and scored items that scored files already rest on, by key:
 * every item of a session's frozen copy counts for each file scored in that session.
 */
export async function rubricUsage(db: DeskDatabase, rubricId: string): Promise<Map<string, ItemUsage>> {
  const usage = new Map<string, ItemUsage>();
  const sessions = (await db.reviewSessions.toArray()).filter((s) => s.rubric.id === rubricId);
  for (const session of sessions) {
    const scored = await db.reviewFiles
      .where('sessionId')
      .equals(session.id)
      .filter((f) => f.score !== undefined)
      .count();
    if (scored === 0) continue;
    for (const key of itemKeys(session.rubric)) {
      const entry = usage.get(key) ?? { sessions: [], files: 0 };
      entry.sessions.push({ id: session.id, name: session.name });
      entry.files += scored;
      usage.set(key, entry);
    }
  }
  return usage;
}

/**
 * Validates and saves a template; sessions already started keep their frozen copy.
 * An item that scored files rest on stays in the template (ITEM_IN_USE): its label and
 * points may change, which the frozen copies do not see.
 */
export async function saveRubric(db: DeskDatabase, rubric: Rubric, now = new Date()): Promise<StoredRubric> {
  const parsed = rubricSchema.parse(rubric);
  const stored: StoredRubric = { ...parsed, updatedAt: now.toISOString() };
  await db.transaction('rw', db.rubrics, db.reviewSessions, db.reviewFiles, async () => {
    const previous = (await db.rubrics.get(parsed.id)) ?? (parsed.id === DEFAULT_RUBRIC.id ? DEFAULT_RUBRIC : null);
    if (previous) {
      const kept = new Set(itemKeys(parsed));
      const removed = itemKeys(previous).filter((key) => !kept.has(key));
      if (removed.length > 0) {
        const usage = await rubricUsage(db, parsed.id);
        for (const key of removed) {
          const used = usage.get(key);
          if (!used) continue;
          const label = [...previous.vetoItems, ...previous.items].find((i) => i.key === key)?.label;
          throw new ReviewStoreError('ITEM_IN_USE', `item ${key} is scored in ${used.files} files`, {
            itemZh: label?.zh ?? key,
            itemEn: label?.en ?? key,
            session: used.sessions[0]?.name ?? '',
            sessions: used.sessions.length,
            files: used.files,
          });
        }
      }
    }
    await db.rubrics.put(stored);
  });
  return stored;
}

export async function listSessions(db: DeskDatabase): Promise<ReviewSession[]> {
  return (await db.reviewSessions.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getSession(
  db: DeskDatabase,
  id: string,
): Promise<{ session: ReviewSession; files: ReviewFile[] } | undefined> {
  const session = await db.reviewSessions.get(id);
  if (!session) return undefined;
  const files = (await db.reviewFiles.where('sessionId').equals(id).toArray()).sort((a, b) => a.order - b.order);
  return { session, files };
}

export async function createSession(db: DeskDatabase, input: SessionDraft, now = new Date()): Promise<ReviewSession> {
  const draft = sessionDraftSchema.parse(input);
  const rubric = (await listRubrics(db)).find((r) => r.id === draft.rubricId);
  if (!rubric) throw new Error(`no rubric ${draft.rubricId}`);
  const { updatedAt: _, ...frozen } = rubric;
  const at = now.toISOString();
  const session: ReviewSession = {
    id: newId(),
    name: draft.name,
    from: draft.from,
    to: draft.to,
    rubric: frozen,
    reviewerIds: draft.reviewerIds,
    findingDossiers: {},
    createdAt: at,
    updatedAt: at,
  };
  await db.reviewSessions.add(session);
  return session;
}

export async function addCaseFile(
  db: DeskDatabase,
  sessionId: string,
  input: CaseFileDraft,
  now = new Date(),
): Promise<ReviewFile> {
  const draft = caseFileDraftSchema.parse(input);
  const at = now.toISOString();
  return db.transaction('rw', db.reviewSessions, db.reviewFiles, async () => {
    if (!(await db.reviewSessions.get(sessionId))) throw new Error(`no session ${sessionId}`);
    const order = await db.reviewFiles.where('sessionId').equals(sessionId).count();
    const file: ReviewFile = {
      ...draft,
      id: newId(),
      sessionId,
      order,
      marks: emptyMarks(),
      findings: {},
      createdAt: at,
      updatedAt: at,
    };
    await db.reviewFiles.add(file);
    return file;
  });
}

/** Saves the reviewer's marks with the score they give under the session's rubric. */
export async function scoreCaseFile(
  db: DeskDatabase,
  fileId: string,
  marks: FileMarks,
  reviewer: string,
  now = new Date(),
): Promise<ReviewFile> {
  return db.transaction('rw', db.reviewSessions, db.reviewFiles, async () => {
    const file = await db.reviewFiles.get(fileId);
    if (!file) throw new Error(`no case file ${fileId}`);
    const session = await db.reviewSessions.get(file.sessionId);
    if (!session) throw new Error(`no session ${file.sessionId}`);
    const { vetoed, form, content, total, grade } = scoreMarks(session.rubric, marks);
    const at = now.toISOString();
    const scored: ReviewFile = {
      ...file,
      marks: structuredClone(marks),
      score: { vetoed, form, content, total, grade },
      scoredAt: at,
      scoredBy: reviewer,
      updatedAt: at,
    };
    await db.reviewFiles.put(scored);
    await db.reviewSessions.update(session.id, { updatedAt: at });
    return scored;
  });
}

/**
 * Records the problems of the session's scored files not yet recorded as findings, in
 * one case-review dossier per subject (registered and opened here the first time).
 * Returns how many findings were added.
 */
export async function recordProblems(
  env: StoreEnv,
  sessionId: string,
  title: (subjectId: string) => string,
): Promise<number> {
  const { db } = env;
  const loaded = await getSession(db, sessionId);
  if (!loaded) throw new Error(`no session ${sessionId}`);
  const { session, files } = loaded;
  let added = 0;
  const today = todayOf(env.now?.() ?? new Date());
  for (const file of files) {
    if (!file.score) continue;
    const pending = problemsOf(session.rubric, file.marks).filter((p) => !file.findings[p.key]);
    if (pending.length === 0) continue;
    let dossierId = session.findingDossiers[file.subjectId];
    if (!dossierId) {
      const created = await createDossier(env, {
        title: title(file.subjectId),
        kind: 'case_review',
        source: 'self_found',
        subjectIds: [file.subjectId],
        supervisedOrganIds: [],
        handlerIds: session.reviewerIds.slice(0, 20),
        registeredOn: today,
        priority: 'normal',
        confidentiality: 'internal',
        summary: `${session.name}（${session.from}至${session.to}）`,
        legalBasis: '',
        tags: ['案卷评查'],
      });
      dossierId = created.dossier.id;
      const opened = await takeAction(env, dossierId, { action: 'open', methods: ['case_files'] });
      if (!opened.ok) throw new Error(`could not open ${dossierId}: ${opened.refusals.map((r) => r.code).join(', ')}`);
      session.findingDossiers[file.subjectId] = dossierId;
      await db.reviewSessions.update(session.id, { findingDossiers: session.findingDossiers });
    }
    const findings = { ...file.findings };
    for (const problem of pending) {
      const record = await addFinding(env, dossierId, {
        category: problem.target.category,
        subcategory: problem.target.subcategory,
        description: problemDescription(file, problem).slice(0, 5000),
        ruleBreached: '',
        severity: problem.severity,
        rectificationRequired: true,
        rectificationRequirement: '对照评查标准整改案卷，并书面报告整改情况',
        deadlineUnit: 'calendar',
        evidenceIds: [],
      });
      const finding = record.findings.at(-1);
      if (finding) findings[problem.key] = finding.id;
      added++;
    }
    await db.reviewFiles.update(file.id, { findings });
  }
  return added;
}

/** Remembers a circular drafted from the session, so deleting the session can see it. */
export async function noteCircular(db: DeskDatabase, sessionId: string, documentId: string): Promise<void> {
  await db.transaction('rw', db.reviewSessions, async () => {
    const session = await db.reviewSessions.get(sessionId);
    if (!session) throw new ReviewStoreError('NOT_FOUND', `no session ${sessionId}`);
    const ids = session.circularIds ?? [];
    if (!ids.includes(documentId)) await db.reviewSessions.update(sessionId, { circularIds: [...ids, documentId] });
  });
}

// ---------------------------------------------------------------------------
// Deleting a session made by mistake

/** A circular's state as the documents side reports it; 'missing' for a draft since discarded. */
export interface CircularState {
  id: string;
  status: DocumentStatus | 'missing';
  number: string | null;
}

/** Looks circulars up in the main process (documents.list); a fake in tests. */
export type CircularLookup = (ids: readonly string[]) => Promise<CircularState[]>;

export interface SessionDeletionCheck {
  session: ReviewSession;
  files: number;
  scored: number;
  /** Circular drafts that stay among the documents when the session goes. */
  draftCirculars: number;
  /** Why the session must stay; empty when it may go. */
  refusals: ReviewStoreError[];
}

function refusalsOf(session: ReviewSession, files: readonly ReviewFile[], circulars: readonly CircularState[]) {
  const refusals: ReviewStoreError[] = [];
  const findings = files.reduce((n, f) => n + Object.keys(f.findings).length, 0);
  const dossiers = new Set(Object.values(session.findingDossiers)).size;
  if (findings > 0 || dossiers > 0)
    refusals.push(
      new ReviewStoreError('FINDINGS_RECORDED', `${findings} findings recorded in ${dossiers} dossiers`, {
        findings,
        dossiers,
      }),
    );
  // Any numbered circular counts, voided or corrected too: its number is on record.
  const issued = circulars.filter((c) => c.status !== 'draft' && c.status !== 'missing');
  if (issued.length > 0)
    refusals.push(
      new ReviewStoreError('CIRCULAR_ISSUED', `${issued.length} circulars issued`, {
        numbers: issued.map((c) => c.number ?? c.id).join('、'),
        count: issued.length,
      }),
    );
  return refusals;
}

/**
 * What deleting the session would take away, and whether its results have been used:
 * problems recorded as findings in dossiers, or a circular issued from its figures.
 */
export async function checkSessionDeletion(
  db: DeskDatabase,
  sessionId: string,
  lookup: CircularLookup,
): Promise<SessionDeletionCheck> {
  const loaded = await getSession(db, sessionId);
  if (!loaded) throw new ReviewStoreError('NOT_FOUND', `no session ${sessionId}`);
  const { session, files } = loaded;
  const circulars = session.circularIds?.length ? await lookup(session.circularIds) : [];
  return {
    session,
    files: files.length,
    scored: files.filter((f) => f.score).length,
    draftCirculars: circulars.filter((c) => c.status === 'draft').length,
    refusals: refusalsOf(session, files, circulars),
  };
}

/** A deleted session with its files, as they were, for undo. */
export interface RemovedSession {
  session: ReviewSession;
  files: ReviewFile[];
}

/**
 * Deletes a session and its case files unless its results have been used (the first
 * refusal is thrown). Returns what was deleted so `restoreSession` can put it back.
 */
export async function deleteSession(
  db: DeskDatabase,
  sessionId: string,
  lookup: CircularLookup,
): Promise<RemovedSession> {
  const before = await db.reviewSessions.get(sessionId);
  if (!before) throw new ReviewStoreError('NOT_FOUND', `no session ${sessionId}`);
  // The lookup crosses to the main process, so it cannot run inside the transaction;
  // a circular noted in between is caught there and the clerk asked to try again.
  const looked = before.circularIds ?? [];
  const circulars = looked.length ? await lookup(looked) : [];
  return db.transaction('rw', db.reviewSessions, db.reviewFiles, async () => {
    const session = await db.reviewSessions.get(sessionId);
    if (!session) throw new ReviewStoreError('NOT_FOUND', `no session ${sessionId}`);
    if ((session.circularIds ?? []).some((id) => !looked.includes(id)))
      throw new ReviewStoreError('CHANGED', `session ${sessionId} changed while being deleted`);
    const files = await db.reviewFiles.where('sessionId').equals(sessionId).toArray();
    const [refusal] = refusalsOf(session, files, circulars);
    if (refusal) throw refusal;
    await db.reviewFiles.bulkDelete(files.map((f) => f.id));
    await db.reviewSessions.delete(sessionId);
    return { session, files: files.sort((a, b) => a.order - b.order) };
  });
}

/** Puts a deleted session and its files back exactly as they were (undo). */
export async function restoreSession(db: DeskDatabase, removed: RemovedSession): Promise<void> {
  await db.transaction('rw', db.reviewSessions, db.reviewFiles, async () => {
    const fileIds = removed.files.map((f) => f.id);
    const clash =
      (await db.reviewSessions.get(removed.session.id)) !== undefined ||
      (await db.reviewFiles.bulkGet(fileIds)).some((f) => f !== undefined);
    if (clash) throw new ReviewStoreError('ALREADY_RESTORED', `session ${removed.session.id} is already there`);
    await db.reviewSessions.add(removed.session);
    await db.reviewFiles.bulkAdd(removed.files);
  });
}
