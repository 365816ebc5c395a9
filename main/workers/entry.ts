// The one way every worker thread (search, import parser, aligner) finds its code. From the TypeScript
// sources (tsx, vitest) a thread starts in dev-entry.mjs, which registers tsx and imports the .ts entry; in the
// electron-vite build each worker is its own entry next to main.js (out/main/<name>.js, see
// electron.vite.config.mts), and this code may sit in main.js or in a chunk one folder below it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AppError } from '../../shared/errors';

/** Each worker's source entry, relative to this folder; the build names its bundle after the key. */
export const WORKER_SOURCES = {
  'search-worker': '../search/search-worker.ts',
  'parse-worker': '../ingest/parse-worker.ts',
  'align-worker': '../align/worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_SOURCES;

export interface WorkerEntry {
  /** The file `new Worker()` starts. */
  file: string;
  /** Extra argv for the thread (the .ts entry when starting from sources). */
  argv: string[];
  /**
   * Node flags for the thread: this process's, less its module loader hooks (`--import tsx` when a benchmark or
   * script runs from sources) for a built worker, which needs none: a thread would load and register them first
   * (~50 ms of its start). Undefined (inherit) for a worker started from sources, whose dev entry wants tsx.
   */
  execArgv?: string[];
}

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** process.execArgv without its loader hooks (`--import X`, `--require=X`, …). */
export function withoutLoaderHooks(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    if (LOADER_FLAGS.has(flag)) i++;
    else if (!LOADER_FLAGS.has(flag.split('=')[0])) out.push(flag);
  }
  return out;
}

/** This process's flags less its loader hooks; undefined (inherit) when it has none to drop. */
function builtWorkerFlags(): string[] | undefined {
  const flags = withoutLoaderHooks(process.execArgv);
  return flags.length === process.execArgv.length ? undefined : flags;
}

/**
 * Starts `entry` with its flags. Some flags apply to a whole process (--max-old-space-size, --expose-gc, --title…):
 * inherited they are fine, given explicitly they make Worker throw, so then the thread inherits this process's flags
 * (loader hooks included: a slower start, not a failed one).
 */
export function startWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'argv' | 'execArgv'>): Worker {
  if (entry.execArgv !== undefined) {
    try {
      return new Worker(entry.file, { ...options, argv: entry.argv, execArgv: entry.execArgv });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    }
  }
  return new Worker(entry.file, { ...options, argv: entry.argv });
}

/**
 * Where a worker's code is. TALA_SEARCH_WORKER (TALA_PARSE_WORKER, TALA_ALIGN_WORKER) may name a built file
 * instead: the benchmarks measure the bundled search worker that way.
 */
export function workerEntry(name: WorkerName): WorkerEntry {
  const override = process.env[`TALA_${name.replace('-', '_').toUpperCase()}`];
  if (override) return { file: override, argv: [], execArgv: builtWorkerFlags() };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { file: fileURLToPath(new URL('./dev-entry.mjs', here)), argv: [new URL(WORKER_SOURCES[name], here).href] };
  }
  for (const candidate of [`./${name}.js`, `../${name}.js`]) {
    const file = fileURLToPath(new URL(candidate, here));
    if (existsSync(file)) return { file, argv: [], execArgv: builtWorkerFlags() };
  }
  throw new AppError('INTERNAL', `Part of Tala (${name}.js) is missing from this build; reinstall the app.`);
}
