// Sentence boundaries from ICU (Intl.Segmenter), with a cheap fix for abbreviations ICU splits after.

/**
 * Lower-cased abbreviations (without the final dot) after which a sentence almost never ends, per
 * language: "mar." is an English month but Spanish for "sea", so the lists are not pooled.
 */
const ABBREVIATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set([
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'jr',
    'sr',
    'vs',
    'e.g',
    'i.e',
    'fig',
    'vol',
    'pp',
    'gen',
    'col',
    'lt',
    'capt',
    'sgt',
    'gov',
    'sen',
    'rep',
    'rev',
    'hon',
    'mt',
    'approx',
    'dept',
    'jan',
    'feb',
    'apr',
    'aug',
    'sept',
    'oct',
    'nov',
    'dec',
  ]),
  // Ginoo, Ginang, Binibini, Kagalang-galang, and English titles used in Filipino texts.
  tl: new Set(['g', 'gng', 'bb', 'kgg', 'dr', 'atty', 'engr', 'gob', 'sen', 'sto', 'sta', 'prof']),
  ru: new Set([
    'т.е',
    'т.к',
    'т.д',
    'т.п',
    'т.н',
    'др',
    'пр',
    'г',
    'гг',
    'им',
    'ул',
    'стр',
    'см',
    'тыс',
    'млн',
    'млрд',
    'руб',
    'проф',
    'акад',
  ]),
};
const NONE: ReadonlySet<string> = new Set();

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      // Not a valid BCP 47 tag ('und' and ISO 639-3 codes are fine): fall back to the root rules.
      segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
    }
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * V8's sentence segmenter gets slower per segment as the string grows (a 200 000-character
 * paragraph takes seconds, a few megabytes take hours), so long passages are segmented in windows.
 */
const WINDOW = 2000;

/** [start, end) offsets of each sentence in `text`, trimmed of surrounding whitespace, in order. */
export function splitSentences(text: string, lang: string): Array<[number, number]> {
  const tag = lang || 'und';
  const abbreviations = ABBREVIATIONS[tag.toLowerCase().split('-')[0]] ?? NONE;
  const spans: Array<[number, number]> = [];
  let pendingStart = -1;
  // Offsets, not strings: a segment is trimmed and its tail looked at in place (a 5,000-paragraph file made ~100,000
  // strings here: each segment, its trimmed copies and its tail).
  const bounds = plainSegments(text) ?? rawSegments(text, segmenterFor(tag));
  for (let k = 0; k + 1 < bounds.length; k++) {
    let from = bounds[k];
    let end = bounds[k + 1];
    while (from < end && isTrimmed(text.charCodeAt(from))) from++;
    if (from === end) continue; // whitespace only
    while (isTrimmed(text.charCodeAt(end - 1))) end--;
    const start = pendingStart >= 0 ? pendingStart : from;
    if (endsWithAbbreviation(text, from, end, abbreviations)) {
      pendingStart = start;
      continue;
    }
    spans.push([start, end]);
    pendingStart = -1;
  }
  if (pendingStart >= 0) spans.push([pendingStart, text.trimEnd().length]);
  return spans;
}

/** Per UTF-16 code unit: 1 when String.prototype.trim removes it (white space, line ends), 2 when not, 0 not known. */
const trimmedUnits = new Uint8Array(65536);

/** What ABBREVIATION_AT_END allows before its word: white space (\s is what trim removes), ( « " or “. */
function startsAfter(unit: number): boolean {
  return unit === 0x28 || unit === 0xab || unit === 0x22 || unit === 0x201c || isTrimmed(unit);
}

function isTrimmed(unit: number): boolean {
  let known = trimmedUnits[unit];
  if (known === 0) known = trimmedUnits[unit] = String.fromCharCode(unit).trim() === '' ? 1 : 2;
  return known === 1;
}

