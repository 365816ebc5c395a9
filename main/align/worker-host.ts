// Where alignments run: `AlignWorkerHost` sends each job to a worker thread, so the main process stays responsive
// while a long pair is aligned; `inlineAligner` (./inline.ts) calls the pure aligner on this thread (tests, CLI).
import { Worker } from 'node:worker_threads';
import { AppError, fromErrorInfo } from '../../shared/errors';
import type { AlignOptions, AlignResult, AlignSide } from './types';
import type { AlignRequest, AlignResponse } from './worker-protocol';
import { workerEntry } from '../workers/entry';

export interface Aligner {
  align(source: AlignSide, target: AlignSide, options?: AlignOptions): Promise<AlignResult>;
}

interface Pending {
  resolve(result: AlignResult): void;
  reject(err: Error): void;
}

export class AlignWorkerHost implements Aligner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Starts the thread on first use; a thread that died is replaced by the next job. */
  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const entry = workerEntry('align-worker');
    const worker = new Worker(entry.file, { argv: entry.argv, name: 'tala-align' });
    // The thread must not keep a CLI or test process alive; jobs in flight keep it referenced.
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (message: AlignResponse | { ready: true }) => {
        if ('ready' in message) {
          resolve();
          return;
        }
        const job = this.pending.get(message.id);
        if (!job) return;
        this.pending.delete(message.id);
        if (this.pending.size === 0) worker.unref();
        if (message.ok) job.resolve(message.result);
        else job.reject(fromErrorInfo(message.error));
      });
      const fail = (err: Error) => {
        reject(err);
        for (const job of this.pending.values()) job.reject(err);
        this.pending.clear();
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
      };
      worker.once('error', (err) => fail(new AppError('INTERNAL', `The aligner stopped: ${err.message}`)));
      worker.once('exit', (code) => fail(new AppError('INTERNAL', `The aligner stopped (exit code ${code}).`)));
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async align(source: AlignSide, target: AlignSide, options?: AlignOptions): Promise<AlignResult> {
    await this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, source, target, options } satisfies AlignRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }
}

let shared: AlignWorkerHost | undefined;

/** One alignment thread per process, started when the first alignment is asked for. */
export function sharedAlignWorker(): AlignWorkerHost {
  shared ??= new AlignWorkerHost();
  return shared;
}
