import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BenchResult, type BenchSuite, median, round } from '../types';

const repoRoot = resolve(import.meta.dirname, '../../..');
const ROUNDS = Number(process.env.BACKUP_BENCH_ROUNDS ?? 3);
/**
 * Scaled down from the 100,000 records + 1 GiB so the suite runs in well under
 * two minutes on the shared 2-core machine: 256 MiB of evidence and 20,000 rows
 * (~14 MiB of NDJSON). The names carry the scale.
 */
const EVIDENCE_MIB = Number(process.env.BACKUP_BENCH_EVIDENCE_MIB ?? 256);
const ROWS = Number(process.env.BACKUP_BENCH_ROWS ?? 20_000);

interface ChildResult {
  backupBytes: number;
  writeMiBs: number;
  restoreMiBs: number;
  peakRss: number;
}

const suite: BenchSuite = {
  name: 'backup',
  async run(): Promise<BenchResult[]> {
    const child = join(repoRoot, 'tests/bench/backup-child.ts');
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const write: number[] = [];
    const restore: number[] = [];
    const rss: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const root = mkdtempSync(join(tmpdir(), 'desk-backup-bench-'));
      try {
        execFileSync(tsx, [child, root, String(EVIDENCE_MIB), String(ROWS), 'generate'], { stdio: 'inherit' });
        const out = execFileSync(tsx, [child, root, String(EVIDENCE_MIB), String(ROWS)], { encoding: 'utf8' });
        const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildResult;
        write.push(result.writeMiBs);
        restore.push(result.restoreMiBs);
        rss.push(result.peakRss);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    const scale = `_${EVIDENCE_MIB}mib_${ROWS / 1000}k_rows`;
    return [
      { name: `backup.write_mib_s${scale}`, value: round(median(write)), unit: 'MiB/s' },
      { name: `backup.restore_mib_s${scale}`, value: round(median(restore)), unit: 'MiB/s' },
      { name: `backup.peak_rss_mib${scale}`, value: round(Math.max(...rss)), unit: 'MiB' },
    ];
  },
};
export default suite;
