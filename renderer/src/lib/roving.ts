// Roving tab stop for lists: the whole list is one stop in the Tab order (the item last focused, else the
// current or first one); Up/Down move between items, Left/Right between the controls of an item (open, delete…),
// Home/End to the first/last item. Works on the DOM, so it follows items that come and go (virtual lists,
// edits): form fields inside an item (an open editor) keep their own Tab stops.
import { useCallback } from 'react';

const CONTROLS = 'a[href], button:not([disabled]), [data-roving-stop]';
const FIELD = 'input, textarea, select, [contenteditable="true"]';

export interface RovingOptions {
  /** Selector of the list's items, inside the container. */
  items: string;
  /** Left/Right move between an item's controls (off where they belong to text, e.g. the reader's caret). */
  horizontal?: boolean;
}

/** The controls of an item that take part (its own element first when it is a stop itself). */
function controlsOf(item: HTMLElement): HTMLElement[] {
  const inner = Array.from(item.querySelectorAll<HTMLElement>(CONTROLS)).filter((c) => !c.closest('[hidden]'));
  return item.matches(CONTROLS) ? [item, ...inner] : inner;
}

const isField = (el: Element | null) => !!el?.closest(FIELD);

/** A callback ref for the list's container: set up when it mounts, torn down when it goes (React 19 cleanup). */
export function useRovingFocus({ items, horizontal = true }: RovingOptions): (root: HTMLElement | null) => () => void {
  return useCallback(
    (root: HTMLElement | null) => {
      if (!root) return () => {};
      return setUp(root, items, horizontal);
    },
    [items, horizontal],
  );
}

function setUp(root: HTMLElement, items: string, horizontal: boolean): () => void {
  let current: HTMLElement | null = null;
  const list = () => Array.from(root.querySelectorAll<HTMLElement>(items));

  const preferred = (all: HTMLElement[]) => {
    const marked = all.find((i) => i.matches('[aria-current]:not([aria-current="false"]), [aria-selected="true"]'));
    const item = marked ?? all.find((i) => i.querySelector('[aria-current]:not([aria-current="false"])')) ?? all[0];
    return item ? (controlsOf(item)[0] ?? null) : null;
  };

  const normalise = () => {
    const all = list();
    if (!current || !current.isConnected || !root.contains(current)) current = preferred(all);
    for (const item of all) for (const c of controlsOf(item)) c.tabIndex = c === current ? 0 : -1;
  };

  const focusControl = (item: HTMLElement | undefined, column: number) => {
    if (!item) return false;
    const cs = controlsOf(item);
    const target = cs[Math.min(column, cs.length - 1)];
    if (!target) return false;
    current = target;
    normalise();
    target.focus();
    return true;
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (isField(target)) return;
    const all = list();
    const item = all.find((i) => i.contains(target));
    if (!item) return;
    const cs = controlsOf(item);
    const column = Math.max(0, cs.indexOf(target));
    const at = all.indexOf(item);
    let moved = false;
    if (e.key === 'ArrowDown') moved = focusControl(all[at + 1], column) || true;
    else if (e.key === 'ArrowUp') moved = focusControl(all[at - 1], column) || true;
    else if (e.key === 'Home') moved = focusControl(all[0], 0);
    else if (e.key === 'End') moved = focusControl(all[all.length - 1], 0);
    else if (horizontal && e.key === 'ArrowRight' && column < cs.length - 1) moved = focusControl(item, column + 1);
    else if (horizontal && e.key === 'ArrowLeft' && column > 0) moved = focusControl(item, column - 1);
    if (moved) e.preventDefault();
  };

  const onFocusIn = (e: FocusEvent) => {
    const target = e.target as HTMLElement;
    if (isField(target)) return;
    const item = list().find((i) => i.contains(target));
    if (item && controlsOf(item).includes(target) && current !== target) {
      current = target;
      normalise();
    }
  };

  let frame = 0;
  const observer = new MutationObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(normalise);
  });
  observer.observe(root, { childList: true, subtree: true });
  normalise();
  root.addEventListener('keydown', onKey);
  root.addEventListener('focusin', onFocusIn);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('focusin', onFocusIn);
  };
}
