import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

// A sandboxed preload can only `require('electron')`: one CommonJS file, nothing else.
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(root, 'dist/preload'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { preload: resolve(root, 'electron/preload/index.ts') },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true },
});
