// Words selected in the reader, with the mouse (useMouseSelection) or the keys (useKeyboardSelection), and what
// can be done with them: highlight or note (create), re-attach an orphaned annotation there (attach), record a
// fact (fact); the last colour used is the next highlight's.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AnnotationColor, DocumentDetail } from '../../../../shared/types';
import type { HighlightSpan } from '../../lib/segments';
import type { TextRange } from '../../lib/selection';
import type { AnnotationBody } from '../AnnotationForm';
import type { NewAnnotationInput, SelectionState } from './types';
import { useKeyboardSelection } from './useKeyboardSelection';
import { useCaptureSelection, useMouseSelection } from './useMouseSelection';

interface Options {
  doc: DocumentDetail;
  spans: Map<string, HighlightSpan[]>;
  articleRef: RefObject<HTMLElement | null>;
  paneRef: RefObject<HTMLElement | null>;
  onCreate?(input: NewAnnotationInput): Promise<boolean>;
  onReattach?(range: TextRange): Promise<boolean>;
  onFact?(range: TextRange): void;
  onActivateAnnotation?(id: string): void;
}

export function useReaderSelection({
  doc,
  spans,
  articleRef,
  paneRef,
  onCreate,
  onReattach,
  onFact,
  onActivateAnnotation,
}: Options) {
  const [selection, setSelection] = useState<SelectionState | null>(null);
  const [form, setForm] = useState<'note' | 'tags' | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastColor, setLastColor] = useState<AnnotationColor>('yellow');
  const keys = useKeyboardSelection(articleRef, doc.text, doc.passages, spans);
  const { forget, focusPassageAt } = keys;
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

  const clearSelection = useCallback(() => {
    const was = selectionRef.current;
    // Focus in the toolbar (its note form, a button) goes back to the text it was about, not to the page.
    const inToolbar = !!articleRef.current?.ownerDocument.activeElement?.closest('.selection-toolbar');
    setSelection(null);
    setForm(null);
    forget();
    articleRef.current?.ownerDocument.getSelection()?.removeAllRanges();
    if (inToolbar && was) focusPassageAt(was.start);
  }, [forget, focusPassageAt, articleRef]);

  const captureSelection = useCaptureSelection(articleRef, paneRef, doc.text);
  useMouseSelection({
    articleRef,
    form,
    captureSelection,
    forget,
    setSelection,
    onActivateAnnotation: onActivateAnnotation,
  });

  const create = async (body: AnnotationBody) => {
    const sel = selection ?? captureSelection();
    if (!sel || !onCreate) return;
    setBusy(true);
    try {
      const ok = await onCreate({ start: sel.start, end: sel.end, ...body });
      if (ok) {
        setLastColor(body.color);
        // Words selected with the keys stay selected for the next command (F, another colour…).
        if (keys.created(sel, body)) {
          setSelection(null);
          setForm(null);
        } else clearSelection();
      }
    } finally {
      setBusy(false);
    }
  };

  const attach = async () => {
    const sel = selection ?? captureSelection();
    if (!sel || !onReattach) return;
    setBusy(true);
    try {
      if (await onReattach({ start: sel.start, end: sel.end })) clearSelection();
    } finally {
      setBusy(false);
    }
  };

  const fact = (sel: TextRange) => {
    if (!onFact) return;
    onFact({ start: sel.start, end: sel.end });
    clearSelection();
  };

  return {
    selection,
    setSelection,
    form,
    setForm,
    busy,
    lastColor,
    keys,
    forget,
    clearSelection,
    captureSelection,
    create,
    attach,
    fact,
  };
}
