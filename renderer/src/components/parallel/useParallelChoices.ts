// The person's passing choices in the parallel reader: rows selected for a merge or split, paragraphs picked for a
// hand link, the sentence hovered or pinned, and the place in the "Check next" round. Escape clears them, and every
// alignment change starts them afresh (bead numbers moved).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alignment } from '../../../../shared/translations';

export type Picks = { source: number[]; target: number[] };

export function useParallelChoices(alignment: Alignment | null) {
  const [selected, setSelected] = useState<number[]>([]);
  const [picks, setPicks] = useState<Picks>({ source: [], target: [] });
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  /** Position in the check order of the uncertain row shown last (-1: none yet). */
  const [checking, setChecking] = useState(-1);

  // Every alignment change starts the choices afresh (bead numbers moved).
  useEffect(() => {
    setSelected([]);
    setPicks({ source: [], target: [] });
    setPinnedKey(null);
    setChecking(-1);
  }, [alignment]);

  const onPick = useCallback((side: 'source' | 'target', ordinal: number) => {
    setPicks((p) => ({
      ...p,
      [side]: p[side].includes(ordinal)
        ? p[side].filter((o) => o !== ordinal)
        : [...p[side], ordinal].sort((a, b) => a - b),
    }));
  }, []);

  const onSelectRow = useCallback((rowIndex: number) => {
    setSelected((list) =>
      list.includes(rowIndex) ? list.filter((i) => i !== rowIndex) : [...list, rowIndex].slice(-2),
    );
  }, []);

  // Hover: one listener on the rows (event delegation), so rows need no handlers of their own.
  const onMouseOver = (e: React.MouseEvent) => {
    const el = (e.target as Element).closest?.('[data-sentence]');
    setHoverKey(el?.getAttribute('data-sentence') ?? null);
  };
  const onMouseLeave = () => setHoverKey(null);
  const onClickText = (e: React.MouseEvent) => {
    if ((e.target as Element).closest?.('button')) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const key = (e.target as Element).closest?.('[data-sentence]')?.getAttribute('data-sentence') ?? null;
    setPinnedKey((k) => (key && k !== key ? key : null));
  };

  const clearChoices = useRef(() => undefined as void);
  clearChoices.current = () => {
    setSelected([]);
    setPicks({ source: [], target: [] });
    setPinnedKey(null);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') clearChoices.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return {
    selected,
    picks,
    /** The sentence whose counterpart is lit: the pinned one, else the hovered one. */
    activeKey: pinnedKey ?? hoverKey ?? '',
    checking,
    setChecking,
    onPick,
    onSelectRow,
    onMouseOver,
    onMouseLeave,
    onClickText,
    clear: () => clearChoices.current(),
  };
}
