// Where parsing runs. `InlineParser` calls parseDocument on this thread (tests, tools); `WorkerParser`
// sends each file to a worker thread, so the main process stays responsive while a big PDF is read,
// and a file that hangs or exhausts memory costs only that file: the worker is stopped and replaced.
// `ParserPool` spreads files over a few WorkerParsers (TALA_PARSE_WORKERS; one by default, see
// defaultParseWorkers) and hands the results back in the order the files came in.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, fromErrorInfo, type ErrorInfo } from '../../shared/errors';
import { displayName } from './reject';
import { unpackParsed, type PackedParsed } from './parsed-wire';
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
  /**
   * The file an import is about to ask for first, handed over early (`tala import` reads it while the archive opens):
   * it is parsed now, and the next parse() of the same input (same name, language and bytes) takes that parse instead
   * of parsing again. Any other parse() first drops it (the result is thrown away). Optional.
   */
  parseAhead?(input: IngestInput): void;
  /** A parse started by parseAhead that no parse() took (it may still be running). */
  aheadUntaken?(): boolean;
}

/** The same input for a parser: name, language, metadata and bytes. */
export function sameInput(a: IngestInput, b: IngestInput): boolean {
  return (
    a.name === b.name &&
    a.lang === b.lang &&
    a.meta === undefined &&
    b.meta === undefined &&
    Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).equals(b.bytes)
  );
}

export interface ParseRequest {
  id: number;
  input: IngestInput;
}

export type ParseResponse =
  | {
      id: number;
      ok: true;
      value: ParsedDocument | PackedParsed;
      /** The input's deflateSmall (deflate-original.ts), when the worker made it. */
      deflated?: Uint8Array | null;
    }
  | { id: number; ok: false; error: ErrorInfo };

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

const deflatedInputs = new WeakMap<ParsedDocument, Uint8Array | null>();

/**
 * The deflateSmall of the bytes `parsed` was parsed from, when its parser made it (the parse worker does, for a small
 * file); undefined otherwise.
 */
export function deflatedInputOf(parsed: ParsedDocument): Uint8Array | null | undefined {
  return deflatedInputs.get(parsed);
}

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
  /** Files handed to the worker ahead of the one it parses, counting it (default WORKER_DEPTH). */
  depth?: number;
}

const defaultTimeout = (bytes: number) => 60_000 + (bytes / (1024 * 1024)) * 5_000;

interface Job {
  id: number;
  input: IngestInput;
  resolve(value: ParsedDocument): void;
  reject(err: Error): void;
  /** Runs while the worker parses this file (from when the file before it was parsed). */
  timer?: NodeJS.Timeout;
  limit: number;
}

/**
 * Files handed to a worker thread before the one it is parsing is done: one more. The worker takes the next file
 * straight after its last message about the one before (analysis, fingerprint) instead of waiting for the main
 * thread to receive its document and answer with the next file, which waited for whatever the main thread was doing
 * (a commit's write, index, fsync): 2,000 small files left the worker idle ~45% of the time (as long as it
 * parsed). It still parses one file at a time, in order.
 */
export const WORKER_DEPTH = 2;

export class WorkerParser implements DocumentParser {
  private worker: Worker | undefined;
  /** Files posted to the worker, in order (the first is being parsed; at most `depth`). */
  private readonly jobs: Job[] = [];
  /** Files waiting to be posted, in order. */
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** What is still coming for parsed files, by `${id} print|analysis` → settles it (undefined: none will come). */
  private readonly awaited = new Map<string, (value: undefined) => void>();
  private readonly depth: number;

  constructor(private readonly options: WorkerParserOptions = {}) {
    this.depth = Math.max(1, Math.floor(options.depth ?? WORKER_DEPTH));
  }

  /** Files are parsed one at a time, in the order they were handed in. */
  parse(input: IngestInput): Promise<ParsedDocument> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    return new Promise<ParsedDocument>((resolve, reject) => {
      const limit = (this.options.timeoutMs ?? defaultTimeout)(input.bytes.byteLength);
      this.waiting.push({ id: this.nextId++, input, resolve, reject, limit });
      this.pump();
    });
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
    for (const job of [...this.jobs.splice(0), ...this.waiting.splice(0)]) {
      clearTimeout(job.timer);
      job.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    }
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
          if (this.jobs.length === 0 && this.awaited.size === 0) this.worker?.unref();
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

  /** Posts waiting files while the worker has room; the first file posted is timed from now. */
  private pump(): void {
    if (this.closed) return;
    while (this.waiting.length > 0 && this.jobs.length < this.depth) {
      const job = this.waiting.shift()!;
      const worker = this.ensureWorker();
      this.jobs.push(job);
      if (this.jobs.length === 1) this.startTimer(job);
      worker.ref();
      worker.postMessage({ id: job.id, input: job.input } satisfies ParseRequest);
    }
  }

