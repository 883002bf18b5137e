// Runs @doyensec/electronegativity over what ships (main, preload, the built
// renderer's HTML with its CSP, package.json for the Electron version) and fails on
// any finding of medium severity or above. It is offline-safe: the release-list
// lookup it attempts only prints a warning when there is no network.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const builtHtml = join(root, 'dist/renderer/index.html');
if (!existsSync(builtHtml)) {
  console.error('lint:security needs the built renderer: run `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'desk-electronegativity-'));
try {
  const scan = join(work, 'app');
  cpSync(join(root, 'electron'), join(scan, 'electron'), { recursive: true });
  cpSync(join(root, 'shared'), join(scan, 'shared'), { recursive: true });
  cpSync(builtHtml, join(scan, 'renderer/index.html'));
  cpSync(join(root, 'package.json'), join(scan, 'package.json'));
  const csv = join(work, 'report.csv');
  execFileSync(
    join(root, 'node_modules/.bin/electronegativity'),
    ['-i', scan, '-r', '-v', 'false', '-o', csv, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  const serious = rows.filter((row) => /^[A-Z_]+,"(MEDIUM|HIGH|CRITICAL)"/.test(row));
  for (const row of rows) console.warn(serious.includes(row) ? `✗ ${row}` : `  ${row}`);
  if (serious.length > 0) {
    console.error(`electronegativity: ${serious.length} finding(s) of medium severity or above`);
    process.exit(1);
  }
  console.warn(`electronegativity: no finding of medium severity or above (${rows.length} lower)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
