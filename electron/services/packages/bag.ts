// The plaintext inside a package: a BagIt bag (RFC 8493) serialised as a sequence of
// framed entries. Tag files first, so that the signed digest pins the manifest before
// any payload byte is written anywhere; then the payload files in manifest order.
import { AppError } from '../../../shared/ipc/errors';
import { sha256Hex } from '../crypto/primitives';
import type { SinkSegment, SourceItem } from '../crypto/stream-worker';
import { assertNoCollisions, assertSafeName, collisionKey, decodeName, MAX_NAME_BYTES } from './names';

export const ENTRY_MAGIC = Buffer.from('SDE1', 'ascii');
export const ENTRY_HEADER_BYTES = 14;
export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST_TXT = 'manifest-sha256.txt';
export const TAG_MANIFEST_TXT = 'tagmanifest-sha256.txt';
export const TAG_FILES = [BAGIT_TXT, BAG_INFO_TXT, MANIFEST_TXT, TAG_MANIFEST_TXT] as const;
export const CONTENT_PATH = 'data/content.json';
export const FILES_PREFIX = 'data/files/';
export const BAGIT_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const MAX_TAG_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

/** Frame header: "SDE1", name length (u16 BE), content length (u64 BE), then the name. */
export function entryHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(ENTRY_HEADER_BYTES + nameBytes.length);
  ENTRY_MAGIC.copy(header, 0);
  header.writeUInt16BE(nameBytes.length, 4);
  header.writeBigUInt64BE(BigInt(size), 6);
  nameBytes.copy(header, ENTRY_HEADER_BYTES);
  return header;
}

export const evidencePathInBag = (sha256: string): string => `${FILES_PREFIX}${sha256}`;

export interface BagPayloadFile {
  sha256: string;
  size: number;
  /** Where the bytes are read from (the evidence store). */
  path: string;
}

export interface BagInfo {
  packageId: string;
  createdAt: Date;
  sourceOrganization: string;
  softwareAgent: string;
}

/** One entry of the serialised bag: literal bytes or a file read at export time. */
export type BagEntry =
  | { name: string; bytes: Uint8Array }
  | {
      name: string;
      file: string;
      size: number;
      /** The digest the file is stored under, for naming it in errors. */
      sha256?: string;
    };

export interface BuiltBag {
  entries: BagEntry[];
  digest: string;
  fileCount: number;
  dataBytes: number;
}

const manifestLine = (sha256: string, path: string) => `${sha256}  ${path}\n`;

export function bagInfoText(info: BagInfo, dataBytes: number, fileCount: number): string {
  return [
    `Bag-Software-Agent: ${info.softwareAgent}`,
    `Bagging-Date: ${info.createdAt.toISOString().slice(0, 10)}`,
    `External-Identifier: ${info.packageId}`,
    `Payload-Oxum: ${dataBytes}.${fileCount}`,
    `Source-Organization: ${info.sourceOrganization}`,
    '',
  ].join('\n');
}

/** The bag for a content document plus evidence files, with the digest the header signs. */
export function buildBag(info: BagInfo, content: Uint8Array, files: BagPayloadFile[]): BuiltBag {
  const sorted = [...files].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  const payload: BagEntry[] = [
    { name: CONTENT_PATH, bytes: content },
    ...sorted.map((f) => ({ name: evidencePathInBag(f.sha256), file: f.path, size: f.size, sha256: f.sha256 })),
  ];
  const manifest =
    manifestLine(sha256Hex(content), CONTENT_PATH) +
    sorted.map((f) => manifestLine(f.sha256, evidencePathInBag(f.sha256))).join('');
  const dataBytes = content.length + sorted.reduce((sum, f) => sum + f.size, 0);
  return assembleBag(info, manifest, payload, dataBytes, payload.length);
}

