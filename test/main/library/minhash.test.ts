// The near-duplicate fingerprint is stored: a faster computation must give the very values the definition gives
// (fingerprints stored by earlier versions keep matching new ones). The definition is written out here plainly.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { BAND_COUNT, fingerprint, signatureToBytes, SIGNATURE_SIZE } from '../../../main/library/minhash';
import { foldText } from '../../../shared/text/fold';
import { tempDir } from '../../helpers/temp';

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The definition: FNV-1a of each distinct "w1 w2 w3" string, and per seed the least mix(hash ^ seed). */
function definition(text: string): Uint32Array | null {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 12) return null;
  const shingles = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) {
    const s = words.slice(i, i + 3).join(' ');
    let h = 0x811c9dc5;
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
    shingles.add(h >>> 0);
  }
  const seeds = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles)
    for (let k = 0; k < SIGNATURE_SIZE; k++) signature[k] = Math.min(signature[k], mix(shingle ^ seeds[k]));
  return signature;
}

/** The fingerprint gives the definition's values, or none when the definition has none. */
function matchesDefinition(text: string): boolean {
  const expected = definition(text);
  const print = fingerprint(text);
  if (expected === null) return print === null;
  return print !== null && print.signature.every((v, i) => v === expected[i]);
}

const SAMPLE =
  'Ang Kagawaran ng Kalusugan ay nag-ulat ng 1,204 na bagong kaso ng dengue sa Lungsod ng Quezon ngayong ' +
  'linggo, Ереван 😀 Սահակյան';

describe('near-duplicate fingerprint', () => {
  it('keeps the values fingerprints were stored with', () => {
    // Computed by the first implementation (before the faster one): stored signatures must keep matching.
    const print = fingerprint(SAMPLE)!;
    expect(Array.from(print.signature.slice(0, 4))).toEqual([170919376, 133704639, 73620275, 298162327]);
    expect(print.bands.slice(0, 2)).toEqual([3800648193645458, 1798936204221974]);
    expect(print.bands).toHaveLength(BAND_COUNT);
    expect(print.signature).toEqual(definition(SAMPLE));
  });

  it('equals the definition on any text, repeated shingles, other scripts and lone surrogates included', () => {
    // Astral letters (𝐀, 𠀀) and a digit (𝟙), an emoji, lone surrogates of both halves, marks kept inside a word
    // (Devanagari's split it) or folded away, other digits, punctuation inside and between words.
    const word = fc.constantFrom(
      'ang',
      'Bayan',
      'ng',
      'Ереван',
      'Սահակյան',
      'ինչո՞ւ',
      'café',
      'cafe\u0301',
      '\uD800x',
      'x\uDC00y',
      '\uDBFF',
      '1,204',
      '𝐀𝐁c',
      '𠀀𠀁',
      'a😀b',
      '𝟙२٣',
      'नमस्ते',
      'ﬁn',
      '—',
      'ǅemal',
    );
    const separator = fc.constantFrom(' ', '', '\n\n', '. ', '\u0301 ');
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 0, maxLength: 60 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, matchesDefinition), { numRuns: 1000 });
  });

  it('equals the definition on ASCII text, which is hashed without folding (capitals lowered as hashed)', () => {
    // Every ASCII character: capitals at both ends of A–Z, the neighbours of the letter and digit ranges (@ [ ` {),
    // control characters, punctuation inside words.
    const ascii = fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c));
    const word = fc.oneof(
      fc.constantFrom('Ang', 'BAYAN', 'ng', 'Zz', 'aZ09', '@[`{', "don't", 'x-ray', '1,204', 'A.B.C'),
      fc.array(ascii, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
    );
    const separator = fc.constantFrom(' ', '', '\n\n', '. ', '\t', '\0');
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 0, maxLength: 80 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, matchesDefinition), { numRuns: 1000 });
    const capitals = 'THE MAYOR OF QUEZON CITY SAID ON MONDAY THAT THE NEW BRIDGE WOULD OPEN NEXT YEAR';
    expect(fingerprint(capitals)!.signature).toEqual(fingerprint(capitals.toLowerCase())!.signature);
  });
});

describe('fingerprints computed by the parse worker', () => {
  it('are the fingerprints of the stored text, and find the near-duplicate', async () => {
    // The default archive parses in the parse worker, which now also computes the fingerprint.
    const file = join(tempDir('tala-minhash-'), 'a.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      const paragraphs = Array.from({ length: 6 }, (_, i) => `Talata ${i}: ${SAMPLE} Ikaw ay ${i * 7} taon.`);
      const a = await archive.documents.importFile({ name: 'a.txt', bytes: Buffer.from(paragraphs.join('\n\n')) });
      const copy = paragraphs.join('\n\n').replace('Talata 5', 'Talata lima');
      const b = await archive.documents.importFile({ name: 'b.md', bytes: Buffer.from(copy) });
      expect(a.status).toBe('imported');
      expect(b).toMatchObject({ status: 'imported', nearDuplicates: [{ title: 'a' }] });
    } finally {
      await archive.close();
    }
    const db = await Database.open(file);
    try {
      const rows = await db.all<{ text: string; signature: Uint8Array; bands: number }>(sql`
        SELECT d.text, s.signature, (SELECT count(*) FROM dedup_bands b WHERE b.num = s.num) AS bands
        FROM documents d JOIN dedup_signatures s ON s.document_id = d.id`);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(Buffer.from(row.signature)).toEqual(Buffer.from(signatureToBytes(fingerprint(row.text)!.signature)));
        expect(row.bands).toBe(BAND_COUNT);
      }
    } finally {
      await db.close();
    }
  }, 60_000);
});
