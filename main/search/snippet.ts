// Keyword-in-context snippet: a window of the passage around the first match, cut at word boundaries.

const SNIPPET_LENGTH = 200;

export function buildSnippet(text: string, matchStart: number | undefined, length = SNIPPET_LENGTH): string {
  if (text.length <= length) return text;
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
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
