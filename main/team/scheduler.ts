// Background sync while the app runs: soon after local changes (debounced), on a timer otherwise, never two
// at once, backing off while the server is unreachable. The doors that host the app (Electron, the browser
// bridge) start it; the CLI syncs only when asked.
import type { SyncReport } from '../../shared/team';

export interface SyncTarget {
  /** Whether the archive belongs to a team (nothing to do otherwise). */
  joined(): Promise<boolean>;
  sync(): Promise<SyncReport>;
}

export interface SchedulerOptions {
  /** Regular interval between syncs. */
  intervalMs?: number;
  /** Quiet time after a local change before syncing it. */
  debounceMs?: number;
  /** Longest wait while the server keeps failing. */
  maxBackoffMs?: number;
  onResult?: (result: { report?: SyncReport; error?: Error }) => void;
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private readonly interval: number;
  private readonly debounce: number;
  private readonly maxBackoff: number;

  constructor(
    private readonly target: SyncTarget,
    private readonly options: SchedulerOptions = {},
  ) {
    this.interval = options.intervalMs ?? 5 * 60_000;
    this.debounce = options.debounceMs ?? 10_000;
    this.maxBackoff = options.maxBackoffMs ?? 30 * 60_000;
  }

  start(): void {
    this.schedule(this.debounce);
  }

  /** A local change happened: sync it after a quiet moment. */
  changed(): void {
    if (this.failures === 0) this.schedule(this.debounce);
  }

  /** Syncs now (the user pressed Sync now); a sync already under way is awaited instead of doubled. */
  async syncNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves when no sync is under way (a host awaits it before closing the archive). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow().catch(() => undefined), delay);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    try {
      if (!(await this.target.joined())) return this.schedule(this.interval);
      const report = await this.target.sync();
      this.failures = 0;
      this.options.onResult?.({ report });
      this.schedule(this.interval);
    } catch (err) {
      this.failures++;
      this.options.onResult?.({ error: err as Error });
      this.schedule(Math.min(this.maxBackoff, this.debounce * 2 ** this.failures));
      throw err;
    }
  }
}
