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
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}\\p{M}]*`, 'giu');
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const at = m.index ?? 0;
    out.push([at, at + m[0].length]);
  }
  return out;
}
