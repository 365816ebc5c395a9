import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../../main/ingest/normalize';

describe('collapseWhitespace', () => {
  it('turns every run of whitespace into one space and trims, as one replacement over the text does', () => {
    const pieces = [
      'a',
      'Bayan',
      'é',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\u2028',
      '.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
    expect(collapseWhitespace('  Ang  bayan\tng\u00a0Maynila \n')).toBe('Ang bayan ng Maynila');
    expect(collapseWhitespace('isang puwang lamang')).toBe('isang puwang lamang');
  });
});
