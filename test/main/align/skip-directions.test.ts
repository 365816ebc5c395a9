// Since aligner version 17 the skip cost is split between the two directions by the shares the previous pass found
// (skipShares): a translation that adds notes of its own but leaves nothing out makes a 0-1 bead cheaper and a 1-0
// bead dearer, the total kept. On a made-up pair of 30 sentences whose translation adds a note after about one
// sentence in five (and joins about one sentence in eight to the previous one), one cost for both directions
// (version 16) takes the note after the translation of sentence 2 and the translation of sentence 3 for a 1-2 bead.
import { afterEach, describe, expect, it } from 'vitest';
import { explainBeads, PARAMS } from '../../../main/align/aligner';
import { beadsOf, madeUpPair } from './made-up-pairs';

describe('the skip cost split by direction', () => {
  const saved = PARAMS.skipDirections;
  afterEach(() => {
    PARAMS.skipDirections = saved;
  });

  it('makes added notes cheaper than left-out sentences when the translation only adds (version 17)', () => {
    const pair = madeUpPair(244, 30, { notes: true });
    expect(pair.gold.filter((b) => b.startsWith(':')).length).toBeGreaterThanOrEqual(4);
    expect(pair.gold.filter((b) => b.endsWith(':'))).toEqual([]);
    expect(pair.gold.slice(2, 5)).toEqual(['2:2', ':3', '3:4']);
    expect(beadsOf(pair)).toEqual(pair.gold);
    const { model } = explainBeads(pair.source, pair.target, []);
    expect(model.skipTarget).toBeLessThan(0);
    expect(model.skipSource).toBeGreaterThan(0);
    // One cost for both directions (version 16): the note before sentence 3's translation is taken into its bead.
    PARAMS.skipDirections = false;
    const before = beadsOf(pair);
    expect(before).toContain('3:3,4');
    expect(before.filter((b) => !pair.gold.includes(b))).toEqual(['3:3,4']);
    expect(explainBeads(pair.source, pair.target, []).model.skipSource).toBe(0);
  });

  it('changes nothing when the previous pass skipped as much on both sides', () => {
    // The same pair both ways round: the costs move in opposite directions.
    const pair = madeUpPair(244, 30, { notes: true });
    const forward = explainBeads(pair.source, pair.target, []).model;
    const reverse = explainBeads(pair.target, pair.source, []).model;
    expect(reverse.skipSource).toBeLessThan(0);
    expect(reverse.skipTarget).toBeGreaterThan(0);
    expect(Math.exp(-forward.skipSource) + Math.exp(-forward.skipTarget)).toBeCloseTo(2, 10);
  });
});
