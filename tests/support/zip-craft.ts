import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { readZipDirectory } from '../../electron/services/packages/zip';

/** One entry of a hand-made ZIP; every field a real writer would get right can be got wrong. */
export interface CraftEntry {
  name: string | Buffer;
  data: Buffer;
  method?: number;
  flags?: number;
  madeBy?: number;
  externalAttrs?: number;
  crc?: number;
  /** Sizes written into the local header and the central directory, when they should lie. */
  localSize?: number;
  centralSize?: number;
}

/** Builds a ZIP byte for byte, without the checks of the real writer. */
export function craftZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const crc = e.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x0800, 6);
    local.writeUInt16LE(e.method ?? 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.localSize ?? e.data.length, 18);
    local.writeUInt32LE(e.localSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(e.madeBy ?? (3 << 8) | 45, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(e.flags ?? 0x0800, 8);
    record.writeUInt16LE(e.method ?? 0, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(e.centralSize ?? e.localSize ?? e.data.length, 20);
    record.writeUInt32LE(e.centralSize ?? e.localSize ?? e.data.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(e.externalAttrs ?? (0o100644 << 16) >>> 0, 38);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** The entries of a real package, to rebuild it with changes. */
export async function packageEntries(path: string): Promise<CraftEntry[]> {
  const bytes = readFileSync(path);
  const { entries } = await readZipDirectory(path);
  return entries.map((e) => ({ name: e.name, data: bytes.subarray(e.dataOffset, e.dataOffset + e.size) }));
}

/** Offset and size of an entry's data inside a package file. */
export async function entryRange(path: string, name: string): Promise<{ offset: number; size: number }> {
  const { entries } = await readZipDirectory(path);
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return { offset: entry.dataOffset, size: entry.size };
}
