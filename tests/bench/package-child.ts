// One package operation in its own process, so that its peak RSS is its own:
//   tsx tests/bench/package-child.ts export <root> <package path>
//   tsx tests/bench/package-child.ts import <root> <package path>
// Prints {"seconds": …, "maxRssMiB": …} on stdout: the operation's time and the process's peak RSS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITY_OFFICE, COUNTY_OFFICE } from '../e2e/support/office';
import { openTestOffice } from '../support/package-offices';

const [operation, root, packagePath] = process.argv.slice(2);
if (!operation || !root || !packagePath) throw new Error('usage: package-child.ts export|import <root> <package>');

let seconds: number;
if (operation === 'export') {
  const county = await openTestOffice(join(root, 'county'), COUNTY_OFFICE);
  county.now.value = new Date();
  const files = readdirSync(join(root, 'county', 'evidence'), { recursive: true })
    .map(String)
    .map((path) => path.split('/').at(-1) as string)
    .filter((name) => /^[0-9a-f]{64}$/.test(name));
  const cityId = county.trust.list()[0]?.organId as string;
  const started = performance.now();
  await county.packages.exportPackage(
    {
      recipientOrganId: cityId,
      data: { dossiers: [{ id: 'bench', title: 'bench', files }] },
      files,
      label: 'bench',
      refs: [],
    },
    packagePath,
  );
  seconds = (performance.now() - started) / 1000;
} else {
  const city = await openTestOffice(join(root, 'city'), CITY_OFFICE);
  city.now.value = new Date();
  const started = performance.now();
  const imported = await city.packages.importPackage(packagePath);
  await city.packages.commitImport(imported.importId);
  seconds = (performance.now() - started) / 1000;
}
/**
 * Peak resident memory of this process. getrusage's maxRSS would do on its own, except
 * that Linux starts a spawned child's figure at its parent's peak (the figure survives
 * fork and exec); VmHWM in /proc belongs to this process's address space alone.
 */
function peakRssMiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.stdout.write(`${JSON.stringify({ seconds, maxRssMiB: peakRssMiB() })}\n`);
