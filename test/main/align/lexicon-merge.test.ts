// The learnt lexicon's evidence for a merge: counted sentence by sentence, so a well-translated pair does not lend
// its credit to a loosely translated neighbour merged with it (on short documents, 1-1 beads were merged into 2-2
// and 2-3 beads that way); and the sentence model's own, higher, price of a 2-1 merge.
import { describe, expect, it } from 'vitest';
import { explainBeads, PARAMS } from '../../../main/align/aligner';
import type { AlignSide } from '../../../main/align/types';

/** A made-up word: two syllables from its number. */
const word = (consonants: string, vowels: string, n: number) =>
  [n % 11, Math.floor(n / 11) % 11].map((k, x) => consonants[(k + 3 * x) % 11] + vowels[(k + x) % 5]).join('') + 'n';

/**
 * Two made-up languages, word for word, sentences of seeded random words, one sentence per passage; sentence
 * `long` has many words, sentence `loose` a few whose translations are not in its counterpart (a free translation).
 */
function madeUpPair(count: number, long: number, loose: number): { source: AlignSide; target: AlignSide } {
  let seed = 17;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const source: string[] = [];
  const target: string[] = [];
  for (let k = 0; k < count; k++) {
    const size = k === long ? 24 : 4 + Math.floor(random() * 5);
    const words = Array.from({ length: size }, () => Math.floor(random() * 60));
    source.push(`${words.map((w) => word('bdgklmnprst', 'aeiou', w)).join(' ')}.`);
    const translated = k === loose ? words.map((w) => (w + 30) % 60) : words;
    target.push(`${translated.map((w) => word('fhjqvwxyzcb', 'uoiea', w)).join(' ')}.`);
  }
  const side = (lang: string, texts: string[]): AlignSide => ({ lang, passages: texts.map((text) => ({ text })) });
  return { source: side('xa', source), target: side('xb', target) };
}

describe('lexicon evidence of merges', () => {
  it('a merge of a well-matched pair and a loose one earns no more lexical credit than the two pairs apart', () => {
    const { source, target } = madeUpPair(80, 40, 41);
    const e = explainBeads(source, target, [
      { source: [40, 41], target: [40, 41] },
      { source: [40], target: [40] },
      { source: [41], target: [41] },
    ]);
    expect(e.model.lexiconSize).toBeGreaterThan(20);
    const [merged, good, loose] = e.final.map((p) => p.lexicon);
    expect(good).toBeLessThan(0);
    expect(loose).toBeGreaterThan(0);
    expect(merged).toBeGreaterThanOrEqual(good + loose);
  });

  it('the sentence model charges a 2-1 merge more than the paragraph passes do (version 13)', () => {
    const { source, target } = madeUpPair(80, 40, 41);
    const e = explainBeads(source, target, [
      { source: [10, 11], target: [10] },
      { source: [10], target: [10, 11] },
    ]);
    // One sentence per passage: the last pass, with the sentence shapes, runs under a sentence model.
    expect(e.first.map((p) => p.prior)).toEqual([PARAMS.prior.twoToOne, PARAMS.prior.twoToOne]);
    expect(e.final.map((p) => p.prior)).toEqual([PARAMS.prior.sentenceTwoToOne, PARAMS.prior.sentenceTwoToOne]);
    expect(PARAMS.prior.sentenceTwoToOne).toBeGreaterThan(PARAMS.prior.twoToOne);
  });
});
