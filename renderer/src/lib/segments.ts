// Splits a passage's text into runs for rendering highlights: annotations (which may overlap each
// other), find-in-document matches, search terms and the selection being annotated. Pure: the reader
// renders each run as a text node or one <mark>, so the passage's text nodes always concatenate to
// exactly the passage text (the selection → offset mapping relies on it).
import type { AnnotationColor } from '../../../shared/types';

export interface HighlightSpan {
  id: string;
  color: AnnotationColor;
  /** Evidence for a fact: drawn as an underline, under (never over) the user's own highlights. */
  evidence?: boolean;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

export interface Layers {
  annotations?: readonly HighlightSpan[];
  /** Find matches with their index in the whole document's match list. */
  finds?: ReadonlyArray<{ index: number; start: number; end: number }>;
  currentFind?: number;
  /** Search-term matches. */
  terms?: ReadonlyArray<[number, number]>;
  /** The selection being annotated (shown while the note form has the focus). */
  pending?: { start: number; end: number } | null;
}

export interface Run {
  /** Offsets relative to the passage text. */
  start: number;
  end: number;
  text: string;
  /** Annotations covering the run, outermost first (the last one is drawn on top). */
  annotations: HighlightSpan[];
  /** Index of the find match covering the run, or -1. */
  find: number;
  term: boolean;
  pending: boolean;
}

/**
 * Runs covering `text` (a passage starting at `base` in the document text). Every layer is clipped to
 * the passage; empty and out-of-range spans are ignored.
 */
export function segmentPassage(text: string, base: number, layers: Layers): Run[] {
  const len = text.length;
  type Span = { s: number; e: number };
  const clip = <T extends Span>(x: T): T | null => {
    const s = Math.max(0, x.s - base);
    const e = Math.min(len, x.e - base);
    return e > s ? { ...x, s, e } : null;
  };
  const anns = (layers.annotations ?? [])
    .map((a) => clip({ s: a.start, e: a.end, a }))
    .filter((x): x is NonNullable<typeof x> => x !== null)
    // Outermost first: earlier start, then longer.
    .sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end || (x.a.id < y.a.id ? -1 : 1));
  const finds = (layers.finds ?? [])
    .map((f) => clip({ s: f.start, e: f.end, index: f.index }))
    .filter((x) => x !== null);
  const terms = (layers.terms ?? []).map(([s, e]) => clip({ s: s, e: e })).filter((x) => x !== null);
  const pending = layers.pending ? clip({ s: layers.pending.start, e: layers.pending.end }) : null;

  const cuts = new Set<number>([0, len]);
  for (const list of [anns, finds, terms] as Span[][]) for (const x of list) cuts.add(x.s).add(x.e);
  if (pending) cuts.add(pending.s).add(pending.e);
  const points = [...cuts].sort((a, b) => a - b);

  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    if (e <= s) continue;
    const covering = anns.filter((x) => x.s <= s && x.e >= e).map((x) => x.a);
    const find = finds.find((x) => x.s <= s && x.e >= e)?.index ?? -1;
    const term = terms.some((x) => x.s <= s && x.e >= e);
    const isPending = pending !== null && pending.s <= s && pending.e >= e;
    const prev = runs[runs.length - 1];
    if (
      prev &&
      prev.find === find &&
      prev.term === term &&
      prev.pending === isPending &&
      sameIds(prev.annotations, covering)
    ) {
      prev.end = e;
      prev.text = text.slice(prev.start, e);
      continue;
    }
    runs.push({ start: s, end: e, text: text.slice(s, e), annotations: covering, find, term, pending: isPending });
  }
  return runs;
}

function sameIds(a: HighlightSpan[], b: HighlightSpan[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i].id);
}

/** True when the run has nothing to mark (rendered as a bare text node). */
export const isPlain = (r: Run) => r.annotations.length === 0 && r.find === -1 && !r.term && !r.pending;
