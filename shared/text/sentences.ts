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
  for (const [rawStart, rawEnd] of rawSegments(text, segmenterFor(tag))) {
    const segment = text.slice(rawStart, rawEnd);
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const lead = segment.length - segment.trimStart().length;
    const start = pendingStart >= 0 ? pendingStart : rawStart + lead;
    const end = rawStart + lead + trimmed.length;
    if (endsWithAbbreviation(trimmed, abbreviations)) {
      pendingStart = start;
      continue;
    }
    spans.push([start, end]);
    pendingStart = -1;
  }
  if (pendingStart >= 0) spans.push([pendingStart, text.trimEnd().length]);
  return spans;
}

/** Untrimmed [start, end) segments covering `text`. */
function rawSegments(text: string, segmenter: Intl.Segmenter): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let base = 0;
  let carry = -1; // start of a sentence that runs past the previous window
  while (base < text.length) {
    const end = Math.min(text.length, base + WINDOW);
    const segments = [...segmenter.segment(text.slice(base, end))].map((s): [number, number] => [
      base + s.index,
      base + s.index + s.segment.length,
    ]);
    if (carry >= 0) segments[0][0] = carry;
    carry = -1;
    if (end === text.length) {
      out.push(...segments);
      break;
    }
    if (segments.length > 1) {
      // The last segment may have been cut by the window edge: segment it again with what follows.
      const last = segments.pop() as [number, number];
      out.push(...segments);
      base = last[0];
    } else {
      // No boundary in the whole window: the sentence continues into the next one.
      carry = segments[0][0];
      base = end;
    }
  }
  return out;
}

function endsWithAbbreviation(segment: string, abbreviations: ReadonlySet<string>): boolean {
  // Only the tail matters; looking at a bounded slice keeps huge unpunctuated "sentences" cheap.
  const match = /(?:^|[\s(«"“])([\p{L}.]{1,20})\.$/u.exec(segment.slice(-24));
  if (!match) return false;
  const word = match[1];
  // A single capital letter is an initial ("G. Cruz", "J. R. R. Tolkien").
  if (/^\p{Lu}$/u.test(word)) return true;
  return abbreviations.has(word.toLowerCase());
}