  private startTimer(job: Job): void {
    job.timer = setTimeout(() => {
      if (this.jobs[0] !== job) return;
      this.fail(
        new AppError(
          'IMPORT_REJECTED',
          `${displayName(job.input.name)}: reading this file took longer` +
            ` than ${Math.round(job.limit / 1000)} s; it was stopped`,
        ),
      );
    }, job.limit);
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
      if (this.worker !== worker || 'ready' in message) return;
      if (!('ok' in message)) {
        this.received(message);
        return;
      }
      const job = this.jobs[0];
      if (!job || job.id !== message.id) return;
      const parsed = message.ok ? unpackParsed(message.value) : undefined;
      if (parsed) this.expectLater(job.id, parsed, job.limit);
      if (parsed && message.ok && message.deflated !== undefined) deflatedInputs.set(parsed, message.deflated);
      this.finished();
      if (parsed) job.resolve(parsed);
      else if (!message.ok) job.reject(fromErrorInfo(message.error));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const name = this.jobs[0] ? displayName(this.jobs[0].input.name) : 'file';
      const reason =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'reading this file needed more memory than Tala allows'
          : `the reader stopped (${err.message})`;
      this.fail(new AppError('IMPORT_REJECTED', `${name}: ${reason}`));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      const name = this.jobs[0] ? displayName(this.jobs[0].input.name) : 'file';
      if (this.jobs.length > 0)
        this.fail(new AppError('IMPORT_REJECTED', `${name}: the reader stopped unexpectedly (exit code ${code})`));
      else {
        this.worker = undefined;
        this.giveUpAnalyses();
      }
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The first file posted was parsed: the next one (already with the worker) is timed from now. */
  private finished(): void {
    const job = this.jobs.shift();
    clearTimeout(job?.timer);
    if (this.jobs[0]) this.startTimer(this.jobs[0]);
    this.pump();
    if (this.jobs.length === 0 && this.awaited.size === 0) this.worker?.unref();
  }

  /**
   * Fails the file being parsed; the worker is replaced, and the files posted after it go to the new worker (they
   * were not parsed: the worker parses in order).
   */
  private fail(err: Error): void {
    const job = this.jobs.shift();
    clearTimeout(job?.timer);
    const worker = this.worker;
    this.worker = undefined;
    this.giveUpAnalyses();
    // Stopped (timeout) or broken (crash, out of memory): either way the next file gets a fresh worker.
    if (worker) void worker.terminate();
    this.waiting.unshift(...this.jobs.splice(0));
    job?.reject(err);
    // The next files start a fresh worker (as the next file did when it came after the failure).
    if (this.waiting.length > 0) this.pump();
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
 * imports are committed, and duplicates within a batch decided, in the order the files came. A pool of one worker
 * hands it the next file before the one it parses is done (WORKER_DEPTH); with more, a file waits for an idle
 * worker (one queued behind a long PDF would wait for it while another worker is free).
 */
export class ParserPool implements DocumentParser {
  private readonly workers: WorkerParser[];
  /** Files each worker holds (parsing or posted to it), by index in `workers`. */
  private readonly load: number[];
  /** Workers in the order they are offered files: the last one freed first. */
  private readonly order: number[];
  private readonly depth: number;
  private readonly waiting: PoolJob[] = [];
  private last: Promise<void> = Promise.resolve();
  private closed = false;
  /** The parse started by parseAhead, until the next parse() takes or drops it. */
  private ahead: { input: IngestInput; result: Promise<ParsedDocument> } | undefined;
  private untaken = false;

  constructor(size: number, options: WorkerParserOptions = {}) {
    const count = Math.max(1, Math.floor(size));
    this.depth = count === 1 ? Math.max(1, Math.floor(options.depth ?? WORKER_DEPTH)) : 1;
    this.workers = Array.from({ length: count }, () => new WorkerParser({ ...options, depth: this.depth }));
    this.load = this.workers.map(() => 0);
    this.order = this.workers.map((_, i) => i);
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
    return this.load.filter((n) => n > 0).length;
  }

  parse(input: IngestInput): Promise<ParsedDocument> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The document parser is closed.'));
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead && sameInput(ahead.input, input)) {
      this.untaken = false;
      return ahead.result;
    }
    return this.queue(input);
  }

  parseAhead(input: IngestInput): void {
    const result = this.queue(input);
    result.catch(() => undefined); // a parse nobody takes fails silently; one taken fails its file as before
    this.ahead = { input, result };
    this.untaken = true;
  }

  aheadUntaken(): boolean {
    return this.untaken;
  }

  private queue(input: IngestInput): Promise<ParsedDocument> {
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
    while (this.waiting.length > 0) {
      // An idle worker first (the one freed last: a lone file goes to a worker already started, the next one starts
      // only for files side by side), else one with room.
      const at = this.order.find((w) => this.load[w] === 0) ?? this.order.find((w) => this.load[w] < this.depth);
      if (at === undefined) return;
      const job = this.waiting.shift()!;
      this.load[at]++;
      void this.workers[at]
        .parse(job.input)
        .then(job.resolve, job.reject)
        .finally(() => {
          // Free again as soon as its own file is parsed (not when the result is passed on in order).
          this.load[at]--;
          this.order.splice(this.order.indexOf(at), 1);
          this.order.unshift(at);
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
