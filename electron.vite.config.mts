import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Builds the three Electron targets into out/: main (ESM), preload (CommonJS, as sandboxed
// preloads require), renderer (React). Node services under main/ are bundled into the main target.
export default defineConfig({
  main: {
    // The search worker thread is a second entry (out/main/search-worker.js); worker-path.bundle.ts finds it
    // at run time, where the sources use worker-path.ts (loads the .ts through tsx).
    resolve: { alias: [{ find: /^\.\/worker-path$/, replacement: resolve('main/search/worker-path.bundle.ts') }] },
    // The import parser's worker thread is another entry (out/main/parse-worker.js); main/ingest/parser.ts finds it next to main.js.
    // So is the aligner's (out/main/align-worker.js); main/align/worker-host.ts finds it next to main.js.
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          main: resolve('main/electron/main.ts'),
          'search-worker': resolve('main/search/search-worker.ts'),
          'parse-worker': resolve('main/ingest/parse-worker.ts'),
          'align-worker': resolve('main/align/worker.ts'),
          // The command line (bin/tala.js runs it): plain JavaScript, services loaded once the command is known.
          cli: resolve('main/cli/main.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('main/electron/preload.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
