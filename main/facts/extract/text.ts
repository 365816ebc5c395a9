// Small text helpers shared by the extractor's rules. Pure: no Node imports.
import { splitSentences as splitLineSentences } from '../../../shared/text/sentences';

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

/**
 * A sentence ending in an initial or an abbreviation whose dot does not end it (Fidel V. Ramos, Marcos Jr. matapos).
 */
const NOT_AN_END =
  /(?:^|[\s(])(?:\p{Lu}|Jr|Sr|Dr|Mr|Mrs|Ms|St|Gen|Col|Capt|Prof|Sen|Rep|Gov|Atty|Engr|Gng|Bb|Sta|Sto|г|гг|им|ул|т)\.$/u;

/**
 * Sentence spans of the whole text (shared/text/sentences.ts); a sentence never crosses a line break, and
 * one that ICU ends after an initial or a title's dot goes on into the next.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const spans: Span[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    let joinNext = false;
    for (const [start, end] of splitLineSentences(line[0], lang)) {
      if (joinNext && spans.length > 0) spans[spans.length - 1] = [spans[spans.length - 1][0], line.index + end];
      else spans.push([line.index + start, line.index + end]);
      joinNext = NOT_AN_END.test(line[0].slice(start, end));
    }
  }
  return spans;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of words, longest first so that "septiyembre" wins over "sept". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** Index of the first item whose `start` is >= `offset` (items sorted by start). */
export function lowerBound<T extends { start: number }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Non-overlapping spans kept sorted, with overlap tests in O(log n). */
export class SpanSet {
  private readonly spans: Array<{ start: number; end: number }> = [];

  constructor(initial: Iterable<Span> = []) {
    for (const [s, e] of initial) this.add(s, e);
  }

  overlaps(start: number, end: number): boolean {
    const i = lowerBound(this.spans, end);
    // Only the span starting last before `end` can reach into [start, end): the spans do not overlap each other.
    return i > 0 && this.spans[i - 1].end > start;
  }

  add(start: number, end: number): void {
    this.spans.splice(lowerBound(this.spans, start), 0, { start, end });
  }
}

/** Greedy choice of non-overlapping items: higher rank first (then longer, then earlier). */
export function pickNonOverlapping<T extends { start: number; end: number }>(
  items: T[],
  rank: (item: T) => number,
): T[] {
  const sorted = [...items].sort(
    (a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const chosen: T[] = [];
  const occupied = new SpanSet();
  for (const item of sorted) {
    if (occupied.overlaps(item.start, item.end)) continue;
    chosen.push(item);
    occupied.add(item.start, item.end);
  }
  return chosen.sort((a, b) => a.start - b.start);
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
