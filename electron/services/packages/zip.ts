// The outer container of a package: a ZIP file (APPNOTE 6.3) restricted to what we
// write — stored entries only, UTF-8 names, sizes in the local headers (no data
// descriptors), no directories, links, comments or gaps. The writer side is a few pure
// functions building header bytes; the reader is strict and names every violation.
import { type FileHandle, open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { AppError } from '../../../shared/ipc/errors';
import { assertNoCollisions, assertSafeName, decodeName } from './names';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
const EOCD_SIZE = 22;
const ZIP64_EOCD_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
const MAX32 = 0xffffffff;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
/** Unix host, spec version 4.5 (ZIP64). */
const VERSION_MADE_BY = (3 << 8) | 45;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Regular file, rw-r--r--, in the high half of the external attributes. */
const EXTERNAL_ATTRS_FILE = (0o100644 << 16) >>> 0;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
/** Our packages have a handful of entries; a central directory with more is refused unread. */
export const MAX_ENTRIES = 64;

export { crc32 };

export interface ZipEntryLayout {
  name: string;
  size: number;
  crc: number;
  /** Offset of the local header. */
  offset: number;
}

/** MS-DOS date and time fields; seconds are stored halved, as the format requires. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function writeU64(buffer: Buffer, value: number, offset: number): void {
  buffer.writeBigUInt64LE(BigInt(value), offset);
}

const needsZip64 = (size: number) => size >= MAX32;

/** Local file header for a stored entry whose size is known in advance. */
export function localHeader(name: string, size: number, crc: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const zip64 = needsZip64(size);
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    writeU64(extra, size, 4);
    writeU64(extra, size, 12);
  }
  const header = Buffer.alloc(LOCAL_FIXED);
  const { time, date } = dosDateTime(mtime);
  header.writeUInt32LE(SIG_LOCAL, 0);
  header.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAG_UTF8, 6);
  header.writeUInt16LE(METHOD_STORED, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(zip64 ? MAX32 : size, 18);
  header.writeUInt32LE(zip64 ? MAX32 : size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, nameBytes, extra]);
}

/** Where the CRC-32 sits inside a local header, for patching it after streaming the data. */
export const LOCAL_CRC_OFFSET = 14;

