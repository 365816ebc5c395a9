// The tokeniser of every pipeline: words are runs of letters, digits and combining marks, with offsets
// (UTF-16 code units) into the original text so that matches can be highlighted where they are.
// Everything else separates words: spaces, punctuation, hyphens, apostrophes (French "l'homme" gives
// "l" + "homme"), slashes. Scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese)
// are split into words with the ICU dictionaries behind Intl.Segmenter.
import { scriptClass, UNSPACED_SCRIPTS } from '../../shared/text/regex';

export interface RawToken {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

// Armenian emphasis, exclamation, question and abbreviation marks sit on a word's vowels, so they belong to it;
// the Armenian comma (U+055D, «՝») follows a word like a comma and ends it.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}\u055B\u055C\u055E\u055F]|\u200C|\u200D)*/gu;
const UNSPACED = scriptClass(UNSPACED_SCRIPTS);

let segmenter: Intl.Segmenter | undefined;

/** ASCII letters and digits (1), the only ASCII code units a word holds: anything else in ASCII ends one. */
const ASCII_WORD = new Uint8Array(128);
for (const [from, to] of [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
])
  ASCII_WORD.fill(1, from, to + 1);

/**
 * The words of a text one after another, as WORD's global matches: runs of ASCII letters and digits are found by a
 * loop over the code units (no match array, no regular expression per word); from any other code unit the
 * expression itself finds the next match. Identical to WORD's matches: an ASCII letter or digit starts a match and
 * any other ASCII code unit ends one, so a run of them that a non-ASCII code unit follows is matched again by WORD from
 * its start. `ascii` tells a word made of ASCII letters and digits only (never a script written without spaces).
 */
export class WordScanner {
  /** The word; for an ASCII word only once `wordText()` made it (text.slice(start, end)). */
  word = '';
  start = 0;
  end = 0;
  ascii = true;
  /** Of an ASCII word: a hash of its code units (wordHash), computed as it was read. */
  hash = 0;
  text = '';
  private at = 0;

  reset(text: string): this {
    this.text = text;
    this.at = 0;
    return this;
  }

  next(): boolean {
    const text = this.text;
    const length = text.length;
    let i = this.at;
    for (; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 128) return this.matched(i);
      if (ASCII_WORD[unit] === 1) break;
    }
    if (i >= length) {
      this.at = length;
      return false;
    }
    const start = i;
    let hash = text.charCodeAt(i);
    for (i++; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 128) return this.matched(start);
      if (ASCII_WORD[unit] === 0) break;
      hash = (Math.imul(hash, 31) + unit) | 0;
    }
    this.word = '';
    this.hash = hash;
    this.start = start;
    this.end = this.at = i;
    this.ascii = true;
    return true;
  }

  /** The word as a string (an ASCII word is cut from the text only when asked). */
  wordText(): string {
    if (this.ascii && this.word === '') this.word = this.text.slice(this.start, this.end);
    return this.word;
  }

  /** WORD's next match from `from`. */
  private matched(from: number): boolean {
    WORD.lastIndex = from;
    const m = WORD.exec(this.text);
    if (m === null) {
      this.at = this.text.length;
      return false;
    }
    this.word = m[0];
    this.start = m.index;
    this.end = this.at = m.index + m[0].length;
    this.ascii = false;
    return true;
  }
}

/**
 * The words of a text. With `split`, a run of a script written without spaces is split into its words only when
 * `split(run)` says so; otherwise it stays one token with empty text (a caller that knows none of its words can
 * interest it saves the dictionary look-up, the costliest part of tokenising Chinese, Japanese or Thai).
 */
export function tokenize(text: string, split?: (run: string) => boolean): RawToken[] {
  const out: RawToken[] = [];
  const words = new WordScanner().reset(text);
  while (words.next()) {
    const word = words.wordText();
    if (words.ascii || !UNSPACED.test(word)) out.push({ text: word, start: words.start, end: words.end });
    else if (!split || split(word)) splitUnspaced(word, words.start, out);
    else out.push({ text: '', start: words.start, end: words.end });
  }
  return out;
}

/** Whether a word (as WordScanner gives it) is a run of a script written without spaces, which tokenize splits. */
export function isUnspacedRun(word: string): boolean {
  return UNSPACED.test(word);
}

/** The words of a run of a script written without spaces, as tokenize splits it (offsets from `offset`). */
export function unspacedTokens(word: string, offset: number): RawToken[] {
  const out: RawToken[] = [];
  splitUnspaced(word, offset, out);
  return out;
}

function splitUnspaced(word: string, offset: number, out: RawToken[]): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(word)) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: offset + s.index, end: offset + s.index + s.segment.length });
  }
}
