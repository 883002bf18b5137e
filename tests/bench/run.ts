// `npm run bench [-- suite …]`: runs the benchmark suites in tests/bench/suites and
// writes tests/bench/results.json. A full run replaces the file; a run of chosen
// suites replaces only the figures those suites produce.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './types';

const suitesDir = join(import.meta.dirname, 'suites');
const resultsPath = join(import.meta.dirname, 'results.json');
const wanted = process.argv.slice(2);

const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const suites: BenchSuite[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { default: BenchSuite };
  suites.push(mod.default);
}
const chosen = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
if (chosen.length === 0) {
  console.error(`No suite matches ${wanted.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const fresh: BenchResult[] = [];
for (const suite of chosen) {
  const started = Date.now();
  process.stdout.write(`bench ${suite.name} …\n`);
  const results = await suite.run();
  for (const r of results) process.stdout.write(`  ${r.name} = ${r.value} ${r.unit}\n`);
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  fresh.push(...results);
}

const previous: BenchResult[] =
  wanted.length && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResult[]) : [];
const freshNames = new Set(fresh.map((r) => r.name));
const merged = [...previous.filter((r) => !freshNames.has(r.name)), ...fresh].sort((a, b) =>
  a.name.localeCompare(b.name),
);
writeFileSync(resultsPath, `${JSON.stringify(merged, null, 2)}\n`);
process.stdout.write(`wrote ${merged.length} figures to ${resultsPath}\n`);