/** Tag files around a given manifest and payload; tests use it to build bags that break the rules. */
export function assembleBag(
  info: BagInfo,
  manifest: string,
  payload: BagEntry[],
  dataBytes: number,
  fileCount: number,
): BuiltBag {
  const bagit = Buffer.from(BAGIT_DECLARATION, 'utf8');
  const bagInfo = Buffer.from(bagInfoText(info, dataBytes, fileCount), 'utf8');
  const manifestBytes = Buffer.from(manifest, 'utf8');
  const tagManifest = Buffer.from(
    manifestLine(sha256Hex(bagit), BAGIT_TXT) +
      manifestLine(sha256Hex(bagInfo), BAG_INFO_TXT) +
      manifestLine(sha256Hex(manifestBytes), MANIFEST_TXT),
    'utf8',
  );
  return {
    entries: [
      { name: BAGIT_TXT, bytes: bagit },
      { name: BAG_INFO_TXT, bytes: bagInfo },
      { name: MANIFEST_TXT, bytes: manifestBytes },
      { name: TAG_MANIFEST_TXT, bytes: tagManifest },
      ...payload,
    ],
    digest: sha256Hex(tagManifest),
    fileCount,
    dataBytes,
  };
}

/** The bag as the source worker reads it: frame headers as bytes, file contents from disk. */
export function bagStreamItems(entries: BagEntry[]): {
  items: SourceItem[];
  plaintextSize: number;
  /** Item index → the SHA-256 its file is stored under, for naming it in errors. */
  fileDigests: Map<number, string>;
} {
  const items: SourceItem[] = [];
  const fileDigests = new Map<number, string>();
  let plaintextSize = 0;
  for (const entry of entries) {
    const size = 'bytes' in entry ? entry.bytes.length : entry.size;
    const header = entryHeader(entry.name, size);
    if ('bytes' in entry) {
      items.push({ kind: 'bytes', data: Buffer.concat([header, entry.bytes]) });
    } else {
      items.push({ kind: 'bytes', data: header }, { kind: 'file', path: entry.file, size });
      if (entry.sha256) fileDigests.set(items.length - 1, entry.sha256);
    }
    plaintextSize += header.length + size;
  }
  return { items, plaintextSize, fileDigests };
}

// ─── Reading ────────────────────────────────────────────────────────────────

export interface ExpectedBag {
  packageId: string;
  digest: string;
  fileCount: number;
  dataBytes: number;
  plaintextSize: number;
}

export interface ReceivedFile {
  sha256: string;
  size: number;
  /** Where the sink wrote it, or null when only verified. */
  path: string | null;
}

export interface ReadBag {
  tagFiles: Map<string, Buffer>;
  content: Buffer;
  files: ReceivedFile[];
}

/** Where the bytes of payload files go; implemented over the sink worker. */
export interface BagFileSink {
  open(id: number, path: string | null): void;
  data(buffer: ArrayBuffer, segments: SinkSegment[]): void;
  /** Resolves when the sink can take more; files must be closed before waiting on it. */
  ready(): Promise<void>;
  close(id: number): Promise<{ sha256: string; size: number }>;
  error(): Error | null;
}

const malformed = (detail: string) =>
  new AppError('PKG_MALFORMED', `The package content is malformed: ${detail}`, { params: { detail } });
const hashMismatch = (name: string) =>
  new AppError('PKG_HASH_MISMATCH', `${name} does not match its recorded SHA-256`, { params: { name } });
const sizeMismatch = (name: string, detail: string) =>
  new AppError('PKG_SIZE_MISMATCH', `Declared size of ${name} does not match: ${detail}`, { params: { name, detail } });

interface ManifestLine {
  sha256: string;
  path: string;
}

type Current =
  | { kind: 'buffered'; name: string; size: number; parts: Buffer[]; received: number }
  | { kind: 'file'; name: string; size: number; id: number; received: number; line: ManifestLine };

/**
 * Parses the decrypted bag stream chunk by chunk. Names, order, sizes and the tag
 * files are checked as they arrive, so a bad entry is refused before its bytes are
 * written; payload hashes are checked by the sink as the files close.
 */
export class BagReader {
  private pending: Buffer = Buffer.alloc(0);
  private current: Current | null = null;
  private entryIndex = 0;
  private consumed = 0;
  private readonly tagFiles = new Map<string, Buffer>();
  private manifest: ManifestLine[] | null = null;
  private manifestKeys = new Map<string, number>();
  private nextData = 0;
  private dataBytes = 0;
  private content: Buffer | null = null;
  private readonly files: ReceivedFile[] = [];
  private readonly closes: Promise<void>[] = [];
  /** The first file whose digest or size came back wrong; stops the import at the next chunk. */
  private closeFailure: Error | null = null;
  private nextId = 0;