// ---- plain text without ICU ---------------------------------------------------------------------------------------
// Most passages are plain: ASCII letters, digits, spaces and common punctuation, Latin-1 letters, typographic quotes
// and dashes, the ellipsis (everything but ';', which Greek's rules make a question mark). For those the Unicode
// sentence rules (UAX #29, which ICU's root rules implement and no locale of ours tailors for these characters) are
// applied here, giving exactly ICU's boundaries (test/shared/text/sentences-plain.test.ts compares the two on random
// and real text): a 5,000-paragraph file's 20,000 sentences took ~220 ms in the parse worker through Intl.Segmenter
// (~45 ms of it to make the segmenter), ~10 ms here. Any other character, or a passage longer than ICU's window, goes
// to ICU.

/** Sentence_Break classes of the characters handled here (0: not handled). */
const UPPER = 1;
const LOWER = 2;
const NUMERIC = 3;
const SP = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const OTHER = 9;
const PLAIN_CLASS = new Uint8Array(0x2027);
for (let c = 0x41; c <= 0x5a; c++) PLAIN_CLASS[c] = UPPER;
for (let c = 0x61; c <= 0x7a; c++) PLAIN_CLASS[c] = LOWER;
for (let c = 0x30; c <= 0x39; c++) PLAIN_CLASS[c] = NUMERIC;
PLAIN_CLASS[0x20] = SP;
PLAIN_CLASS[0x2e] = ATERM; // .
PLAIN_CLASS[0x21] = STERM; // !
PLAIN_CLASS[0x3f] = STERM; // ?
for (const c of '"\'()[]{}') PLAIN_CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:') PLAIN_CLASS[c.charCodeAt(0)] = SCONTINUE;
for (const c of '#$%&*+/<=>@_`|~^\\') PLAIN_CLASS[c.charCodeAt(0)] = OTHER;
// Latin-1 letters (Tagalog's ñ, accented vowels, …), the no-break space, « », typographic quotes and dashes, the
// ellipsis.
for (let c = 0xc0; c <= 0xde; c++) PLAIN_CLASS[c] = c === 0xd7 ? OTHER : UPPER;
for (let c = 0xdf; c <= 0xff; c++) PLAIN_CLASS[c] = c === 0xf7 ? OTHER : LOWER;
for (const c of [0xaa, 0xb5, 0xba]) PLAIN_CLASS[c] = LOWER; // ª µ º
PLAIN_CLASS[0xa0] = SP;
for (const c of [0xab, 0xbb, 0x2018, 0x2019, 0x201c, 0x201d]) PLAIN_CLASS[c] = CLOSE; // « » ‘ ’ “ ”
for (const c of [0x2013, 0x2014]) PLAIN_CLASS[c] = SCONTINUE; // – —
PLAIN_CLASS[0x2026] = OTHER; // …

/** rawSegments' answer for a plain text (see above), or undefined for a text this does not handle. */
export function plainSegments(text: string): number[] | undefined {
  const n = text.length;
  if (n === 0 || n > WINDOW) return undefined;
  // One pass: every code unit is read by this loop or by the Close* Sp* loops below (classes handled by
  // definition); one this does not handle (class 0, or beyond the table: undefined) gives the text to ICU.
  const out = [0];
  let i = 0;
  while (i < n) {
    const t = PLAIN_CLASS[text.charCodeAt(i)];
    if (t !== ATERM && t !== STERM) {
      if (!(t > 0)) return undefined;
      i++;
      continue;
    }
    let j = i + 1;
    if (j >= n) break;
    const next = PLAIN_CLASS[text.charCodeAt(j)];
    // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
    if (
      t === ATERM &&
      (next === NUMERIC || (next === UPPER && i > 0 && isCased(PLAIN_CLASS[text.charCodeAt(i - 1)])))
    ) {
      i = j;
      continue;
    }
    // SB9, SB10: no break inside the Close* Sp* that follows.
    while (j < n && PLAIN_CLASS[text.charCodeAt(j)] === CLOSE) j++;
    while (j < n && PLAIN_CLASS[text.charCodeAt(j)] === SP) j++;
    if (j >= n) break;
    const after = PLAIN_CLASS[text.charCodeAt(j)];
    // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
    if (after === SCONTINUE || after === ATERM || after === STERM) {
      i = j;
      continue;
    }
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
    if (t === ATERM) {
      let k = j;
      while (k < n) {
        const c = PLAIN_CLASS[text.charCodeAt(k)];
        if (c === UPPER || c === LOWER || c === ATERM || c === STERM) break;
        k++;
      }
      if (k < n && PLAIN_CLASS[text.charCodeAt(k)] === LOWER) {
        i = j;
        continue;
      }
    }
    // SB11: SATerm Close* Sp* ÷
    out.push(j);
    i = j;
  }
  out.push(n);
  return out;
}

