import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../shared/text/sentences';
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
