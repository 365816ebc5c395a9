// Background import jobs for the app: `documents.importPaths` starts one and answers at once; the UI
// polls `jobs.status` for progress and the summary (`tala import` waits with `jobs.wait`, which answers as soon
// as the job is done), and may `jobs.cancel` it (it stops after the current file). Finished jobs are kept for a
// while so a late poll still sees the summary.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { NearDuplicateChoice } from '../../shared/library';
import type { ImportJobStatus, ImportProgress } from '../../shared/types';
import type { DocumentService } from './service';
import { emptySummary, importPaths } from './bulk-import';

const KEEP_FINISHED = 20;

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  done: Promise<void>;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /** `onProgress` sees every step of every job (the CLI's status line), where polling would miss quick files. */
  constructor(
    /** The archive's document service, asked for when a job starts (a session importing nothing makes none). */
    private readonly documents: () => DocumentService,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {}

  start(paths: string[], lang?: string, nearDuplicates?: NearDuplicateChoice): ImportJobStatus {
    const id = randomUUID();
    const controller = new AbortController();
    const progress: ImportProgress = {
      done: 0,
      total: 0,
      current: null,
      bytesDone: 0,
      bytesTotal: 0,
      secondsLeft: null,
      imported: 0,
      skipped: 0,
      failed: 0,
    };
    const status: ImportJobStatus = { id, state: 'running', progress, summary: emptySummary() };
    const done = importPaths(
      this.documents(),
      paths,
      { lang, nearDuplicates, signal: controller.signal, onProgress: (p) => this.progressed(status, p) },
      status.summary,
    )
      .then((summary) => {
        status.state = summary.cancelled ? 'cancelled' : 'done';
      })
      .catch((err: unknown) => {
        // importPaths reports per file and does not throw; this is a safety net.
        status.summary.failed.push({ file: '', error: (err as Error).message });
        status.state = 'done';
      });
    this.jobs.set(id, { status, controller, done });
    this.forgetOld();
    return this.snapshot(status);
  }

  status(id: string): ImportJobStatus {
    return this.snapshot(this.get(id).status);
  }

  /** The job's status once it is no longer running, or after `ms` if it still is (`tala import` waits so). */
  async wait(id: string, ms = 1000): Promise<ImportJobStatus> {
    const job = this.get(id);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.done, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    return this.snapshot(job.status);
  }

  cancel(id: string): ImportJobStatus {
    const job = this.get(id);
    job.controller.abort();
    return this.snapshot(job.status);
  }

  /** Resolves when the job has finished (tests, shutdown). */
  async settled(id: string): Promise<ImportJobStatus> {
    const job = this.get(id);
    await job.done;
    return this.snapshot(job.status);
  }

  /** How many jobs are still importing. */
  running(): number {
    return [...this.jobs.values()].filter((j) => j.status.state === 'running').length;
  }

  /** Cancels every running job and waits for each to stop after its current file. */
  async stopAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No import job with id ${id}.`);
    return job;
  }

  private snapshot(status: ImportJobStatus): ImportJobStatus {
    const { summary } = status;
    return {
      ...status,
      progress: { ...status.progress },
      summary: {
        imported: [...summary.imported],
        skipped: [...summary.skipped],
        failed: [...summary.failed],
        cancelled: summary.cancelled,
      },
    };
  }

  private progressed(status: ImportJobStatus, progress: ImportProgress): void {
    status.progress = progress;
    this.onProgress?.(progress);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
