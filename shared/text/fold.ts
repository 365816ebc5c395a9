// Normalisation shared by indexing and querying: the same fold must run on both sides.
import { scriptClass } from './regex';

/**
 * Scripts whose combining marks are letters in their own right (vowel signs, viramas): stripping them would
 * merge unrelated words, so their marks are kept. Everywhere else (Latin, Greek, Cyrillic, Arabic, Hebrew…)
 * marks are accents, points or vowel diacritics that readers and writers often omit.
 */
const KEEP_MARKS = scriptClass([
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
]);

/** Armenian emphasis, exclamation, question and abbreviation marks are written inside words (ինչո՞ւ). */
const ARMENIAN_WORD_MARKS = /[\u055B-\u055F]/g;

/** Lower-cases and removes diacritics (combining marks) so "Sahakyán" matches "sahakyan". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\P{M})(\p{M}+)/gu, (all, base: string) => (KEEP_MARKS.test(base) ? all : base))
    .replace(/^\p{M}+/u, '')
    .replace(ARMENIAN_WORD_MARKS, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Lower-case only (NFC first, so composed and decomposed input agree): what stemmers expect. */
export function lowerText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * Strips everything but letters and digits from both ends of a token, in every script. Combining marks
 * may end a token (a decomposed "é" is "e" + U+0301), never start one.
 */
export function trimToken(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');
}

/** True when the word has letters outside the Latin script (Cyrillic, Armenian, Greek…). */
export function hasNonLatinLetters(word: string): boolean {
  return /[^\p{Script=Latin}\P{L}]/u.test(word);
}
