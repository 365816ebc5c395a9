import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Builds the three Electron targets into out/: main (ESM), preload (CommonJS, as sandboxed
// preloads require), renderer (React). Node services under main/ are bundled into the main target.
export default defineConfig({
  main: {
    // Each worker thread (search, import parser, aligner) is its own entry, out/main/<name>.js, named as in
    // WORKER_SOURCES (main/workers/entry.ts), which finds them next to main.js at run time.
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
          // The browser host as plain JavaScript: `npm run web` runs it (no tsx at run time); bench:import times
          // uploads through it.
          web: resolve('main/web/cli.ts'),
          // `npm start`'s launcher: the Electron window, or the browser host (web.js) where Electron cannot run.
          start: resolve('scripts/start.ts'),
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
