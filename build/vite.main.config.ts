import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '..');

// Runtime dependencies stay external and are packed by electron-builder from
// node_modules; everything else (shared/, zod) is bundled.
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
].filter((name) => name !== 'zod');

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(root, 'dist/main'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { index: resolve(root, 'electron/main/index.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
