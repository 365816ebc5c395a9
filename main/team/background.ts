// The app's background sync: what the hosts (the Electron main process, the browser bridge's `npm run web`)
// start beside the archive and stop before closing it. It syncs soon after local changes (noticed by a cheap
// look at the count of unsent changes), on a timer otherwise, and only while the archive belongs to a team;
// the scheduler backs off while the server cannot be reached. The CLI never syncs unless asked (`tala sync`).
import type { TeamService } from './service';
import { SyncScheduler, type SchedulerOptions } from './scheduler';

export interface TeamSyncHandle {
  /** Sync now (a sync already under way is awaited instead of doubled). */
  syncNow(): Promise<void>;
  /** Stops the timers; a sync under way finishes (await `stop()` before closing the archive). */
  stop(): Promise<void>;
}

export interface TeamSyncOptions extends SchedulerOptions {
  /** How often to look for new local changes. */
  watchMs?: number;
  log?: (message: string) => void;
}

export function startTeamSync(team: TeamService, options: TeamSyncOptions = {}): TeamSyncHandle {
  const log = options.log ?? ((m: string) => console.warn(`[tala] ${m}`));
  let lastError = '';
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  const scheduler = new SyncScheduler(
    // A paused team (the archive is open read-only) is left alone: its status line says why.
    { joined: async () => team.pausedReason === undefined && (await team.joined()), sync: () => team.sync() },
    {
      ...options,
      onResult: (result) => {
        // Said once per distinct error, not at every retry; the status line shows it meanwhile.
        const message = result.error?.message ?? '';
        if (message && message !== lastError) log(`team sync failed: ${message}`);
        lastError = message;
        options.onResult?.(result);
      },
    },
  );
  let seen = -1;
  const watch = setInterval(() => {
    if (stopped) return;
    const look = team
      .waitingChanges()
      .then((waiting) => {
        if (waiting !== seen && waiting > 0 && seen !== -1) scheduler.changed();
        seen = waiting;
      })
      .catch(() => undefined); // the archive is closing, or busy: look again later
    inFlight = look;
  }, options.watchMs ?? 2_000);
  watch.unref?.();
  scheduler.start();
  return {
    syncNow: () => scheduler.syncNow(),
    async stop() {
      stopped = true;
      clearInterval(watch);
      scheduler.stop();
      await inFlight;
      await scheduler.idle();
    },
  };
}
