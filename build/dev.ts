// `npm run dev`: the renderer from Vite's dev server with hot reload, main and preload
// rebuilt on change, Electron restarted when they change.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build, createServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const electronBin = resolve(root, 'node_modules/.bin/electron');

const server = await createServer({ configFile: resolve(root, 'build/vite.renderer.config.ts') });
await server.listen();
const devServerUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';

let electron: ChildProcess | undefined;
const restartElectron = () => {
  const previous = electron;
  const child = spawn(electronBin, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_DEV_SERVER_URL: devServerUrl },
  });
  electron = child;
  // Closing the app's window ends the dev session; a restart's kill does not.
  child.on('exit', (code) => {
    if (electron !== child) return;
    void server.close();
    process.exit(code ?? 0);
  });
  previous?.kill();
};

let built = 0;
const onBuilt = {
  name: 'desk-restart-electron',
  closeBundle() {
    built += 1;
    // Both main and preload have been written at least once: (re)start Electron.
    if (built >= 2) restartElectron();
  },
};
for (const config of ['build/vite.main.config.ts', 'build/vite.preload.config.ts']) {
  await build({
    configFile: resolve(root, config),
    mode: 'development',
    build: { watch: {} },
    plugins: [onBuilt],
  });
}
