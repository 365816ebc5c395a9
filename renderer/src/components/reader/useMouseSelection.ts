// Selecting text in the reader with the mouse: the selection's offsets in the document text and where its
// toolbar goes (above the words, or below when there is no room), read when the mouse is released anywhere in
// the window (a drag may end past the margin); a click on a highlight without a selection activates it.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { selectionOffsets } from '../../lib/selection';
import type { SelectionState } from './types';

/** The current selection in `articleRef` as offsets into `text`, with its toolbar's position; null if none. */
export function useCaptureSelection(
  articleRef: RefObject<HTMLElement | null>,
  paneRef: RefObject<HTMLElement | null>,
  text: string,
): () => SelectionState | null {
  return useCallback((): SelectionState | null => {
    const article = articleRef.current;
    if (!article) return null;
    const offsets = selectionOffsets(article, text);
    if (!offsets) return null;
    const sel = article.ownerDocument.getSelection();
    const rect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
    const art = article.getBoundingClientRect();
    const pane = paneRef.current?.getBoundingClientRect();
    const width = art.width || 600;
    const half = 170;
    const left = rect
      ? Math.min(Math.max(rect.left + rect.width / 2 - art.left, half), Math.max(half, width - half))
      : width / 2;
    const roomAbove = rect ? rect.top - (pane?.top ?? 0) > 110 : true;
    const top = rect ? (roomAbove ? rect.top - art.top : rect.bottom - art.top) : 0;
    return { ...offsets, position: { top, left, below: !roomAbove } };
  }, [text, paneRef, articleRef]);
}

interface MouseOptions {
  articleRef: RefObject<HTMLElement | null>;
  form: 'note' | 'tags' | null;
  captureSelection(): SelectionState | null;
  forget(): void;
  setSelection(sel: SelectionState | null): void;
  onActivateAnnotation?(id: string): void;
}

export function useMouseSelection({
  articleRef,
  form,
  captureSelection,
  forget,
  setSelection,
  onActivateAnnotation,
}: MouseOptions): void {
  // A selection may end outside the text column (a drag past the margin): listen on the window.
  const formRef = useRef(form);
  formRef.current = form;
  const activateRef = useRef(onActivateAnnotation);
  activateRef.current = onActivateAnnotation;
  useEffect(() => {
    const onMouseUp = (e: MouseEvent) => {
      const article = articleRef.current;
      const clickTarget = e.target instanceof Element ? e.target : null;
      if (!article || formRef.current || e.button !== 0 || clickTarget?.closest('.selection-toolbar')) return;
      // Let the browser finish the selection first.
      setTimeout(() => {
        forget();
        const next = captureSelection();
        setSelection(next);
        if (next || !clickTarget || !article.contains(clickTarget)) return;
        // A click (no selection) on a highlight selects its annotation.
        const ids = clickTarget.closest('[data-annotation-ids]')?.getAttribute('data-annotation-ids')?.split(' ');
        if (ids?.length && article.ownerDocument.getSelection()?.isCollapsed !== false)
          activateRef.current?.(ids[ids.length - 1]);
      }, 0);
    };
    window.addEventListener('mouseup', onMouseUp);
    return () => window.removeEventListener('mouseup', onMouseUp);
  }, [captureSelection, forget, articleRef, setSelection]);
}
