import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawSegments, splitSentences } from '../../../shared/text/sentences';
import { expectSentencesCover } from '../../main/ingest/helpers';

const pieces = (text: string, lang: string): string[] => splitSentences(text, lang).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it('returns trimmed [start, end) spans in order', () => {
    const text = '  Unang pangungusap.   Ikalawa ba?  Oo!  ';
    const spans = splitSentences(text, 'tl');
    expect(spans).toEqual([
      [2, 20],
      [23, 34],
      [36, 39],
    ]);
    expectSentencesCover(text, spans);
  });

  it('splits Russian and Armenian (full stop ։) text', () => {
    expect(pieces('Москва — столица. Здесь живут люди!', 'ru')).toEqual(['Москва — столица.', 'Здесь живут люди!']);
    expect(pieces('Հայաստանը լեռնային երկիր է։ Այն գտնվում է Կովկասում։', 'hy')).toEqual([
      'Հայաստանը լեռնային երկիր է։',
      'Այն գտնվում է Կովկասում։',
    ]);
  });

  it('does not split after common abbreviations and initials', () => {
    expect(pieces('Mr. Smith met Dr. Jones. They talked.', 'en')).toEqual(['Mr. Smith met Dr. Jones.', 'They talked.']);
    expect(pieces('Sinabi ni G. Cruz na aalis siya. Pumayag si Gng. Santos.', 'tl')).toEqual([
      'Sinabi ni G. Cruz na aalis siya.',
      'Pumayag si Gng. Santos.',
    ]);
  });

  it('drops empty segments and survives unknown or odd language codes', () => {
    expect(splitSentences('   ', 'en')).toEqual([]);
    expect(splitSentences('', 'en')).toEqual([]);
    expect(pieces('One. Two.', 'und')).toEqual(['One.', 'Two.']);
    expect(pieces('Usa. Duha.', 'ceb')).toEqual(['Usa.', 'Duha.']);
    expect(pieces('One. Two.', '!!')).toEqual(['One.', 'Two.']);
  });
});

describe('splitSentences on long passages', () => {
  it('gives the same result as one pass, quickly, for a paragraph of many sentences', () => {
    const sentence = 'Ito ay isang pangungusap na medyo mahaba, at may kasunod pa. ';
    const text = sentence.repeat(20_000).trim(); // 1.2 million characters in one passage
    const started = performance.now();
    const spans = splitSentences(text, 'tl');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(spans).toHaveLength(20_000);
    expect(spans.every(([s, e]) => text.slice(s, e) === sentence.trim())).toBe(true);
  });

  it('keeps a sentence longer than the segmentation window whole', () => {
    const long = `Mahaba ${'salita '.repeat(1000)}wakas.`;
    const text = `Simula. ${long} Huli.`;
    expect(pieces(text, 'tl')).toEqual(['Simula.', long, 'Huli.']);
  });
});

describe('splitSentences after a short last word', () => {
  it('joins a segment to the next exactly when the expression finds an abbreviation or an initial at its end', () => {
    // The definition: ICU's segments, trimmed, and the expression over the last 24 code units of each (the lists
    // hold what sentences.ts lists among the generated words).
    const ABBREVIATIONS: Record<string, string[]> = {
      en: ['mr', 'dr', 'e.g', 'i.e', 'approx'],
      tl: ['g', 'gng', 'dr'],
    };
    const definition = (text: string, lang: string): Array<[number, number]> => {
      const bounds = rawSegments(text, new Intl.Segmenter(lang, { granularity: 'sentence' }));
      const spans: Array<[number, number]> = [];
      let pending = -1;
      for (let k = 0; k + 1 < bounds.length; k++) {
        const segment = text.slice(bounds[k], bounds[k + 1]);
        if (segment.trim() === '') continue;
        const from = bounds[k] + (segment.length - segment.trimStart().length);
        const end = bounds[k + 1] - (segment.length - segment.trimEnd().length);
        const start = pending >= 0 ? pending : from;
        const match = /(?:^|[\s(«"“])([\p{L}.]{1,20})\.$/u.exec(text.slice(Math.max(from, end - 24), end));
        const word = match?.[1];
        if (word !== undefined && (/^\p{Lu}$/u.test(word) || ABBREVIATIONS[lang].includes(word.toLowerCase()))) {
          pending = start;
          continue;
        }
        spans.push([start, end]);
        pending = -1;
      }
      if (pending >= 0) spans.push([pending, text.trimEnd().length]);
      return spans;
    };
    const piece = fc.constantFrom(
      'Dr',
      'dR',
      'G',
      'g',
      'Gng',
      'e.g',
      'I.E',
      'approx',
      'x',
      'Ab',
      'long',
      'Cruz',
      'Santos',
      '.',
      '..',
      '. ',
      ' ',
      '  ',
      '\t',
      '(',
      '"',
      '«',
      '“',
      '\u000e',
      '@',
      '[',
      '1',
      'é',
      'Ё',
      '東', // beyond the table of plain characters
      '😀',
      '…',
      '’',
      '\u00a0',
      '!',
      '?',
    );
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    for (const lang of ['en', 'tl'])
      fc.assert(
        fc.property(text, (t) => {
          expect(splitSentences(t, lang)).toEqual(definition(t, lang));
        }),
        { numRuns: 3000 },
      );
  });
});
