import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/harness';
import { type BenchResult, type BenchSuite, round } from '../types';

const run = promisify(execFile);
const MIB = 1024 * 1024;
const repoRoot = resolve(import.meta.dirname, '../../..');
const child = join(repoRoot, 'tests/bench/evidence-child.ts');

interface ChildResult {
  ms: number;
  maxRssKib: number;
  sha256: string;
  size: number;
}

/** A file of `mib` MiB of varied bytes (not zeros, which some file systems store sparsely). */
export function makeFile(path: string, mib: number): string {
  const block = Buffer.alloc(MIB);
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i++) {
    for (let j = 0; j < MIB; j += 4) block.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j);
    writeSync(fd, block);
    hash.update(block);
  }
  closeSync(fd);
  return hash.digest('hex');
}

async function inChild(mode: string, ...args: string[]): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, mode, ...args], {
    cwd: repoRoot,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    let p: number | undefined = pid;
    while (p && p !== rootPid) p = parents.get(p);
    if (p === rootPid) total += bytes;
  }
  return total;
}

/**
 * The alternative to a file store: the renderer keeps the bytes as a Blob in IndexedDB
 * (on disk, in Chromium's profile), and reads them back when they go into a package.
 */
export async function indexedDbBlob(path: string, dir: string, label = '100mib'): Promise<BenchResult[]> {
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    await context.route('http://bench.local/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<input type="file" id="f">' }),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('http://bench.local/');
    await page.setInputFiles('#f', path);
    // Chromium's processes are children of this one; the runner's own memory stays flat meanwhile.
    const rootPid = process.pid;
    const before = treeRssBytes(rootPid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRssBytes(rootPid));
    }, 25);
    const times = await page.evaluate(async () => {
      const file = (document.getElementById('f') as HTMLInputElement).files?.[0] as File;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('bench', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('evidence');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const t0 = performance.now();
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('evidence', 'readwrite');
        tx.objectStore('evidence').put(file, 'one');
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      const t1 = performance.now();
      const blob = await new Promise<Blob>((ok, fail) => {
        const request = db.transaction('evidence').objectStore('evidence').get('one');
        request.onsuccess = () => ok(request.result as Blob);
        request.onerror = () => fail(request.error);
      });
      // Reading it back in 2 MiB pieces, as sending it to the main process for a package would.
      let read = 0;
      for (let at = 0; at < blob.size; at += 2 * 1024 * 1024) {
        read += (await blob.slice(at, at + 2 * 1024 * 1024).arrayBuffer()).byteLength;
      }
      return { putMs: t1 - t0, readMs: performance.now() - t1, read };
    });
    clearInterval(sampler);
    peak = Math.max(peak, treeRssBytes(rootPid));
    return [
      { name: `evidence.idb_blob_${label}_put_ms`, value: round(times.putMs), unit: 'ms' },
      { name: `evidence.idb_blob_${label}_readback_ms`, value: round(times.readMs), unit: 'ms' },
      { name: `evidence.idb_blob_${label}_chromium_rss_growth_mib`, value: round((peak - before) / MIB), unit: 'MiB' },
    ];
  } finally {
    await context.close();
  }
}

/**
 * Adding evidence: the peak memory of copying a 1 GiB file into the store (streaming
 * SHA-256 on the way), measured in a child process, and its throughput; the same for
 * 100 MiB by copy and by chunked upload, against the IndexedDB-blob alternative.
 */
const suite: BenchSuite = {
  name: 'evidence',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'desk-bench-evidence-'));
    try {
      const big = join(dir, 'big.bin');
      const bigSha = makeFile(big, 1024);
      const baseline = await inChild('baseline');
      const added = await inChild('add', big, join(dir, 'store-1g'));
      if (added.sha256 !== bigSha) throw new Error('The store hashed the 1 GiB file wrongly');
      rmSync(join(dir, 'store-1g'), { recursive: true, force: true });
      rmSync(big);

      const mid = join(dir, 'mid.bin');
      makeFile(mid, 100);
      const copy100 = await inChild('add', mid, join(dir, 'store-100'));
      const upload100 = await inChild('upload', mid, join(dir, 'store-100u'));
      const idb = await indexedDbBlob(mid, dir);

      return [
        { name: 'evidence.add_1gib_peak_rss_mib', value: round(added.maxRssKib / 1024), unit: 'MiB' },
        { name: 'evidence.add_1gib_throughput_mib_s', value: round(1024 / (added.ms / 1000)), unit: 'MiB/s' },
        { name: 'evidence.child_baseline_rss_mib', value: round(baseline.maxRssKib / 1024), unit: 'MiB' },
        { name: 'evidence.store_100mib_add_ms', value: round(copy100.ms), unit: 'ms' },
        { name: 'evidence.store_100mib_peak_rss_mib', value: round(copy100.maxRssKib / 1024), unit: 'MiB' },
        { name: 'evidence.upload_100mib_chunked_ms', value: round(upload100.ms), unit: 'ms' },
        { name: 'evidence.upload_100mib_chunked_peak_rss_mib', value: round(upload100.maxRssKib / 1024), unit: 'MiB' },
        ...idb,
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default suite;
