// Rows of the renderer's database as JSON lines for a backup. IndexedDB holds values
// JSON cannot (typed arrays in the search index and column catalogue, Dates), so those
// travel tagged; decoding gives back the same classes, and encoding what was decoded
// gives back the same text — which lets a restore prove, by hash, that the new database
// holds exactly what was backed up.

const TAG = '$sd';

const TYPED = {
  Uint8Array,
  Int8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i] as const));

/** Base64 without Buffer or btoa, so the same code runs in both processes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) throw new Error('Invalid base64 in a backed-up row');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

function encodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Date) return { [TAG]: 'Date', v: value.toISOString() };
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`Cannot back up a ${name}`);
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { [TAG]: name, v: bytesToBase64(bytes) };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', v: bytesToBase64(new Uint8Array(value)) };
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = encodeValue(inner);
  return TAG in out ? { [TAG]: 'Object', v: out } : out;
}

function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const record = value as Record<string, unknown>;
  const tag = record[TAG];
  if (typeof tag === 'string') {
    const v = record.v;
    if (tag === 'Date' && typeof v === 'string') return new Date(v);
    if (tag === 'ArrayBuffer' && typeof v === 'string') return base64ToBytes(v).slice().buffer;
    if (tag === 'Object') return decodeObject(v as Record<string, unknown>);
    if (tag in TYPED && typeof v === 'string') {
      const bytes = base64ToBytes(v).slice();
      const Kind = TYPED[tag as TypedName];
      return new Kind(bytes.buffer, 0, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
    }
    throw new Error(`Unknown tagged value ${tag} in a backed-up row`);
  }
  return decodeObject(record);
}

function decodeObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) out[key] = decodeValue(inner);
  return out;
}

/** One row → one line (no trailing LF). */
export const encodeRow = (row: unknown): string => JSON.stringify(encodeValue(row));

export const decodeRow = (line: string): unknown => decodeValue(JSON.parse(line));

/** A page of rows as NDJSON, every line ending in LF. */
export const encodePage = (rows: readonly unknown[]): string => rows.map((r) => `${encodeRow(r)}\n`).join('');

export function decodePage(text: string): unknown[] {
  if (text === '') return [];
  return text.slice(0, -1).split('\n').map(decodeRow);
}
