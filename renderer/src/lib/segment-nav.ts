// Keyboard logic of the segment editor (pure, so it is unit-tested without a DOM): which key does what,
// where the focus goes next, and the progress line.
import type { Segment } from '../../../shared/translations';

export type SegmentKeyAction = 'commit' | 'next' | 'prev' | null;

/** Ctrl/⌘+Enter saves the segment as done and moves on; Alt+↓ / Alt+↑ move between segments. */
export function segmentKeyAction(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): SegmentKeyAction {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) return 'commit';
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (e.key === 'ArrowDown') return 'next';
    if (e.key === 'ArrowUp') return 'prev';
  }
  return null;
}

/** The index `delta` segments away from `current`, clamped to the list (null when there is nowhere to go). */
export function stepIndex(current: number, delta: number, count: number): number | null {
  if (count === 0) return null;
  const next = Math.min(count - 1, Math.max(0, current + delta));
  return next === current ? null : next;
}

/** After committing segment `current`: the next segment not done yet (wrapping), else simply the next one. */
export function nextAfterCommit(segments: ReadonlyArray<Pick<Segment, 'status'>>, current: number): number | null {
  for (let k = current + 1; k < segments.length; k++) if (segments[k].status !== 'done') return k;
  return stepIndex(current, 1, segments.length);
}

export function progressLabel(segments: ReadonlyArray<Pick<Segment, 'status'>>): string {
  const done = segments.filter((s) => s.status === 'done').length;
  return `${done} of ${segments.length} done`;
}
