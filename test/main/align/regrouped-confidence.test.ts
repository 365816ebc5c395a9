// Since aligner version 18, a paragraph bead that the realignment across paragraph breaks made of its sentence beads
// does not cap their confidences: its confidence is the least sure of theirs. Before, that least sure one's margin
// (calibrated as the paragraph bead's) capped every sentence of the bead, so a paragraph of added sentences, and the
// sure one-to-one beads beside it in the same regrouped bead, took the doubt of one sentence at the run's edge.
import { describe, expect, it } from 'vitest';
import { align } from '../../../main/align/aligner';
import { paragraphs, reportSentences, sentenceBeads, unevenSizes } from './made-up-pairs';

describe('sentence confidences inside a bead made by the realignment', () => {
  it('a run of added sentences: each keeps its own margin, not that of the doubtful one at its edge', () => {
    // 60 sentences in paragraphs of 5; the translation adds 10 long sentences after the 12th, a paragraph of their
    // own, the last of which reads like the next translated sentence (a close alternative at the run's edge); its
    // other paragraphs (6, 4, 3, 7, ...) do not match the original's, so every sentence is aligned again.
    const { en, tl: tlBody } = reportSentences(60);
    const added = Array.from(
      { length: 10 },
      (_, k) =>
        `Larawan ${k + 1}: ang mga bisita ng museo ay ${k * 31 + 5000} noong taon, at marami sa kanila ang bumalik ` +
        'muli sa susunod na buwan upang makita ang bagong eksibit.',
    );
    added[9] = 'Ang komite ng ulat ay nagpulong nang 5 beses.';
    const tl = [...tlBody.slice(0, 12), ...added, ...tlBody.slice(12)];
    const source = paragraphs(
      en,
      Array.from({ length: 12 }, () => 5),
    );
    const target = paragraphs(tl, unevenSizes([12, 10], 70));
    const result = align({ lang: 'en', passages: source }, { lang: 'tl', passages: target });
    const got = sentenceBeads(result, source, target);
    expect(got.map((b) => b.key)).toEqual([
      ...Array.from({ length: 12 }, (_, k) => `${k}>${k}`),
      ...added.map((_, k) => `>${12 + k}`),
      ...Array.from({ length: 48 }, (_, k) => `${12 + k}>${22 + k}`),
    ]);
    // The realignment ran, and one bead holds the added run and sure one-to-one beads around it.
    const run = got.filter((b) => b.key.startsWith('>'));
    const holder = result.beads[run[0].bead];
    expect(run.every((b) => b.bead === run[0].bead)).toBe(true);
    expect(holder.source.length).toBeGreaterThan(1);
    const edge = run[9].confidence;
    expect(edge).toBeLessThan(0.5);
    // Its other sentences are not capped by the edge (version 17: all at most the edge's margin read as this
    // bead's, 0.818 here)...
    const inside = got.filter((b) => b.bead === run[0].bead);
    const pairs = inside.filter((b) => !b.key.startsWith('>'));
    expect(pairs.length).toBeGreaterThan(10);
    for (const b of pairs) expect(b.confidence).toBeGreaterThan(0.9);
    for (const b of run.slice(0, 9)) expect(b.confidence).toBeGreaterThan(edge + 0.2);
    expect(Math.max(...run.map((b) => b.confidence))).toBeGreaterThan(0.99);
    // ...and the bead is as sure as its least sure sentence.
    expect(holder.confidence).toBe(edge);
  });
});