/** Central directory, ZIP64 records when needed, and the end record: everything after the last entry. */
export function centralDirectory(entries: ZipEntryLayout[], mtime: Date, cdOffset: number): Buffer {
  const { time, date } = dosDateTime(mtime);
  const records: Buffer[] = [];
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const zipSize = needsZip64(entry.size);
    const zipOffset = needsZip64(entry.offset);
    const extraFields = (zipSize ? 2 : 0) + (zipOffset ? 1 : 0);
    const extra = Buffer.alloc(extraFields ? 4 + 8 * extraFields : 0);
    if (extraFields) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * extraFields, 2);
      let at = 4;
      if (zipSize) {
        writeU64(extra, entry.size, at);
        writeU64(extra, entry.size, at + 8);
        at += 16;
      }
      if (zipOffset) writeU64(extra, entry.offset, at);
    }
    const record = Buffer.alloc(CENTRAL_FIXED);
    record.writeUInt32LE(SIG_CENTRAL, 0);
    record.writeUInt16LE(VERSION_MADE_BY, 4);
    record.writeUInt16LE(extraFields ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
    record.writeUInt16LE(FLAG_UTF8, 8);
    record.writeUInt16LE(METHOD_STORED, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(zipSize ? MAX32 : entry.size, 20);
    record.writeUInt32LE(zipSize ? MAX32 : entry.size, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt16LE(0, 32); // comment length
    record.writeUInt16LE(0, 34); // disk number start
    record.writeUInt16LE(0, 36); // internal attributes
    record.writeUInt32LE(EXTERNAL_ATTRS_FILE, 38);
    record.writeUInt32LE(zipOffset ? MAX32 : entry.offset, 42);
    records.push(record, nameBytes, extra);
  }
  const cd = Buffer.concat(records);
  const tail: Buffer[] = [cd];
  const zip64 = needsZip64(cdOffset) || needsZip64(cd.length) || entries.length >= 0xffff;
  if (zip64) {
    const z = Buffer.alloc(ZIP64_EOCD_SIZE);
    z.writeUInt32LE(SIG_ZIP64_EOCD, 0);
    writeU64(z, ZIP64_EOCD_SIZE - 12, 4);
    z.writeUInt16LE(VERSION_MADE_BY, 12);
    z.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
    z.writeUInt32LE(0, 16);
    z.writeUInt32LE(0, 20);
    writeU64(z, entries.length, 24);
    writeU64(z, entries.length, 32);
    writeU64(z, cd.length, 40);
    writeU64(z, cdOffset, 48);
    const locator = Buffer.alloc(ZIP64_LOCATOR_SIZE);
    locator.writeUInt32LE(SIG_ZIP64_LOCATOR, 0);
    locator.writeUInt32LE(0, 4);
    writeU64(locator, cdOffset + cd.length, 8);
    locator.writeUInt32LE(1, 16);
    tail.push(z, locator);
  }
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(0, 4);
  eocd.writeUInt16LE(0, 6);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(needsZip64(cd.length) ? MAX32 : cd.length, 12);
  eocd.writeUInt32LE(needsZip64(cdOffset) ? MAX32 : cdOffset, 16);
  eocd.writeUInt16LE(0, 20);
  tail.push(eocd);
  return Buffer.concat(tail);
}

// ─── Reading ────────────────────────────────────────────────────────────────

export interface ZipEntry {
  name: string;
  size: number;
  crc: number;
  /** Offset of the entry's data (after its local header). */
  dataOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  fileSize: number;
}

const malformed = (detail: string) =>
  new AppError('PKG_MALFORMED', `The package container is malformed: ${detail}`, { params: { detail } });
const truncated = () => new AppError('PKG_TRUNCATED', 'The package file is incomplete (cut off)');
const trailing = (extra: number) =>
  new AppError('PKG_TRAILING_DATA', `${extra} unexpected bytes follow the end of the package`, {
    params: { bytes: extra },
  });
const sizeMismatch = (name: string, detail: string) =>
  new AppError('PKG_SIZE_MISMATCH', `Declared size of ${name} does not match the file: ${detail}`, {
    params: { name, detail },
  });

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

interface CentralRecord {
  name: string;
  rawName: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  madeBy: number;
  externalAttrs: number;
}

function readU64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed('64-bit field out of range');
  return Number(value);
}

/** Applies a ZIP64 extended-information extra field to the fields that hold the sentinel. */
function applyZip64(
  extra: Buffer,
  fields: { size: number; compressedSize: number; offset?: number },
): { size: number; compressedSize: number; offset?: number } {
  const out = { ...fields };
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (at + 4 + length > extra.length) throw malformed('extra field overruns its record');
    if (id === 0x0001) {
      let p = at + 4;
      const end = p + length;
      const take = () => {
        if (p + 8 > end) throw malformed('short ZIP64 field');
        const value = readU64(extra, p);
        p += 8;
        return value;
      };
      if (fields.size === MAX32) out.size = take();
      if (fields.compressedSize === MAX32) out.compressedSize = take();
      if (fields.offset === MAX32) out.offset = take();
    }
    at += 4 + length;
  }
  if (at !== extra.length) throw malformed('extra field overruns its record');
  return out;
}

/**
 * Reads the central directory and checks the whole container against it: every name
 * safe, no links, only stored entries, no duplicates, local headers agreeing with the
 * directory, entries contiguous from offset 0 to the directory, nothing after the end.
 */
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const handle = await open(path, 'r');
  try {
    return await readDirectory(handle);
  } finally {
    await handle.close();
  }
}

