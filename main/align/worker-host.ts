// Where alignments run: `inlineAligner` calls the pure aligner on this thread (tests, CLI); `AlignWorkerHost`
// sends each job to a worker thread, so the main process stays responsive while a long pair is aligned.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, fromErrorInfo } from '../../shared/errors';
import { align } from './aligner';
import type { AlignOptions, AlignResult, AlignSide } from './types';
import type { AlignRequest, AlignResponse } from './worker-protocol';

export interface Aligner {
  align(source: AlignSide, target: AlignSide, options?: AlignOptions): Promise<AlignResult>;
}

export const inlineAligner: Aligner = {
  align: async (source, target, options) => align(source, target, options),
};

/**
 * The worker's entry file: from the TypeScript sources, the .mjs shim next to this file that registers tsx;
 * in the electron-vite build, align-worker.js (its own entry, next to main.js; this code may sit in main.js
 * or in a chunk one folder below).
 */
export function alignWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return join(dirname(here), 'worker.dev.mjs');
  for (const candidate of [join(dirname(here), 'align-worker.js'), join(dirname(here), '..', 'align-worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new AppError('INTERNAL', 'The aligner (align-worker.js) is missing from this build.');
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
    const worker = new Worker(alignWorkerFile(), { name: 'tala-align' });
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
