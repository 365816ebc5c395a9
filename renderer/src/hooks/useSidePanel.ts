// The side panel beside the reader (annotations, facts): open or closed, and, in a window too narrow for the
// search results, the reader and the panel side by side (≤ 1500 px), which of results and panel gives way.
// The results by default; the panel as soon as the user asks for it (its toggle, a fact from the selection, an
// annotation link), until they go back to the search box. The panel is reported open only when it is on
// screen, so its toggle's pressed state never claims a panel the layout hides.
import { useCallback, useState, useSyncExternalStore } from 'react';

export const NARROW_FOR_PANEL = '(max-width: 1500px)';

function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', notify);
      return () => list?.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(query).matches ?? false);
}

export function useSidePanel(searching: boolean) {
  const [open, setOpen] = useState(true);
  const [panelFirst, setPanelFirst] = useState(false);
  const narrow = useMediaQuery(NARROW_FOR_PANEL);
  const shown = open && !(searching && narrow && !panelFirst);

  const toggle = useCallback(() => {
    if (shown) setOpen(false);
    else {
      setOpen(true);
      setPanelFirst(true);
    }
  }, [shown]);
  const show = useCallback(() => {
    setOpen(true);
    setPanelFirst(true);
  }, []);
  /** The user went back to searching: the results come first again. */
  const resultsFirst = useCallback(() => setPanelFirst(false), []);

  return { shown, toggle, show, resultsFirst };
}
