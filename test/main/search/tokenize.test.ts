// tokenize finds runs of ASCII letters and digits with a loop and hands any other code unit to its expression; the
// words must be exactly the expression's matches, and the analyzer's streams (which use the same scanner without
// an object per word) exactly those built from tokenize's tokens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzerFor, fieldTerms, newNotingRun, translitTerms } from '../../../main/search/analyzer';
import { tokenize, type RawToken } from '../../../main/search/tokenize';
import { scriptClass, UNSPACED_SCRIPTS } from '../../../shared/text/regex';

/** The definition: every match of the word expression, a run of a script written without spaces split by ICU. */
function definition(text: string): RawToken[] {
  const word = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}\u055B\u055C\u055E\u055F]|\u200C|\u200D)*/gu;
  const unspaced = scriptClass(UNSPACED_SCRIPTS);
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: RawToken[] = [];
  for (const m of text.matchAll(word)) {
    if (!unspaced.test(m[0])) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    else
      for (const s of segmenter.segment(m[0]))
        if (s.isWordLike)
          out.push({ text: s.segment, start: m.index + s.index, end: m.index + s.index + s.segment.length });
  }
  return out;
}

// ASCII words and everything that may follow one: marks (which continue a word only after a letter), Armenian marks
// and the joiners, letters of other scripts, astral letters and digits, lone surrogates, a word of an unspaced
// script, punctuation and controls.
const PIECES = [
  'ang',
  'Bayan',
  'x9',
  '42',
  'Z',
  'a',
  '\u0301',
  '\u055B',
  '\u055D',
  '\u200C',
  '\u200D',
  'é',
  'Ереван',
  'Սահակյան',
  'ինչո՞ւ',
  '𝐀',
  '𝟙',
  '😀',
  '\uD800',
  '\uDC00',
  '東京は',
  'ภาษาไทย',
  "'",
  '-',
  '_',
  '@',
  '[',
  '`',
  '{',
  '/',
  ':',
  '\u007F',
  '\u0080',
  '\u00A0',
  '\0',
];

const texts = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('', ' ', '\n\n', '. ', '.')), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

describe('tokenize', () => {
  it("gives the word expression's matches on any text (ASCII words found without it)", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(tokenize(text)).toEqual(definition(text));
      }),
      { numRuns: 2000 },
    );
    // Every ASCII code unit before, inside and after a word.
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`${ch}ab`, `a${ch}b`, `ab${ch}`, `${ch}`, `é${ch}é`, `${ch}\u0301x`])
        expect(tokenize(text), JSON.stringify(text)).toEqual(definition(text));
    }
  });
});

describe('Analyzer.streams', () => {
  it("gives the streams of tokenize's tokens; hears each word once per noting run, first occurrence first", () => {
    for (const lang of ['tl', 'en', 'ru', 'hy', 'ja', 'fj'])
      fc.assert(
        fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), (passages) => {
          const analyzer = analyzerFor(lang);
          const every = new Set<string>();
          const once: string[] = [];
          const noting = newNotingRun();
          for (const text of passages) {
            const tokens = analyzer.analyze(text);
            const heard: string[] = [];
            const s = analyzer.streams(text, (term) => heard.push(term));
            expect(s.field).toBe(fieldTerms(tokens));
            expect([...s.translitWords, ...s.translitStems].join(' ')).toBe(translitTerms(tokens));
            for (const term of heard) every.add(term);
            analyzer.streams(text, (term) => once.push(term), noting);
          }
          // Two words may share a term (one's surface form, another's transliteration): the caller's Set keeps one.
          expect([...new Set(once)]).toEqual([...every]);
        }),
        { numRuns: 200 },
      );
  });

  it('finds every ASCII word again among thousands met before (its table grown, equal hashes told apart)', () => {
    // "Aa" and "BB" hash alike (31 × 65 + 97 = 31 × 66 + 66), as do longer words built of such pairs.
    const pairs = ['Aa', 'BB'];
    const alike = Array.from({ length: 64 }, (_, n) => [0, 1, 2, 3, 4, 5].map((b) => pairs[(n >> b) & 1]).join(''));
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const random = Array.from({ length: 6000 }, () =>
      Array.from({ length: 1 + (next() % 9) }, () => letters[next() % letters.length]).join(''),
    );
    const words = [...alike, ...random];
    const text = Array.from({ length: 3 }, () => words.join(' ')).join('. ');
    for (const lang of ['en', 'tl', 'fj']) {
      const analyzer = analyzerFor(lang);
      expect(analyzer.streams(text).field).toBe(fieldTerms(analyzer.analyze(text)));
    }
  });
});
