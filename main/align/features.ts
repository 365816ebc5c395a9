// What the aligner knows about a piece of text: its length, its word types (for the learnt lexicon) and
// its anchors — evidence that does not need a dictionary: numbers in any digit system, punctuation
// classes mapped across scripts, names and capitalised words after transliteration, and shared word
// beginnings between related languages.
import { scriptClass, UNSPACED_SCRIPTS } from '../../shared/text/regex';
import { transliterate } from '../search/transliterate';
import { extractNumbers } from './numbers';

export type AnchorKind = 'number' | 'smallNumber' | 'name' | 'punct' | 'prefix';

/** Punctuation classes: the same mark in every script ends up in one class. */
const PUNCT_CLASS: Record<string, string> = {
  '?': 'question',
  '？': 'question',
  '؟': 'question',
  ';': 'semicolon',
  '\u037e': 'question',
  '՞': 'question',
  '¿': 'question',
  '⸮': 'question',
  '!': 'exclaim',
  '！': 'exclaim',
  '՜': 'exclaim',
  '¡': 'exclaim',
  ':': 'colon',
  '：': 'colon',
  '；': 'semicolon',
  '؛': 'semicolon',
  '⁏': 'semicolon',
  '"': 'quote',
  '“': 'quote',
  '”': 'quote',
  '„': 'quote',
  '«': 'quote',
  '»': 'quote',
  '‹': 'quote',
  '›': 'quote',
  '「': 'quote',
  '」': 'quote',
  '『': 'quote',
  '』': 'quote',
  '〝': 'quote',
  '〞': 'quote',
  '(': 'paren',
  ')': 'paren',
  '（': 'paren',
  '）': 'paren',
  '[': 'paren',
  ']': 'paren',
  '［': 'paren',
  '］': 'paren',
  '〈': 'paren',
  '〉': 'paren',
  '–': 'dash',
  '—': 'dash',
  '―': 'dash',
  '…': 'ellipsis',
  '%': 'percent',
  '٪': 'percent',
  '％': 'percent',
  $: 'currency',
  '€': 'currency',
  '£': 'currency',
  '¥': 'currency',
  '₱': 'currency',
  '₽': 'currency',
  '֏': 'currency',
  '₹': 'currency',
};
const PUNCT_CHARS = new RegExp(
  `[${Object.keys(PUNCT_CLASS)
    .map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .join('')}]`,
  'gu',
);

/**
 * Script-specific uses of ASCII marks: in Armenian ":" is the full stop (for "։") and "." the pause
 * (where English has a colon or semicolon); in Greek ";" is the question mark.
 */
function punctClass(mark: string, lang: string): string | undefined {
  if (lang === 'hy' || lang === 'hye') {
    if (mark === ':') return undefined;
  }
  if ((lang === 'el' || lang === 'ell') && mark === ';') return 'question';
  return PUNCT_CLASS[mark];
}

/** The anchor key of each punctuation class ("p:question"), made once: a text has many marks. */
const PUNCT_KEY: Record<string, string> = Object.fromEntries(
  Object.values(PUNCT_CLASS).map((cls) => [cls, `p:${cls}`]),
);

// Scripts written without spaces between words: split into character bigrams instead of words.
const UNSPACED = scriptClass(UNSPACED_SCRIPTS);

/** The first `count` UTF-16 units, not cutting a surrogate pair in two. */
function firstLetters(word: string, count: number): string {
  const code = word.charCodeAt(count - 1);
  return word.slice(0, code >= 0xd800 && code <= 0xdbff ? count + 1 : count);
}

/** Memo of per-word work (transliteration); cleared when it grows large. */
const latinCache = new Map<string, string>();
function latinOf(word: string): string {
  let latin = latinCache.get(word);
  if (latin === undefined) {
    latin = transliterate(word).normalize('NFD').replace(/\p{M}/gu, '');
    if (latinCache.size > 100_000) latinCache.clear();
    latinCache.set(word, latin);
  }
  return latin;
}

// Scripts written without spaces are split into words by ICU's dictionary-based word breaker, which it
// picks from the script (Japanese, Chinese, Thai, Lao, Khmer, Burmese).
let wordSegmenter: Intl.Segmenter | undefined;

const LETTERS = /\p{L}/u;
/** Any code unit at or above U+0E00 (Thai) — a word without one cannot be in an unspaced script. */
const MAYBE_UNSPACED = /[\u0e00-\uffff]/;
const UPPER_START = /^\p{Lu}/u;

