// Where the reader's toolbar ends, for a side panel that floats over the reader in a narrow window
// (styles/layout.css): published on the workspace as --reader-toolbar-height, so the panel starts under the
// toolbar and never covers its controls. Follows the toolbar as it changes height (a search bar, wrapping).
import { useEffect, type RefObject } from 'react';

export function useToolbarInset(articleRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const toolbar = articleRef.current?.querySelector<HTMLElement>('.reader__toolbar');
    const workspace = articleRef.current?.closest<HTMLElement>('.workspace');
    if (!toolbar || !workspace) return;
    const update = () => {
      // The toolbar is sticky at the top of the reader's pane, which starts at the top of the workspace.
      const bottom = toolbar.getBoundingClientRect().bottom - workspace.getBoundingClientRect().top;
      workspace.style.setProperty('--reader-toolbar-height', `${Math.max(0, Math.ceil(bottom))}px`);
    };
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(toolbar);
    return () => {
      observer?.disconnect();
      workspace.style.removeProperty('--reader-toolbar-height');
    };
  }, [articleRef]);
}
