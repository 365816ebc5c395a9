// Focus in the parallel grid: the rows are one Tab stop (Up/Down between rows, Left/Right along a row's controls),
// and after a correction the row of the corrected paragraphs takes the focus once the rows are redrawn.
import { useCallback, useEffect, useRef } from 'react';
import type { ParallelRow, Side } from '../../lib/parallel';
import { useRovingFocus } from '../../lib/roving';

export function useRowFocus(rows: ParallelRow[]) {
  const gridRef = useRef<HTMLDivElement>(null);
  // The rows are one Tab stop: Up/Down between rows, Left/Right along a row's controls (select, boundary tools).
  const rovingRef = useRovingFocus({ items: '[data-testid="parallel-row"]' });
  const setGrid = useCallback(
    (el: HTMLDivElement | null) => {
      gridRef.current = el;
      const stop = el ? rovingRef(el) : undefined;
      return () => {
        stop?.();
        gridRef.current = null;
      };
    },
    [rovingRef],
  );
  /** After a correction, the paragraph whose row takes the focus once the rows are redrawn. */
  const refocus = useRef<{ side: Side; ordinal: number } | null>(null);

  // A correction redraws the rows (and hides the action bar): focus goes to the row of the corrected paragraphs,
  // unless the person has moved it elsewhere meanwhile.
  useEffect(() => {
    const want = refocus.current;
    const grid = gridRef.current;
    if (!want || !grid) return;
    const cell = grid.querySelector(`[data-side="${want.side}"] [data-ordinal="${want.ordinal}"]`);
    const button = cell
      ?.closest('[data-testid="parallel-row"]')
      ?.querySelector<HTMLElement>('[data-testid="row-select"]');
    if (!button) return;
    refocus.current = null;
    const active = document.activeElement;
    const view = grid.closest('[data-testid="parallel"]');
    if (!active || active === document.body || view?.contains(active)) button.focus();
  }, [rows]);

  return { gridRef, setGrid, refocus };
}
