import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/services/logger';
import {
  isPartialPath,
  openAtomicWrite,
  partialPathFor,
  sweepPartialFiles,
  writeFileAtomic,
} from '../../../electron/services/storage/atomic';
import { ensureFreeSpace } from '../../../electron/services/storage/disk';

const fresh = () => mkdtempSync(join(tmpdir(), 'desk-atomic-'));

describe('atomic writes', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = fresh();
    const target = join(dir, 'registry.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new contents');
    expect(readFileSync(target, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['registry.json']);
  });

  it('keeps the old file when a streamed write is aborted', async () => {
    const dir = fresh();
    const target = join(dir, 'package.sdp');
    writeFileSync(target, 'previous package');
    const write = await openAtomicWrite(target);
    write.stream.write('half of a new');
    await write.abort();
    expect(readFileSync(target, 'utf8')).toBe('previous package');
    expect(readdirSync(dir)).toEqual(['package.sdp']);
  });

  it('puts a streamed write in place on commit', async () => {
    const dir = fresh();
    const target = join(dir, 'nested', 'out.bin');
    const write = await openAtomicWrite(target);
    write.stream.write(Buffer.from([1, 2, 3]));
    await write.commit();
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('finds and removes leftovers of a crash at start-up, and logs each', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'evidence', 'ab'), { recursive: true });
    const leftovers = [partialPathFor(join(dir, 'settings.json')), partialPathFor(join(dir, 'evidence', 'ab', 'abcd'))];
    for (const path of leftovers) writeFileSync(path, 'half');
    writeFileSync(join(dir, 'evidence', 'ab', 'abcd'), 'complete');
    const warn = vi.fn();
    const removed = await sweepPartialFiles(dir, { ...silentLogger, warn });
    expect(removed.sort()).toEqual([...leftovers].sort());
    expect(leftovers.some((p) => existsSync(p))).toBe(false);
    expect(readFileSync(join(dir, 'evidence', 'ab', 'abcd'), 'utf8')).toBe('complete');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(isPartialPath(join(dir, 'settings.json'))).toBe(false);
  });
});

describe('disk space', () => {
  const fakeDisk = (freeBytes: number) => async () => ({ bavail: freeBytes / 4096, blocks: 1e9 / 4096, bsize: 4096 });

  it('refuses work that would not fit, naming the sizes', async () => {
    await expect(ensureFreeSpace('/', 2 * 1024 ** 3, fakeDisk(1024 ** 3))).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
      params: { needed: '2.0 GiB', free: '1.0 GiB' },
    });
  });

  it('keeps a safety margin for the system', async () => {
    await expect(ensureFreeSpace('/', 900 * 1024 ** 2, fakeDisk(1024 ** 3))).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
    });
    await expect(ensureFreeSpace('/', 100 * 1024 ** 2, fakeDisk(1024 ** 3))).resolves.toBeUndefined();
  });
});
