import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageEvidenceFrom } from '../../../electron/services/packages/evidence-store';
import { PackageService } from '../../../electron/services/packages/service';
import type { Evidence, TimelineEvent } from '../../../shared/domain/dossier';
import {
  type BundledDossier,
  DOSSIER_BUNDLE_SCHEMA_VERSION,
  dossierBundlePayload,
} from '../../../shared/packages/payload';
import { sealEvent } from '../../../shared/timeline/chain';
import { createOfficePair, type TestOffice } from '../../support/package-offices';
import { dossier as makeDossier, finding as makeFinding } from '../dossiers/workflow-fixtures';

function timeline(id: string, n: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(
      sealEvent(
        { dossierId: id, at: `2026-11-1${i}T09:00:00.000+08:00`, actor: '张三', type: 'edited', data: {} },
        events.at(-1),
      ),
    );
  }
  return events;
}

function evidenceOf(dossierId: string, sha256: string, size: number): Evidence {
  return {
    id: `ev-${sha256.slice(0, 8)}`,
    dossierId,
    fileName: '现场检查笔录.pdf',
    mimeType: 'application/pdf',
    size,
    sha256,
    description: '',
    addedAt: '2026-11-10T09:00:00.000+08:00',
    addedBy: '张三',
  };
}

function bundled(id: string, files: { sha256: string; size: number }[]): BundledDossier {
  return {
    dossier: makeDossier({ id, title: `关于${id}的监督` }),
    findings: [makeFinding({ id: `${id}-f1`, dossierId: id })],
    events: timeline(id, 3),
    evidence: files.map((f) => evidenceOf(id, f.sha256, f.size)),
  };
}

const fileA = { sha256: 'a'.repeat(64), size: 10 };
const check = (data: unknown, files = [fileA]) =>
  dossierBundlePayload.validate(DOSSIER_BUNDLE_SCHEMA_VERSION, data, files);

describe('the dossier bundle a package carries', () => {
  it('accepts dossiers with findings, a sealed timeline and evidence whose files travel along', () => {
    expect(check({ dossiers: [bundled('d-1', [fileA]), bundled('d-2', [])] })).toEqual([]);
  });

  it('names the field of a dossier that breaks the schema', () => {
    const bad = bundled('d-1', [fileA]);
    const issues = check({
      dossiers: [bad, { ...bundled('d-2', []), dossier: { ...bad.dossier, id: 'd-2', status: 'lost' } }],
    });
    expect(issues.map((i) => i.path)).toEqual([['dossiers', 1, 'dossier', 'status']]);
  });

  it('refuses an empty bundle, another schema version and data that is not a bundle', () => {
    expect(check({ dossiers: [] }).map((i) => i.path)).toEqual([['dossiers']]);
    expect(dossierBundlePayload.validate('dossier-bundle/0', { dossiers: [bundled('d-1', [])] }, [])).toHaveLength(1);
    expect(check({ dossierNo: '青司执监〔2026〕3号' }).map((i) => i.path)).toEqual([['dossiers']]);
  });

  it('finds what the schema cannot: a broken timeline, a missing file, a record of another dossier, a repeat', () => {
    const altered = bundled('d-1', [fileA]);
    altered.events[1] = { ...(altered.events[1] as TimelineEvent), actor: '李四' };
    expect(check({ dossiers: [altered] })).toEqual([
      { path: ['dossiers', 0, 'events', 1], message: 'timeline broken' },
    ]);
    expect(check({ dossiers: [bundled('d-1', [fileA])] }, []).map((i) => i.path)).toEqual([
      ['dossiers', 0, 'evidence', 0, 'sha256'],
    ]);
    expect(check({ dossiers: [bundled('d-1', [fileA])] }, [{ ...fileA, size: 11 }]).map((i) => i.path)).toEqual([
      ['dossiers', 0, 'evidence', 0, 'size'],
    ]);
    const stray = bundled('d-1', []);
    stray.findings[0] = { ...(stray.findings[0] as BundledDossier['findings'][number]), dossierId: 'd-9' };
    expect(check({ dossiers: [stray] }).map((i) => i.path)).toEqual([['dossiers', 0, 'findings', 0, 'dossierId']]);
    expect(check({ dossiers: [bundled('d-1', []), bundled('d-1', [])] }).map((i) => i.path)).toEqual([
      ['dossiers', 1, 'dossier', 'id'],
    ]);
  });
});

describe('the package service with the dossier bundle schema', () => {
  let root: string;
  let county: TestOffice;
  let city: TestOffice;
  const service = (office: TestOffice) =>
    new PackageService({
      userDataDir: office.dir,
      keys: office.keys,
      trust: office.trust,
      office: () => office.identity,
      evidence: packageEvidenceFrom(office.evidence),
      payloadSchema: dossierBundlePayload,
      softwareAgent: 'Supervision Desk test',
      now: () => office.now.value,
    });

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pkg-payload-'));
    ({ county, city } = await createOfficePair(root, 4096));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses to export an invalid dossier, naming the field, and writes nothing', async () => {
    const sha = county.addEvidence(Buffer.from('现场检查笔录'));
    const good = bundled('d-1', [{ sha256: sha, size: Buffer.byteLength('现场检查笔录') }]);
    const bad = { ...good, dossier: { ...good.dossier, title: '' } };
    const path = join(root, 'out.sdpkg');
    const request = {
      recipientOrganId: city.keys.organId(),
      data: { dossiers: [bad] },
      files: [sha],
      label: '',
      refs: [],
    };
    await expect(service(county).exportPackage(request, path)).rejects.toMatchObject({
      code: 'PKG_INVALID_DATA',
      issues: [expect.objectContaining({ path: ['dossiers', 0, 'dossier', 'title'] })],
    });
    expect(service(county).exports()).toEqual([]);

    const record = await service(county).exportPackage({ ...request, data: { dossiers: [good] } }, path);
    const imported = await service(city).importPackage(record.path);
    expect(imported.schemaVersion).toBe(DOSSIER_BUNDLE_SCHEMA_VERSION);
    expect((imported.data as { dossiers: BundledDossier[] }).dossiers[0]?.dossier.title).toBe(good.dossier.title);
  });
});
