// The Packages screens for `npm run screenshots`: a county office with keys, the city
// bureau trusted, demo dossiers, one package sent and one received from the city.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { issueCertificate } from '../electron/services/keys/certificate';
import { packageEvidenceFrom } from '../electron/services/packages/evidence-store';
import { PackageService } from '../electron/services/packages/service';
import type { TimelineEvent } from '../shared/domain/dossier';
import { dossierBundlePayload } from '../shared/packages/payload';
import { sealEvent } from '../shared/timeline/chain';
import { seedDemoData } from './e2e/support/dossiers';
import type { DeskInstance } from './e2e/support/harness';
import { APP_URL } from './e2e/support/harness';
import { CITY_OFFICE, COUNTY_OFFICE } from './e2e/support/office';
import type { Shot } from './screenshots';
import { createTestOffice, type TestOffice } from './support/package-offices';

const ctx = { emit: () => undefined };
const scratch = () => mkdtempSync(join(tmpdir(), 'desk-shot-pkg-'));

async function setUpCounty(desk: DeskInstance): Promise<TestOffice> {
  await desk.backend.dispatch('keys.setUp', { protection: 'system' }, ctx);
  const city = await createTestOffice(join(scratch(), 'city'), CITY_OFFICE);
  city.now.value = new Date();
  const cityCert = join(scratch(), 'city.sdcert');
  writeFileSync(cityCert, await city.certificate());
  const preview = desk.backend.trust.preview(Buffer.from(await city.certificate()));
  desk.backend.trust.confirm(preview.token, preview.fingerprint);
  const county = city.trust.preview(Buffer.from(await issueCertificate(desk.backend.keys, COUNTY_OFFICE, new Date())));
  city.trust.confirm(county.token, county.fingerprint);
  return city;
}

/** A package from the city to the county, written with the real dossier bundle schema. */
async function packageFromCity(city: TestOffice, desk: DeskInstance): Promise<string> {
  const id = 'city-2026-0031';
  const at = new Date().toISOString();
  const events: TimelineEvent[] = [];
  events.push(
    sealEvent({ dossierId: id, at, actor: '王芳', type: 'registered', to: 'registered', data: {} }, undefined),
  );
  const photo = city.addEvidence(Buffer.from('site photo'));
  const service = new PackageService({
    userDataDir: city.dir,
    keys: city.keys,
    trust: city.trust,
    office: () => CITY_OFFICE,
    evidence: packageEvidenceFrom(city.evidence),
    payloadSchema: dossierBundlePayload,
    softwareAgent: 'Supervision Desk screenshots',
  });
  const path = join(scratch(), '江司-青山县司法局.sdpkg');
  await service.exportPackage(
    {
      recipientOrganId: desk.backend.keys.organId(),
      data: {
        dossiers: [
          {
            dossier: {
              id,
              number: '江司监〔2026〕31号',
              title: '关于青山县自然资源局违法用地处罚案件的指定监督',
              kind: 'assigned',
              source: 'superior_assignment',
              methods: [],
              status: 'registered',
              owningOrganId: 'city',
              subjectIds: ['city-s-17'],
              supervisedOrganIds: ['city-o-4'],
              handlerIds: ['city-h-2', 'city-h-5'],
              registeredOn: at.slice(0, 10),
              priority: 'high',
              confidentiality: 'internal',
              summary: '市局指定县局办理。',
              legalBasis: '',
              tags: [],
              links: { related: [] },
              workflow: { escalations: [] },
              origin: { kind: 'own' },
              version: 1,
              createdAt: at,
              updatedAt: at,
            },
            findings: [],
            events,
            evidence: [
              {
                id: 'city-ev-1',
                dossierId: id,
                fileName: '现场照片.jpg',
                mimeType: 'image/jpeg',
                size: 10,
                sha256: photo,
                description: '',
                addedAt: at,
                addedBy: '王芳',
              },
            ],
          },
        ],
        names: {
          subjects: { 'city-s-17': '青山县自然资源综合执法大队' },
          organs: { 'city-o-4': '青山县自然资源局' },
          supervisors: { 'city-h-2': '王芳', 'city-h-5': '赵磊' },
        },
      },
      files: [photo],
      label: '江司监〔2026〕31号',
      refs: [id],
    },
    path,
  );
  return path;
}

async function selectForExport(page: Page, count: number): Promise<void> {
  const rows = page.getByTestId('export-dossier-row');
  await rows.first().waitFor();
  for (let i = 0; i < count; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByTestId('export-recipient').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

export const packageShots: Shot[] = [
  {
    name: 'packages-keys-zh',
    locale: 'zh-CN',
    office: true,
    prepare: async (page, desk) => {
      await setUpCounty(desk);
      await page.goto(`${APP_URL}#/packages/keys`);
      await page.getByTestId('trusted-organ').first().waitFor();
    },
  },
  {
    name: 'packages-trust-preview-zh',
    locale: 'zh-CN',
    office: true,
    prepare: async (page, desk) => {
      await desk.backend.dispatch('keys.setUp', { protection: 'system' }, ctx);
      const city = await createTestOffice(join(scratch(), 'city'), CITY_OFFICE);
      const path = join(scratch(), 'city.sdcert');
      writeFileSync(path, await city.certificate());
      await page.goto(`${APP_URL}#/packages/keys`);
      desk.ports.dialogs.openAnswers.push([path]);
      await page.getByTestId('import-certificate').click();
      await page.getByTestId('certificate-preview').waitFor();
    },
  },
  {
    name: 'packages-export-zh',
    locale: 'zh-CN',
    office: true,
    prepare: async (page, desk) => {
      await setUpCounty(desk);
      await seedDemoData(page);
      await page.goto(`${APP_URL}#/packages`);
      desk.ports.dialogs.saveAnswers.push(join(scratch(), 'to-city.sdpkg'));
      await selectForExport(page, 2);
      await page.getByTestId('export-start').click();
      await page.getByTestId('export-record').first().waitFor();
      await selectForExport(page, 3);
      await page.getByRole('tab', { name: '送出' }).scrollIntoViewIfNeeded();
      await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'packages-import-en',
    locale: 'en',
    office: true,
    prepare: async (page, desk) => {
      const city = await setUpCounty(desk);
      const good = await packageFromCity(city, desk);
      const damaged = join(scratch(), 'damaged.sdpkg');
      writeFileSync(damaged, Buffer.from('PK\u0003\u0004 not really a package'));
      await page.goto(`${APP_URL}#/packages/import`);
      desk.ports.dialogs.openAnswers.push([good, damaged]);
      await page.getByTestId('import-pick-files').click();
      await page.getByTestId('import-found').first().waitFor();
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-result').first().waitFor();
    },
  },
  {
    name: 'packages-received-dossier-zh',
    locale: 'zh-CN',
    office: true,
    prepare: async (page, desk) => {
      const city = await setUpCounty(desk);
      const good = await packageFromCity(city, desk);
      await page.goto(`${APP_URL}#/packages/import`);
      desk.ports.dialogs.openAnswers.push([good]);
      await page.getByTestId('import-pick-files').click();
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-dossier-link').first().click();
      await page.getByTestId('received-banner').waitFor();
    },
  },
  {
    name: 'packages-trust-en',
    locale: 'en',
    office: true,
    prepare: async (page, desk) => {
      await setUpCounty(desk);
      await page.goto(`${APP_URL}#/packages/keys`);
      await page.getByTestId('trusted-organ').first().scrollIntoViewIfNeeded();
    },
  },
];
