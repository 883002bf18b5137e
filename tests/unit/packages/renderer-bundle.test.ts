import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import {
  createDossier,
  getDossier,
  listDossiers,
  recordWithEvent,
  type StoreEnv,
} from '../../../renderer/db/dossiers/store';
import {
  buildExportPayload,
  campaignDossierIds,
  storeImportedPackage,
} from '../../../renderer/features/packages/bundle';
import type { DossierDraftInput } from '../../../shared/dossiers/draft';
import { DOSSIER_BUNDLE_SCHEMA_VERSION, dossierBundlePayload } from '../../../shared/packages/payload';
import { dossierDraft, storeEnv } from '../dossiers/workflow-fixtures';

const today = '2026-11-27';
let county: DeskDatabase;
let city: DeskDatabase;

function envOf(db: DeskDatabase): StoreEnv {
  return storeEnv(db, () => new Date('2026-11-27T01:00:00.000Z'));
}

const draft = (title: string, extra: Partial<DossierDraftInput> = {}) => dossierDraft({ ...extra, title });

const evidenceRow = (dossierId: string, n: number, removed = false) => ({
  id: `ev-${dossierId}-${n}`,
  dossierId,
  fileName: `证据${n}.pdf`,
  mimeType: 'application/pdf',
  size: 100 + n,
  sha256: String(n).repeat(64).slice(0, 64),
  description: '',
  addedAt: '2026-11-27T01:00:00.000Z',
  addedBy: '李明',
  ...(removed ? { removed: { at: '2026-11-27T02:00:00.000Z', by: '李明', reason: '重复上传' } } : {}),
});

const sender = {
  organId: 'org-county',
  organName: '青山县司法局',
  divisionCode: '330104',
  keyFingerprint: 'f'.repeat(64),
};

beforeEach(async () => {
  county = new DeskDatabase(`county-${Math.random()}`);
  city = new DeskDatabase(`city-${Math.random()}`);
  await Promise.all([county.open(), city.open()]);
});
afterEach(async () => {
  for (const db of [county, city]) {
    db.close();
    await db.delete();
  }
});

