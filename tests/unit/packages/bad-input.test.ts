import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes, sha256Hex } from '../../../electron/services/crypto/primitives';
import { CONTENT_PATH } from '../../../electron/services/packages/bag';
import { readZipDirectory } from '../../../electron/services/packages/zip';
import { AppError } from '../../../shared/ipc/errors';
import { snapshotOffice } from '../../support/office-snapshot';
import { craftRawPackage, craftSignedPackage, fileEntry, validContent } from '../../support/package-craft';
import { createOfficePair, createTestOffice, type TestOffice, trustEachOther } from '../../support/package-offices';
import { craftZip, entryRange, packageEntries } from '../../support/zip-craft';

let root: string;
let county: TestOffice;
let city: TestOffice;
/** A good package from county to city with several 4 KiB chunks; every case starts from a copy. */
let good: string;
let casePath: string;
let caseNumber = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pkg-bad-'));
  ({ county, city } = await createOfficePair(root, 4096));
  const evidence = [randomBytes(9000), randomBytes(5000)].map((b) => county.addEvidence(b));
  good = join(root, 'good.sdpkg');
  await county.packages.exportPackage(
    {
      recipientOrganId: city.keys.organId(),
      data: { dossiers: [{ id: 'd-1', title: '执法监督', files: evidence }] },
      files: evidence,
      label: 'good',
      refs: ['d-1'],
    },
    good,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  casePath = join(root, `case-${++caseNumber}.sdpkg`);
  // Each case a minute later, on both clocks, so crafted packages are fresh and ordered.
  county.now.value = city.now.value = new Date(Date.parse('2026-03-02T08:00:00.000Z') + caseNumber * 60_000);
  writeFileSync(casePath, readFileSync(good));
});

/**
 * The import must fail with `code` and leave the recipient exactly as it was: the same
 * files with the same bytes, the same ledger and trust records, no quarantine.
 */
async function expectRefused(path: string, code: string, params?: Record<string, unknown>) {
  const before = snapshotOffice(city);
  let failure: unknown;
  try {
    await city.packages.importPackage(path);
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(AppError);
  expect((failure as AppError).code).toBe(code);
  if (params) expect((failure as AppError).params).toMatchObject(params);
  expect(snapshotOffice(city)).toEqual(before);
}

function flipByte(path: string, offset: number) {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] as number) ^ 0x01;
  writeFileSync(path, bytes);
}

describe('damaged package files', () => {
  it('refuses a flipped byte in the header', async () => {
    const { offset, size } = await entryRange(casePath, 'header.json');
    flipByte(casePath, offset + Math.floor(size / 2));
    await expectRefused(casePath, 'PKG_HEADER_DAMAGED');
  });

  it('refuses a flipped byte in a middle chunk and names the chunk', async () => {
    const { offset } = await entryRange(casePath, 'payload.bin');
    flipByte(casePath, offset + (4096 + 16) + 100);
    await expectRefused(casePath, 'PKG_CHUNK_DAMAGED', { chunk: 2 });
  });

  it('refuses a flipped byte in the final chunk', async () => {
    const { offset, size } = await entryRange(casePath, 'payload.bin');
    flipByte(casePath, offset + size - 20);
    await expectRefused(casePath, 'PKG_FINAL_CHUNK_DAMAGED');
  });

  it.each([
    ['inside the header', (o: { header: number }) => o.header + 10],
    ['inside the payload', (o: { payload: number }) => o.payload + 5000],
    ['just before the central directory', (o: { end: number }) => o.end - 22 - 60],
    ['inside the end record', (o: { end: number }) => o.end - 5],
    ['after 3 bytes', () => 3],
  ])('refuses a package truncated %s', async (_where, at) => {
    const header = (await entryRange(casePath, 'header.json')).offset;
    const payload = (await entryRange(casePath, 'payload.bin')).offset;
    const end = readFileSync(casePath).length;
    truncateSync(casePath, at({ header, payload, end } as never));
    await expectRefused(casePath, at({ header, payload, end } as never) < 4 ? 'PKG_NOT_A_PACKAGE' : 'PKG_TRUNCATED');
  });

  it.each([1, 100_000])('refuses %i bytes appended', async (count) => {
    appendFileSync(casePath, randomBytes(count));
    await expectRefused(casePath, 'PKG_TRAILING_DATA', { bytes: count });
  });

  it('refuses a file that is not a package at all', async () => {
    writeFileSync(casePath, '%PDF-1.7 not a package');
    await expectRefused(casePath, 'PKG_NOT_A_PACKAGE');
  });
});

