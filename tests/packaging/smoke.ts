// Packaging smoke test, runnable without an Electron binary: electron-builder packs the
// app for Linux x64 into a folder, using a stub "Electron" that carries only a fuse
// wire. We then check what went into app.asar and that the fuses were flipped.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order of @electron/fuses V1; '1' enabled, '0' disabled in a stock binary. */
const FUSES = [
  ['runAsNode', '0'],
  ['enableCookieEncryption', '1'],
  ['enableNodeOptionsEnvironmentVariable', '0'],
  ['enableNodeCliInspectArguments', '0'],
  ['enableEmbeddedAsarIntegrityValidation', '1'],
  ['onlyLoadAppFromAsar', '1'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '0'],
] as const;

function stubElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  // A stock wire: the opposite of what we want, so the test sees the flip.
  const stock = FUSES.map(([, wanted]) => (wanted === '1' ? '0' : '1')).join('');
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho stub electron\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, FUSES.length]),
    Buffer.from(stock),
    Buffer.alloc(64),
  ]);
  writeFileSync(join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  writeFileSync(join(dir, 'version'), '41.7.1');
}

const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
};

const work = mkdtempSync(join(tmpdir(), 'desk-pack-'));
try {
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'release');
  stubElectron(electronDist);
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--config',
      'build/electron-builder.yml',
      '--linux',
      'dir',
      '--x64',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=41.7.1',
      `-c.directories.output=${output}`,
      '--publish',
      'never',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  const appDir = join(output, 'linux-unpacked');
  const files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) =>
    f.replaceAll('\\', '/'),
  );

  for (const required of [
    '/package.json',
    '/dist/main/index.js',
    '/dist/preload/preload.cjs',
    '/dist/renderer/index.html',
  ]) {
    check(files.includes(required), `app.asar lacks ${required}`);
  }
  for (const dep of Object.keys(pkg.dependencies)) {
    check(
      files.some((f) => f.startsWith(`/node_modules/${dep}/`)),
      `runtime dependency ${dep} missing from app.asar`,
    );
  }
  const forbidden: [RegExp, string][] = [
    [/^\/(electron|renderer|shared|tests|build)\//, 'source or test folders'],
    [/\.map$/, 'source maps'],
    [/^\/dist\/.*\.tsx?$/, 'TypeScript sources'],
    [/^\/(tsconfig\.json|\.biome\.json|\.ci\/)/, 'tool configs'],
  ];
  for (const [pattern, what] of forbidden) {
    const hits = files.filter((f) => pattern.test(f));
    check(hits.length === 0, `app.asar contains ${what}: ${hits.slice(0, 5).join(', ')}`);
  }
  // A dev dependency may be packed only where a runtime dependency needs it too
  // (electron-store needs conf; docx ships @types/node as a dependency).
  const runtime = new Set(
    execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.split('node_modules/').pop() ?? '')
      .filter(Boolean),
  );
  for (const dev of Object.keys(pkg.devDependencies)) {
    if (runtime.has(dev)) continue;
    check(!files.some((f) => f.startsWith(`/node_modules/${dev}/`)), `dev dependency ${dev} is in app.asar`);
  }

  const binary = readFileSync(join(appDir, 'supervision-desk'));
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  const wire = binary.subarray(at + 2, at + 2 + FUSES.length).toString('latin1');
  FUSES.forEach(([name, wanted], i) => {
    check(wire[i] === wanted, `fuse ${name} is ${wire[i]}, expected ${wanted}`);
  });

  if (failures.length > 0) {
    console.error(`packaging smoke test failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.warn(`packaging smoke test passed: ${files.length} entries in app.asar, fuses ${wire}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
