import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes, sha256Hex } from '../../../electron/services/crypto/primitives';
import { PackageLedger } from '../../../electron/services/packages/ledger';
import { decryptPackage, openPackage, unwrapPackageKey } from '../../../electron/services/packages/reader';
import { snapshotOffice } from '../../support/office-snapshot';
import { createOfficePair, type TestOffice } from '../../support/package-offices';

let root: string;
let county: TestOffice;
let city: TestOffice;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'pkg-roundtrip-'));
  ({ county, city } = await createOfficePair(root, 4096));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A dossier with evidence of awkward sizes: empty, one byte, several chunks, a chunk exactly. */
function dossierWithEvidence(office: TestOffice, id = 'd-1', title = '关于某局执法案卷的监督') {
  const contents = [Buffer.alloc(0), Buffer.from('x'), randomBytes(3 * 4096 + 123), randomBytes(4096)];
  const files = contents.map((c) => office.addEvidence(c));
  return { data: { dossiers: [{ id, title, files }] }, files, contents };
}

async function exportTo(from: TestOffice, to: TestOffice, name: string, dossier = dossierWithEvidence(from)) {
  const path = join(root, name);
  const record = await from.packages.exportPackage(
    {
      recipientOrganId: to.keys.organId(),
      data: dossier.data,
      files: dossier.files,
      label: dossier.data.dossiers[0]?.title ?? '',
      refs: dossier.data.dossiers.map((d) => d.id),
    },
    path,
  );
  return { path, record, dossier };
}

describe('package round trip between two offices', () => {
  it('carries data and evidence from county to city, and a receipt back', async () => {
    const { path, record, dossier } = await exportTo(county, city, 'to-city.sdpkg');
    expect(record.status).toBe('sent');
    expect(county.packages.exports().map((e) => e.packageId)).toEqual([record.packageId]);

    const imported = await city.packages.importPackage(path);
    expect(imported.data).toEqual(dossier.data);
    expect(imported.sender.organName).toBe(county.identity.name);
    expect(imported.files.map((f) => f.sha256).sort()).toEqual([...dossier.files].sort());
    // Until the renderer has written its records, nothing reaches the evidence store.
    for (const sha of dossier.files) expect(await city.evidence.sizeOf(sha)).toBeNull();

    city.now.value = new Date('2026-03-02T09:30:00.000Z');
    const committed = await city.packages.commitImport(imported.importId);
    expect(committed.filesAdded).toBe(4);
    for (const [i, sha] of dossier.files.entries()) {
      expect(readFileSync(city.evidence.pathOf(sha as string))).toEqual(dossier.contents[i]);
    }
    expect(existsSync(join(city.dir, 'packages', 'quarantine'))).toBe(false);

    const receiptPath = join(root, 'receipt.sdrcpt');
    city.now.value = new Date('2026-03-02T11:00:00.000Z');
    await city.packages.writeReceipt(imported.packageId, receiptPath);
    county.now.value = new Date('2026-03-03T10:00:00.000Z');
    const delivered = county.packages.importReceipt(receiptPath);
    expect(delivered.status).toBe('delivered');
    expect(delivered.deliveredAt).toBe('2026-03-02T09:30:00.000Z');
    expect(delivered.receiptImportedAt).toBe('2026-03-03T10:00:00.000Z');
    expect(county.packages.exports()[0]?.status).toBe('delivered');
  });

  it('lets the sender reopen what it sent with its own key', async () => {
    const { path, dossier } = await exportTo(county, city, 'mine.sdpkg');
    const opened = await openPackage(path);
    const own = county.keys.current();
    const privateKey = await county.keys.agreementKey(own.fingerprint);
    const fileKey = unwrapPackageKey(opened, [
      {
        fingerprint: own.fingerprint,
        privateKey: privateKey as NonNullable<typeof privateKey>,
        publicKey: own.encryptionPublicKey,
      },
    ]);
    const bag = await decryptPackage(opened, fileKey, { placeFile: () => null });
    expect(JSON.parse(bag.content.toString('utf8'))).toEqual(dossier.data);
  });

  it('takes a newer package from the same sender and refuses the older one afterwards', async () => {
    const first = await exportTo(county, city, 'v1.sdpkg', dossierWithEvidence(county, 'd-1', 'version 1'));
    county.now.value = new Date('2026-03-02T08:00:05.000Z');
    const second = await exportTo(county, city, 'v2.sdpkg', dossierWithEvidence(county, 'd-1', 'version 2'));
    expect(second.record.sequence).toBeGreaterThan(first.record.sequence);

    const newer = await city.packages.importPackage(second.path);
    await city.packages.commitImport(newer.importId);
    await expect(city.packages.importPackage(first.path)).rejects.toMatchObject({ code: 'PKG_OUTDATED' });
    await expect(city.packages.importPackage(second.path)).rejects.toMatchObject({ code: 'PKG_REPLAYED' });
  });

  it('imports a batch oldest first whatever order the files come in', async () => {
    const a = await exportTo(county, city, 'a.sdpkg', dossierWithEvidence(county, 'd-1', 'first'));
    county.now.value = new Date('2026-03-02T08:01:00.000Z');
    const b = await exportTo(county, city, 'b.sdpkg', dossierWithEvidence(county, 'd-2', 'second'));
    const outcomes = await city.packages.importPackages([b.path, a.path]);
    expect(outcomes.map((o) => o.ok && o.package.sequence)).toEqual([a.record.sequence, b.record.sequence]);
    for (const outcome of outcomes) if (outcome.ok) await city.packages.commitImport(outcome.package.importId);
    expect(city.packages.received()).toHaveLength(2);
  });

  it('carries hundreds of small files, more than the importer keeps open at once', async () => {
    const contents = Array.from({ length: 300 }, (_, i) => Buffer.from(`笔录 ${i} `.repeat(1 + (i % 40))));
    const files = contents.map((c) => county.addEvidence(c));
    const path = join(root, 'many.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files, label: '', refs: [] },
      path,
    );
    const imported = await city.packages.importPackage(path);
    expect(imported.files).toHaveLength(300);
    await city.packages.commitImport(imported.importId);
    for (const [i, sha] of files.entries()) expect(readFileSync(city.evidence.pathOf(sha))).toEqual(contents[i]);
  });

  it('an evidence file damaged in the sender’s store is caught by the recipient', async () => {
    const sha = county.addEvidence(Buffer.from('original evidence bytes'));
    writeFileSync(county.evidence.pathOf(sha), Buffer.from('tampered evidence bytes'));
    const path = join(root, 'tampered.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [sha], label: '', refs: [] },
      path,
    );
    await expect(city.packages.importPackage(path)).rejects.toMatchObject({
      code: 'PKG_HASH_MISMATCH',
      params: { name: `data/files/${sha}` },
    });
  });

  it('an import repairs a damaged copy of the same file in the recipient’s store', async () => {
    const bytes = randomBytes(5000);
    const sha = county.addEvidence(bytes);
    city.addEvidence(bytes);
    writeFileSync(city.evidence.pathOf(sha), bytes.subarray(0, 100));
    const path = join(root, 'repair.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [sha], label: '', refs: [] },
      path,
    );
    const imported = await city.packages.importPackage(path);
    await city.packages.commitImport(imported.importId);
    expect(readFileSync(city.evidence.pathOf(sha))).toEqual(bytes);
  });

  it('reports progress and can be cancelled, leaving no file behind', async () => {
    const big = county.addEvidence(randomBytes(400 * 1024));
    const controller = new AbortController();
    const seen: number[] = [];
    const path = join(root, 'cancelled.sdpkg');
    const attempt = county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [big], label: '', refs: [] },
      path,
      {
        signal: controller.signal,
        onProgress: (_phase, done) => {
          seen.push(done);
          if (done > 100 * 1024) controller.abort();
        },
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.length).toBeGreaterThan(1);
    expect(readdirSync(root).filter((f) => f.includes('cancelled'))).toEqual([]);
    expect(county.packages.exports()).toEqual([]);
  });

  it('cancelling an import leaves the recipient as it was', async () => {
    const big = county.addEvidence(randomBytes(600 * 1024));
    const path = join(root, 'big.sdpkg');
    await county.packages.exportPackage(
      { recipientOrganId: city.keys.organId(), data: { dossiers: [] }, files: [big], label: '', refs: [] },
      path,
    );
    const before = snapshotOffice(city);
    const controller = new AbortController();
    const attempt = city.packages.importPackage(path, {
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === 'decrypting' && done > 100 * 1024) controller.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(snapshotOffice(city)).toEqual(before);
  });

  it('discarding an import leaves the recipient as it was', async () => {
    const { path } = await exportTo(county, city, 'discard.sdpkg');
    const imported = await city.packages.importPackage(path);
    expect(city.packages.discardImport(imported.importId)).toBe(true);
    expect(existsSync(join(city.dir, 'packages', 'quarantine'))).toBe(false);
    expect(city.packages.received()).toEqual([]);
    // Not committed, so the same package may be imported again.
    const again = await city.packages.importPackage(path);
    expect(sha256Hex(JSON.stringify(again.data))).toBe(sha256Hex(JSON.stringify(imported.data)));
  });
});

