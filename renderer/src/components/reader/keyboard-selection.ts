// Selecting text in the reader without a mouse. With a passage focused (Tab into the text, Up/Down between
// passages): Shift+Right selects its first word, then extends the selection a word at a time; Shift+Left takes
// the last word back; Ctrl+Right / Ctrl+Left select the next / previous word alone (to start elsewhere);
// Shift+End / Shift+Home extend to the end of the passage / back to the first word. The selection is a real DOM
// selection, so the reader's H (highlight) and N (note) act on it as on a mouse selection. Words come from
// Intl.Segmenter in the passage's language, so this works for any script.
import { textOffsetWithin, PASSAGE_START_ATTR } from '../../lib/selection';

interface Word {
  start: number;
  end: number;
}

/** Word-like segments of a text (letters/digits), as offsets; falls back to runs of non-space characters. */
export function wordsOf(text: string, lang?: string): Word[] {
  const out: Word[] = [];
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    const segmenter = new Segmenter(lang && lang !== 'und' ? lang : undefined, { granularity: 'word' });
    for (const s of segmenter.segment(text))
      if (s.isWordLike) out.push({ start: s.index, end: s.index + s.segment.length });
    if (out.length > 0) return out;
  }
  for (const m of text.matchAll(/\S+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The next selection [start, end) in a passage of these words, for a key, from the current one (or none). */
export function nextSelection(words: readonly Word[], current: Word | null, key: string, shift: boolean): Word | null {
  if (words.length === 0) return null;
  const first = words[0];
  const last = words[words.length - 1];
  if (!current) {
    if (key === 'ArrowRight' || key === 'ArrowLeft' || key === 'Home') return { ...first };
    if (key === 'End') return shift ? { start: first.start, end: last.end } : { ...last };
    return null;
  }
  if (!shift) {
    // Ctrl+arrow: the word after the selection, or before it, alone.
    if (key === 'ArrowRight') {
      const w = words.find((x) => x.start >= current.end) ?? words.find((x) => x.end > current.end);
      return w ? { ...w } : current;
    }
    if (key === 'ArrowLeft') {
      const w = [...words].reverse().find((x) => x.end <= current.start);
      return w ? { ...w } : current;
    }
    return null;
  }
  if (key === 'ArrowRight') {
    const w = words.find((x) => x.end > current.end);
    return w ? { start: current.start, end: w.end } : current;
  }
  if (key === 'ArrowLeft') {
    // Give back the last word, keeping at least the first word of the selection.
    const kept = words.filter((x) => x.start >= current.start && x.end < current.end);
    return kept.length > 0 ? { start: current.start, end: kept[kept.length - 1].end } : current;
  }
  if (key === 'End') return { start: current.start, end: last.end };
  if (key === 'Home') {
    const w = words.find((x) => x.end > current.start) ?? first;
    return { start: current.start, end: w.end };
  }
  return null;
}

/** Places the DOM selection over [start, end) of the element's text (across highlight marks). */
function select(el: HTMLElement, range: Word): void {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let acc = 0;
  let startAt: [Node, number] | null = null;
  let endAt: [Node, number] | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!startAt && range.start < acc + n.length) startAt = [n, range.start - acc];
    if (range.end <= acc + n.length) {
      endAt = [n, range.end - acc];
      break;
    }
    acc += n.length;
  }
  if (!startAt || !endAt) return;
  const r = doc.createRange();
  r.setStart(...startAt);
  r.setEnd(...endAt);
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(r);
}

/** The selection's offsets inside the passage element, if it lies inside it. */
function currentIn(el: HTMLElement): Word | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
  return {
    start: textOffsetWithin(el, r.startContainer, r.startOffset),
    end: textOffsetWithin(el, r.endContainer, r.endOffset),
  };
}

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'Home', 'End']);

/**
 * Handles a keydown on a focused passage; true (and the default prevented) when it changed the selection.
 * Right and Left are swapped in a right-to-left passage, so the arrow points the way the words run.
 */
export function keyboardSelect(e: KeyboardEvent): boolean {
  const el = e.target instanceof HTMLElement ? e.target : null;
  if (!el?.hasAttribute(PASSAGE_START_ATTR) || !KEYS.has(e.key) || e.altKey || e.metaKey) return false;
  const ctrl = e.ctrlKey;
  if (!(e.shiftKey || (ctrl && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')))) return false;
  const rtl = getComputedStyle(el).direction === 'rtl';
  const key = rtl && e.key === 'ArrowRight' ? 'ArrowLeft' : rtl && e.key === 'ArrowLeft' ? 'ArrowRight' : e.key;
  const words = wordsOf(el.textContent ?? '', el.closest('[lang]')?.getAttribute('lang') ?? undefined);
  const next = nextSelection(words, currentIn(el), key, e.shiftKey);
  if (!next) return false;
  e.preventDefault();
  select(el, next);
  return true;
}
