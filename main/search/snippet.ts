// Keyword-in-context snippets: a window of the passage around its matches, cut at word boundaries.

const SNIPPET_LENGTH = 200;
const ELLIPSIS = '…';

export interface Snippet {
  text: string;
  /** Offset in the passage of the first character taken (after the leading ellipsis, if any). */
  start: number;
  /** Match ranges relative to `text` (ellipsis included), clipped to the window. */
  matches: Array<[number, number]>;
}

/** The window of `length` characters that holds the most matches, its first match a third of the way in. */
export function snippetFor(
  text: string,
  matches: ReadonlyArray<readonly [number, number]>,
  length = SNIPPET_LENGTH,
): Snippet {
  let center: number | undefined;
  let best = 0;
  for (let i = 0, j = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j][1] <= matches[i][0] + length * (2 / 3)) j++;
    if (j - i > best) {
      best = j - i;
      center = matches[i][0];
    }
  }
  const [start, end] = snippetWindow(text, center, length);
  const prefix = start > 0 ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const inWindow: Array<[number, number]> = [];
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    inWindow.push([Math.max(s, start) + shift, Math.min(e, end) + shift]);
  }
  return { text: `${prefix}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`, start, matches: inWindow };
}

/** Start and end offsets of the snippet window around `matchStart`. */
export function snippetWindow(text: string, matchStart: number | undefined, length = SNIPPET_LENGTH): [number, number] {
  if (text.length <= length) return [0, text.length];
  const center = matchStart ?? 0;
  let start = Math.max(0, center - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, end - length);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < center) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > center) end = space;
  }
  return [start, end];
}

export function buildSnippet(text: string, matchStart: number | undefined, length = SNIPPET_LENGTH): string {
  const [start, end] = snippetWindow(text, matchStart, length);
  return `${start > 0 ? ELLIPSIS : ''}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`;
}
