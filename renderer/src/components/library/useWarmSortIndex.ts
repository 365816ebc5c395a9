// The library table's sort index, built in idle time (see sortedPositions in lib/library-table.ts).
import { useEffect } from 'react';
import type { LibraryEntry } from '../../../../shared/library';
import { sortedPositions } from '../../lib/library-table';
import { COLUMNS } from './columns';

export /**
 * Builds every column's order (both ways) while the browser is idle, one per idle slice, after the entries
 * arrive or change: the first click on a column header is then a lookup, not a sort of every row.
 */
function useWarmSortIndex(entries: readonly LibraryEntry[]): void {
  useEffect(() => {
    const pending = COLUMNS.flatMap((c) => [
      { key: c.key, direction: 'asc' as const },
      { key: c.key, direction: 'desc' as const },
    ]);
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 2000 })
        : (setTimeout(run, 50) as unknown as number);
    const cancel = (handle: number) =>
      typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);
    let handle = 0;
    const next = () => {
      const sort = pending.shift();
      if (!sort) return;
      sortedPositions(entries, sort);
      handle = idle(next);
    };
    handle = idle(next);
    return () => cancel(handle);
  }, [entries]);
}
