import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normalizeDocument } from '../../../main/ingest/normalize';

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

describe('normalizeDocument', () => {
  it('gives NFC and the two replacements on any text, plain ASCII returned without them', () => {
    const definition = (text: string) =>
      text
        .normalize('NFC')
        .replace(/\r\n?|[\u0085\u2028\u2029\v\f]/g, '\n')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '');
    // Every ASCII code unit (controls, CR, VT, FF, DEL), the first non-ASCII ones, a decomposed accent, separators.
    const ascii = fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom('\u0080', '\u0085', '\u009f', '\u00a0', 'e\u0301', '\u2028', '\ufeff', 'Ё', '\uD800');
    fc.assert(
      fc.property(fc.array(fc.oneof(ascii, ascii, ascii, other), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normalizeDocument(text)).toBe(definition(text));
      }),
      { numRuns: 3000 },
    );
    const plain = 'Ang bayan\tng Maynila.\n\nIkalawang talata ~ {x} [y] `z` 123.';
    expect(normalizeDocument(plain)).toBe(plain);
  });
});
