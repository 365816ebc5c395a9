// Build-time replacement of worker-path.ts (see electron.vite.config.mts): the worker is a second entry
// of the main build, out/main/search-worker.js, next to main.js (code shared by both entries may sit in
// a chunk folder below, so the parent folder is tried too).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerSpec } from './worker-path';

export function searchWorkerSpec(): WorkerSpec {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'search-worker.js'), join(here, '..', 'search-worker.js')];
  return { file: candidates.find((f) => existsSync(f)) ?? candidates[0], execArgv: [] };
}