async function readDirectory(handle: FileHandle): Promise<ZipDirectory> {
  const fileSize = (await handle.stat()).size;
  const start = await readAt(handle, 0, 4);
  if (start.length < 4 || start.readUInt32LE(0) !== SIG_LOCAL) {
    throw new AppError('PKG_NOT_A_PACKAGE', 'This file is not a dossier package');
  }
  const end = fileSize >= EOCD_SIZE ? await readAt(handle, fileSize - EOCD_SIZE, EOCD_SIZE) : Buffer.alloc(0);
  if (end.length !== EOCD_SIZE || end.readUInt32LE(0) !== SIG_EOCD || end.readUInt16LE(20) !== 0) {
    throw await diagnoseMissingEnd(handle, fileSize);
  }
  const eocdOffset = fileSize - EOCD_SIZE;
  if (end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0) throw malformed('multi-disk archive');
  let entryCount = end.readUInt16LE(10);
  if (end.readUInt16LE(8) !== entryCount) throw malformed('entry counts disagree');
  let cdSize = end.readUInt32LE(12);
  let cdOffset = end.readUInt32LE(16);
  let cdEnd = eocdOffset;
  if (cdOffset === MAX32 || cdSize === MAX32 || entryCount === 0xffff) {
    if (eocdOffset < ZIP64_LOCATOR_SIZE + ZIP64_EOCD_SIZE) throw malformed('missing ZIP64 records');
    const locator = await readAt(handle, eocdOffset - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
    if (locator.readUInt32LE(0) !== SIG_ZIP64_LOCATOR) throw malformed('missing ZIP64 locator');
    const z64Offset = readU64(locator, 8);
    if (z64Offset + ZIP64_EOCD_SIZE !== eocdOffset - ZIP64_LOCATOR_SIZE) throw malformed('ZIP64 record misplaced');
    const z = await readAt(handle, z64Offset, ZIP64_EOCD_SIZE);
    if (z.readUInt32LE(0) !== SIG_ZIP64_EOCD || readU64(z, 4) !== ZIP64_EOCD_SIZE - 12) {
      throw malformed('bad ZIP64 end record');
    }
    entryCount = readU64(z, 32);
    if (readU64(z, 24) !== entryCount) throw malformed('entry counts disagree');
    cdSize = readU64(z, 40);
    cdOffset = readU64(z, 48);
    cdEnd = z64Offset;
  }
  if (entryCount === 0) throw malformed('no entries');
  if (entryCount > MAX_ENTRIES) {
    throw new AppError('PKG_LIMIT_EXCEEDED', `The package has ${entryCount} entries`, {
      params: { limit: MAX_ENTRIES, what: 'entries' },
    });
  }
  if (cdOffset + cdSize !== cdEnd) {
    throw cdOffset + cdSize > cdEnd
      ? sizeMismatch('central directory', 'overlaps its end')
      : malformed('gap after the central directory');
  }
  const cd = await readAt(handle, cdOffset, cdSize);
  const records = parseCentralRecords(cd, entryCount);

  for (const record of records) checkRecord(record);
  assertNoCollisions(records.map((r) => r.name));

  const entries: ZipEntry[] = [];
  let expectedOffset = 0;
  for (const record of records) {
    if (record.offset !== expectedOffset) {
      throw sizeMismatch(
        entries.at(-1)?.name ?? record.name,
        record.offset > expectedOffset ? 'gap before the next entry' : 'entries overlap',
      );
    }
    const local = await readAt(handle, record.offset, LOCAL_FIXED);
    if (local.length < LOCAL_FIXED) throw truncated();
    if (local.readUInt32LE(0) !== SIG_LOCAL) throw malformed(`no local header for ${record.name}`);
    const nameLength = local.readUInt16LE(26);
    const extraLength = local.readUInt16LE(28);
    const variable = await readAt(handle, record.offset + LOCAL_FIXED, nameLength + extraLength);
    if (!variable.subarray(0, nameLength).equals(record.rawName))
      throw malformed(`local name of ${record.name} differs`);
    if (local.readUInt16LE(6) !== record.flags || local.readUInt16LE(8) !== record.method) {
      throw malformed(`local header of ${record.name} differs`);
    }
    if (local.readUInt32LE(14) !== record.crc) throw malformed(`local CRC-32 of ${record.name} differs`);
    const localSizes = applyZip64(variable.subarray(nameLength), {
      size: local.readUInt32LE(22),
      compressedSize: local.readUInt32LE(18),
    });
    if (localSizes.size !== record.size || localSizes.compressedSize !== record.compressedSize) {
      throw sizeMismatch(record.name, 'local header and central directory disagree');
    }
    const dataOffset = record.offset + LOCAL_FIXED + nameLength + extraLength;
    entries.push({ name: record.name, size: record.size, crc: record.crc, dataOffset });
    expectedOffset = dataOffset + record.size;
  }
  if (expectedOffset !== cdOffset) {
    throw sizeMismatch(
      entries.at(-1)?.name ?? '?',
      expectedOffset > cdOffset ? 'data runs into the central directory' : 'gap before the central directory',
    );
  }
  return { entries, fileSize };
}

function parseCentralRecords(cd: Buffer, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_FIXED > cd.length || cd.readUInt32LE(at) !== SIG_CENTRAL) {
      throw malformed('central directory record missing');
    }
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const recordEnd = at + CENTRAL_FIXED + nameLength + extraLength + commentLength;
    if (recordEnd > cd.length) throw malformed('central directory record overruns');
    if (commentLength !== 0) throw malformed('entry comment');
    if (cd.readUInt16LE(at + 34) !== 0) throw malformed('multi-disk entry');
    const rawName = cd.subarray(at + CENTRAL_FIXED, at + CENTRAL_FIXED + nameLength);
    const fields = applyZip64(cd.subarray(at + CENTRAL_FIXED + nameLength, recordEnd - commentLength), {
      size: cd.readUInt32LE(at + 24),
      compressedSize: cd.readUInt32LE(at + 20),
      offset: cd.readUInt32LE(at + 42),
    });
    records.push({
      name: decodeName(rawName),
      rawName: Buffer.from(rawName),
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      crc: cd.readUInt32LE(at + 16),
      compressedSize: fields.compressedSize,
      size: fields.size,
      offset: fields.offset ?? 0,
      madeBy: cd.readUInt16LE(at + 4),
      externalAttrs: cd.readUInt32LE(at + 38),
    });
    at = recordEnd;
  }
  if (at !== cd.length) throw malformed('central directory has extra bytes');
  return records;
}

