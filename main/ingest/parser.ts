// Where parsing runs. `InlineParser` calls parseDocument on this thread (tests, tools); `WorkerParser`
// sends each file to a worker thread, so the main process stays responsive while a big PDF is read,
// and a file that hangs or exhausts memory costs only that file: the worker is stopped and replaced.
// `ParserPool` spreads files over a few WorkerParsers (TALA_PARSE_WORKERS; one by default, see
// defaultParseWorkers) and hands the results back in the order the files came in.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, fromErrorInfo, type ErrorInfo } from '../../shared/errors';
import { displayName } from './reject';
import type { IngestInput, ParsedDocument } from './types';
import { workerEntry } from '../workers/entry';

export interface DocumentParser {
  parse(input: IngestInput): Promise<ParsedDocument>;
  close(): Promise<void>;
  /**
   * Files are coming: start what parsing needs now (a worker thread loads its code meanwhile) instead of with the
   * first file. Optional; idle, a started worker does not keep the process alive.
   */
  warm?(): void;
}

export interface ParseRequest {
  id: number;
  input: IngestInput;
}

export type ParseResponse =
  { id: number; ok: true; value: ParsedDocument } | { id: number; ok: false; error: ErrorInfo };

export class InlineParser implements DocumentParser {
  async parse(input: IngestInput): Promise<ParsedDocument> {
    // The format parsers (pdf.js, mammoth, linkedom…) load with the first file, not with the archive.
    const [{ parseDocument }, { passagesFingerprint }] = await Promise.all([
      import('./index'),
      import('../library/minhash'),
    ]);
    const parsed = await parseDocument(input);
    return { ...parsed, print: passagesFingerprint(parsed.passages) };
  }

  async close(): Promise<void> {}
}

export interface WorkerParserOptions {
  /** Time allowed for one file: base plus a share per megabyte. */
  timeoutMs?: (bytes: number) => number;
  /** Heap limit of the worker; a file that needs more fails alone. */
  maxHeapMb?: number;
}

const defaultTimeout = (bytes: number) => 60_000 + (bytes / (1024 * 1024)) * 5_000;

interface Job {
  id: number;
  name: string;
  resolve(value: ParsedDocument): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class WorkerParser implements DocumentParser {
  private worker: Worker | undefined;
  private job: Job | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerParserOptions = {}) {}

  /** Files are parsed one at a time, in the order they were handed in. */
  parse(input: IngestInput): Promise<ParsedDocument> {
    const run = this.queue.then(() => this.run(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  warm(): void {
    if (!this.closed) this.ensureWorker();
  }

  /** Has a worker thread (started, not stopped). */
  get started(): boolean {
    return this.worker !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private run(input: IngestInput): Promise<ParsedDocument> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    const worker = this.ensureWorker();
    return new Promise<ParsedDocument>((resolve, reject) => {
      const id = this.nextId++;
      const limit = (this.options.timeoutMs ?? defaultTimeout)(input.bytes.byteLength);
      const timer = setTimeout(() => {
        this.fail(
          new AppError(
            'IMPORT_REJECTED',
            `${displayName(input.name)}: reading this file took longer` +
              ` than ${Math.round(limit / 1000)} s; it was stopped`,
          ),
        );
      }, limit);
      this.job = { id, name: input.name, resolve, reject, timer };
      worker.ref();
      worker.postMessage({ id, input } satisfies ParseRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const entry = workerEntry('parse-worker');
    const worker = new Worker(entry.file, {
      argv: entry.argv,
      name: 'tala-parse',
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 3072 },
    });
    worker.on('message', (message: ParseResponse | { ready: true }) => {
      if ('ready' in message) return;
      const job = this.job;
      if (!job || job.id !== message.id) return;
      this.settle();
      if (message.ok) job.resolve(message.value);
      else job.reject(fromErrorInfo(message.error));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const name = this.job ? displayName(this.job.name) : 'file';
      const reason =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'reading this file needed more memory than Tala allows'
          : `the reader stopped (${err.message})`;
      this.fail(new AppError('IMPORT_REJECTED', `${name}: ${reason}`));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const name = this.job ? displayName(this.job.name) : 'file';
      if (this.job)
        this.fail(new AppError('IMPORT_REJECTED', `${name}: the reader stopped unexpectedly (exit code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(): void {
    if (this.job) clearTimeout(this.job.timer);
    this.job = undefined;
    this.worker?.unref();
  }

  /** Fails the current job; the worker is replaced on the next file. */
  private fail(err: Error): void {
    const job = this.job;
    this.settle();
    const worker = this.worker;
    this.worker = undefined;
    // Stopped (timeout) or broken (crash, out of memory): either way the next file gets a fresh worker.
    if (worker) void worker.terminate();
    job?.reject(err);
  }
}

interface PoolJob {
  input: IngestInput;
  resolve(value: ParsedDocument): void;
  reject(err: unknown): void;
}

/**
 * Several parse workers, each parsing one file at a time; a file goes to the first idle one, and a second
 * worker starts only when a second file is waiting. Results settle in the order the files were handed in
 * (a small file parsed beside a big one waits for it), so callers see the same order as with one worker:
 * imports are committed, and duplicates within a batch decided, in the order the files came.
 */
export class ParserPool implements DocumentParser {
  private readonly workers: WorkerParser[];
  private readonly idle: WorkerParser[];
  private readonly waiting: PoolJob[] = [];
  private last: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(size: number, options: WorkerParserOptions = {}) {
    this.workers = Array.from({ length: Math.max(1, Math.floor(size)) }, () => new WorkerParser(options));
    this.idle = [...this.workers];
  }

  get size(): number {
    return this.workers.length;
  }

  /** Worker threads started (and not stopped). */
  get started(): number {
    return this.workers.filter((w) => w.started).length;
  }

  /** Workers parsing a file right now. */
  get busy(): number {
    return this.workers.length - this.idle.length;
  }

  parse(input: IngestInput): Promise<ParsedDocument> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    const before = this.last;
    let resolve!: (value: ParsedDocument) => void;
    let reject!: (err: unknown) => void;
    const result = new Promise<ParsedDocument>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.last = done;
    this.waiting.push({
      input,
      // In order: a job's outcome is passed on only after every earlier job's was.
      resolve: (value) => void before.then(() => resolve(value)),
      reject: (err) => void before.then(() => reject(err)),
    });
    this.pump();
    return result;
  }

  /** Starts the first worker (the one a lone file goes to); the others start with files side by side. */
  warm(): void {
    if (!this.closed) this.workers[0].warm();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private pump(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.waiting.shift()!;
      // Free again as soon as its own file is parsed (not when the result is passed on in order), and first in
      // line: a lone file goes to a worker already started, the next one starts only for files side by side.
      void worker
        .parse(job.input)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.idle.unshift(worker);
          this.pump();
        });
    }
  }
}

/**
 * Parse workers per process: TALA_PARSE_WORKERS (at most one per core), else one. Two workers were slower
 * than one in bench:import on the shared 2-core machine (12 PDFs 4.5 s against 2.6 s, peak RSS 370 MB against
 * 257 MB, load 7-8: docs/benchmarks.md), so the default stays one until a quieter run shows a gain.
 */
export function defaultParseWorkers(): number {
  const configured = Number(process.env.TALA_PARSE_WORKERS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, availableParallelism());
  return 1;
}

let shared: ParserPool | undefined;

/**
 * The process's parse workers, shared by every open archive (parsing is stateless). They start with the
 * files and do not keep the process alive while idle.
 */
export function sharedWorkerParser(): DocumentParser {
  shared ??= new ParserPool(defaultParseWorkers());
  return shared;
}
