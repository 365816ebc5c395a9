import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainSegments, rawSegments } from '../../../shared/text/sentences';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LANGS = ['und', 'en', 'tl', 'ru', 'el', 'de', 'fr', 'es', 'ja', 'zh'];

/** ICU's segment boundaries (Intl.Segmenter), as rawSegments gives them for a text within its window. */
function icu(text: string, lang: string): number[] {
  return rawSegments(text, new Intl.Segmenter(lang, { granularity: 'sentence' }));
}

describe('sentence boundaries of plain text without ICU', () => {
  it('are ICU’s on random text made of the characters handled', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // Words, initials, numbers, abbreviations and every handled punctuation mark, packed close together.
    const pieces = [
      'Dr',
      'a',
      'the',
      'U',
      'x',
      '3',
      '2012',
      ' ',
      ' ',
      '  ',
      '.',
      '. ',
      '? ',
      '! ',
      '...',
      ', ',
      ': ',
      '- ',
      'Señor',
      'año',
      '“',
      '”',
      '’',
      ' – ',
      '…',
      '\u00a0',
      'É',
      '"',
      "'",
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      'e.g.',
      'A.',
      '1.',
      '#',
      '@',
      '/',
      '!?',
      '.)',
    ];
    const chars = 'aAbZz09 .!?"\'()[]{},-:#$%&*+/<=>@_`|~^\\ñÑéÉàÀüÜßÿ×÷ªµº\u00a0«»‘’“”–—…';
    let handled = 0;
    for (let r = 0; r < 20000; r++) {
      let text = '';
      const length = 1 + Math.floor(random() * 20);
      for (let i = 0; i < length; i++)
        text += r % 2 ? pieces[Math.floor(random() * pieces.length)] : chars[Math.floor(random() * chars.length)];
      const mine = plainSegments(text);
      if (!mine) continue;
      handled++;
      const lang = LANGS[r % LANGS.length];
      if (mine.join() !== icu(text, lang).join())
        expect({ text, lang, mine }).toEqual({ text, lang, mine: icu(text, lang) });
    }
    expect(handled).toBeGreaterThan(19000);
  });

  it('are ICU’s on real paragraphs, and leave any other character or a long passage to ICU', () => {
    const texts = [
      'resources/samples/nkr-2012-halalan.en.txt',
      'resources/samples/nkr-2012-halalan.tl.txt',
      'README.md',
    ]
      .flatMap((f) => readFileSync(join(ROOT, f), 'utf8').split(/\n+/))
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '');
    let handled = 0;
    for (const text of texts) {
      const mine = plainSegments(text);
      if (mine) {
        handled++;
        expect(mine).toEqual(icu(text, 'en'));
      } else expect(/[^\x20-\x7e]/.test(text) || text.length > 2000 || /[;]/.test(text)).toBe(true);
    }
    expect(handled).toBeGreaterThan(50);
    expect(plainSegments('Москва — столица. Здесь живут люди!')).toBeUndefined();
    expect(plainSegments('Hindi; hindi.')).toBeUndefined();
    expect(plainSegments('Tab\there.')).toBeUndefined();
    expect(plainSegments('')).toBeUndefined();
    expect(plainSegments(`${'Word. '.repeat(400)}`)).toBeUndefined();
    expect(plainSegments('Dr. Cruz came. He said "yes." Then 3.14 left! Ok? e.g. this.')).toEqual(
      icu('Dr. Cruz came. He said "yes." Then 3.14 left! Ok? e.g. this.', 'en'),
    );
  });
});
