// The reader's keyboard selection as a user lives it: words selected with the keys (keyboard-selection.ts) are
// announced in a polite live region; after H or N they stay selected (re-applied over the new highlight's marks)
// and the focus comes back to their passage, so F (fact) or another command can follow on the same words; what
// was done is announced too. A mouse selection keeps the old behaviour (the toolbar closes, nothing stays).
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Passage } from '../../../../shared/types';
import { truncate } from '../../lib/format';
import { offsetsToRange, selectionOffsets, type TextRange } from '../../lib/selection';
import { passageElementId } from './PassageText';

/** Index of the passage holding a document offset (passages sorted by start). */
function passageAt(passages: readonly Passage[], offset: number): Passage | undefined {
  let found: Passage | undefined;
  for (const p of passages) {
    if (p.start > offset) break;
    found = p;
  }
  return found;
}

export function useKeyboardSelection(
  articleRef: RefObject<HTMLElement | null>,
  text: string,
  passages: readonly Passage[],
  /** Re-applies the kept selection when these change (the highlights redrawn under it). */
  redraw: unknown,
) {
  const [announcement, setAnnouncement] = useState('');
  const [kept, setKept] = useState<TextRange | null>(null);
  const byKeys = useRef<TextRange | null>(null);

  const quote = useCallback((r: TextRange) => truncate(text.slice(r.start, r.end), 80), [text]);

  /** Focuses the passage holding a document offset (if it is rendered). */
  const focusPassageAt = useCallback(
    (offset: number) => {
      const passage = passageAt(passages, offset);
      const el = passage && articleRef.current?.ownerDocument.getElementById(passageElementId(passage.id));
      el?.focus({ preventScroll: true });
    },
    [articleRef, passages],
  );

  /** A selection was made (or moved) with the keys: remember it and say what it holds. */
  const selectedByKeys = useCallback(
    (range: TextRange | null) => {
      byKeys.current = range;
      setKept(null);
      if (range) setAnnouncement(`“${quote(range)}” selected. H highlights, N adds a note, F records a fact.`);
    },
    [quote],
  );

  /**
   * An annotation was made from `range`: announces it; true when the words were selected with the keys, in
   * which case they stay selected and their passage has the focus again.
   */
  const created = useCallback(
    (range: TextRange, what: { note: string; tags: readonly string[] }) => {
      const q = quote(range);
      setAnnouncement(
        what.note ? `Note added to “${q}”.` : what.tags.length ? `Tags added to “${q}”.` : `Highlighted “${q}”.`,
      );
      const k = byKeys.current;
      if (!k || k.start !== range.start || k.end !== range.end) return false;
      setKept({ start: range.start, end: range.end });
      focusPassageAt(range.start);
      return true;
    },
    [quote, focusPassageAt],
  );

  /** The selection is gone (Esc, a mouse selection, a new document). */
  const forget = useCallback(() => {
    byKeys.current = null;
    setKept(null);
  }, []);

  // Drawing a new highlight replaces the text nodes under the selection: select the kept words again (only
  // while the focus is in the reader, so a field elsewhere never loses its caret).
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!kept || !article) return;
    const doc = article.ownerDocument;
    const active = doc.activeElement;
    if (active && active !== doc.body && !article.contains(active)) return;
    const now = selectionOffsets(article, text);
    if (now && now.start === kept.start && now.end === kept.end) return;
    const range = offsetsToRange(article, kept.start, kept.end);
    if (!range) return;
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }, [articleRef, kept, text, redraw]);

  return { announcement, setAnnouncement, kept, selectedByKeys, created, forget, focusPassageAt };
}