/** Per-entry rules, most telling first: a link named "../x" is reported for its name. */
function checkRecord(record: CentralRecord): void {
  assertSafeName(record.name);
  const unixHost = record.madeBy >> 8 === 3;
  const mode = record.externalAttrs >>> 16;
  if (unixHost && (mode & S_IFMT) === S_IFLNK) {
    throw new AppError('PKG_LINK_ENTRY', `Entry ${record.name} is a symbolic link`, { params: { name: record.name } });
  }
  if ((unixHost && (mode & S_IFMT) === S_IFDIR) || (record.externalAttrs & DOS_DIRECTORY) !== 0) {
    throw new AppError('PKG_UNSAFE_NAME', `Entry ${record.name} is a folder`, {
      params: { name: record.name, reason: 'directory' },
    });
  }
  if (unixHost && (mode & S_IFMT) !== 0 && (mode & S_IFMT) !== S_IFREG) {
    throw new AppError('PKG_LINK_ENTRY', `Entry ${record.name} is a special file`, { params: { name: record.name } });
  }
  if (record.method !== METHOD_STORED) {
    throw new AppError('PKG_COMPRESSED_ENTRY', `Entry ${record.name} is compressed (method ${record.method})`, {
      params: { name: record.name, method: record.method },
    });
  }
  if (record.flags !== FLAG_UTF8) throw malformed(`unsupported flags 0x${record.flags.toString(16)} on ${record.name}`);
  if (record.compressedSize !== record.size) throw sizeMismatch(record.name, 'stored entry with two sizes');
}