describe('packages from the wrong party', () => {
  it('refuses a package addressed to another organ', async () => {
    const town = await createTestOffice(join(root, 'town'), {
      ...city.identity,
      name: '青山县白沙镇人民政府',
      shortName: '白沙镇',
      level: 'township',
      kind: 'government',
      divisionCode: '330104',
    });
    await trustEachOther(county, town);
    const path = join(root, 'to-town.sdpkg');
    await craftSignedPackage(county, town, path);
    await expectRefused(path, 'PKG_WRONG_RECIPIENT');
  });

  it('refuses a package from an organ not in the trust registry', async () => {
    const stranger = await createTestOffice(join(root, 'stranger'), { ...county.identity, name: '外县司法局' });
    const preview = stranger.trust.preview(Buffer.from(await city.certificate()));
    stranger.trust.confirm(preview.token, preview.fingerprint);
    const path = join(root, 'from-stranger.sdpkg');
    await craftSignedPackage(stranger, city, path);
    await expectRefused(path, 'PKG_UNKNOWN_SENDER');
  });

  it('refuses a package signed by a revoked key', async () => {
    const fingerprint = county.keys.current().fingerprint;
    city.trust.revoke(fingerprint, 'key lost');
    try {
      await expectRefused(casePath, 'PKG_SENDER_REVOKED');
    } finally {
      // Revocation is final in the registry; undo it by hand for the remaining cases.
      const file = join(city.dir, 'keys', 'trust.json');
      const trust = JSON.parse(readFileSync(file, 'utf8'));
      for (const organ of trust.organs) for (const key of organ.keys) key.revokedAt = key.revocationReason = null;
      writeFileSync(file, JSON.stringify(trust));
    }
  });

  it('refuses a header whose signature is not the sender’s', async () => {
    const entries = await packageEntries(casePath);
    const sig = entries.find((e) => e.name === 'header.sig');
    if (!sig) throw new Error('no signature');
    sig.data = Buffer.from(sig.data);
    sig.data[0] = (sig.data[0] as number) ^ 1;
    writeFileSync(casePath, craftZip(entries));
    await expectRefused(casePath, 'PKG_BAD_SIGNATURE');
  });

  it('refuses to import a package this office sent itself', async () => {
    const before = snapshotOffice(county);
    await expect(county.packages.importPackage(casePath)).rejects.toMatchObject({ code: 'PKG_OWN_PACKAGE' });
    expect(snapshotOffice(county)).toEqual(before);
  });

  it('refuses a package made (by its clock) more than a day in the future', async () => {
    const saved = county.now.value;
    county.now.value = new Date(saved.getTime() + 3 * 24 * 3600 * 1000);
    const path = join(root, 'future.sdpkg');
    try {
      await craftSignedPackage(county, city, path);
    } finally {
      county.now.value = saved;
    }
    await expectRefused(path, 'PKG_FROM_FUTURE');
  });
});

describe('replays', () => {
  it('refuses a package imported before, and one older than the newest imported', async () => {
    // A pair of its own: committing here must not make the shared good package outdated.
    const pair = await createOfficePair(join(root, 'replay'), 4096);
    const older = join(root, 'older.sdpkg');
    const newer = join(root, 'newer.sdpkg');
    await craftSignedPackage(pair.county, pair.city, older);
    pair.county.now.value = new Date(pair.county.now.value.getTime() + 60_000);
    await craftSignedPackage(pair.county, pair.city, newer);
    const imported = await pair.city.packages.importPackage(newer);
    await pair.city.packages.commitImport(imported.importId);
    for (const [path, code] of [
      [newer, 'PKG_REPLAYED'],
      [older, 'PKG_OUTDATED'],
    ] as const) {
      const before = snapshotOffice(pair.city);
      await expect(pair.city.packages.importPackage(path)).rejects.toMatchObject({ code });
      expect(snapshotOffice(pair.city)).toEqual(before);
    }
  });
});

