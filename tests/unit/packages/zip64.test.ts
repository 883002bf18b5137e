import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { centralDirectory, localHeader, readZipDirectory } from '../../../electron/services/packages/zip';

const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ZIP64 for packages over 4 GiB', () => {
  it('writes and reads sizes and offsets beyond 32 bits (sparse file, headers only)', async () => {
    const path = join(dir, 'big.sdpkg');
    const mtime = new Date('2026-03-01T08:00:00Z');
    const header = Buffer.from('{}');
    const signature = Buffer.alloc(64, 1);
    const payloadSize = 2 ** 32 + 12345;
    const fd = openSync(path, 'w');
    let at = 0;
    const put = (bytes: Buffer) => {
      writeSync(fd, bytes, 0, bytes.length, at);
      at += bytes.length;
    };
    const layout = [];
    for (const [name, data] of [
      ['header.json', header],
      ['header.sig', signature],
    ] as const) {
      layout.push({ name, size: data.length, crc: 0, offset: at });
      put(localHeader(name, data.length, 0, mtime));
      put(data);
    }
    layout.push({ name: 'payload.bin', size: payloadSize, crc: 7, offset: at });
    const payloadHeader = localHeader('payload.bin', payloadSize, 7, mtime);
    expect(payloadHeader.readUInt32LE(22)).toBe(0xffffffff);
    put(payloadHeader);
    at += payloadSize; // the payload itself stays a hole in the sparse file
    const tail = centralDirectory(layout, mtime, at);
    put(tail);
    ftruncateSync(fd, at);
    closeSync(fd);

    const { entries, fileSize } = await readZipDirectory(path);
    expect(fileSize).toBe(at);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['header.json', 2],
      ['header.sig', 64],
      ['payload.bin', payloadSize],
    ]);
    expect(entries[2]?.crc).toBe(7);
    // The end record points to the ZIP64 records, as it must when the directory starts past 4 GiB.
    expect(tail.readUInt32LE(tail.length - 22 + 16)).toBe(0xffffffff);
  });
});
