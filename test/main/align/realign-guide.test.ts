// Paragraph beads broadly doubtful: every sentence is aligned again across the paragraph breaks. Since aligner
// version 15 the long first pass of that realignment follows the paragraph beads (paragraphGuide) instead of a block
// pass over all sentences.
import { describe, expect, it } from 'vitest';
import { align, paragraphGuide, PARAMS } from '../../../main/align/aligner';
import type { AlignPassage, AlignResult } from '../../../main/align/types';

/** Passages of consecutive sentences, `sizes` of them each, with their sentence spans. */
function paragraphs(sentences: string[], sizes: number[]): AlignPassage[] {
  const out: AlignPassage[] = [];
  let at = 0;
  for (const size of sizes) {
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const s of sentences.slice(at, at + size)) {
      if (text) text += ' ';
      spans.push([text.length, text.length + s.length]);
      text += s;
    }
    at += size;
    out.push({ text, sentences: spans });
  }
  return out;
}

/** Sentence beads as "source>target" of sentence numbers counted over the whole document. */
function sentencePairs(result: AlignResult, source: AlignPassage[], target: AlignPassage[]): string[] {
  const offsets = (ps: AlignPassage[]) => {
    let at = 0;
    return ps.map((p) => (at += p.sentences!.length) - p.sentences!.length);
  };
  const os = offsets(source);
  const ot = offsets(target);
  return result.beads.flatMap((b) =>
    b.sentences.map(
      (s) => `${s.source.map(([q, x]) => os[q] + x).join('+')}>${s.target.map(([q, x]) => ot[q] + x).join('+')}`,
    ),
  );
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
    // 400 sentences against 440 (forty added after the 15th, a paragraph of their own); the translation's other
    // paragraphs of 6, 4, 3 and 7 sentences against the original's 5: the paragraph beads are doubtful, every sentence
    // is aligned again, and the sentence grid (401 × 441) is over PARAMS.blockGuide.cells.
    const en = Array.from(
      { length: 400 },
      (_, k) =>
        `Item ${k + 10} of the report says the committee met ${(k % 9) + 2} times and heard ${(k + 3) * 17} witnesses.`,
    );
    const tlBody = Array.from(
      { length: 400 },
      (_, k) =>
        `Sinasabi ng bilang ${k + 10} ng ulat na nagpulong ang komite nang ${(k % 9) + 2} beses at dininig ang ` +
        `${(k + 3) * 17} saksi.`,
    );
    const added = Array.from({ length: 40 }, (_, k) => `Larawan ${k + 1}: ${k * 31 + 5000} bisita.`);
    const tl = [...tlBody.slice(0, 15), ...added, ...tlBody.slice(15)];
    const sizes = [15, 40];
    for (let k = 0; sizes.reduce((a, b) => a + b, 0) < 440; k++) sizes.push([6, 4, 3, 7][k % 4]);
    sizes[sizes.length - 1] -= sizes.reduce((a, b) => a + b, 0) - 440;
    const source = paragraphs(
      en,
      Array.from({ length: 80 }, () => 5),
    );
    const target = paragraphs(tl, sizes);
    expect(401 * 441).toBeGreaterThan(PARAMS.blockGuide.cells);
    const result = align({ lang: 'en', passages: source }, { lang: 'tl', passages: target });
    // Sentence beads cross paragraph breaks: the realignment ran.
    expect(result.beads.some((b) => b.source.length > 1 || b.target.length > 1)).toBe(true);
    expect(sentencePairs(result, source, target)).toEqual([
      ...Array.from({ length: 15 }, (_, k) => `${k}>${k}`),
      ...added.map((_, k) => `>${15 + k}`),
      ...Array.from({ length: 385 }, (_, k) => `${15 + k}>${55 + k}`),
    ]);
  });
});
