// Since aligner version 17 the skip cost is split between the two directions by the shares the previous pass found
// (skipShares): a translation that adds notes of its own but leaves nothing out makes a 0-1 bead cheaper and a 1-0
// bead dearer, the total kept. On a made-up pair of 30 sentences whose translation adds a note after about one
// sentence in five (and joins about one sentence in eight to the previous one), one cost for both directions
// (version 16) takes the note after the translation of sentence 2 and the translation of sentence 3 for a 1-2 bead.
import { afterEach, describe, expect, it } from 'vitest';
import { align, explainBeads, PARAMS } from '../../../main/align/aligner';
import type { AlignSide } from '../../../main/align/types';

/** A made-up word: two syllables from its number. */
const word = (consonants: string, vowels: string, n: number) =>
  [n % 11, Math.floor(n / 11) % 11].map((k, x) => consonants[(k + 3 * x) % 11] + vowels[(k + x) % 5]).join('') + 'n';

/**
 * Two made-up languages (no shared word beginnings, numbers or names), sentences of seeded random words translated
 * word for word with about one word in five left out and now and then one added; about one sentence in eight is
 * joined to the previous one in the translation (a 2-1 bead), and after about one in five the translation adds a
 * note of words of its own (a 0-1 bead). Returns the gold beads as "source indices:target indices".
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
    if (random() < 0.12 && tgt.length && !gold[gold.length - 1].startsWith(':')) {
      tgt[tgt.length - 1] = `${tgt[tgt.length - 1].slice(0, -1)} ${t}`;
      gold[gold.length - 1] = gold[gold.length - 1].replace(':', `,${src.length - 1}:`);
    } else {
      tgt.push(t);
      gold.push(`${src.length - 1}:${tgt.length - 1}`);
    }
    if (random() < 0.2) {
      const n = 3 + Math.floor(random() * 8);
      const note = Array.from({ length: n }, () => word('fhjqvwxyzcb', 'uoiea', 80 + Math.floor(random() * 40)));
      tgt.push(`${note.join(' ')}.`);
      gold.push(`:${tgt.length - 1}`);
    }
  }
  const side = (lang: string, texts: string[]): AlignSide => ({ lang, passages: texts.map((text) => ({ text })) });
  return { source: side('xa', src), target: side('xb', tgt), gold };
}

const beadsOf = (pair: ReturnType<typeof madeUpPair>) =>
  align(pair.source, pair.target).beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

describe('the skip cost split by direction', () => {
  const saved = PARAMS.skipDirections;
  afterEach(() => {
    PARAMS.skipDirections = saved;
  });

  it('makes added notes cheaper than left-out sentences when the translation only adds (version 17)', () => {
    const pair = madeUpPair(244, 30);
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
    const pair = madeUpPair(244, 30);
    const forward = explainBeads(pair.source, pair.target, []).model;
    const reverse = explainBeads(pair.target, pair.source, []).model;
    expect(reverse.skipSource).toBeLessThan(0);
    expect(reverse.skipTarget).toBeGreaterThan(0);
    expect(Math.exp(-forward.skipSource) + Math.exp(-forward.skipTarget)).toBeCloseTo(2, 10);
  });
});
