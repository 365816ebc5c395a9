// Text clean-up shared by every format.

/**
 * Whole-document normalisation, done before parsing: NFC, LF line endings, no control characters
 * except tab and newline. Page/line separators become newlines so they still separate blocks.
 */
export function normalizeDocument(text: string): string {
  // Text of printable ASCII, tabs and LFs is its own NFC and has nothing to replace: one scan instead of three passes
  // (NFC and two replacements over a 2 MB text: ~15 ms warm, ~25–60 ms in a parse worker's first file).
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|[\u0085\u2028\u2029\v\f]/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '')
  );
}

/** A code unit that normalizeDocument may change: anything but printable ASCII, a tab or a line feed. */
const NOT_PLAIN_ASCII = /[^\t\n\x20-\x7e]/;

/** One passage's text: every run of whitespace (including newlines and NBSP) becomes one space. */
export function collapseWhitespace(text: string): string {
  // Most text has single spaces only, which the replacement would copy unchanged: testing first is 4× quicker.
  return (IRREGULAR_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace that collapseWhitespace changes: any but a space, or two spaces in a row. */
const IRREGULAR_WHITESPACE = /[^\S ]| {2}/;

/** True when the text has nothing visible in it (whitespace and zero-width characters only). */
export function isBlank(text: string): boolean {
  return /^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(text);
}

/** Typographic ligatures as single code points (what PDF text layers often hold) → plain letters. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (l) => LIGATURES[l]);
}

/** Text taken from a structured format (PDF, DOCX, EPUB) as one passage: normalised and collapsed. */
export function cleanPassage(text: string): string {
  return collapseWhitespace(normalizeDocument(expandLigatures(text)));
}
