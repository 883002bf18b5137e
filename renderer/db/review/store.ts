import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { type Rubric, rubricSchema } from '../../../shared/review/rubric';
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

/** The office's templates; the common rubric until the office saves one of its own. */
export async function listRubrics(db: DeskDatabase): Promise<StoredRubric[]> {
  const stored = await db.rubrics.toArray();
  if (!stored.some((r) => r.id === DEFAULT_RUBRIC.id)) stored.unshift({ ...DEFAULT_RUBRIC, updatedAt: '' });
  return stored;
}

/** Validates and saves a template; sessions already started keep their frozen copy. */
export async function saveRubric(db: DeskDatabase, rubric: Rubric, now = new Date()): Promise<StoredRubric> {
  const parsed = rubricSchema.parse(rubric);
  const stored: StoredRubric = { ...parsed, updatedAt: now.toISOString() };
  await db.rubrics.put(stored);
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
