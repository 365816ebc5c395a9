// Case- and diacritic-insensitive text matching for find-in-document and the annotation filter.
// The fold is search's (shared/text/fold.ts), so find-in-document agrees with search. Folding changes lengths
// ("É" → "e", "ﬁ" → "fi", a lone combining mark disappears), so the folded text carries a map back to
// offsets in the original (UTF-16 code units, like every offset in Tala).
import { foldText } from '../../../shared/text/fold';

export interface FoldedText {
  folded: string;
  /** For each folded code unit: start of the original character it came from. */
  from: Int32Array;
  /** For each folded code unit: end of the original character it came from. */
  to: Int32Array;
  /** Length of the original text. */
  length: number;
}

const cache = new Map<string, string>();
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Folds one character (a code point, possibly two code units). */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let out = cache.get(ch);
  if (out === undefined) {
    out = foldText(ch).replace(APOSTROPHES, "'");
    if (cache.size < 50_000) cache.set(ch, out);
  }
  return out;
}

/** Folds a whole string (for queries and filters). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export function foldWithMap(text: string): FoldedText {
  const parts: string[] = [];
  const from = new Int32Array(text.length + 1);
  const to = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f =
      width === 1 && cp < 0x80
        ? cp >= 65 && cp <= 90
          ? String.fromCharCode(cp + 32)
          : text[i]
        : foldChar(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) {
      from[n] = i;
      to[n] = i + width;
      n++;
    }
    parts.push(f);
    i += width;
  }
  return { folded: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n), length: text.length };
}

/** Every non-overlapping occurrence of `query` in the folded text, as [start, end) of the original. */
export function findFolded(text: FoldedText, foldedQuery: string, limit = Infinity): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!foldedQuery) return out;
  let at = text.folded.indexOf(foldedQuery);
  while (at !== -1 && out.length < limit) {
    const last = at + foldedQuery.length - 1;
    let end = text.to[last];
    // Characters that fold to nothing (combining marks) right after the match belong to it.
    const nextFolded = last + 1 < text.from.length ? text.from[last + 1] : text.length;
    if (nextFolded > end) end = nextFolded;
    out.push([text.from[at], end]);
    at = text.folded.indexOf(foldedQuery, at + foldedQuery.length);
  }
  return out;
}

/** Case/diacritic-insensitive "contains" for short strings. */
export function includesFolded(haystack: string, needle: string): boolean {
  const q = fold(needle.trim());
  return q === '' || fold(haystack).includes(q);
}
