// Runs the search engine in a worker thread behind the same SearchService interface, so the main
// process's event loop only passes messages: query execution, catch-up and reindex happen elsewhere.
import { Worker } from 'node:worker_threads';
import { AppError, fromErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { ReindexProgress, ReindexReport, SearchRequest, SearchResult, SearchStatus } from '../../shared/types';
import type { SearchEngine, SearchEngineOptions, SearchService } from './engine';
import type { HostMessage, WorkerMessage } from './worker-protocol';
import { startWorker, workerEntry } from '../workers/entry';
import { diagnostic } from '../diagnostics';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  onProgress?: (progress: ReindexProgress) => void;
}

type Request = HostMessage extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

/**
 * A search thread with its code loaded and no archive: started by prestart, or kept when its archive closed. The
 * next archive's search takes it instead of starting one (a thread's start and module loading are ~100 ms on a
 * quiet 2-core machine, before any of the engine's work). It does not keep the process alive.
 */
let spare: Worker | null = null;
/** Forgets the spare when it ends while waiting. */
const dropSpare = function (this: Worker) {
  if (spare === this) spare = null;
};

function takeSpare(): Worker | null {
  const worker = spare;
  spare = null;
  if (!worker) return null;
  worker.off('error', dropSpare).off('exit', dropSpare);
  worker.ref();
  return worker;
}

/** Keeps `worker` (its archive closed, waiting for the next) as the spare, unless there is one already. */
function keepSpare(worker: Worker): boolean {
  if (spare) return false;
  worker.unref();
  worker.on('error', dropSpare).on('exit', dropSpare);
  spare = worker;
  return true;
}

export class SearchWorkerHost implements SearchService {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | null = null;
  /** The in-process engine used when the worker could not start. */
  private fallback: Promise<SearchEngine> | null = null;
  /** What this host listens to on its thread. */
  private listeners: {
    message: (message: WorkerMessage) => void;
    error: (err: Error) => void;
    exit: (code: number) => void;
  } | null = null;

  private constructor(
    private path: string | null,
    private options: SearchEngineOptions = {},
  ) {}

  /**
   * A host for the archive at `path`. The thread starts on the first call (an archive that is never
   * searched costs nothing); it opens its own connections and catches up on its index.
   */
  static start(path: string, options: SearchEngineOptions = {}): SearchWorkerHost {
    return new SearchWorkerHost(path, options);
  }

  /**
   * A thread started now, before its archive is ready to be searched (still being opened and migrated): it loads
   * its code meanwhile and opens the file that `open` names. `abandon` ends it when the archive does not open.
   */
  static early(): SearchWorkerHost {
    const host = new SearchWorkerHost(null);
    host.ready = host.spawn();
    return host;
  }

  /**
   * Starts a search thread now, before any archive is named (the app at launch, while Electron gets ready): the
   * first archive opened takes it. Does nothing when a thread is already waiting.
   */
  static prestart(): void {
    if (spare) return;
    try {
      const worker = startWorker(workerEntry('search-worker'), { workerData: null, name: 'tala-search' });
      keepSpare(worker);
    } catch {
      // No worker now (a packaging problem): archives start theirs as before, or search inline.
    }
  }

  /** The waiting thread's id (null when none waits). */
  static get spareThreadId(): number | null {
    return spare?.threadId ?? null;
  }

  /** This host's thread's id (null before it starts, or when it searches in this thread). */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  /** Ends the waiting thread, if any (tests; a process that ends does not wait for it). */
  static async endSpare(): Promise<void> {
    const worker = takeSpare();
    await worker?.terminate();
  }

  /** Names the archive of a thread started early (see early); it opens the file and warms up at once. */
  open(path: string, options: SearchEngineOptions = {}): SearchWorkerHost {
    if (this.path !== null) throw new Error('This search worker already has its archive.');
    this.path = path;
    this.options = options;
    this.worker?.postMessage({ method: 'open', path, options });
    return this;
  }

