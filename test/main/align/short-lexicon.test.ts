// A short document has few beads sure enough to teach the learnt lexicon. Since aligner version 14 the lexicon learns
// from beads at odds 3:1 (PARAMS.lexiconConfidence) while the length model keeps 4:1 (PARAMS.trainConfidence): on a
// made-up pair of 24 sentences with two 2-1 merges and free translations, the larger lexicon finds both merges,
// where the 4:1 one (version 13) took the first merge and its neighbour for a 3-2 bead.
import { afterEach, describe, expect, it } from 'vitest';
import { align, explainBeads, PARAMS } from '../../../main/align/aligner';
import type { AlignSide } from '../../../main/align/types';

/** A made-up word: two syllables from its number. */
const word = (consonants: string, vowels: string, n: number) =>
  [n % 11, Math.floor(n / 11) % 11].map((k, x) => consonants[(k + 3 * x) % 11] + vowels[(k + x) % 5]).join('') + 'n';

/**
 * Two made-up languages (no shared word beginnings, no numbers or names: the lexicon is the only word evidence),
 * sentences of seeded random words translated word for word with about one word in five left out and now and then
 * one added; about one sentence in eight is joined to the previous one in the translation (a 2-1 bead). Returns the
 * gold beads as "source indices:target indices".
 */
function madeUpPair(seed0: number, count: number): { source: AlignSide; target: AlignSide; gold: string[] } {
  let seed = seed0;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const src: string[] = [];
  const tgt: string[] = [];
  const gold: string[] = [];
  for (let k = 0; k < count; k++) {
    const size = 4 + Math.floor(random() * 9);
    const words = Array.from({ length: size }, () => Math.floor(random() * 80));
    const translated = words.filter(() => random() > 0.2);
    if (random() < 0.3) translated.push(Math.floor(random() * 80));
    const s = `${words.map((w) => word('bdgklmnprst', 'aeiou', w)).join(' ')}.`;
    const t = `${translated.map((w) => word('fhjqvwxyzcb', 'uoiea', w)).join(' ')}.`;
    src.push(s);
    if (random() < 0.12 && tgt.length) {
      tgt[tgt.length - 1] = `${tgt[tgt.length - 1].slice(0, -1)} ${t}`;
      gold[gold.length - 1] = gold[gold.length - 1].replace(':', `,${src.length - 1}:`);
    } else {
      tgt.push(t);
      gold.push(`${src.length - 1}:${tgt.length - 1}`);
    }
  }
  const side = (lang: string, texts: string[]): AlignSide => ({ lang, passages: texts.map((text) => ({ text })) });
  return { source: side('xa', src), target: side('xb', tgt), gold };
}

const beadsOf = (pair: ReturnType<typeof madeUpPair>) =>
  align(pair.source, pair.target).beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

describe('the lexicon of a short document', () => {
  const saved = PARAMS.lexiconConfidence;
  afterEach(() => {
    PARAMS.lexiconConfidence = saved;
  });

  it('learns from beads at odds 3:1 and finds both merges of a 24-sentence pair (version 14)', () => {
    const pair = madeUpPair(154, 24);
    expect(pair.gold.filter((b) => b.includes(','))).toEqual(['2,3:2', '5,6:4']);
    expect(beadsOf(pair)).toEqual(pair.gold);
    expect(PARAMS.lexiconConfidence).toBeLessThan(PARAMS.trainConfidence);
    const lexicon = explainBeads(pair.source, pair.target, []).model.lexiconSize;
    // With version 13's threshold (the length model's), fewer pairs are learnt and the first merge is lost.
    PARAMS.lexiconConfidence = PARAMS.trainConfidence;
    expect(explainBeads(pair.source, pair.target, []).model.lexiconSize).toBeLessThan(lexicon);
    const before = beadsOf(pair);
    expect(before).toContain('2,3,4:2,3');
    expect(before).not.toContain('2,3:2');
  });
});
