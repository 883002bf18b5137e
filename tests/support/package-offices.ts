import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../../electron/services/crypto/primitives';
import { EvidenceStore } from '../../electron/services/evidence/store';
import { issueCertificate } from '../../electron/services/keys/certificate';
import { OfficeKeys } from '../../electron/services/keys/office-keys';
import { PassphraseProtector } from '../../electron/services/keys/protector';
import { TrustRegistry } from '../../electron/services/keys/trust-registry';
import { packageEvidenceFrom } from '../../electron/services/packages/evidence-store';
import { PackageService, type PayloadSchema } from '../../electron/services/packages/service';
import type { OfficeIdentity } from '../../shared/domain/office';
import { CITY_OFFICE, COUNTY_OFFICE } from '../e2e/support/office';

/** scrypt cheap enough for tests; the real default costs ~0.5 s per derivation. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** A stand-in for the OS key store: a passphrase protector with a fixed secret and salt. */
export async function testSystemProtector(): Promise<PassphraseProtector> {
  return PassphraseProtector.create('test system key store', {
    name: 'scrypt',
    ...TEST_SCRYPT,
    salt: Buffer.alloc(16, 7).toString('base64'),
  });
}

/** The placeholder dossier schema of the tests: { dossiers: [{ id, title, files: [sha256] }] }. */
export const testPayloadSchema: PayloadSchema = {
  schemaVersion: 'test-bundle/1',
  validate(schemaVersion, data, files) {
    if (schemaVersion !== 'test-bundle/1') return [{ path: ['schemaVersion'], message: 'unknown schema' }];
    const dossiers = (data as { dossiers?: unknown } | null)?.dossiers;
    if (!Array.isArray(dossiers)) return [{ path: ['dossiers'], message: 'required' }];
    const issues: { path: (string | number)[]; message: string }[] = [];
    const present = new Set(files.map((f) => f.sha256));
    dossiers.forEach((d: { id?: unknown; title?: unknown; files?: unknown }, i) => {
      if (typeof d?.id !== 'string' || d.id.length === 0)
        issues.push({ path: ['dossiers', i, 'id'], message: 'required' });
      if (typeof d?.title !== 'string') issues.push({ path: ['dossiers', i, 'title'], message: 'required' });
      for (const sha of Array.isArray(d?.files) ? d.files : []) {
        if (!present.has(sha)) issues.push({ path: ['dossiers', i, 'files'], message: 'file not in package' });
      }
    });
    return issues;
  },
};

export interface TestOffice {
  dir: string;
  identity: OfficeIdentity;
  keys: OfficeKeys;
  trust: TrustRegistry;
  evidence: EvidenceStore;
  packages: PackageService;
  certificate(): Promise<string>;
  /** Puts bytes into the evidence store and returns their hash. */
  addEvidence(bytes: Uint8Array): string;
  now: { value: Date };
}

export async function createTestOffice(dir: string, identity: OfficeIdentity, chunkSize?: number): Promise<TestOffice> {
  const office = await openTestOffice(dir, identity, chunkSize);
  await office.keys.setUp({ protection: 'system' });
  return office;
}

/** An office whose folder already holds keys (e.g. made by another process). */
export async function openTestOffice(dir: string, identity: OfficeIdentity, chunkSize?: number): Promise<TestOffice> {
  mkdirSync(dir, { recursive: true });
  const now = { value: new Date('2026-03-02T08:00:00.000Z') };
  const clock = () => now.value;
  const keys = new OfficeKeys({
    dir: join(dir, 'keys'),
    systemProtector: await testSystemProtector(),
    now: clock,
    scrypt: TEST_SCRYPT,
  });
  const trust = new TrustRegistry({
    dir: join(dir, 'keys'),
    now: clock,
    own: () => ({ organId: keys.status().organId, fingerprints: keys.status().generations.map((g) => g.fingerprint) }),
  });
  const evidence = new EvidenceStore({ root: join(dir, 'evidence') });
  const packages = new PackageService({
    userDataDir: dir,
    keys,
    trust,
    office: () => identity,
    evidence: packageEvidenceFrom(evidence),
    payloadSchema: testPayloadSchema,
    softwareAgent: 'Supervision Desk test',
    now: clock,
    chunkSize,
  });
  return {
    dir,
    identity,
    keys,
    trust,
    evidence,
    packages,
    now,
    certificate: () => issueCertificate(keys, identity, clock()),
    addEvidence(bytes) {
      const sha = sha256Hex(bytes);
      const path = evidence.pathOf(sha);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      return sha;
    },
  };
}

/** Makes `a` trust `b`, as a clerk would after reading the fingerprint back over the phone. */
export async function trustEachOther(a: TestOffice, b: TestOffice): Promise<void> {
  for (const [reader, issuer] of [
    [a, b],
    [b, a],
  ] as const) {
    const preview = reader.trust.preview(Buffer.from(await issuer.certificate()));
    reader.trust.confirm(preview.token, preview.fingerprint);
  }
}

/** A county bureau and its city bureau, trusting each other. */
export async function createOfficePair(
  root: string,
  chunkSize?: number,
): Promise<{ county: TestOffice; city: TestOffice }> {
  const county = await createTestOffice(join(root, 'county'), COUNTY_OFFICE, chunkSize);
  const city = await createTestOffice(join(root, 'city'), CITY_OFFICE, chunkSize);
  await trustEachOther(county, city);
  return { county, city };
}
