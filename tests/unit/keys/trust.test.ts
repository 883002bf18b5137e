import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintGroups } from '../../../electron/services/keys/fingerprint';
import { CITY_OFFICE, COUNTY_OFFICE } from '../../e2e/support/office';
import { createTestOffice, type TestOffice } from '../../support/package-offices';

let root: string;
let county: TestOffice;
let city: TestOffice;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'trust-'));
  county = await createTestOffice(join(root, 'county'), COUNTY_OFFICE);
  city = await createTestOffice(join(root, 'city'), CITY_OFFICE);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const certificateOf = async (office: TestOffice) => Buffer.from(await office.certificate());

describe('organ certificates and the trust registry', () => {
  it('shows the organ and its fingerprint in read-back groups, and stores nothing before confirmation', async () => {
    const preview = city.trust.preview(await certificateOf(county));
    expect(preview).toMatchObject({
      organId: county.keys.organId(),
      organ: { name: COUNTY_OFFICE.name },
      fingerprint: county.keys.current().fingerprint,
      status: 'new-organ',
    });
    expect(preview.fingerprintGroups).toHaveLength(6);
    for (const group of preview.fingerprintGroups) expect(group).toMatch(/^\d{5}$/);
    expect(city.trust.list()).toEqual([]);
  });

  it('adds the organ only when the confirmed fingerprint is the previewed one', async () => {
    const preview = city.trust.preview(await certificateOf(county));
    const wrong = `${preview.fingerprint.slice(0, 63)}${preview.fingerprint.endsWith('0') ? '1' : '0'}`;
    expect(() => city.trust.confirm(preview.token, wrong)).toThrow(
      expect.objectContaining({ code: 'TRUST_FINGERPRINT_MISMATCH' }),
    );
    expect(city.trust.list()).toEqual([]);
    city.trust.confirm(preview.token, preview.fingerprint);
    expect(city.trust.list().map((o) => o.organ.name)).toEqual([COUNTY_OFFICE.name]);
    expect(city.trust.preview(await certificateOf(county)).status).toBe('already-trusted');
  });

  it('expires a preview after a quarter of an hour', async () => {
    const preview = city.trust.preview(await certificateOf(county));
    city.now.value = new Date(city.now.value.getTime() + 16 * 60 * 1000);
    expect(() => city.trust.confirm(preview.token, preview.fingerprint)).toThrow(
      expect.objectContaining({ code: 'TRUST_PREVIEW_EXPIRED' }),
    );
  });

  it('refuses a certificate whose contents were changed after signing', async () => {
    const file = JSON.parse((await certificateOf(county)).toString('utf8'));
    file.certificate.organ.name = '冒名司法局';
    expect(() => city.trust.preview(Buffer.from(JSON.stringify(file)))).toThrow(
      expect.objectContaining({ code: 'TRUST_CERTIFICATE_INVALID', params: { reason: 'signature' } }),
    );
    expect(() => city.trust.preview(Buffer.from('not json'))).toThrow(
      expect.objectContaining({ code: 'TRUST_CERTIFICATE_INVALID' }),
    );
  });

  it('refuses the office’s own certificate', async () => {
    await expect(certificateOf(county).then((c) => county.trust.preview(c))).rejects.toMatchObject({
      code: 'TRUST_OWN_CERTIFICATE',
    });
  });

  it('revokes a key for good', async () => {
    const preview = city.trust.preview(await certificateOf(county));
    city.trust.confirm(preview.token, preview.fingerprint);
    const organ = city.trust.revoke(preview.fingerprint, 'laptop stolen');
    expect(organ.keys[0]).toMatchObject({ revocationReason: 'laptop stolen' });
    expect(organ.keys[0]?.revokedAt).not.toBeNull();
    expect(() => city.trust.activeKey(county.keys.organId())).toThrow(
      expect.objectContaining({ code: 'TRUST_NO_ACTIVE_KEY' }),
    );
    await expect(certificateOf(county).then((c) => city.trust.preview(c))).rejects.toMatchObject({
      code: 'TRUST_KEY_REVOKED',
    });
  });

  it('recognises a rotated key vouched for by the trusted one', async () => {
    const first = city.trust.preview(await certificateOf(county));
    city.trust.confirm(first.token, first.fingerprint);
    await county.keys.rotate();
    const second = city.trust.preview(await certificateOf(county));
    expect(second.status).toBe('rotation');
    const organ = city.trust.confirm(second.token, second.fingerprint);
    expect(organ.keys.map((k) => k.continuityFrom)).toEqual([null, first.fingerprint]);
    expect(city.trust.activeKey(county.keys.organId()).key.fingerprint).toBe(second.fingerprint);
  });

  it('reads fingerprints as the same digits every time', () => {
    const fingerprint = '4aa2fc53acb1f437d4414fc33914781cf76058ff6fa74075ec76ba2fe146e30a';
    // Each group is a 5-byte run of the fingerprint modulo 100000, zero-padded.
    expect(fingerprintGroups(fingerprint)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) =>
        String(Number(BigInt(`0x${fingerprint.slice(i * 10, i * 10 + 10)}`) % 100000n)).padStart(5, '0'),
      ),
    );
  });
});
