import type { Hash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { AppError } from '../../../shared/ipc/errors';
import { constantTimeEqual, createSha256 } from '../crypto/primitives';
import { collisionKey, unsafeNameReason } from '../packages/names';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  type BackupHeader,
  type BackupManifest,
  backupHeaderSchema,
  checkHeaderMac,
  checkKdfBounds,
  checkPayloadParams,
  deriveBackupKeys,
  FILE_ENTRY,
  FRAME_HEAD_BYTES,
  FRAME_MAGIC,
  HEADER_MAC_BYTES,
  MANIFEST_ENTRY,
  MAX_HEADER_BYTES,
  MAX_MANIFEST_BYTES,
  manifestSchema,
  SETTINGS_ENTRY,
  TABLE_PAGE,
} from './format';
import { openChunks } from './stream';

/** Where the content of one entry goes while it is read (staging during restore). */
export interface EntrySink {
  /** `data` is valid only until the returned promise settles: copy what must be kept. */
  write(data: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface ReadOptions {
  /** Called for each entry before the manifest; return a sink to receive its bytes. */
  onEntry?(name: string, size: number): Promise<EntrySink | undefined> | EntrySink | undefined;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface ReadResult {
  header: BackupHeader;
  manifest: BackupManifest;
  fileSize: number;
}

interface Preamble {
  header: BackupHeader;
  preamble: Buffer;
  mac: Buffer;
  dataStart: number;
  fileSize: number;
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buffer.subarray(0, got);
}

/** Magic, header, version: what can be checked without the passphrase. */
async function readPreamble(handle: FileHandle): Promise<Preamble> {
  const fileSize = (await handle.stat()).size;
  const start = await readExactly(handle, BACKUP_MAGIC.length + 4, 0);
  if (start.length < BACKUP_MAGIC.length || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw new AppError('BACKUP_NOT_A_BACKUP', 'This file is not a Supervision Desk backup');
  }
  if (start.length < BACKUP_MAGIC.length + 4) throw new AppError('BACKUP_TRUNCATED', 'The backup ends in its header');
  const length = start.readUInt32BE(BACKUP_MAGIC.length);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new AppError('BACKUP_DAMAGED', 'The backup header is damaged');
  const json = await readExactly(handle, length, start.length);
  const mac = await readExactly(handle, HEADER_MAC_BYTES, start.length + length);
  if (json.length < length || mac.length < HEADER_MAC_BYTES) {
    throw new AppError('BACKUP_TRUNCATED', 'The backup ends in its header');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    throw new AppError('BACKUP_DAMAGED', 'The backup header is damaged');
  }
  const probe = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (probe?.format !== BACKUP_FORMAT) throw new AppError('BACKUP_DAMAGED', 'The backup header is damaged');
  if (probe.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new AppError('BACKUP_UNSUPPORTED_VERSION', `Backup format version ${String(probe.formatVersion)}`, {
      params: { version: String(probe.formatVersion) },
    });
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('BACKUP_DAMAGED', 'The backup header is damaged');
  checkKdfBounds(parsed.data.kdf);
  checkPayloadParams(parsed.data.payload);
  return {
    header: parsed.data,
    preamble: Buffer.concat([start, json]),
    mac,
    dataStart: start.length + length + HEADER_MAC_BYTES,
    fileSize,
  };
}

/** The header alone, for showing when and by what a backup was made before asking for the passphrase. */
export async function inspectBackup(path: string): Promise<{ header: BackupHeader; fileSize: number }> {
  const handle = await openForReading(path);
  try {
    const { header, fileSize } = await readPreamble(handle);
    return { header, fileSize };
  } finally {
    await handle.close();
  }
}

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new AppError('IO_ERROR', `Cannot open ${path}`, {
      params: { detail: String((error as Error).message) },
      cause: error,
    });
  }
}

interface TableTally {
  name: string;
  rows: number;
  bytes: number;
  pages: number;
  hash: Hash;
}

/**
 * Reads and checks a whole backup: header MAC, every chunk's tag, frame layout, each
 * entry's SHA-256 and size against the manifest, table row counts and digests. Nothing
 * is trusted until the end: callers stage entries and commit only after this resolves.
 */
export async function readBackup(path: string, passphrase: string, options: ReadOptions = {}): Promise<ReadResult> {
  const handle = await openForReading(path);
  try {
    const { header, preamble, mac, dataStart, fileSize } = await readPreamble(handle);
    const keys = await deriveBackupKeys(passphrase, header.kdf, header.payload.salt);
    if (!constantTimeEqual(keys.keyCheck, Buffer.from(header.keyCheck, 'base64'))) {
      throw new AppError('BACKUP_WRONG_PASSPHRASE', 'The passphrase does not open this backup');
    }
    if (!checkHeaderMac(keys.headerKey, preamble, mac)) {
      throw new AppError('BACKUP_DAMAGED', 'The backup header was changed');
    }
    const parser = new FrameParser(options);
    await openChunks(
      handle,
      dataStart,
      fileSize,
      keys.payloadKey,
      header.payload.chunkSize,
      async (plain, index, chunks) => {
        await parser.push(plain);
        options.onProgress?.(index + 1, chunks);
      },
      options.signal,
    );
    const manifest = parser.finish();
    checkManifest(header, manifest, parser);
    return { header, manifest, fileSize };
  } finally {
    await handle.close();
  }
}

function damaged(message: string, params?: Record<string, string | number>): AppError {
  return new AppError('BACKUP_DAMAGED', message, params ? { params } : {});
}

/** Cuts the plaintext into frames, hashes each entry and hands its bytes to the caller's sink. */
class FrameParser {
  readonly seen: { name: string; size: number; sha256: string }[] = [];
  readonly tables: TableTally[] = [];
  private readonly keys = new Set<string>();
  private head = Buffer.alloc(0);
  private current: {
    name: string;
    size: number;
    left: number;
    hash: Hash;
    sink?: EntrySink;
    table?: TableTally;
  } | null = null;
  private manifestParts: Buffer[] | null = null;
  private manifestLeft = 0;
  private done = false;

  constructor(private readonly options: ReadOptions) {}

  async push(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      if (this.done) throw damaged('Data after the manifest');
      if (this.manifestParts) {
        const n = Math.min(this.manifestLeft, data.length - offset);
        this.manifestParts.push(Buffer.from(data.subarray(offset, offset + n)));
        this.manifestLeft -= n;
        offset += n;
        if (this.manifestLeft === 0) this.done = true;
        continue;
      }
      if (this.current) {
        const n = Math.min(this.current.left, data.length - offset);
        const piece = data.subarray(offset, offset + n);
        this.current.hash.update(piece);
        if (this.current.table) {
          this.current.table.hash.update(piece);
          for (let i = 0; i < piece.length; i++) if (piece[i] === 0x0a) this.current.table.rows++;
        }
        // Sinks finish with a piece before returning: the chunk buffer is reused after this.
        if (this.current.sink) await this.current.sink.write(piece);
        this.current.left -= n;
        offset += n;
        if (this.current.left === 0) await this.endEntry();
        continue;
      }
      // Collect a frame head, which may straddle chunks.
      const needHead = FRAME_HEAD_BYTES - this.head.length;
      if (needHead > 0) {
        const n = Math.min(needHead, data.length - offset);
        this.head = Buffer.concat([this.head, data.subarray(offset, offset + n)]);
        offset += n;
        if (this.head.length < FRAME_HEAD_BYTES) continue;
      }
      if (!this.head.subarray(0, 4).equals(FRAME_MAGIC)) throw damaged('Frame magic missing');
      const nameLength = this.head.readUInt16BE(4);
      if (nameLength === 0 || nameLength > 1024) throw damaged('Bad entry name length');
      const want = FRAME_HEAD_BYTES + nameLength - this.head.length;
      if (want > 0) {
        const n = Math.min(want, data.length - offset);
        this.head = Buffer.concat([this.head, data.subarray(offset, offset + n)]);
        offset += n;
        if (this.head.length < FRAME_HEAD_BYTES + nameLength) continue;
      }
      const size = Number(this.head.readBigUInt64BE(6));
      const name = this.head.subarray(FRAME_HEAD_BYTES).toString('utf8');
      this.head = Buffer.alloc(0);
      await this.startEntry(name, size);
    }
  }

  private async startEntry(name: string, size: number): Promise<void> {
    if (!Number.isSafeInteger(size)) throw damaged('Entry size out of range');
    if (name === MANIFEST_ENTRY) {
      if (size > MAX_MANIFEST_BYTES) throw damaged('Manifest too large');
      this.manifestParts = [];
      this.manifestLeft = size;
      if (size === 0) this.done = true;
      return;
    }
    if (unsafeNameReason(name)) throw damaged(`Unsafe entry name ${name.slice(0, 200)}`, { name: name.slice(0, 200) });
    const key = collisionKey(name);
    if (this.keys.has(key)) throw damaged(`Duplicate entry ${name}`, { name });
    this.keys.add(key);
    let table: TableTally | undefined;
    const page = TABLE_PAGE.exec(name);
    if (page) {
      const tableName = page[1] as string;
      let tally = this.tables.at(-1);
      if (!tally || tally.name !== tableName) {
        if (this.tables.some((t) => t.name === tableName)) throw damaged(`Pages of ${tableName} are not contiguous`);
        tally = { name: tableName, rows: 0, bytes: 0, pages: 0, hash: createSha256() };
        this.tables.push(tally);
      }
      if (Number(page[2]) !== tally.pages) throw damaged(`Page ${page[2]} of ${tableName} out of order`);
      tally.pages++;
      tally.bytes += size;
      table = tally;
    } else if (name !== SETTINGS_ENTRY && !FILE_ENTRY.test(name)) {
      throw damaged(`Unexpected entry ${name.slice(0, 200)}`, { name: name.slice(0, 200) });
    }
    const sink = (await this.options.onEntry?.(name, size)) ?? undefined;
    this.current = { name, size, left: size, hash: createSha256(), sink, table };
    if (size === 0) await this.endEntry();
  }

  private async endEntry(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.current = null;
    await current.sink?.end();
    this.seen.push({ name: current.name, size: current.size, sha256: current.hash.digest('hex') });
  }

  finish(): BackupManifest {
    if (!this.done || !this.manifestParts)
      throw new AppError('BACKUP_TRUNCATED', 'The backup ends before its manifest');
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.concat(this.manifestParts).toString('utf8'));
    } catch {
      throw damaged('The manifest is not JSON');
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw damaged('The manifest is malformed');
    return parsed.data;
  }
}