  constructor(
    private readonly expected: ExpectedBag,
    private readonly sink: BagFileSink,
    /** Path for a payload file, or null to verify without keeping it. */
    private readonly placeFile: (bagPath: string, sha256: string) => string | null,
    /** Takes back a chunk buffer that held no file data. */
    private readonly release: (buffer: ArrayBuffer) => void = () => undefined,
  ) {}

  /**
   * Feeds one decrypted chunk: the first `length` bytes of `buffer`. The reader takes
   * ownership of the buffer and passes it on to the sink, or gives it back through
   * `release` when no file data was in it.
   */
  async push(buffer: ArrayBuffer, length: number): Promise<void> {
    if (this.closeFailure) throw this.closeFailure;
    const chunk = new Uint8Array(buffer, 0, length);
    const segments: SinkSegment[] = [];
    // Files that end in this chunk are closed after their last bytes went to the sink.
    const ended: Extract<Current, { kind: 'file' }>[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (!this.current) {
        const take = Math.min(this.headerBytesNeeded() - this.pending.length, chunk.length - at);
        this.pending = Buffer.concat([this.pending, chunk.subarray(at, at + take)]);
        at += take;
        this.consumed += take;
        if (this.pending.length === ENTRY_HEADER_BYTES) this.checkFrame();
        if (this.pending.length > ENTRY_HEADER_BYTES && this.pending.length === this.headerBytesNeeded()) {
          this.beginEntry();
          const started = this.current as Current | null;
          if (started && started.size === 0) this.endEntry(ended);
        }
        continue;
      }
      const current = this.current;
      const take = Math.min(current.size - current.received, chunk.length - at);
      if (current.kind === 'buffered') {
        current.parts.push(Buffer.from(chunk.subarray(at, at + take)));
      } else {
        segments.push({ id: current.id, offset: at, length: take });
      }
      current.received += take;
      at += take;
      this.consumed += take;
      if (current.received === current.size) this.endEntry(ended);
    }
    if (segments.length > 0) this.sink.data(buffer, segments);
    else this.release(buffer);
    for (const file of ended) this.closeFile(file);
    await this.sink.ready();
    const sinkError = this.sink.error();
    if (sinkError) throw sinkError;
  }

  /** 14 bytes for the fixed part, then 14 + the name length once that is known. */
  private headerBytesNeeded(): number {
    if (this.pending.length < ENTRY_HEADER_BYTES) return ENTRY_HEADER_BYTES;
    return ENTRY_HEADER_BYTES + this.pending.readUInt16BE(4);
  }

  /** The fixed part of a frame header, checked before its name is read. */
  private checkFrame(): void {
    if (!this.pending.subarray(0, 4).equals(ENTRY_MAGIC)) {
      if (this.complete) throw this.trailing();
      throw malformed(`entry ${this.entryIndex} has no frame header`);
    }
    const nameLength = this.pending.readUInt16BE(4);
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw malformed(`entry ${this.entryIndex} name length`);
  }

  private beginEntry(): void {
    const header = this.pending;
    const size64 = header.readBigUInt64BE(6);
    const name = decodeName(header.subarray(ENTRY_HEADER_BYTES));
    this.pending = Buffer.alloc(0);
    assertSafeName(name);
    const remaining = this.expected.plaintextSize - this.consumed;
    if (size64 > BigInt(remaining)) {
      throw sizeMismatch(name, `declares ${size64} bytes but only ${remaining} remain in the package`);
    }
    const size = Number(size64);
    const index = this.entryIndex++;
    if (index < TAG_FILES.length) {
      const wanted = TAG_FILES[index] as string;
      if (name !== wanted) throw malformed(`expected ${wanted} as entry ${index}, found ${name}`);
      if (size > MAX_TAG_FILE_BYTES) {
        throw new AppError('PKG_LIMIT_EXCEEDED', `${name} is too large`, {
          params: { limit: MAX_TAG_FILE_BYTES, what: name },
        });
      }
      this.current = { kind: 'buffered', name, size, parts: [], received: 0 };
    } else {
      this.beginPayloadEntry(name, size);
    }
  }

