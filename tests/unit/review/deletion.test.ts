import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import type { StoreEnv } from '../../../renderer/db/dossiers/store';
import {
  addCaseFile,
  type CircularLookup,
  type CircularState,
  checkSessionDeletion,
  createSession,
  deleteSession,
  getSession,
  listSessions,
  noteCircular,
  ReviewStoreError,
  recordProblems,
  restoreSession,
  scoreCaseFile,
} from '../../../renderer/db/review/store';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { emptyMarks } from '../../../shared/review/session';
import { storeEnv } from '../dossiers/workflow-fixtures';

let db: DeskDatabase;
let env: StoreEnv;
/** The documents side as the lookup sees it: circulars by id. */
let documents: Map<string, CircularState>;
const lookup: CircularLookup = async (ids) =>
  ids.map((id) => documents.get(id) ?? { id, status: 'missing', number: null });

beforeEach(async () => {
  db = new DeskDatabase(`review-del-${Math.random()}`);
  await db.open();
  documents = new Map();
  env = storeEnv(db, () => new Date('2026-06-01T02:00:00Z'));
});

async function sessionWithScoredFiles(name = '误建的评查活动') {
  const session = await createSession(db, {
    name,
    from: '2026-01-01',
    to: '2026-12-31',
    rubricId: DEFAULT_RUBRIC.id,
    reviewerIds: ['p1', 'p2'],
  });
  const files = [];
  for (const n of [15, 16, 17]) {
    files.push(
      await addCaseFile(db, session.id, {
        subjectId: 's-market',
        caseNumber: `青市监罚〔2026〕${n}号`,
        caseName: `某案件${n}`,
        officers: ['张三', '李四'],
      }),
    );
  }
  const marks = emptyMarks();
  marks.items.pagination = { picks: ['no_page_numbers'], custom: 0, note: '未编页码' };
  await scoreCaseFile(db, files[0]?.id ?? '', marks, '王五');
  await scoreCaseFile(db, files[1]?.id ?? '', emptyMarks(), '王五');
  return session;
}

const rowsOf = async (sessionId: string) => ({
  session: await db.reviewSessions.get(sessionId),
  files: (await db.reviewFiles.where('sessionId').equals(sessionId).toArray()).sort((a, b) => a.id.localeCompare(b.id)),
});

describe('deleting a review session', () => {
  it('reports the files it holds, deletes them with it, and undo restores every row exactly', async () => {
    const keep = await sessionWithScoredFiles('另一次评查');
    const session = await sessionWithScoredFiles();
    const before = await rowsOf(session.id);

    const check = await checkSessionDeletion(db, session.id, lookup);
    expect(check).toMatchObject({ files: 3, scored: 2, draftCirculars: 0, refusals: [] });

    const removed = await deleteSession(db, session.id, lookup);
    expect(await getSession(db, session.id)).toBeUndefined();
    expect(await db.reviewFiles.where('sessionId').equals(session.id).count()).toBe(0);
    expect((await listSessions(db)).map((s) => s.id)).toEqual([keep.id]);
    // The other session is untouched.
    expect(await db.reviewFiles.where('sessionId').equals(keep.id).count()).toBe(3);

    await restoreSession(db, removed);
    expect(await rowsOf(session.id)).toEqual(before);
    expect((await listSessions(db)).map((s) => s.id).sort()).toEqual([keep.id, session.id].sort());
  });

  it('does not restore twice', async () => {
    const session = await sessionWithScoredFiles();
    const removed = await deleteSession(db, session.id, lookup);
    await restoreSession(db, removed);
    await expect(restoreSession(db, removed)).rejects.toMatchObject({ code: 'ALREADY_RESTORED' });
    expect(await db.reviewFiles.where('sessionId').equals(session.id).count()).toBe(3);
  });

  it('refuses a session whose problems were recorded as findings, and leaves it as it was', async () => {
    const session = await sessionWithScoredFiles();
    expect(await recordProblems(env, session.id, () => '案卷评查问题')).toBe(1);
    const before = await rowsOf(session.id);

    const check = await checkSessionDeletion(db, session.id, lookup);
    expect(check.refusals.map((r) => [r.code, r.params])).toEqual([
      ['FINDINGS_RECORDED', { findings: 1, dossiers: 1 }],
    ]);
    const refused = await deleteSession(db, session.id, lookup).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReviewStoreError);
    expect(refused).toMatchObject({ code: 'FINDINGS_RECORDED' });
    expect(await rowsOf(session.id)).toEqual(before);
  });

  it('refuses a session a circular was issued from, but not one with only a draft circular', async () => {
    const session = await sessionWithScoredFiles();
    const draftId = '00000000-0000-4000-8000-000000000001';
    await noteCircular(db, session.id, draftId);
    documents.set(draftId, { id: draftId, status: 'draft', number: null });
    expect(await checkSessionDeletion(db, session.id, lookup)).toMatchObject({ draftCirculars: 1, refusals: [] });

    // The same draft, issued.
    documents.set(draftId, { id: draftId, status: 'issued', number: '青司执监评〔2026〕3号' });
    const check = await checkSessionDeletion(db, session.id, lookup);
    expect(check.refusals.map((r) => [r.code, r.params.numbers])).toEqual([
      ['CIRCULAR_ISSUED', '青司执监评〔2026〕3号'],
    ]);
    await expect(deleteSession(db, session.id, lookup)).rejects.toMatchObject({ code: 'CIRCULAR_ISSUED' });
    expect(await getSession(db, session.id)).toBeDefined();

    // Voided later: the number stays on record, so the session stays too.
    documents.set(draftId, { id: draftId, status: 'voided', number: '青司执监评〔2026〕3号' });
    await expect(deleteSession(db, session.id, lookup)).rejects.toMatchObject({ code: 'CIRCULAR_ISSUED' });
  });

  it('deletes a session whose circular draft was discarded', async () => {
    const session = await sessionWithScoredFiles();
    await noteCircular(db, session.id, '00000000-0000-4000-8000-000000000002');
    await deleteSession(db, session.id, lookup);
    expect(await getSession(db, session.id)).toBeUndefined();
  });

  it('asks to try again when a circular is drafted while the deletion looks the others up', async () => {
    const session = await sessionWithScoredFiles();
    const slow: CircularLookup = async (ids) => {
      await noteCircular(db, session.id, '00000000-0000-4000-8000-000000000003');
      return lookup(ids);
    };
    await noteCircular(db, session.id, '00000000-0000-4000-8000-000000000004');
    await expect(deleteSession(db, session.id, slow)).rejects.toMatchObject({ code: 'CHANGED' });
    expect(await db.reviewFiles.where('sessionId').equals(session.id).count()).toBe(3);
  });
});
