import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend';
import type { CallContext } from '../../../electron/ipc/dispatch';
import { sha256Hex } from '../../../electron/services/crypto/primitives';
import { silentLogger } from '../../../electron/services/logger';
import { placeholderPayloadSchema } from '../../../electron/services/packages/service';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';
import type { OperationProgress } from '../../../shared/ipc/events';
import { CITY_OFFICE, COUNTY_OFFICE } from '../../e2e/support/office';
import { RecordingShell, ScriptedDialogs } from '../../e2e/support/ports';
import { testSystemProtector } from '../../support/package-offices';

interface Desk {
  backend: Backend;
  dialogs: ScriptedDialogs;
  dir: string;
  progress: OperationProgress[];
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  fail(channel: string, input?: unknown): Promise<{ code: string; params?: Record<string, unknown> }>;
}

let root: string;
let county: Desk;
let city: Desk;

async function desk(name: string, office: typeof COUNTY_OFFICE): Promise<Desk> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const dialogs = new ScriptedDialogs();
  const backend = createBackend({
    userDataDir: dir,
    settingsStore: new Conf<SettingsSchema>({ cwd: dir, configName: 'settings', defaults: SETTINGS_DEFAULTS }),
    logger: silentLogger,
    runtime: 'harness',
    version: '0.0.0-test',
    platform: process.platform,
    onLocaleChanged: () => undefined,
    systemProtector: await testSystemProtector(),
    dialogs,
    shell: new RecordingShell(),
    pdfPrinter: {
      print: async () => {
        throw new Error('No printing in these tests');
      },
    },
    // These tests are about the channels, not the dossier bundle: any object will do.
    payloadSchema: placeholderPayloadSchema,
    now: () => new Date('2026-03-02T08:00:00.000Z'),
  });
  backend.settings.setOffice(office);
  const progress: OperationProgress[] = [];
  const ctx: CallContext = {
    emit: (event, payload) => {
      if (event === 'op.progress') progress.push(payload as OperationProgress);
    },
  };
  const envelope = (channel: string, input: unknown) => backend.dispatch(channel, input, ctx);
  return {
    backend,
    dialogs,
    dir,
    progress,
    async call<T>(channel: string, input?: unknown) {
      const result = await envelope(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async fail(channel: string, input?: unknown) {
      const result = await envelope(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded unexpectedly`);
      return result.error;
    },
  };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pkg-ipc-'));
  county = await desk('county', COUNTY_OFFICE);
  city = await desk('city', CITY_OFFICE);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Certificate exchange through the channels a settings page would use. */
async function exchangeCertificates(a: Desk, b: Desk) {
  const file = join(root, `${a.dir.split('/').pop()}.sdcert`);
  a.dialogs.saveAnswers.push(file);
  expect(await a.call('keys.exportCertificate')).toEqual({ path: file });
  b.dialogs.openAnswers.push([file]);
  const { preview } = await b.call<{ preview: { token: string; fingerprint: string; fingerprintGroups: string[] } }>(
    'trust.previewCertificate',
  );
  const own = await a.call<{ fingerprintGroups: string[] }>('keys.ownCertificate');
  // What the receiving clerk reads back over the phone is what the sender sees on screen.
  expect(preview.fingerprintGroups).toEqual(own.fingerprintGroups);
  await b.call('trust.confirmCertificate', { token: preview.token, fingerprint: preview.fingerprint });
}

describe('package channels, end to end through dispatch', () => {
  it('sets up keys, exchanges certificates, sends a package and gets the receipt back', async () => {
    expect(await county.call('keys.status')).toMatchObject({ state: 'none', systemProtectionAvailable: true });
    await county.call('keys.setUp', { protection: 'system' });
    await city.call('keys.setUp', { protection: 'system' });
    await exchangeCertificates(county, city);
    await exchangeCertificates(city, county);
    const trusted = await county.call<{ organId: string; organ: { name: string } }[]>('trust.list');
    expect(trusted.map((o) => o.organ.name)).toEqual([CITY_OFFICE.name]);

    const evidence = Buffer.from('整改报告');
    const sha = sha256Hex(evidence);
    mkdirSync(join(county.dir, 'evidence', sha.slice(0, 2)), { recursive: true });
    writeFileSync(county.backend.evidence.pathOf(sha), evidence);
    const packagePath = join(root, 'usb', 'county-to-city.sdpkg');
    mkdirSync(join(root, 'usb'), { recursive: true });
    county.dialogs.saveAnswers.push(packagePath);
    const { record } = await county.call<{ record: { packageId: string; status: string } }>('packages.export', {
      opId: 'export-1',
      recipientOrganId: trusted[0]?.organId,
      data: { dossierNo: '青司执监〔2026〕3号' },
      files: [sha],
      label: '青司执监〔2026〕3号',
      refs: ['dossier-3'],
    });
    expect(record.status).toBe('sent');
    expect(county.dialogs.requests.at(-1)?.defaultPath).toMatch(/^青司-江州市司法局-20260302\.sdpkg$/);
    expect(county.progress.filter((p) => p.opId === 'export-1').at(-1)).toMatchObject({
      phase: 'packages.progress.encrypting',
    });

    // The clerk picks the USB stick's folder; the list comes from the headers alone.
    city.dialogs.openAnswers.push([join(root, 'usb')]);
    const { files } = await city.call<{ files: { path: string; sender: { organName: string } }[] }>(
      'packages.pickImport',
      { folder: true },
    );
    expect(files.map((f) => f.sender.organName)).toEqual([COUNTY_OFFICE.name]);
    const { outcomes } = await city.call<{
      outcomes: { ok: boolean; package: { importId: string; data: unknown; files: { sha256: string }[] } }[];
    }>('packages.import', { opId: 'import-1', paths: files.map((f) => f.path) });
    expect(outcomes[0]?.ok).toBe(true);
    expect(outcomes[0]?.package.data).toEqual({ dossierNo: '青司执监〔2026〕3号' });
    await city.call('packages.commitImport', { importId: outcomes[0]?.package.importId });
    expect(readFileSync(city.backend.evidence.pathOf(sha))).toEqual(evidence);

    const receipt = join(root, 'usb', 'receipt.sdrcpt');
    city.dialogs.saveAnswers.push(receipt);
    await city.call('packages.writeReceipt', { packageId: record.packageId });
    county.dialogs.openAnswers.push([receipt]);
    const delivered = await county.call<{ record: { status: string; deliveredAt: string } }>('packages.importReceipt');
    expect(delivered.record).toMatchObject({ status: 'delivered', deliveredAt: '2026-03-02T08:00:00.000Z' });
    expect(await county.call('packages.exports')).toMatchObject([{ status: 'delivered' }]);
  });

  it('imports only files the clerk picked in a dialog', async () => {
    const error = await city.fail('packages.import', { opId: 'import-2', paths: ['/etc/passwd'] });
    expect(error.code).toBe('PATH_NOT_GRANTED');
  });

  it('treats a cancelled dialog as nothing done', async () => {
    county.dialogs.saveAnswers.push(null);
    expect(await county.call('keys.exportCertificate')).toEqual({ path: null });
    city.dialogs.openAnswers.push(null);
    expect(await city.call('trust.previewCertificate')).toEqual({ preview: null });
  });

  it('refuses malformed input before any handler runs', async () => {
    const error = await county.fail('packages.export', { opId: '', recipientOrganId: 'x', files: ['nothex'] });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((await county.fail('keys.unlock', { passphrase: 'short' })).code).toBe('VALIDATION_FAILED');
  });

  it('reports a refused package per file without failing the batch', async () => {
    const bogus = join(root, 'usb', 'bogus.sdpkg');
    writeFileSync(bogus, 'not a package');
    city.dialogs.openAnswers.push([bogus]);
    const { files } = await city.call<{ files: { path: string; errorCode: string }[] }>('packages.pickImport', {
      folder: false,
    });
    expect(files[0]?.errorCode).toBe('PKG_NOT_A_PACKAGE');
    const { outcomes } = await city.call<{ outcomes: { ok: boolean; error: { code: string } }[] }>('packages.import', {
      opId: 'import-3',
      paths: [bogus],
    });
    expect(outcomes).toMatchObject([{ ok: false, error: { code: 'PKG_NOT_A_PACKAGE' } }]);
  });
});