/**
 * No end record where it must be: tell a cut-off file from one with bytes appended by
 * walking the entries from the front, as a streaming unzipper would.
 */
async function diagnoseMissingEnd(handle: FileHandle, fileSize: number): Promise<AppError> {
  let at = 0;
  for (let i = 0; i <= MAX_ENTRIES; i++) {
    const fixed = await readAt(handle, at, LOCAL_FIXED);
    if (fixed.length >= 4 && fixed.readUInt32LE(0) === SIG_CENTRAL) break;
    if (fixed.length < LOCAL_FIXED) return truncated();
    if (fixed.readUInt32LE(0) !== SIG_LOCAL) return malformed('unexpected data between entries');
    const nameLength = fixed.readUInt16LE(26);
    const extraLength = fixed.readUInt16LE(28);
    const variable = await readAt(handle, at + LOCAL_FIXED, nameLength + extraLength);
    if (variable.length < nameLength + extraLength) return truncated();
    let size: number;
    try {
      size = applyZip64(variable.subarray(nameLength), {
        size: fixed.readUInt32LE(22),
        compressedSize: fixed.readUInt32LE(18),
      }).compressedSize;
    } catch (error) {
      return error as AppError;
    }
    at += LOCAL_FIXED + nameLength + extraLength + size;
    if (at > fileSize) return truncated();
  }
  // Walk the central directory records, then the end records.
  for (let i = 0; i <= MAX_ENTRIES; i++) {
    const fixed = await readAt(handle, at, CENTRAL_FIXED);
    if (fixed.length < 4) return truncated();
    const signature = fixed.readUInt32LE(0);
    if (signature !== SIG_CENTRAL) break;
    if (fixed.length < CENTRAL_FIXED) return truncated();
    at += CENTRAL_FIXED + fixed.readUInt16LE(28) + fixed.readUInt16LE(30) + fixed.readUInt16LE(32);
    if (at > fileSize) return truncated();
  }
  const signature = await readAt(handle, at, 4);
  if (signature.length < 4) return truncated();
  if (signature.readUInt32LE(0) === SIG_ZIP64_EOCD) {
    at += ZIP64_EOCD_SIZE + ZIP64_LOCATOR_SIZE;
    if (at + 4 > fileSize) return truncated();
  }
  const eocd = await readAt(handle, at, EOCD_SIZE);
  if (eocd.length < EOCD_SIZE) return truncated();
  if (eocd.readUInt32LE(0) !== SIG_EOCD) return malformed('no end record');
  const endOfArchive = at + EOCD_SIZE + eocd.readUInt16LE(20);
  if (endOfArchive > fileSize) return truncated();
  if (eocd.readUInt16LE(20) !== 0) return malformed('archive comment');
  return trailing(fileSize - endOfArchive);
}

/** Reads a whole (small) entry and checks its CRC-32; `damaged` names the error for a mismatch. */
export async function readSmallEntry(
  path: string,
  entry: ZipEntry,
  limit: number,
  damaged: () => AppError,
): Promise<Buffer> {
  if (entry.size > limit) {
    throw new AppError('PKG_LIMIT_EXCEEDED', `${entry.name} is larger than ${limit} bytes`, {
      params: { limit, what: entry.name },
    });
  }
  const handle = await open(path, 'r');
  try {
    const data = await readAt(handle, entry.dataOffset, entry.size);
    if (data.length !== entry.size) throw truncated();
    if (crc32(data) !== entry.crc) throw damaged();
    return data;
  } finally {
    await handle.close();
  }
}
