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

/**
 * The words of a text. With `split`, a run of a script written without spaces is split into its words only when
 * `split(run)` says so; otherwise it stays one token with empty text (a caller that knows none of its words can
 * interest it saves the dictionary look-up, the costliest part of tokenising Chinese, Japanese or Thai).
 */
export function tokenize(text: string, split?: (run: string) => boolean): RawToken[] {
  const out: RawToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    if (!UNSPACED.test(word)) out.push({ text: word, start: m.index, end: m.index + word.length });
    else if (!split || split(word)) splitUnspaced(word, m.index, out);
    else out.push({ text: '', start: m.index, end: m.index + word.length });
  }
  return out;
}

function splitUnspaced(word: string, offset: number, out: RawToken[]): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(word)) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: offset + s.index, end: offset + s.index + s.segment.length });
  }
}