  /** Gives back (or ends) a thread started early whose archive did not open. */
  async abandon(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (this.path !== null || this.exited) return void (await worker.terminate());
    this.detach(worker);
    if (!keepSpare(worker)) await worker.terminate();
  }

  /** Starts the worker now and resolves once it has opened the archive (rejects if it could not). */
  whenReady(): Promise<void> {
    return (this.ready ??= this.spawn());
  }

  /** Stops listening to this host's thread (handed on as the spare). */
  private detach(worker: Worker): void {
    const l = this.listeners;
    if (l) worker.off('message', l.message).off('error', l.error).off('exit', l.exit);
    this.listeners = null;
  }

  private spawn(): Promise<void> {
    const kept = takeSpare();
    const worker =
      kept ??
      startWorker(workerEntry('search-worker'), {
        workerData: this.path === null ? null : { path: this.path, options: this.options },
        name: 'tala-search',
      });
    // A kept thread waits for its archive's name (given now, or by open() for an early host).
    if (kept && this.path !== null) kept.postMessage({ method: 'open', path: this.path, options: this.options });
    this.worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(toError(message.error));
        else this.settle(message);
      };
      const onError = (err: Error) => {
        this.exited = err;
        reject(err);
        this.failAll(err);
      };
      const onExit = (code: number) => {
        const err = new AppError('INTERNAL', `The search worker stopped (exit code ${code}).`);
        this.exited ??= err;
        reject(err);
        this.failAll(err);
      };
      this.listeners = { message: onMessage, error: onError, exit: onExit };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    ready.catch(() => undefined);
    return ready;
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return this.call({ method: 'search', request }) as Promise<SearchResult>;
  }

  status(): Promise<SearchStatus> {
    return this.call({ method: 'status' }) as Promise<SearchStatus>;
  }

  reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport> {
    return this.call({ method: 'reindex' }, onProgress) as Promise<ReindexReport>;
  }

  async close(): Promise<void> {
    if (this.fallback) {
      await (await this.fallback).close();
      return;
    }
    const worker = this.worker;
    if (!worker || this.exited) return;
    let closed = false;
    try {
      await this.call({ method: 'close' });
      closed = true;
    } catch {
      // The worker is gone either way.
    }
    // A thread whose archive closed cleanly, with nothing else in flight, waits for the next archive (the app's
    // next open or switch); this host is done with it either way.
    const done = new AppError('INTERNAL', 'The search of this archive is closed.');
    const keep = closed && !this.exited && this.pending.size === 0;
    this.exited ??= done;
    this.failAll(done);
    if (keep) this.detach(worker);
    if (!keep || !keepSpare(worker)) await worker.terminate();
  }

  private async call(request: Request, onProgress?: (progress: ReindexProgress) => void): Promise<unknown> {
    if (this.fallback) return this.inline(request, onProgress);
    try {
      await this.whenReady();
    } catch (err) {
      // A worker that cannot start (e.g. a packaging problem) must not take search down: run it here instead.
      const reason = (err as Error).message;
      const line = `[tala] the search worker did not start (${reason}); searching in the main thread`;
      if (this.fallback === null) diagnostic(line);
      // Loaded only here: the worker runs the engine, so this thread (e.g. `tala import`) never needs its code.
      this.fallback ??= import('./engine').then(({ SearchEngine }) => SearchEngine.open(this.path!, this.options));
      return this.inline(request, onProgress);
    }
    const worker = this.worker!;
    if (this.exited) throw this.exited;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...request, id } as HostMessage);
    });
  }

  private async inline(request: Request, onProgress?: (progress: ReindexProgress) => void): Promise<unknown> {
    const engine = await this.fallback!;
    if (request.method === 'search') return engine.search(request.request);
    if (request.method === 'status') return engine.status();
    if (request.method === 'reindex') return engine.reindex(onProgress);
    return engine.close();
  }

  private settle(message: WorkerMessage): void {
    if (message.type !== 'result' && message.type !== 'progress') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(toError(message.error));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

function toError(error: ErrorInfo): AppError {
  return fromErrorInfo(error);
}