describe('entries of the container', () => {
  it.each([
    ['../evil.txt', 'dot-segment'],
    ['/etc/cron.d/evil', 'absolute'],
    ['data\\evil.txt', 'backslash'],
    ['C:/Windows/evil.dll', 'drive-letter'],
  ])('refuses the entry name %s', async (name, reason) => {
    const entries = await packageEntries(casePath);
    writeFileSync(casePath, craftZip([...entries, { name, data: Buffer.from('x') }]));
    await expectRefused(casePath, 'PKG_UNSAFE_NAME', { reason });
  });

  it('refuses a symbolic link entry', async () => {
    const entries = await packageEntries(casePath);
    const link = { name: 'link', data: Buffer.from('/etc/passwd'), externalAttrs: (0o120777 << 16) >>> 0 };
    writeFileSync(casePath, craftZip([...entries, link]));
    await expectRefused(casePath, 'PKG_LINK_ENTRY');
  });

  it.each([
    ['differing only in case', 'HEADER.json'],
    ['equal after NFC normalisation', null],
  ])('refuses duplicate names %s', async (_how, extra) => {
    const entries = await packageEntries(casePath);
    const pair = extra
      ? [{ name: extra, data: Buffer.from('{}') }]
      : [
          { name: 'caf\u00e9.txt', data: Buffer.from('a') },
          { name: 'cafe\u0301.txt', data: Buffer.from('b') },
        ];
    writeFileSync(casePath, craftZip([...entries, ...pair]));
    await expectRefused(casePath, 'PKG_DUPLICATE_ENTRY');
  });

  it('refuses a compressed entry', async () => {
    const entries = await packageEntries(casePath);
    const header = entries[0];
    if (!header) throw new Error('no header');
    const compressed = { ...header, data: deflateRawSync(header.data), method: 8 };
    writeFileSync(casePath, craftZip([compressed, ...entries.slice(1)]));
    await expectRefused(casePath, 'PKG_COMPRESSED_ENTRY');
  });

  it('refuses sizes in the local header and the directory that disagree', async () => {
    const entries = await packageEntries(casePath);
    const sig = entries[1];
    if (!sig) throw new Error('no signature');
    writeFileSync(casePath, craftZip([entries[0], { ...sig, centralSize: 63 }, entries[2]] as never));
    await expectRefused(casePath, 'PKG_SIZE_MISMATCH');
  });

  it('refuses declared sizes larger than the data they describe', async () => {
    const entries = await packageEntries(casePath);
    const sig = entries[1];
    if (!sig) throw new Error('no signature');
    writeFileSync(casePath, craftZip([entries[0], { ...sig, localSize: 80 }, entries[2]] as never));
    await expectRefused(casePath, 'PKG_SIZE_MISMATCH');
  });

  it('refuses an extra entry with an innocent name', async () => {
    const entries = await packageEntries(casePath);
    writeFileSync(casePath, craftZip([...entries, { name: 'readme.txt', data: Buffer.from('hello') }]));
    await expectRefused(casePath, 'PKG_UNEXPECTED_ENTRY');
  });

  it('refuses an unknown format version', async () => {
    const entries = await packageEntries(casePath);
    const header = entries[0];
    if (!header) throw new Error('no header');
    const json = JSON.parse(header.data.toString('utf8'));
    json.formatVersion = 2;
    header.data = Buffer.from(JSON.stringify(json));
    writeFileSync(casePath, craftZip(entries));
    await expectRefused(casePath, 'PKG_UNSUPPORTED_VERSION', { version: '2' });
  });
});

