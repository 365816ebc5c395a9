// Where the reader's toolbar (and its find bar, when open) ends, for a side panel that floats over the reader in
// a narrow window (styles/layout.css): published on the workspace as --reader-toolbar-height, so the panel
// starts under them and never covers their controls. Follows their height (a search bar, wrapping) and the
// pane's scrolling (at the top the find bar sits a little lower than once it sticks).
import { useEffect, type RefObject } from 'react';

const BARS = '.reader__toolbar, .reader__findrow';

export function useToolbarInset(articleRef: RefObject<HTMLElement | null>, findOpen: boolean): void {
  useEffect(() => {
    const bars = [...(articleRef.current?.querySelectorAll<HTMLElement>(BARS) ?? [])];
    const workspace = articleRef.current?.closest<HTMLElement>('.workspace');
    if (bars.length === 0 || !workspace) return;
    const pane = articleRef.current?.closest<HTMLElement>('.reader-pane');
    let last = '';
    const update = () => {
      // The bars are sticky at the top of the reader's pane, which starts at the top of the workspace.
      const top = workspace.getBoundingClientRect().top;
      const bottom = Math.max(...bars.map((b) => b.getBoundingClientRect().bottom - top));
      const value = `${Math.max(0, Math.ceil(bottom))}px`;
      if (value !== last) workspace.style.setProperty('--reader-toolbar-height', (last = value));
    };
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    for (const bar of bars) observer?.observe(bar);
    pane?.addEventListener('scroll', update, { passive: true });
    return () => {
      observer?.disconnect();
      pane?.removeEventListener('scroll', update);
      workspace.style.removeProperty('--reader-toolbar-height');
    };
  }, [articleRef, findOpen]);
}
