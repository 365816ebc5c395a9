import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../main/ingest/index';
import { expectSentencesCover } from './helpers';

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