describe('contents of a validly signed package', () => {
  const evidence = Buffer.from('询问笔录');
  const other = Buffer.from('另一份证据');

  it('refuses a manifest path that leaves the bag', async () => {
    const path = join(root, 'inner-dots.sdpkg');
    const content = validContent();
    await craftSignedPackage(county, city, path, {
      payload: [{ name: CONTENT_PATH, bytes: content }],
      manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(evidence)}  data/../../evil\n`,
      fileCount: 2,
    });
    await expectRefused(path, 'PKG_UNSAFE_NAME', { reason: 'dot-segment' });
  });

  it('refuses manifest names that collide after case folding', async () => {
    const path = join(root, 'inner-case.sdpkg');
    const content = validContent();
    await craftSignedPackage(county, city, path, {
      payload: [{ name: CONTENT_PATH, bytes: content }],
      manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(content)}  data/Content.json\n`,
      fileCount: 2,
    });
    await expectRefused(path, 'PKG_DUPLICATE_ENTRY');
  });

  it('refuses a file that is in the package but missing from the manifest', async () => {
    const path = join(root, 'unlisted.sdpkg');
    const content = validContent([sha256Hex(evidence)]);
    await craftSignedPackage(county, city, path, {
      payload: [{ name: CONTENT_PATH, bytes: content }, fileEntry(evidence), fileEntry(other)],
      manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(evidence)}  ${fileEntry(evidence).name}\n`,
      fileCount: 2,
      dataBytes: content.length + evidence.length,
    });
    await expectRefused(path, 'PKG_UNLISTED_FILE');
  });

  it('refuses a file added to the manifest but absent from the package', async () => {
    const path = join(root, 'missing.sdpkg');
    const content = validContent([sha256Hex(evidence)]);
    const files = [fileEntry(evidence), fileEntry(other)].sort((a, b) => (a.name < b.name ? -1 : 1));
    await craftSignedPackage(county, city, path, {
      payload: [{ name: CONTENT_PATH, bytes: content }, fileEntry(evidence)],
      manifest: [
        `${sha256Hex(content)}  ${CONTENT_PATH}\n`,
        ...files.map((f) => `${sha256Hex(f.bytes)}  ${f.name}\n`),
      ].join(''),
      fileCount: 3,
    });
    await expectRefused(path, 'PKG_MISSING_FILE');
  });

  it('refuses a file whose bytes do not match the signed manifest', async () => {
    const path = join(root, 'hash.sdpkg');
    const content = validContent();
    await craftSignedPackage(county, city, path, {
      payload: [
        { name: CONTENT_PATH, bytes: content },
        { name: fileEntry(evidence).name, bytes: other },
      ],
      manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(evidence)}  ${fileEntry(evidence).name}\n`,
    });
    await expectRefused(path, 'PKG_HASH_MISMATCH');
  });

  it('refuses an entry whose frame claims more bytes than the package holds', async () => {
    const path = join(root, 'inner-size.sdpkg');
    const content = validContent();
    const file = fileEntry(evidence);
    await craftRawPackage(
      county,
      city,
      path,
      [
        { name: CONTENT_PATH, bytes: content },
        { ...file, declaredSize: 100_000 },
      ],
      {
        manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(evidence)}  ${file.name}\n`,
        dataBytes: content.length + evidence.length,
        fileCount: 2,
      },
    );
    await expectRefused(path, 'PKG_SIZE_MISMATCH', { name: file.name });
  });

  it('accepts the same frames when they tell the truth', async () => {
    const path = join(root, 'inner-honest.sdpkg');
    const content = validContent([sha256Hex(evidence)]);
    const file = fileEntry(evidence);
    await craftRawPackage(county, city, path, [{ name: CONTENT_PATH, bytes: content }, file], {
      manifest: `${sha256Hex(content)}  ${CONTENT_PATH}\n${sha256Hex(evidence)}  ${file.name}\n`,
      dataBytes: content.length + evidence.length,
      fileCount: 2,
    });
    const imported = await city.packages.importPackage(path);
    expect(imported.files).toEqual([{ sha256: sha256Hex(evidence), size: evidence.length }]);
    city.packages.discardImport(imported.importId);
  });

  it('refuses dossier data that fails the schema', async () => {
    const path = join(root, 'schema.sdpkg');
    const content = Buffer.from(JSON.stringify({ dossiers: [{ title: 42 }] }));
    await craftSignedPackage(county, city, path, { payload: [{ name: CONTENT_PATH, bytes: content }] });
    const before = snapshotOffice(city);
    const failure = await city.packages.importPackage(path).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'PKG_INVALID_DATA' });
    expect((failure as AppError).issues?.map((i) => i.path.join('.'))).toEqual(['dossiers.0.id', 'dossiers.0.title']);
    expect(snapshotOffice(city)).toEqual(before);
  });
});

describe('the good package', () => {
  it('still imports after all of the above', async () => {
    const directory = await readZipDirectory(good);
    expect(directory.entries.map((e) => e.name)).toEqual(['header.json', 'header.sig', 'payload.bin']);
    const imported = await city.packages.importPackage(good);
    expect(imported.files).toHaveLength(2);
    city.packages.discardImport(imported.importId);
  });
});