  private beginPayloadEntry(name: string, size: number): void {
    const manifest = this.manifest as ManifestLine[];
    const position = this.manifestKeys.get(collisionKey(name));
    if (position === undefined) {
      throw new AppError('PKG_UNLISTED_FILE', `${name} is in the package but not in its manifest`, {
        params: { name },
      });
    }
    const line = manifest[position] as ManifestLine;
    if (line.path !== name || position < this.nextData) {
      throw new AppError('PKG_DUPLICATE_ENTRY', `${name} appears twice in the package`, {
        params: { name, other: line.path },
      });
    }
    if (position > this.nextData) throw this.missing(manifest[this.nextData] as ManifestLine);
    this.nextData++;
    this.dataBytes += size;
    if (this.dataBytes > this.expected.dataBytes) {
      throw sizeMismatch(name, 'the files add up to more than the signed payload size');
    }
    if (name === CONTENT_PATH) {
      if (size > MAX_CONTENT_BYTES) {
        throw new AppError('PKG_LIMIT_EXCEEDED', `${name} is too large`, {
          params: { limit: MAX_CONTENT_BYTES, what: name },
        });
      }
      this.current = { kind: 'buffered', name, size, parts: [], received: 0 };
      return;
    }
    const id = this.nextId++;
    const path = this.placeFile(name, line.sha256);
    this.sink.open(id, path);
    this.files.push({ sha256: line.sha256, size, path });
    this.current = { kind: 'file', name, size, id, received: 0, line };
  }

  private missing(line: ManifestLine): AppError {
    return new AppError('PKG_MISSING_FILE', `${line.path} is in the manifest but not in the package`, {
      params: { name: line.path },
    });
  }

