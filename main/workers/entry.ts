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
 * given explicitly they make Worker throw, though they hold for the thread all the same (V8's flags are the
 * process's), so the thread starts without those Worker names as refused. Only when that fails too does it inherit
 * this process's flags (loader hooks included: with `--import tsx` ~0.5 s more before the thread runs its code, not a
 * failed start).
 */
export function startWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'argv' | 'execArgv'>): Worker {
  let execArgv = entry.execArgv;
  for (let attempt = 0; execArgv !== undefined && attempt < 2; attempt++) {
    try {
      return new Worker(entry.file, { ...options, argv: entry.argv, execArgv });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      const refused = refusedFlags((err as Error).message);
      const kept = execArgv.filter((flag) => !refused.has(flag));
      execArgv = refused.size > 0 && kept.length < execArgv.length ? kept : undefined;
    }
  }
  return new Worker(entry.file, { ...options, argv: entry.argv });
}

/** The flags named by Node's "Initiated Worker with invalid execArgv flags: --a, --b=1" (none if worded otherwise). */
export function refusedFlags(message: string): Set<string> {
  const list = /invalid execArgv flags: (.*)$/.exec(message)?.[1];
  return new Set(list ? list.split(', ').map((flag) => flag.trim()) : []);
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