describe('dossiers through a package, as the renderer sees them', () => {
  it('are bundled with evidence, stored read-only under the sender, and committed only after the write', async () => {
    const a = await createDossier(envOf(county), draft('关于某县市场监管局罚款过重的监督'));
    const b = await createDossier(envOf(county), draft('关于某县交通执法大队暂扣车辆的监督'));
    await county.evidence.bulkAdd([
      evidenceRow(a.dossier.id, 1),
      evidenceRow(a.dossier.id, 2, true),
      evidenceRow(b.dossier.id, 3),
    ]);

    await county.subjects.put({
      id: 's-market',
      name: '青山县市场监督管理局',
      type: 'statutory',
      field: 'market_regulation',
      legalBasis: '《行政处罚法》',
      organId: 'o-market',
      active: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const payload = await buildExportPayload(county, [a.dossier.id, b.dossier.id]);
    // The recipient does not know the sender's registry ids: their names travel along.
    expect(payload.data.names?.subjects).toEqual({ 's-market': '青山县市场监督管理局' });
    // The removed file's record travels; its bytes do not.
    expect(payload.files.sort()).toEqual(['1'.repeat(64), '3'.repeat(64)]);
    expect(payload.refs).toEqual([a.dossier.id, b.dossier.id]);
    expect(payload.label).toContain(a.dossier.number);
    const carried = payload.files.map((sha256) => ({ sha256, size: sha256 === '1'.repeat(64) ? 101 : 103 }));
    expect(dossierBundlePayload.validate(DOSSIER_BUNDLE_SCHEMA_VERSION, payload.data, carried)).toEqual([]);

    const pkg = {
      importId: 'imp-1',
      packageId: 'pkg-1',
      sequence: 1,
      createdAt: '2026-11-27T01:00:00.000Z',
      schemaVersion: DOSSIER_BUNDLE_SCHEMA_VERSION,
      sender,
      data: JSON.parse(JSON.stringify(payload.data)),
      files: carried,
    };
    const calls = { commit: vi.fn(async () => ({ filesAdded: 2 })), discard: vi.fn(async () => ({ discarded: true })) };
    const stored = await storeImportedPackage(city, pkg, calls);
    expect(stored).toEqual({
      ok: true,
      dossierIds: [a.dossier.id, b.dossier.id],
      numbers: [a.dossier.number, b.dossier.number],
      filesAdded: 2,
    });
    expect(calls.commit).toHaveBeenCalledWith('imp-1');
    expect(calls.discard).not.toHaveBeenCalled();
    const held = await getDossier(city, a.dossier.id);
    expect(held?.dossier.origin).toMatchObject({
      kind: 'received',
      senderOrganName: '青山县司法局',
      packageId: 'pkg-1',
    });
    expect(held?.events).toEqual(a.events);
    const list = await listDossiers(city, { origin: 'received' }, { today });
    expect(list.cards.map((c) => c.receivedFrom)).toEqual(['青山县司法局', '青山县司法局']);
    expect(await city.evidence.where('dossierId').equals(a.dossier.id).count()).toBe(2);
    // The city's registry has no such subject; the sender's name shows and is searchable.
    expect(await city.subjects.count()).toBe(0);
    expect(held?.dossier.origin).toMatchObject({ senderNames: { subjects: { 's-market': '青山县市场监督管理局' } } });
    const found = await listDossiers(city, { text: '市场监督管理局' }, { today });
    expect(found.total).toBe(2);
    expect(found.cards.map((c) => c.senderNames)).toEqual([
      { 's-market': '青山县市场监督管理局' },
      { 's-market': '青山县市场监督管理局' },
    ]);

    // The same package's dossiers again (as from a copy): refused, discarded, nothing changes.
    const again = await storeImportedPackage(city, { ...pkg, importId: 'imp-2' }, calls);
    expect(again).toMatchObject({ ok: false, storeCode: 'CONFLICT' });
    expect(calls.discard).toHaveBeenCalledWith('imp-2');
    expect(calls.commit).toHaveBeenCalledTimes(1);
    expect((await listDossiers(city, {}, { today })).total).toBe(2);
  });

  it('refuses a package naming one of the office’s own dossiers, and stores none of its dossiers', async () => {
    const own = await createDossier(envOf(city), draft('关于市交通运输局行政许可的监督'));
    const other = await createDossier(envOf(county), draft('关于某县市场监管局罚款过重的监督'));
    const clash = await buildExportPayload(county, [other.dossier.id]);
    const ownCopy = await buildExportPayload(city, [own.dossier.id]);
    const data = { dossiers: [...clash.data.dossiers, ...ownCopy.data.dossiers] };
    const calls = { commit: vi.fn(async () => ({ filesAdded: 0 })), discard: vi.fn(async () => ({ discarded: true })) };
    const pkg = {
      importId: 'imp-3',
      packageId: 'pkg-3',
      sequence: 3,
      createdAt: '2026-11-27T01:00:00.000Z',
      schemaVersion: DOSSIER_BUNDLE_SCHEMA_VERSION,
      sender,
      data,
      files: [],
    };
    expect(await storeImportedPackage(city, pkg, calls)).toMatchObject({ ok: false, storeCode: 'CONFLICT' });
    expect(calls.discard).toHaveBeenCalledWith('imp-3');
    expect(await getDossier(city, other.dossier.id)).toBeUndefined();
    expect((await getDossier(city, own.dossier.id))?.dossier.origin.kind).toBe('own');
  });

  it('finds a campaign’s own dossiers to send along with it', async () => {
    const campaign = await createDossier(envOf(county), draft('2026年度道路运输执法专项监督', { kind: 'special' }));
    const child = await createDossier(
      envOf(county),
      draft('关于某县交通执法大队暂扣车辆的监督', { parentId: campaign.dossier.id }),
    );
    await createDossier(envOf(county), draft('关于某县市场监管局罚款过重的监督'));
    expect(await campaignDossierIds(county, campaign.dossier.id)).toEqual([campaign.dossier.id, child.dossier.id]);
  });
});

describe('issued documents in a package', () => {
  it('travel as files named by the timeline: the DOCX and PDF of each issued document, once', async () => {
    const env = envOf(county);
    const a = await createDossier(env, draft('关于某县市场监管局罚款过重的监督'));
    const docx = 'd'.repeat(64);
    const pdf = 'e'.repeat(64);
    for (let i = 0; i < 2; i++) {
      await recordWithEvent(
        env,
        a.dossier.id,
        [],
        async () => undefined,
        () => ({
          type: 'document_issued',
          data: {
            documentId: `doc-${i}`,
            documentType: 'supervision_opinion',
            number: `青司执监意〔2026〕${i + 1}号`,
            title: '监督意见书',
            issuedAt: '2026-11-27T02:00:00.000Z',
            // The second is a correction whose PDF came out byte-identical.
            docxSha256: i === 0 ? docx : 'c'.repeat(64),
            pdfSha256: pdf,
          },
        }),
      );
    }
    const payload = await buildExportPayload(county, [a.dossier.id]);
    expect(payload.files.sort()).toEqual(['c'.repeat(64), docx, pdf].sort());
  });
});