function checkManifest(header: BackupHeader, manifest: BackupManifest, parser: FrameParser): void {
  if (manifest.backupId !== header.backupId || manifest.includesOfficeKeys !== header.includesOfficeKeys) {
    throw damaged('The manifest does not belong to this header');
  }
  const listed = manifest.entries;
  if (listed.length !== parser.seen.length) {
    throw damaged(`The manifest lists ${listed.length} entries, the file holds ${parser.seen.length}`);
  }
  listed.forEach((entry, i) => {
    const seen = parser.seen[i];
    if (!seen || seen.name !== entry.name || seen.size !== entry.size)
      throw damaged(`Entry ${entry.name} missing or moved`, { name: entry.name });
    if (seen.sha256 !== entry.sha256) {
      throw new AppError('BACKUP_HASH_MISMATCH', `${entry.name} does not match its hash`, {
        params: { name: entry.name },
      });
    }
  });
  if (manifest.tables.length !== parser.tables.length) throw damaged('Table list differs from the pages');
  manifest.tables.forEach((table, i) => {
    const tally = parser.tables[i];
    if (!tally || tally.name !== table.name || tally.pages !== table.pages || tally.bytes !== table.bytes) {
      throw damaged(`Table ${table.name} differs from its pages`, { name: table.name });
    }
    if (tally.rows !== table.rows) throw damaged(`Table ${table.name} row count differs`, { name: table.name });
    if (tally.hash.digest('hex') !== table.sha256) {
      throw new AppError('BACKUP_HASH_MISMATCH', `Table ${table.name} does not match its hash`, {
        params: { name: table.name },
      });
    }
  });
  if (!parser.seen.some((e) => e.name === SETTINGS_ENTRY)) throw damaged('The settings are missing');
}
