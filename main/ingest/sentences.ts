// Sentence boundaries from ICU (Intl.Segmenter), with a cheap fix for abbreviations ICU splits after.

/**
 * Lower-cased abbreviations (without the final dot) after which a sentence almost never ends, per
 * language: "mar." is an English month but Spanish for "sea", so the lists are not pooled.
 */
const ABBREVIATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set([
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'e.g', 'i.e', 'fig', 'vol', 'pp', 'gen', 'col',
    'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'rev', 'hon', 'mt', 'approx', 'dept', 'jan', 'feb', 'apr', 'aug',
    'sept', 'oct', 'nov', 'dec',
  ]),
  // Ginoo, Ginang, Binibini, Kagalang-galang, and English titles used in Filipino texts.
  tl: new Set(['g', 'gng', 'bb', 'kgg', 'dr', 'atty', 'engr', 'gob', 'sen', 'sto', 'sta', 'prof']),
  ru: new Set(['т.е', 'т.к', 'т.д', 'т.п', 'т.н', 'др', 'пр', 'г', 'гг', 'им', 'ул', 'стр', 'см', 'тыс', 'млн', 'млрд', 'руб', 'проф', 'акад']),
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

/** [start, end) offsets of each sentence in `text`, trimmed of surrounding whitespace, in order. */
export function splitSentences(text: string, lang: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const tag = lang || 'und';
  const abbreviations = ABBREVIATIONS[tag.toLowerCase().split('-')[0]] ?? NONE;
  let pendingStart = -1;
  for (const { segment, index } of segmenterFor(tag).segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = pendingStart >= 0 ? pendingStart : index + lead;
    const end = index + lead + trimmed.length;
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

function endsWithAbbreviation(segment: string, abbreviations: ReadonlySet<string>): boolean {
  const match = /(?:^|[\s(«"“])([\p{L}.]+)\.$/u.exec(segment);
  if (!match) return false;
  const word = match[1];
  // A single capital letter is an initial ("G. Cruz", "J. R. R. Tolkien").
  if (/^\p{Lu}$/u.test(word)) return true;
  return abbreviations.has(word.toLowerCase());
}
