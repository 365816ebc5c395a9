// Where the search worker's code is when running from the TypeScript sources (tsx, vitest): a small .mjs
// entry next to this file that registers tsx in the worker thread and imports search-worker.ts. The electron-vite build replaces this module with
// worker-path.bundle.ts (see electron.vite.config.mts), which points at the bundled worker instead.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerSpec {
  file: string;
  execArgv: string[];
}

/** TALA_SEARCH_WORKER may name a built worker (out/main/search-worker.js): the benchmark measures that one. */
export function searchWorkerSpec(): WorkerSpec {
  const built = process.env.TALA_SEARCH_WORKER;
  if (built) return { file: built, execArgv: [] };
  const here = dirname(fileURLToPath(import.meta.url));
  return { file: join(here, 'search-worker.dev.mjs'), execArgv: [] };
}
