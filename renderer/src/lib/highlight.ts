// Splits text into plain and matching segments for highlighting search terms. Pure string work:
// the caller renders the segments as React text nodes, so untrusted text is never parsed as HTML.

export interface Segment {
  text: string;
  match: boolean;
}

/** Words of a query worth highlighting (letters/digits in any script; operators and quotes dropped). */
export function queryTerms(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    const w = word.replace(/[*~^]+$/, '');
    if (w.length < 2 || /^(AND|OR|NOT)$/.test(w)) continue;
    terms.add(w.toLocaleLowerCase());
  }
  // Longest first so "Sahakyan" wins over a shorter overlapping term.
  return [...terms].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Marks occurrences of the terms (case-insensitive, at word starts so "ang" does not light up inside
 * "pangulo"; a term also matches longer words it begins, as search stems do).
 */
export function splitHighlights(text: string, terms: string[]): Segment[] {
  if (!text) return [];
  const out: Segment[] = [];
  let last = 0;
  for (const [at, end] of termRanges(text, terms)) {
    if (at > last) out.push({ text: text.slice(last, at), match: false });
    out.push({ text: text.slice(at, end), match: true });
    last = end;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/** Where the terms occur in `text`, as [start, end) offsets (same rules as splitHighlights). */
export function termRanges(text: string, terms: string[]): Array<[number, number]> {
  if (!text || terms.length === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}\\p{M}]*`,
    'giu',
  );
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const at = m.index ?? 0;
    out.push([at, at + m[0].length]);
  }
  return out;
}

// ---- match ranges from the search engine -----------------------------------------------------------

/** A character range [start, end) in UTF-16 code units (as SearchHit.matches). */
export type MatchRange = readonly [number, number];

type GraphemeSegments = { containing(index: number): { index: number; segment: string } | undefined };
let graphemes: { segment(text: string): GraphemeSegments } | null | undefined;

function graphemeSegmenter(): { segment(text: string): GraphemeSegments } | null {
  if (graphemes === undefined) {
    try {
      graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    } catch {
      graphemes = null;
    }
  }
  return graphemes;
}

/**
 * Code units that never start a user-perceived character: combining marks (variation selectors too), joiners, low
 * surrogates.
 */
const CONTINUES = /^(?:\p{M}|\u200c|\u200d|[\udc00-\udfff])/u;

/**
 * Where the user-perceived character (grapheme cluster) around `offset` starts and ends, so a mark never
 * splits "e\u0301" or a surrogate pair. Falls back to a mark/surrogate check without Intl.Segmenter.
 */
function clusterAt(text: string, offset: number, segments: GraphemeSegments | null): [number, number] {
  const hit = segments?.containing(offset);
  if (hit) return [hit.index, hit.index + hit.segment.length];
  let start = offset;
  while (start > 0 && CONTINUES.test(text[start])) start--;
  let end = offset + 1;
  while (end < text.length && CONTINUES.test(text[end])) end++;
  return [start, end];
}

/**
 * Match ranges ready to draw: invalid, empty and out-of-range ranges dropped, ends clamped to the text and
 * moved out of the middle of a character (a combining accent stays with its letter), sorted, overlapping
 * ranges merged. Touching ranges stay separate (each match keeps its own mark).
 */
export function normalizeRanges(
  text: string,
  ranges: readonly MatchRange[] | null | undefined,
): Array<[number, number]> {
  if (!text || !ranges?.length) return [];
  const len = text.length;
  let segments: GraphemeSegments | null | undefined;
  const cluster = (offset: number) => {
    if (segments === undefined) segments = graphemeSegmenter()?.segment(text) ?? null;
    return clusterAt(text, offset, segments);
  };
  const cleaned: Array<[number, number]> = [];
  for (const r of ranges) {
    if (!Array.isArray(r) || r.length < 2) continue;
    let [s, e] = r;
    if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
    s = Math.max(0, Math.floor(s));
    e = Math.min(len, Math.ceil(e));
    if (e <= s) continue;
    s = cluster(s)[0];
    e = Math.max(e, cluster(e - 1)[1]);
    cleaned.push([s, e]);
  }
  cleaned.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of cleaned) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

/** The text cut into plain and marked segments at the given match ranges (see normalizeRanges). */
export function rangeSegments(text: string, ranges: readonly MatchRange[] | null | undefined): Segment[] {
  if (!text) return [];
  const out: Segment[] = [];
  let last = 0;
  for (const [s, e] of normalizeRanges(text, ranges)) {
    if (s > last) out.push({ text: text.slice(last, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    last = e;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