/** A name key: the transliterated word reduced to its consonant skeleton (Sahakyan, Саакян, Սահակյան → skyn). */
export function nameKey(word: string): string {
  const latin = latinOf(word.toLowerCase());
  if (!/^[a-z'’-]+$/.test(latin)) return '';
  return latin
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/[’'-]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiouyhwj]/g, '')
    .replace(/(.)\1+/g, '$1')
    .slice(0, 6);
}

// Scripts with upper and lower case that transliterate to Latin: only there can a capitalised word be seen.
const CASED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Greek}]/u;

/** Whether names show up as capitalised words in this text (false for Japanese, Thai, Arabic, Hindi...). */
export function showsNames(text: string): boolean {
  let cased = 0;
  let letters = 0;
  for (const match of text.slice(0, 2000).matchAll(/\p{L}/gu)) {
    letters++;
    if (CASED_LETTER.test(match[0])) cased++;
  }
  return letters > 0 && cased / letters > 0.5;
}

export interface TextFeatures {
  /** Characters, whitespace runs counted as one. */
  length: number;
  tokens: string[];
  /**
   * Anchor keys, repeated per occurrence; the first letter gives the kind: "n:2012" number, "s:7" number
   * below ten, "w:skn" name, "p:question" punctuation class, "x:repu" word beginning.
   */
  anchors: string[];
}

const KIND_OF_PREFIX: Record<string, AnchorKind> = {
  n: 'number',
  s: 'smallNumber',
  w: 'name',
  p: 'punct',
  x: 'prefix',
};

export function anchorKind(key: string): AnchorKind {
  return KIND_OF_PREFIX[key[0]];
}

// One pass over the text: words (letters, marks, digits, inner apostrophes and hyphens) and sentence ends.
const WORD_OR_END = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[.!?։。！？]/gu;
const HAS_DIGIT =
  /\d|[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59\uff10-\uff19\u09e6-\u09ef\u0be6-\u0bef]|[〇零一二三四五六七八九十百千万]/;

interface WordInfo {
  /** Tokens for the lexicon: the word cut to five letters, or the words of an unspaced run. */
  tokens: string[];
  /** "x:repu" for words of five letters or more that read as Latin, else null. */
  prefix: string | null;
  /** Capitalised: may be a name. */
  capitalised: boolean;
  /** Has letters (a number alone does not start a sentence's words). */
  letters: boolean;
  /** Name anchor ("w:skn", or "" when the name key is too short), made the first time it is needed. */
  name?: string;
}

/** Memo of the work per distinct word (texts repeat their words); cleared when it grows large. */
const wordCache = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = wordCache.get(word);
  if (info) return info;
  if (!LETTERS.test(word)) info = { tokens: [word], prefix: null, capitalised: false, letters: false };
  else {
    const lower = word.toLowerCase();
    // Most words are plain Latin, Cyrillic, Armenian...: a cheap code-unit check before the Unicode regex.
    if (MAYBE_UNSPACED.test(lower) && UNSPACED.test(lower)) {
      wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
      const tokens: string[] = [];
      for (const piece of wordSegmenter.segment(lower)) if (piece.isWordLike) tokens.push(piece.segment);
      info = { tokens, prefix: null, capitalised: false, letters: true };
    } else {
      const token = lower.length > 5 ? firstLetters(lower, 5) : lower;
      const latin = lower.length >= 5 ? latinOf(token) : '';
      info = {
        tokens: [token],
        prefix: /^[a-z]{5}/.test(latin) ? `x:${latin.slice(0, 4)}` : null,
        capitalised: lower !== word && word.length >= 3 && UPPER_START.test(word),
        letters: true,
      };
    }
  }
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(word, info);
  return info;
}

const isSentenceEnd = (c: number) =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x589 || c === 0x3002 || c === 0xff01 || c === 0xff1f;

export function textFeatures(text: string, lang: string): TextFeatures {
  const anchors: string[] = [];
  if (HAS_DIGIT.test(text)) {
    for (const n of extractNumbers(text)) anchors.push(Number(n) < 10 ? `s:${n}` : `n:${n}`);
  }
  PUNCT_CHARS.lastIndex = 0;
  for (let m = PUNCT_CHARS.exec(text); m; m = PUNCT_CHARS.exec(text)) {
    const cls = punctClass(m[0], lang);
    if (cls) anchors.push(PUNCT_KEY[cls]);
  }
  if ((lang === 'hy' || lang === 'hye') && text.includes('.')) {
    for (const _ of text.matchAll(/\.(?=\s|$)/g)) anchors.push('p:colon');
  }
  const tokens: string[] = [];
  // Names and capitalised words, except the first word of a sentence (capitalised anyway); word tokens;
  // shared beginnings (cognates, loanwords, untranslated names) of longer words, in Latin letters.
  let sentenceStart = true;
  WORD_OR_END.lastIndex = 0;
  for (let m = WORD_OR_END.exec(text); m; m = WORD_OR_END.exec(text)) {
    const word = m[0];
    if (word.length === 1 && isSentenceEnd(word.charCodeAt(0))) {
      sentenceStart = true;
      continue;
    }
    const info = wordInfo(word);
    if (info.capitalised && !sentenceStart) {
      if (info.name === undefined) {
        const key = nameKey(word);
        info.name = key.length >= 2 ? `w:${key}` : '';
      }
      if (info.name) anchors.push(info.name);
    }
    if (info.tokens.length === 1) tokens.push(info.tokens[0]);
    else for (const t of info.tokens) tokens.push(t);
    if (info.prefix) anchors.push(info.prefix);
    if (info.letters) sentenceStart = false;
  }
  const trimmed = text.trim();
  let length = trimmed.length;
  if (/\s\s/.test(trimmed)) for (const run of trimmed.matchAll(/\s{2,}/g)) length -= run[0].length - 1;
  return { length, tokens, anchors };
}
