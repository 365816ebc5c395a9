// A short document has few beads sure enough to teach the learnt lexicon. Since aligner version 14 the lexicon learns
// from beads at odds 3:1 (PARAMS.lexiconConfidence) while the length model keeps 4:1 (PARAMS.trainConfidence): on a
// made-up pair of 24 sentences with two 2-1 merges and free translations, the larger lexicon finds both merges,
// where the 4:1 one (version 13) took the first merge and its neighbour for a 3-2 bead.
import { afterEach, describe, expect, it } from 'vitest';
import { explainBeads, PARAMS } from '../../../main/align/aligner';
import { beadsOf, madeUpPair } from './made-up-pairs';

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
