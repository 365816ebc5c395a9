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
import type { IndexAnalysis } from '../search/index-analysis';
import { unpackAnalysis, type PackedAnalysis } from '../search/analysis-wire';
import type { Fingerprint } from '../library/minhash';
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

/**
 * What the worker sends after a parsed file, in this order: its search analysis, then its near-duplicate fingerprint
 * (null: the text is too short to have one); `failed` when it could not be made (the main thread makes it then).
 */
export type LaterMessage =
  | { id: number; print: Fingerprint | null; failed?: true }
  | { id: number; analysis: IndexAnalysis | PackedAnalysis | null; failed?: true };

/** What a parser makes of a parsed document after the document itself: see fingerprintOf, indexAnalysisOf. */
export interface Later {
  print: Promise<Fingerprint | null | undefined>;
  analysis: Promise<IndexAnalysis | undefined>;
}
const later = new WeakMap<ParsedDocument, Later>();

/** A parser says what it will hand over after `parsed` (fingerprintOf and indexAnalysisOf give it out). */
export function handLater(parsed: ParsedDocument, coming: Later): void {
  later.set(parsed, coming);
}

/**
 * The near-duplicate fingerprint of this parsed document, when its parser makes it (the parse worker sends it after
 * the document and its analysis, so the rows can be written meanwhile); resolves undefined when it could not be made.
 */
export function fingerprintOf(parsed: ParsedDocument): Promise<Fingerprint | null | undefined> | undefined {
  return later.get(parsed)?.print;
}

/**
 * The search analysis of this parsed document's title and passages (index-analysis.ts), when its parser makes one:
 * the parse worker sends it right after the document, so it may still be coming; undefined when it could not be made.
 */
export function indexAnalysisOf(parsed: ParsedDocument): Promise<IndexAnalysis | undefined> | undefined {
  return later.get(parsed)?.analysis;
}

export class InlineParser implements DocumentParser {
  async parse(input: IngestInput): Promise<ParsedDocument> {
    // The format parsers (pdf.js, mammoth, linkedom…) load with the first file, not with the archive.
    const [{ parseDocument }, { passagesFingerprint }, { analyzeForIndex }] = await Promise.all([
      import('./index'),
      import('../library/minhash'),
      import('../search/index-analysis'),
    ]);
    const parsed = await parseDocument(input);
    const result = { ...parsed };
    const texts = parsed.passages.map((p) => p.text);
    handLater(result, {
      print: Promise.resolve(passagesFingerprint(parsed.passages)),
      analysis: Promise.resolve(analyzeForIndex(parsed.lang, parsed.title, texts)),
    });
    return result;
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
  limit: number;
}

export class WorkerParser implements DocumentParser {
  private worker: Worker | undefined;
  private job: Job | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;
  /** What is still coming for parsed files, by `${id} print|analysis` → settles it (undefined: none will come). */
  private readonly awaited = new Map<string, (value: undefined) => void>();

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
    this.giveUpAnalyses();
    if (worker) await worker.terminate();
  }

  /** What is still coming from a worker that stopped: none will come, the main thread makes it itself. */
  private giveUpAnalyses(): void {
    const waiting = [...this.awaited.values()];
    this.awaited.clear();
    for (const settle of waiting) settle(undefined);
  }

  /**
   * A parsed file's fingerprint and analysis come in two more messages. Until they do, the worker keeps the process
   * alive (a commit may be waiting for them); each is given up after the file's time limit, or when the worker stops.
   */
  private expectLater(id: number, parsed: ParsedDocument, limit: number): void {
    const coming = <T>(what: 'print' | 'analysis') =>
      new Promise<T | undefined>((resolve) => {
        const key = `${id} ${what}`;
        const timer = setTimeout(() => settle(undefined), limit);
        const settle = (value: T | undefined) => {
          clearTimeout(timer);
          this.awaited.delete(key);
          if (!this.job && this.awaited.size === 0) this.worker?.unref();
          resolve(value);
        };
        this.awaited.set(key, settle as (value: undefined) => void);
      });
    handLater(parsed, { print: coming<Fingerprint | null>('print'), analysis: coming<IndexAnalysis>('analysis') });
  }

  /** Settles what was coming for a parsed file. */
  private received(message: LaterMessage): void {
    const [what, value] =
      'print' in message
        ? ['print', message.print]
        : ['analysis', message.analysis ? unpackAnalysis(message.analysis) : undefined];
    const settle = this.awaited.get(`${message.id} ${what}`) as ((v: unknown) => void) | undefined;
    settle?.(message.failed ? undefined : value);
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
      this.job = { id, name: input.name, resolve, reject, timer, limit };
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
    worker.on('message', (message: ParseResponse | LaterMessage | { ready: true }) => {
      if ('ready' in message) return;
      if (!('ok' in message)) {
        this.received(message);
        return;
      }
      const job = this.job;
      if (!job || job.id !== message.id) return;
      if (message.ok) this.expectLater(job.id, message.value, job.limit);
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
      this.giveUpAnalyses();
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
    if (this.awaited.size === 0) this.worker?.unref();
  }

  /** Fails the current job; the worker is replaced on the next file. */
  private fail(err: Error): void {
    const job = this.job;
    this.settle();
    const worker = this.worker;
    this.worker = undefined;
    this.giveUpAnalyses();
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