  private endEntry(ended: Extract<Current, { kind: 'file' }>[]): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    if (current.kind === 'file') {
      ended.push(current);
      return;
    }
    const bytes = Buffer.concat(current.parts);
    if (current.name === CONTENT_PATH) {
      const line = (this.manifest as ManifestLine[])[this.nextData - 1] as ManifestLine;
      if (sha256Hex(bytes) !== line.sha256) throw hashMismatch(current.name);
      this.content = bytes;
      return;
    }
    this.tagFiles.set(current.name, bytes);
    if (current.name === TAG_MANIFEST_TXT) this.verifyTagFiles();
  }

  private closeFile(file: Extract<Current, { kind: 'file' }>): void {
    const { line, name, size } = file;
    const check = this.sink.close(file.id).then((result) => {
      if (result.size === -1) return; // the sink failed; its error is reported instead
      if (result.size !== size) throw sizeMismatch(name, 'written size differs');
      if (result.sha256 !== line.sha256) throw hashMismatch(name);
    });
    // Checked in finish(); a rejection must not surface as unhandled before that.
    check.catch((error: Error) => {
      this.closeFailure ??= error;
    });
    this.closes.push(check);
  }

  /** Runs once all four tag files are in: pins them to the signed digest and reads the manifest. */
  private verifyTagFiles(): void {
    const tagManifest = this.tagFiles.get(TAG_MANIFEST_TXT) as Buffer;
    if (sha256Hex(tagManifest) !== this.expected.digest) throw hashMismatch(TAG_MANIFEST_TXT);
    const tagLines = parseManifest(tagManifest, TAG_MANIFEST_TXT);
    const listed = new Map(tagLines.map((l) => [l.path, l.sha256]));
    for (const name of [BAGIT_TXT, BAG_INFO_TXT, MANIFEST_TXT]) {
      const digest = listed.get(name);
      if (!digest) throw malformed(`${name} is not in the tag manifest`);
      if (digest !== sha256Hex(this.tagFiles.get(name) as Buffer)) throw hashMismatch(name);
    }
    if ((this.tagFiles.get(BAGIT_TXT) as Buffer).toString('utf8') !== BAGIT_DECLARATION) {
      throw malformed('bagit.txt is not a BagIt 1.0 declaration');
    }
    this.checkBagInfo(this.tagFiles.get(BAG_INFO_TXT) as Buffer);
    const manifest = parseManifest(this.tagFiles.get(MANIFEST_TXT) as Buffer, MANIFEST_TXT);
    for (const line of manifest) {
      assertSafeName(line.path);
      if (!line.path.startsWith('data/')) throw malformed(`${line.path} is outside data/`);
    }
    assertNoCollisions(manifest.map((l) => l.path));
    for (const line of manifest) checkLayout(line);
    if (manifest[0]?.path !== CONTENT_PATH) throw malformed(`${CONTENT_PATH} must come first in the manifest`);
    if (manifest.length !== this.expected.fileCount) {
      throw malformed(`manifest lists ${manifest.length} files, the header ${this.expected.fileCount}`);
    }
    this.manifest = manifest;
    this.manifestKeys = new Map(manifest.map((l, i) => [collisionKey(l.path), i]));
  }

  private checkBagInfo(bytes: Buffer): void {
    const fields = new Map<string, string>();
    for (const line of decodeText(bytes, BAG_INFO_TXT).split('\n').slice(0, -1)) {
      const match = /^([A-Za-z0-9-]+): (.*)$/.exec(line);
      if (!match) throw malformed('bag-info.txt line');
      fields.set(match[1] as string, match[2] as string);
    }
    if (fields.get('External-Identifier') !== this.expected.packageId) {
      throw malformed('bag-info.txt names another package');
    }
    if (fields.get('Payload-Oxum') !== `${this.expected.dataBytes}.${this.expected.fileCount}`) {
      throw sizeMismatch('bag-info.txt', 'Payload-Oxum differs from the signed header');
    }
  }

  private trailing(): AppError {
    const bytes = this.expected.plaintextSize - this.consumed + this.pending.length;
    return new AppError('PKG_TRAILING_DATA', `${bytes} bytes follow the last file of the package`, {
      params: { bytes },
    });
  }

  /** Called after the last chunk: everything listed arrived, nothing follows, every hash matched. */
  async finish(): Promise<ReadBag> {
    if (this.complete && this.pending.length > 0) throw this.trailing();
    if (this.current || this.pending.length > 0) {
      throw sizeMismatch(this.current?.name ?? 'entry header', 'the package ends inside an entry');
    }
    if (!this.manifest) throw malformed('the bag ends before its tag files');
    if (this.nextData < this.manifest.length) throw this.missing(this.manifest[this.nextData] as ManifestLine);
    if (this.consumed !== this.expected.plaintextSize) throw malformed('plaintext size differs from the header');
    if (this.dataBytes !== this.expected.dataBytes) throw sizeMismatch('payload', 'Payload-Oxum bytes differ');
    await Promise.all(this.closes);
    const sinkError = this.sink.error();
    if (sinkError) throw sinkError;
    return { tagFiles: this.tagFiles, content: this.content as Buffer, files: this.files };
  }

  /** Every listed file has arrived: any further byte is trailing data. */
  get complete(): boolean {
    return this.manifest !== null && this.nextData === this.manifest.length && this.current === null;
  }
}

function decodeText(bytes: Buffer, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.endsWith('\n') || text.includes('\r')) throw new Error('line ends');
    return text;
  } catch {
    throw malformed(`${name} is not UTF-8 text with LF line ends`);
  }
}

function parseManifest(bytes: Buffer, name: string): ManifestLine[] {
  const lines: ManifestLine[] = [];
  for (const line of decodeText(bytes, name).split('\n').slice(0, -1)) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) throw malformed(`${name} line ${lines.length + 1}`);
    lines.push({ sha256: match[1] as string, path: match[2] as string });
  }
  if (lines.length === 0) throw malformed(`${name} is empty`);
  return lines;
}

/** Only the content document and content-addressed files belong in data/. */
function checkLayout(line: ManifestLine): void {
  if (line.path === CONTENT_PATH) return;
  if (line.path.startsWith(FILES_PREFIX)) {
    const name = line.path.slice(FILES_PREFIX.length);
    if (/^[0-9a-f]{64}$/.test(name)) {
      if (name !== line.sha256) throw hashMismatch(line.path);
      return;
    }
  }
  throw new AppError('PKG_UNEXPECTED_ENTRY', `${line.path} does not belong in a dossier package`, {
    params: { name: line.path },
  });
}
