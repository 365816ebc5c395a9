// Small text helpers shared by the extractor's rules. Pure: no Node imports.

/** [start, end) offsets. */
export type Span = readonly [number, number];

export interface Token {
  text: string;
  /** Lower-case, diacritics kept (Russian й and ё stay distinct from и and е). */
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Every letter upper-case and at least two of them (CEC, NKR, США). */
  allCaps: boolean;
  /** Index of the sentence the token is in, and whether it is the sentence's first word. */
  sentence: number;
  sentenceInitial: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’.](?=[\p{L}\p{M}])[\p{L}\p{M}\p{N}]+)*/gu;

/** Words of `text` with their offsets; hyphenated and apostrophised words stay whole (Nagorno-Karabakh, libo't). */
export function tokenize(text: string, sentences: Span[]): Token[] {
  const tokens: Token[] = [];
  let s = 0;
  let lastSentence = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    while (s < sentences.length - 1 && sentences[s][1] <= start) s++;
    const word = m[0];
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      cap: /^\p{Lu}/u.test(word),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      sentence: s,
      sentenceInitial: s !== lastSentence,
    });
    lastSentence = s;
  }
  return tokens;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Sentence spans by ICU rules (Intl.Segmenter exists in Node and in browsers). */
export function splitSentences(text: string, lang: string): Span[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
    }
    segmenters.set(lang, segmenter);
  }
  const spans: Array<[number, number]> = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed) spans.push([index + lead, index + lead + trimmed.length]);
  }
  return spans;
}

/** Lower-case and strip diacritics (é → e, й → и): for gazetteer and alias keys. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of words, longest first so that "septiyembre" wins over "sept". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Greedy choice of non-overlapping items: higher rank first (then longer, then earlier). */
export function pickNonOverlapping<T extends { start: number; end: number }>(items: T[], rank: (item: T) => number, taken: Span[] = []): T[] {
  const sorted = [...items].sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: T[] = [];
  const occupied: Span[] = [...taken];
  for (const item of sorted) {
    if (occupied.some(([s, e]) => item.start < e && s < item.end)) continue;
    chosen.push(item);
    occupied.push([item.start, item.end]);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && s < end);
}

/** Only spaces (no line break, no punctuation) between two offsets. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return to > from && to - from <= 3 && /^[ \u00a0\u202f\t]+$/.test(text.slice(from, to));
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
