// Pure helpers of the reader: where an offset falls, which highlights each passage draws, whether a key went to
// a text field.
import { EVIDENCE_TAG } from '../../../../shared/facts';
import type { Annotation, Passage } from '../../../../shared/types';
import type { HighlightSpan } from '../../lib/segments';

export const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** Index of the passage containing document offset `offset` (passages are sorted by start). */
export function passageIndexAt(passages: readonly Passage[], offset: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (passages[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Anchored annotations grouped by the passages they touch (an annotation may span several). */
export function spansByPassage(
  passages: readonly Passage[],
  annotations: readonly Annotation[],
  text: string,
): Map<string, HighlightSpan[]> {
  const out = new Map<string, HighlightSpan[]>();
  for (const a of annotations) {
    // Orphans keep their last offsets, which may point anywhere: they are listed, never drawn.
    if (a.status === 'orphaned' || a.end > text.length || text.slice(a.start, a.end) !== a.exact) continue;
    for (let i = passageIndexAt(passages, a.start); i < passages.length && passages[i].start < a.end; i++) {
      const p = passages[i];
      if (p.end <= a.start) continue;
      const list = out.get(p.id) ?? [];
      list.push({ id: a.id, color: a.color, start: a.start, end: a.end, evidence: a.tags.includes(EVIDENCE_TAG) });
      out.set(p.id, list);
    }
  }
  return out;
}
