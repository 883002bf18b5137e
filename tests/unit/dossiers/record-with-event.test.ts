import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import {
  createDossier,
  getDossier,
  putReceivedDossier,
  recordWithEvent,
  type StoreEnv,
  verifyTimeline,
} from '../../../renderer/db/dossiers/store';
import { documentSourceFromDossier } from '../../../shared/documents/from-dossier';
import type { Evidence } from '../../../shared/domain/dossier';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import { sealEvent } from '../../../shared/timeline';
import { findingDraft, dossier as makeDossier, storeEnv } from './workflow-fixtures';

let db: DeskDatabase;
let env: StoreEnv;

beforeEach(async () => {
  db = new DeskDatabase(`test-${Math.random()}`);
  await db.open();
  let minute = 0;
  env = storeEnv(db, () => new Date(Date.UTC(2026, 10, 27, 1, minute++)));
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const newDossier = () =>
  createDossier(
    env,
    dossierDraftSchema.parse({
      title: '关于青山县市场监督管理局行政处罚案件的监督',
      kind: 'focused',
      source: 'hotline_12345',
      subjectIds: [],
      supervisedOrganIds: ['o-market'],
      handlerIds: ['h-1', 'h-2'],
      registeredOn: '2026-11-27',
      priority: 'normal',
      confidentiality: 'internal',
      summary: '群众反映罚款过重',
    }),
  );

const evidence = (dossierId: string, name: string): Evidence => ({
  id: `e-${name}`,
  dossierId,
  fileName: name,
  mimeType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  description: '',
  addedAt: '2026-11-27T01:00:00.000Z',
  addedBy: '李明',
});

describe('changes recorded beside a dossier', () => {
  it('writes the change and its timeline event together, and the chain still verifies', async () => {
    const { dossier } = await newDossier();
    await recordWithEvent(
      env,
      dossier.id,
      [db.evidence],
      () => db.evidence.add(evidence(dossier.id, 'notice.pdf')),
      () => ({ type: 'evidence_added', data: { files: [{ name: 'notice.pdf' }] } }),
    );
    const record = await getDossier(db, dossier.id);
    expect(record?.events.map((e) => e.type)).toEqual(['registered', 'evidence_added']);
    expect(record?.dossier.version).toBe(2);
    expect(await db.evidence.count()).toBe(1);
    expect(await verifyTimeline(db, dossier.id)).toEqual({ ok: true, count: 2 });
  });

  it('writes neither when the change fails', async () => {
    const { dossier } = await newDossier();
    await expect(
      recordWithEvent(
        env,
        dossier.id,
        [db.evidence],
        async () => {
          await db.evidence.add(evidence(dossier.id, 'a.pdf'));
          throw new Error('disk gone');
        },
        () => ({ type: 'evidence_added', data: {} }),
      ),
    ).rejects.toThrow('disk gone');
    expect(await db.evidence.count()).toBe(0);
    expect((await getDossier(db, dossier.id))?.events).toHaveLength(1);
  });

  it('records nothing when the event says so, and refuses received dossiers', async () => {
    const { dossier } = await newDossier();
    await recordWithEvent(
      env,
      dossier.id,
      [],
      async () => 1,
      () => null,
    );
    expect((await getDossier(db, dossier.id))?.dossier.version).toBe(1);
    const received = makeDossier({
      id: 'r-1',
      origin: {
        kind: 'received',
        senderOrganName: '武义县司法局',
        senderDivisionCode: '330723',
        senderFingerprint: 'f'.repeat(64),
        packageId: 'p-1',
        receivedAt: '2026-11-20T00:00:00.000Z',
      },
    });
    const registered = sealEvent(
      {
        dossierId: 'r-1',
        at: '2026-11-10T09:00:00.000+08:00',
        actor: '张三',
        type: 'registered',
        data: {},
      },
      undefined,
    );
    await putReceivedDossier(db, { dossier: received, findings: [], events: [registered] });
    await expect(
      recordWithEvent(
        env,
        'r-1',
        [],
        async () => 1,
        () => ({ type: 'document_issued', data: {} }),
      ),
    ).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});

describe('a document drafted from a dossier', () => {
  it('carries the matter, the findings in Chinese with their deadlines, and the live evidence', async () => {
    const { dossier } = await newDossier();
    const finding = findingDraft('未告知听证权利', { ruleBreached: '《行政处罚法》第六十三条' });
    const removed = {
      ...evidence(dossier.id, 'old.pdf'),
      removed: { at: '2026-11-27T02:00:00.000Z', by: '李明', reason: '重复' },
    };
    const source = documentSourceFromDossier({
      dossier,
      findings: [
        {
          ...finding,
          id: 'f-1',
          dossierId: dossier.id,
          rectificationStatus: 'required',
          rejectionCount: 0,
          deadline: { from: '2026-11-27', days: 30, unit: 'calendar', due: '2026-12-28' },
          createdAt: dossier.createdAt,
          updatedAt: dossier.createdAt,
        },
      ],
      evidence: [evidence(dossier.id, 'notice.pdf'), removed],
      names: { organs: ['青山县市场监督管理局'], subjects: [] },
    });
    expect(source).toMatchObject({
      dossierId: dossier.id,
      recipient: { name: '青山县市场监督管理局' },
      matter: { title: dossier.title, number: '青司监〔2026〕1号', source: '12345热线', period: '2026年11月' },
      facts: '群众反映罚款过重',
      evidence: ['notice.pdf'],
      findings: [{ description: '未告知听证权利', ruleBreached: '《行政处罚法》第六十三条', deadline: '2026-12-28' }],
      deadlines: { rectification: '2026-12-28' },
    });
    expect(source.findings?.[0]?.category).toMatch(/程序/);
  });
});
