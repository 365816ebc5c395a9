// Paragraph beads broadly doubtful: every sentence is aligned again across the paragraph breaks. Since aligner
// version 15 the long first pass of that realignment follows the paragraph beads (paragraphGuide) instead of a block
// pass over all sentences.
import { describe, expect, it } from 'vitest';
import { align, paragraphGuide, PARAMS } from '../../../main/align/aligner';
import { paragraphs, reportSentences, sentenceBeads, unevenSizes } from './made-up-pairs';

/**
 * 400 sentences against 440: forty added after the `at`-th, the translation in paragraphs of 15 and 40 sentences, then
 * of 6, 4, 3 and 7 in turn; the original in paragraphs of 5. Its sentence beads as sentenceBeads keys them, and the
 * right ones.
 */
function addedSection(at: number): { got: string[]; expected: string[] } {
  const { en, tl: tlBody } = reportSentences(400);
  const added = Array.from({ length: 40 }, (_, k) => `Larawan ${k + 1}: ${k * 31 + 5000} bisita.`);
  const tl = [...tlBody.slice(0, at), ...added, ...tlBody.slice(at)];
  const source = paragraphs(
    en,
    Array.from({ length: 80 }, () => 5),
  );
  const target = paragraphs(tl, unevenSizes([15, 40], 440));
  expect(401 * 441).toBeGreaterThan(PARAMS.blockGuide.cells);
  const result = align({ lang: 'en', passages: source }, { lang: 'tl', passages: target });
  // Sentence beads cross paragraph breaks: the realignment ran.
  expect(result.beads.some((b) => b.source.length > 1 || b.target.length > 1)).toBe(true);
  return {
    got: sentenceBeads(result, source, target).map((b) => b.key),
    expected: [
      ...Array.from({ length: at }, (_, k) => `${k}>${k}`),
      ...added.map((_, k) => `>${at + k}`),
      ...Array.from({ length: 400 - at }, (_, k) => `${at + k}>${at + 40 + k}`),
    ],
  };
}

describe('the realignment across paragraph breaks', () => {
  it("follows each paragraph bead's diagonal, or its whole rectangle when its sides' sentence counts differ", () => {
    const sentences = (...counts: number[]) => counts.map((n) => new Array<number>(n));
    // Paragraphs of 4, 2, 3 sentences against 5, 5, 2, 3: beads 4 × 5 (diagonal), 2 × 5 (rectangle), nothing × 2
    // (a row), 3 × 3 (diagonal).
    const beads = [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [], target: [2] },
      { source: [2], target: [3] },
    ];
    expect(paragraphGuide(beads, sentences(4, 2, 3), sentences(5, 5, 2, 3))).toEqual([
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 5],
      [4, 5],
      [4, 10],
      [5, 5],
      [5, 10],
      [6, 5],
      [6, 10],
      [6, 10],
      [6, 12],
      [6, 12],
      [7, 13],
      [8, 14],
      [9, 15],
    ]);
  });

  it('a long pair with an added section and paragraph breaks that do not correspond: every sentence paired', () => {
    // The forty added sentences are a paragraph of their own; the translation's other paragraphs do not match the
    // original's: the paragraph beads are doubtful, every sentence is aligned again, and the sentence grid (401 × 441)
    // is over PARAMS.blockGuide.cells.
    const { got, expected } = addedSection(15);
    expect(got).toEqual(expected);
  });

  it('the same with the added sentences across a paragraph break: every sentence paired', () => {
    // 13 + 2 and 38 + 2: the paragraph beads pair the original's third paragraph (sentences 10-14) with the added
    // one, and the right path lies 2-3 sentences outside the band around them. Version 15 took the original's 10, 11
    // and 12 for merges of added sentences and left the translation's 10, 11 and 12 unpaired (6 wrong beads); the
    // square around the corners of very uneven paragraph beads (version 16) holds the right path.
    const { got, expected } = addedSection(13);
    expect(got).toEqual(expected);
  });
});