function isCased(c: number): boolean {
  return c === UPPER || c === LOWER;
}

/**
 * The boundaries of the segments covering `text`, in order: segment i is [bounds[i], bounds[i + 1]) (segments
 * are contiguous); empty for an empty text.
 */
export function rawSegments(text: string, segmenter: Intl.Segmenter): number[] {
  const out: number[] = [];
  if (text.length <= WINDOW) {
    // The usual passage: one window, no copy of the text.
    for (const s of segmenter.segment(text)) out.push(s.index);
    if (text.length > 0) out.push(text.length);
    return out;
  }
  let base = 0;
  let carry = -1; // start of a sentence that runs past the previous window
  while (base < text.length) {
    const end = Math.min(text.length, base + WINDOW);
    const starts: number[] = [];
    for (const s of segmenter.segment(text.slice(base, end))) starts.push(base + s.index);
    if (carry >= 0) starts[0] = carry;
    carry = -1;
    if (end === text.length) {
      for (const start of starts) out.push(start);
      out.push(end);
      break;
    }
    if (starts.length > 1) {
      // The last segment may have been cut by the window edge: segment it again with what follows.
      const last = starts.pop() as number;
      for (const start of starts) out.push(start);
      base = last;
    } else {
      // No boundary in the whole window: the sentence continues into the next one.
      carry = starts[0];
      base = end;
    }
  }
  return out;
}

const ABBREVIATION_AT_END = /(?:^|[\s(«"“])([\p{L}.]{1,20})\.$/u;
/**
 * Code units of the longest word ABBREVIATION_AT_END can find that counts (an abbreviation of a list, or an initial:
 * one letter, two code units at most): a word longer than that is none, however it is written.
 */
const LONGEST_ABBREVIATION = Math.max(
  2,
  ...Object.values(ABBREVIATIONS).flatMap((set) => [...set].map((w) => w.length)),
);

/**
 * ABBREVIATION_AT_END's word when text[start, end) is one or more ASCII letters and dots, `start` being the segment's
 * start or following one of the characters the expression allows before its word (endsWithAbbreviation's scan): the
 * expression's leftmost match starts there (the character before is none of its word's), and its word is exactly
 * these characters. Undefined for anything else, which the expression decides.
 */
function asciiWordBefore(text: string, start: number, end: number): string | undefined {
  if (start >= end) return undefined;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    const lower = unit | 0x20; // a capital's lower case
    if (!((lower >= 0x61 && lower <= 0x7a) || unit === 0x2e)) return undefined;
  }
  return text.slice(start, end);
}

/** Whether the segment text[from, end) (trimmed) ends with an abbreviation or an initial. */
function endsWithAbbreviation(text: string, from: number, end: number, abbreviations: ReadonlySet<string>): boolean {
  if (text.charCodeAt(end - 1) !== 0x2e) return false; // "."
  // Most sentences end with a longer word: the expression's word starts after the segment's start or a space,
  // bracket or quote, so without one of those in reach the word is longer than any abbreviation.
  let at = end - 2;
  const limit = end - 2 - LONGEST_ABBREVIATION;
  while (at >= from && at >= limit && !startsAfter(text.charCodeAt(at))) at--;
  if (at >= from && at < limit) return false;
  let word = asciiWordBefore(text, at + 1, end - 1);
  if (word === undefined) {
    // Only the tail matters; looking at a bounded slice keeps huge unpunctuated "sentences" cheap.
    const match = ABBREVIATION_AT_END.exec(text.slice(Math.max(from, end - 24), end));
    if (!match) return false;
    word = match[1];
  }
  // A single capital letter is an initial ("G. Cruz", "J. R. R. Tolkien").
  if (/^\p{Lu}$/u.test(word)) return true;
  return abbreviations.has(word.toLowerCase());
}
