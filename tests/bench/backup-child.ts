// One backup and one restore in a process of their own, so that peak RSS is theirs.
// Args: <root> <evidenceMiB> <rows> [generate]. With `generate` it only makes the
// evidence (in a process of its own, so that its memory does not count); otherwise it
// backs up and restores and prints one JSON line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { BackupService } from '../../electron/services/backup/service';
import { createSha256, randomBytes } from '../../electron/services/crypto/primitives';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../electron/services/settings';
import { encodePage } from '../../shared/backup/row-codec';

const [root = '', evidenceArg = '256', rowsArg = '20000', mode = 'run'] = process.argv.slice(2);
const MiB = 1024 * 1024;
const PASSPHRASE = 'bench passphrase 2026';

function profile(dir: string) {
  const settings = new Conf<SettingsSchema>({ cwd: dir, configName: 'settings', defaults: SETTINGS_DEFAULTS });
  return new BackupService({ userDataDir: dir, settings, software: 'bench', now: () => new Date() });
}

/** Evidence as the store keeps it: a few large scans and many small photos. */
function makeEvidence(dir: string, mib: number): number {
  let total = 0;
  const put = (bytes: Buffer) => {
    const hash = createSha256().update(bytes).digest('hex');
    mkdirSync(join(dir, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'evidence', hash.slice(0, 2), hash), bytes);
    total += bytes.length;
  };
  const large = Math.floor((mib * 0.8) / 16);
  for (let i = 0; i < large; i++) put(randomBytes(16 * MiB));
  while (total < mib * MiB) put(randomBytes(64 * 1024 + ((total / 7) % (200 * 1024))));
  return total;
}

/** Rows shaped like the dossier blocks and registry records, with typed arrays as the index has. */
function makeRow(i: number) {
  return {
    id: `row-${i}`,
    number: `青司监〔2026〕${i}号`,
    title: `关于第${i}号执法案卷的监督检查记录，涉及行政处罚程序与文书规范`,
    status: i % 5,
    updatedAt: new Date(1_780_000_000_000 + i * 1000).toISOString(),
    notes: '现场检查发现执法文书送达程序不规范，责令限期整改。'.repeat(1 + (i % 4)),
    flags: new Uint8Array([i & 255, (i >> 8) & 255, 1, 2, 3, 4, 5, 6]),
  };
}

const source = join(root, 'source');
const target = join(root, 'restored');
if (mode === 'generate') {
  mkdirSync(source, { recursive: true });
  makeEvidence(source, Number(evidenceArg));
  process.exit(0);
}
mkdirSync(target, { recursive: true });
const rows = Number(rowsArg);
const file = join(root, 'bench.sdbackup');
const baselineRss = process.memoryUsage().rss / MiB;

const service = profile(source);
let started = performance.now();
const { sessionId } = await service.begin({
  target: file,
  passphrase: PASSPHRASE,
  includeOfficeKeys: false,
  database: { name: 'supervision-desk', schemaVersion: 2 },
  estimatedDatabaseBytes: rows * 1024,
});
for (let i = 0; i < rows; i += 500) {
  const page = Array.from({ length: Math.min(500, rows - i) }, (_, k) => makeRow(i + k));
  await service.appendRows(sessionId, 'bodies', encodePage(page));
}
const summary = await service.finish(sessionId);
const writeSeconds = (performance.now() - started) / 1000;

const restoring = profile(target);
started = performance.now();
const opened = await restoring.openRestore(file, PASSPHRASE);
for (let i = 0; i < opened.pageCount; i++) {
  const page = await restoring.readPage(opened.restoreId, i);
  restoring.checkRows(opened.restoreId, page.table, page.rows);
}
const result = await restoring.commitRestore(opened.restoreId, 'supervision-desk-bench');
const restoreSeconds = (performance.now() - started) / 1000;
if (!result.ok) throw new Error('restore did not match');

const peakRss = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({
    backupBytes: summary.size,
    writeSeconds,
    restoreSeconds,
    writeMiBs: summary.size / MiB / writeSeconds,
    restoreMiBs: summary.size / MiB / restoreSeconds,
    peakRss,
    baselineRss,
  })}\n`,
);