describe('a commit that fails', () => {
  it('moves the files it had moved back to the quarantine, records nothing, and can be discarded', async () => {
    const { path } = await exportTo(county, city, 'blocked.sdpkg');
    const imported = await city.packages.importPackage(path);
    // A file where the evidence store wants a folder, for a file after the first: the
    // store refuses it midway, after taking others.
    const prefixes = imported.files.map((f) => f.sha256.slice(0, 2));
    const victim = imported.files.findLastIndex((_, i) => i > 0 && prefixes.indexOf(prefixes[i] as string) === i);
    expect(victim).toBeGreaterThan(0);
    const blocker = join(city.dir, 'evidence', prefixes[victim] as string);
    mkdirSync(join(city.dir, 'evidence'), { recursive: true });
    writeFileSync(blocker, 'not a folder');
    const beforeCommit = snapshotOffice(city);

    await expect(city.packages.commitImport(imported.importId)).rejects.toMatchObject({ code: expect.any(String) });
    expect(snapshotOffice(city)).toEqual(beforeCommit);
    expect(city.packages.received()).toEqual([]);
    for (const f of imported.files) expect(await city.evidence.sizeOf(f.sha256)).toBeNull();

    expect(city.packages.discardImport(imported.importId)).toBe(true);
    rmSync(blocker);
    // Nothing was recorded, so the same package comes in once the store is fixed.
    const again = await city.packages.importPackage(path);
    expect((await city.packages.commitImport(again.importId)).filesAdded).toBe(4);
  });

  it('gives every file back when the ledger cannot record the package', async () => {
    const { path, dossier } = await exportTo(county, city, 'unrecorded.sdpkg');
    const imported = await city.packages.importPackage(path);
    const beforeCommit = snapshotOffice(city);
    const spy = vi.spyOn(PackageLedger.prototype, 'recordReceived').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      await expect(city.packages.commitImport(imported.importId)).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      spy.mockRestore();
    }
    expect(snapshotOffice(city)).toEqual(beforeCommit);
    for (const sha of dossier.files) expect(await city.evidence.sizeOf(sha)).toBeNull();
    expect((await city.packages.commitImport(imported.importId)).filesAdded).toBe(4);
  });
});
