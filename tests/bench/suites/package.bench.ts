import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { createSha256, randomBytes } from '../../../electron/services/crypto/primitives';
import { createOfficePair } from '../../support/package-offices';
import { type BenchResult, type BenchSuite, median, round } from '../types';

const repoRoot = resolve(import.meta.dirname, '../../..');
const ROUNDS = Number(process.env.PACKAGE_BENCH_ROUNDS ?? 7);
const MiB = 1024 * 1024;

/**
 * The data set: 20 × 50 MiB evidence files and 2,000 small files, about 1 GiB,
 * in the evidence store's layout (<store>/<first two hex digits>/<sha256>).
 */
function generateEvidence(dir: string, big: number, bigSize: number, small: number): number {
  let total = 0;
  const write = (bytes: Buffer) => {
    const hash = createSha256().update(bytes).digest('hex');
    mkdirSync(join(dir, hash.slice(0, 2)), { recursive: true });
    const fd = openSync(join(dir, hash.slice(0, 2), hash), 'w');
    writeSync(fd, bytes);
    closeSync(fd);
    total += bytes.length;
  };
  for (let i = 0; i < big; i++) write(randomBytes(bigSize));
  for (let i = 0; i < small; i++) write(randomBytes(1024 + ((i * 7919) % (20 * 1024))));
  return total;
}

function ensureAge(): void {
  if (spawnSync('age', ['--version']).status === 0) return;
  execFileSync('sh', ['-c', 'apt-get install -y age || (apt-get update && apt-get install -y age)'], {
    stdio: 'inherit',
  });
}

function timeShell(command: string): number {
  const started = performance.now();
  execFileSync('sh', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - started) / 1000;
}

/**
 * The child bundled like the app's main process (one ES module, Node built-ins
 * external), so its peak RSS is the operation's and not a TypeScript loader's.
 */
async function bundleChild(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { child: join(repoRoot, 'tests/bench/package-child.ts') },
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
    ssr: { noExternal: true },
  });
  return join(outDir, 'child.mjs');
}

let childScript = '';

function runChild(operation: 'export' | 'import', root: string, pkg: string): { seconds: number; maxRssMiB: number } {
  const out = execFileSync(process.execPath, [childScript, operation, root, pkg], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as { seconds: number; maxRssMiB: number };
}

/**
 * Writes back what earlier runs left dirty in the page cache before the next run
 * starts, so that no run pays for the previous one's writeback.
 */
function settle(): void {
  execFileSync('sync');
}

/** Clears what an import left, so the same package can be imported again. */
function resetRecipient(root: string): void {
  rmSync(join(root, 'city', 'evidence'), { recursive: true, force: true });
  rmSync(join(root, 'city', 'packages'), { recursive: true, force: true });
}

interface Measured {
  ourExport: number[];
  ageExport: number[];
  ourImport: number[];
  ageImport: number[];
  exportRss: number[];
  importRss: number[];
}

async function measure(root: string, rounds: number): Promise<Measured> {
  const evidenceDir = join(root, 'county', 'evidence');
  const ageKey = join(root, 'age-key.txt');
  execFileSync('age-keygen', ['-o', ageKey], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', ageKey], { encoding: 'utf8' }).trim();
  const ageOut = join(root, 'out.tar.age');
  const extractDir = join(root, 'extracted');
  const pkg = join(root, 'out.sdpkg');
  const m: Measured = { ourExport: [], ageExport: [], ourImport: [], ageImport: [], exportRss: [], importRss: [] };
  const ageExport = () => {
    rmSync(ageOut, { force: true });
    settle();
    m.ageExport.push(timeShell(`tar -cf - -C '${evidenceDir}' . | age -r ${recipient} > '${ageOut}'`));
  };
  const ourExport = () => {
    rmSync(pkg, { force: true });
    settle();
    const ours = runChild('export', root, pkg);
    m.ourExport.push(ours.seconds);
    m.exportRss.push(ours.maxRssMiB);
  };
  const ageImport = () => {
    rmSync(extractDir, { recursive: true, force: true });
    mkdirSync(extractDir);
    settle();
    m.ageImport.push(timeShell(`age -d -i '${ageKey}' '${ageOut}' | tar -x -C '${extractDir}'`));
  };
  const ourImport = () => {
    resetRecipient(root);
    settle();
    const imported = runChild('import', root, pkg);
    m.ourImport.push(imported.seconds);
    m.importRss.push(imported.maxRssMiB);
  };
  for (let i = 0; i < rounds; i++) {
    // Interleaved, and each pair in alternating order, so neither side always runs second.
    if (i % 2 === 0) {
      ageExport();
      ourExport();
      ageImport();
      ourImport();
    } else {
      ourExport();
      ageExport();
      ourImport();
      ageImport();
    }
  }
  rmSync(extractDir, { recursive: true, force: true });
  return m;
}

/**
 * Our export and verified import (into quarantine, then committed to the evidence
 * store) against `tar | age` and `age -d | tar -x` on the same files, interleaved in
 * alternating order, medians of ROUNDS. Our times are taken inside the child process
 * (the app's main process is already running); peak RSS is the child's own, on the
 * full set and on one a tenth its size.
 */
const suite: BenchSuite = {
  name: 'package',
  async run() {
    ensureAge();
    const bundleDir = mkdtempSync(join(tmpdir(), 'desk-bench-child-'));
    childScript = await bundleChild(bundleDir);
    const results: BenchResult[] = [];
    const sizes = [
      { label: '', big: 20, small: 2000, rounds: ROUNDS },
      { label: '_small', big: 2, small: 250, rounds: 1 },
    ];
    for (const size of sizes) {
      const root = mkdtempSync(join(tmpdir(), 'desk-bench-package-'));
      try {
        await createOfficePair(root);
        const bytes = generateEvidence(join(root, 'county', 'evidence'), size.big, 50 * MiB, size.small);
        process.stdout.write(
          `  data: ${readdirSync(join(root, 'county', 'evidence')).length} files, ${round(bytes / MiB)} MiB\n`,
        );
        const m = await measure(root, size.rounds);
        process.stdout.write(`  raw: ${JSON.stringify(m)}\n`);
        if (size.label === '') {
          results.push(
            {
              name: 'package.export_vs_age_ratio',
              value: round(median(m.ourExport) / median(m.ageExport), 2),
              unit: 'ratio',
            },
            {
              name: 'package.import_vs_age_ratio',
              value: round(median(m.ourImport) / median(m.ageImport), 2),
              unit: 'ratio',
            },
            { name: 'package.export_seconds', value: round(median(m.ourExport), 2), unit: 's' },
            { name: 'package.age_export_seconds', value: round(median(m.ageExport), 2), unit: 's' },
            { name: 'package.import_seconds', value: round(median(m.ourImport), 2), unit: 's' },
            { name: 'package.age_import_seconds', value: round(median(m.ageImport), 2), unit: 's' },
          );
        }
        results.push(
          { name: `package.export_peak_rss${size.label}_mib`, value: round(Math.max(...m.exportRss)), unit: 'MiB' },
          { name: `package.import_peak_rss${size.label}_mib`, value: round(Math.max(...m.importRss)), unit: 'MiB' },
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    rmSync(bundleDir, { recursive: true, force: true });
    return results;
  },
};
export default suite;
