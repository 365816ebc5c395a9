// How a document's rows are encoded for SQLite: the faster encodings must write exactly what their definitions wrote
// (the stored rows of an import are compared byte for byte), on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSentences, unpackSentences } from '../../../main/documents/passage-text';
import { wellFormed } from '../../../main/documents/repo';

/** The definitions, as they were written before. */
const packedByDefinition = (sentences: Array<[number, number]>) =>
  sentences.length === 0 ? null : JSON.stringify(Object.fromEntries(sentences.map(([s, e], i) => [i, [s, e]])));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormedByDefinition = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

describe('passage sentences packed for their row', () => {
  it('are the JSON the definition writes, and unpack to the same offsets', () => {
    const offset = fc.oneof(fc.nat(), fc.constant(-0), fc.integer({ min: 2 ** 31 - 2, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(offset, offset), { maxLength: 30 }), (sentences) => {
        const packed = packSentences(sentences);
        expect(packed).toBe(packedByDefinition(sentences));
        expect(unpackSentences(packed)).toEqual(sentences.map(([s, e]) => [s + 0, e + 0]));
      }),
      { numRuns: 500 },
    );
    expect(
      packSentences([
        [0, 41],
        [42, 97],
      ]),
    ).toBe('{"0":[0,41],"1":[42,97]}');
    // Not whole numbers (never produced): still what the definition writes.
    expect(packSentences([[0.5, NaN]])).toBe(packedByDefinition([[0.5, NaN]]));
  });
});

describe('strings made well-formed for a bound parameter', () => {
  it('replace exactly the lone surrogates, as the definition does', () => {
    const unit = fc.constantFrom('a', 'é', '\uD83D', '\uDE00', '\uD83D\uDE00', '\uDBFF', '\uDC00', ' ', 'Ա');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((units) => units.join('')),
        (text) => {
          expect(wellFormed(text)).toBe(wellFormedByDefinition(text));
        },
      ),
      { numRuns: 2000 },
    );
    const plain = 'Ang Kagawaran 😀';
    expect(wellFormed(plain)).toBe(plain);
    expect(wellFormed('a\uD800b\uDC00\uD83D\uDE00')).toBe('a\uFFFDb\uFFFD\uD83D\uDE00');
  });
});
