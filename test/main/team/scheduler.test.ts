// The background sync's timing rules, with a real timer-driven scheduler and a counting target.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncScheduler } from '../../../main/team/scheduler';
import type { SyncReport } from '../../../shared/team';

const REPORT: SyncReport = { pushed: 1, pulled: 0, conflicts: 0, waiting: 0, changedDocuments: [] };

function target(outcomes: Array<'ok' | 'fail'>, joined = true) {
  const calls: number[] = [];
  return {
    calls,
    joined: async () => joined,
    sync: async () => {
      calls.push(Date.now());
      const next = outcomes.shift() ?? 'ok';
      if (next === 'fail') throw new Error('server down');
      return REPORT;
    },
  };
}

describe('SyncScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('syncs a change after the quiet time, then on the interval', async () => {
    vi.useFakeTimers();
    const t = target([]);
    const s = new SyncScheduler(t, { debounceMs: 1000, intervalMs: 60_000 });
    s.changed();
    s.changed(); // a burst of changes is one sync
    await vi.advanceTimersByTimeAsync(999);
    expect(t.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.calls).toHaveLength(2);
    s.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(t.calls).toHaveLength(2);
  });

  it('backs off while the server fails and resumes after a success', async () => {
    vi.useFakeTimers();
    const t = target(['fail', 'fail', 'ok']);
    const results: string[] = [];
    const s = new SyncScheduler(t, {
      debounceMs: 1000,
      intervalMs: 60_000,
      onResult: (r) => results.push(r.error ? 'error' : 'ok'),
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1000); // first try fails → wait 2 s
    await vi.advanceTimersByTimeAsync(2000); // second fails → wait 4 s
    s.changed(); // changes do not hammer a failing server
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(results).toEqual(['error', 'error', 'ok']);
    s.stop();
  });

  it('never runs two syncs at once and does nothing for an archive without a team', async () => {
    const t = target([]);
    const s = new SyncScheduler(t, { debounceMs: 10_000 });
    await Promise.all([s.syncNow(), s.syncNow()]);
    expect(t.calls).toHaveLength(1);
    s.stop();
    const alone = target([], false);
    const s2 = new SyncScheduler(alone);
    await s2.syncNow();
    expect(alone.calls).toHaveLength(0);
    s2.stop();
  });
});
