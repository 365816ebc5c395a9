// The pure aligner: bead costs, anchors across scripts, a missing section, the number-only guard, fixed
// links, confidence, and the sample article (Tagalog and its English translation) paired 9 ↔ 9.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { align, explainBeads, PARAMS } from '../../../main/align/aligner';
import { consistentLinks } from '../../../main/align/links';
import { Slab, solve } from '../../../main/align/dp';
import { nameKey, textFeatures } from '../../../main/align/features';
import { lengthCost, negLogErfc } from '../../../main/align/length-cost';
import { learnLexicon } from '../../../main/align/lexicon';
import { asciiDigits, extractNumbers, kanjiNumber } from '../../../main/align/numbers';
import type { AlignSide } from '../../../main/align/types';
import { splitSentences } from '../../../shared/text/sentences';
import { REPO_ROOT, SAMPLES_DIR } from '../../helpers/temp';

const side = (lang: string, texts: string[]): AlignSide => ({
  lang,
  passages: texts.map((text) => ({ text, sentences: splitSentences(text, lang) })),
});
const sample = (file: string, lang: string) =>
  side(
    lang,
    readFileSync(join(SAMPLES_DIR, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
const pairs = (beads: Array<{ source: number[]; target: number[] }>) =>
  beads.map((b) => `${b.source.join('+')}>${b.target.join('+')}`);

/**
 * A DP problem (150 × 170) whose costs have many near ties (so confidences are sensitive), with a path ~20 cells off
 * the grid's diagonal; counter.calls counts the bead costs computed.
 */
function nearTieProblem(shapes: Array<{ di: number; dj: number }>) {
  const counter = { calls: 0 };
  const cost = (i: number, j: number, s: number) => {
    counter.calls++;
    const h = Math.imul(i * 7919 + j * 104729 + s, 0x9e3779b1) >>> 0;
    return s === 0 ? Math.abs(j - i - 20) * 0.5 + (h % 100) / 50 : 2 + (h % 7) / 3;
  };
  return { problem: { n: 150, m: 170, shapes, fullSearchCells: 0, cost }, counter };
}

describe('bead costs', () => {
  it('the Gale & Church length cost is 0 for the expected length and grows with the deviation', () => {
    expect(negLogErfc(0)).toBeCloseTo(0, 5);
    expect(lengthCost(100, 100, 1, 6.8)).toBeCloseTo(0, 5);
    expect(lengthCost(100, 120, 1, 6.8)).toBeGreaterThan(lengthCost(100, 110, 1, 6.8));
    expect(lengthCost(100, 200, 1, 6.8)).toBeGreaterThan(5);
    // The ratio is per language pair: 40 Japanese characters for 100 English ones is what a 0.4 ratio expects.
    expect(lengthCost(100, 40, 0.4, 6.8)).toBeCloseTo(0, 5);
    // Long texts do not underflow to Infinity.
    expect(Number.isFinite(lengthCost(100_000, 10, 1, 6.8))).toBe(true);
  });

  it('a merge costs more than a 1-1 bead of the same fit, a skip a fixed price whatever the length', () => {
    const s = side('en', ['One short line here.', 'Another short line here.']);
    const t = side('tl', ['Isang maikling linya.', 'Isa pang maikling linya.']);
    const e = explainBeads(s, t, [
      { source: [0], target: [0] },
      { source: [0, 1], target: [0, 1] },
      { source: [0], target: [] },
    ]);
    expect(e.first[0].prior).toBe(0);
    expect(e.first[1].prior).toBe(PARAMS.prior.twoToTwo);
    expect(e.first[2]).toMatchObject({ prior: PARAMS.skip, length: 0 });
  });

  it('a heading paired with a paragraph pays for the mismatch', () => {
    const s: AlignSide = {
      lang: 'en',
      passages: [{ text: 'Results', kind: 'heading' }, { text: 'The results came late in the night.' }],
    };
    const t: AlignSide = {
      lang: 'tl',
      passages: [{ text: 'Mga resulta', kind: 'heading' }, { text: 'Dumating ang mga resulta nang gabi.' }],
    };
    const e = explainBeads(s, t, [
      { source: [0], target: [0] },
      { source: [0], target: [1] },
    ]);
    expect(e.first[0].kind).toBe(0);
    expect(e.first[1].kind).toBe(PARAMS.kindMismatch);
  });
});

describe('anchors across scripts', () => {
  it('reads numbers in every digit system, with thousands separators and CJK numerals', () => {
    expect(asciiDigits('٤٧ ۴۷ ४७ ๔๗ ４７')).toBe('47 47 47 47 47');
    expect(extractNumbers('47 libo, ٤٧ ألف, 47 тысяч, 47 thousand')).toEqual(['47', '47', '47', '47']);
    expect(extractNumbers('1,234 and 1 234 and 1.234 and 2012.')).toEqual(['1234', '1234', '1234', '2012']);
    expect(extractNumbers('第１２条')).toEqual(['12']);
    expect(kanjiNumber('十二')).toBe(12);
    expect(kanjiNumber('二千十二')).toBe(2012);
    expect(extractNumbers('第十二条')).toEqual(['12']);
  });

  it('maps punctuation of other scripts onto the same classes', () => {
    const keys = (text: string, lang: string) =>
      textFeatures(text, lang)
        .anchors.filter((a) => a.startsWith('p:'))
        .sort();
    expect(keys('Why? (really)', 'en')).toEqual(['p:paren', 'p:paren', 'p:question']);
    expect(keys('لماذا؟ «حقا»', 'ar')).toEqual(['p:question', 'p:quote', 'p:quote']);
    expect(keys('なぜ？（本当）', 'ja')).toEqual(['p:paren', 'p:paren', 'p:question']);
    expect(keys('Γιατί;', 'el')).toEqual(['p:question']);
    // In Armenian ":" ends a sentence (for "։") and does not stand for an English colon.
    expect(keys('Այո: Ոչ։', 'hy')).toEqual([]);
  });

  it('transliterates names: Sahakyan, Саакян, Սահակյան and Σαχακιάν share a key', () => {
    const key = nameKey('Sahakyan');
    expect(key).not.toBe('');
    expect(nameKey('Саакян')).toBe(key);
    expect(nameKey('Սահակյան')).toBe(key);
    expect(nameKey('Балашанян')).not.toBe(key);
    const names = (text: string, lang: string) => textFeatures(text, lang).anchors.filter((a) => a.startsWith('w:'));
    expect(names('Ayon kay Bako Sahakyan ng NKR', 'tl')).toEqual(names('По словам Бако Саакяна из НКР', 'ru'));
  });

  it('a number, a name and a question mark pull the right pair together across scripts', () => {
    const s = side('en', [
      'The commission counted the ballots all night.',
      'Bako Sahakyan received 47 thousand votes, did he not?',
      'Observers came from many countries.',
    ]);
    const t = side('ru', [
      'Комиссия считала бюллетени всю ночь.',
      'Наблюдатели приехали из многих стран, и их было много, очень много, больше ста.',
      'Бако Саакян получил 47 тысяч голосов, не так ли?',
    ]);
    const e = explainBeads(s, t, [
      { source: [1], target: [2] },
      { source: [1], target: [1] },
    ]);
    expect(e.first[0].anchors).toBeLessThan(-3);
    expect(e.first[1].anchors).toBeGreaterThan(0);
  });

  it('shared word beginnings link related languages (Tagalog loanwords)', () => {
    const e = explainBeads(
      side('tl', ['Ang Republika ay may parlyamentaryong teritoryo.', 'Kumain kami ng isda kahapon.']),
      side('en', ['The Republic has a parliamentary territory.', 'We ate fish yesterday.']),
      [
        { source: [0], target: [0] },
        { source: [0], target: [1] },
      ],
    );
    expect(e.first[0].anchors).toBeLessThan(e.first[1].anchors - 1);
  });
});

describe('alignment', () => {
  it('pairs the sample article: every Tagalog paragraph with its English one (9 ↔ 9), sentences paired', () => {
    const tl = sample('nkr-2012-halalan.tl.txt', 'tl');
    const en = sample('nkr-2012-halalan.en.txt', 'en');
    expect(tl.passages).toHaveLength(9);
    expect(en.passages).toHaveLength(9);
    const result = align(tl, en);
    expect(pairs(result.beads)).toEqual(Array.from({ length: 9 }, (_, k) => `${k}>${k}`));
    for (const [k, bead] of result.beads.entries()) {
      expect(bead.confidence).toBeGreaterThan(0.75);
      // Both versions have the same sentences here: each pairs with its counterpart.
      const count = tl.passages[k].sentences!.length;
      expect(en.passages[k].sentences).toHaveLength(count);
      expect(bead.sentences.map((s) => [s.source, s.target])).toEqual(
        Array.from({ length: count }, (_, n) => [[[k, n]], [[k, n]]]),
      );
    }
  });

  it('a section missing on one side is skipped without derailing the rest', () => {
    const body = (lang: 'en' | 'tl') =>
      Array.from({ length: 24 }, (_, k) =>
        lang === 'en'
          ? `Paragraph ${k + 10} of the report says the committee met ${k + 10} times and` +
            ` heard ${(k + 3) * 17} witnesses about budget line ${k * 7 + 11}.`
          : `Sinasabi ng talata ${k + 10} ng ulat na nagpulong ang komite nang ${k + 10} beses at` +
            ` dininig ang ${(k + 3) * 17} saksi tungkol sa linya ${k * 7 + 11} ng badyet.`,
      );
    const extra = Array.from(
      { length: 6 },
      (_, k) =>
        `An extra section, paragraph ${k + 1}, that the translator left out: it` +
        ` reviews ${k * 31 + 200} earlier decisions.`,
    );
    const en = [...body('en').slice(0, 8), ...extra, ...body('en').slice(8)];
    const result = align(side('en', en), side('tl', body('tl')));
    const expected = [
      ...Array.from({ length: 8 }, (_, k) => `${k}>${k}`),
      ...extra.map((_, k) => `${8 + k}>`),
      ...Array.from({ length: 16 }, (_, k) => `${14 + k}>${8 + k}`),
    ];
    expect(pairs(result.beads)).toEqual(expected);
  });

  it('the number-only guard: a lone small number does not beat the length cost ("Chapter 1" vs a vote count)', () => {
    const paragraph =
      'Ang mga botante ay pumila mula umaga hanggang gabi sa lahat ng presinto ng lungsod at ng lalawigan.';
    const en: AlignSide = {
      lang: 'en',
      passages: [
        {
          text:
            'Voters queued from morning until night at every precinct of the city and the' +
            ' province: 1 in 3 waited hours.',
        },
      ],
    };
    const withNumber: AlignSide = { lang: 'tl', passages: [{ text: 'Kabanata 1' }, { text: paragraph }] };
    const e = explainBeads(withNumber, en, [{ source: [0], target: [0] }]);
    // The heading and the paragraph share only "1": worth less than the cap, and less than their length mismatch.
    expect(-e.first[0].anchors).toBeLessThanOrEqual(PARAMS.loneNumberCap);
    expect(-e.first[0].anchors).toBeLessThan(e.first[0].length);
    // The alignment is the one the text without the number gets.
    const withoutNumber: AlignSide = { lang: 'tl', passages: [{ text: 'Kabanata' }, { text: paragraph }] };
    expect(pairs(align(withNumber, en).beads)).toEqual(pairs(align(withoutNumber, en).beads));
    expect(pairs(align(withNumber, en).beads)).not.toContain('0>0');
    // A real vote count (≥ 10) with something else that agrees (a name) is strong evidence.
    const strong = explainBeads(
      side('tl', ['Nakakuha si Sahakyan ng 47 libong boto.']),
      side('en', ['The incumbent Sahakyan received 47 thousand votes.']),
      [{ source: [0], target: [0] }],
    );
    expect(strong.first[0].anchors).toBeLessThan(-PARAMS.loneNumberCap * 4);
  });

  it('confidence is between 0 and 1 and lower where the choice was close', () => {
    const result = align(sample('nkr-2012-halalan.tl.txt', 'tl'), sample('nkr-2012-halalan.en.txt', 'en'));
    for (const b of result.beads) {
      expect(b.confidence).toBeGreaterThanOrEqual(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
      for (const s of b.sentences) expect(s.confidence).toBeLessThanOrEqual(b.confidence);
    }
    // Four equal lines against three: which two go together is a coin toss, and the confidence says so.
    const s = side('en', ['Line one is here.', 'Line two is here.', 'Line six is here.', 'Line ten is here.']);
    const t = side('de', ['Zeile A ist da.', 'Zeile B ist da.', 'Zeile C ist da.']);
    const ambiguous = align(s, t, { lexicon: false });
    expect(Math.min(...ambiguous.beads.map((b) => b.confidence))).toBeLessThan(0.6);
  });

  it('keeps fixed links as they are and aligns the rest around them', () => {
    const tl = sample('nkr-2012-halalan.tl.txt', 'tl');
    const en = sample('nkr-2012-halalan.en.txt', 'en');
    // Wrong on purpose: the user says 2+3 go with 2, and 4 has no counterpart.
    const result = align(tl, en, {
      fixed: [
        { source: [2, 3], target: [2] },
        { source: [], target: [3] },
      ],
    });
    const p = pairs(result.beads);
    expect(p).toContain('2+3>2');
    expect(p).toContain('>3');
    expect(p.slice(0, 2)).toEqual(['0>0', '1>1']);
    expect(p.slice(-5)).toEqual(['4>4', '5>5', '6>6', '7>7', '8>8']);
    expect(result.beads.find((b) => b.source.join() === '2,3')).toMatchObject({ fixed: true, confidence: 1 });
  });

  it('a fixed sentence link holds inside its paragraph bead', () => {
    const tl = sample('nkr-2012-halalan.tl.txt', 'tl');
    const en = sample('nkr-2012-halalan.en.txt', 'en');
    const result = align(tl, en, {
      fixedSentences: [
        {
          source: [
            [8, 1],
            [8, 2],
          ],
          target: [[8, 1]],
        },
      ],
    });
    expect(result.beads[8].sentences.map((s) => [s.source, s.target, !!s.fixed])).toEqual([
      [[[8, 0]], [[8, 0]], false],
      [
        [
          [8, 1],
          [8, 2],
        ],
        [[8, 1]],
        true,
      ],
      [[], [[8, 2]], false],
    ]);
  });

  it('keeps manual links consistent: no overlaps, no crossings, earlier links win', () => {
    expect(
      consistentLinks(
        [
          { source: [2], target: [5] },
          { source: [3], target: [1] }, // crosses the first
          { source: [2, 3], target: [6] }, // overlaps the first
          { source: [4, 6], target: [7] }, // not contiguous
          { source: [7], target: [8] },
          { source: [99], target: [0] }, // out of range
        ],
        10,
        10,
      ),
    ).toEqual([
      { source: [2], target: [5] },
      { source: [7], target: [8] },
    ]);
  });

  it('handles empty documents and one-sided input', () => {
    expect(align(side('en', []), side('tl', [])).beads).toEqual([]);
    expect(pairs(align(side('en', ['Only here.']), side('tl', [])).beads)).toEqual(['0>']);
    expect(pairs(align(side('en', []), side('tl', ['Dito lamang.', 'At dito.'])).beads)).toEqual(['>0', '>1']);
  });
});

describe('the search', () => {
  it('widens its band when the best path runs along the edge', () => {
    // A long diagonal offset by 30 from the grid's diagonal: the first band cannot hold it.
    const n = 200;
    const m = 170;
    const solution = solve({
      n,
      m,
      shapes: [
        { di: 1, dj: 1 },
        { di: 1, dj: 0 },
        { di: 0, dj: 1 },
      ],
      band: 4,
      fullSearchCells: 0,
      cost: (i, j, s) => (s === 0 ? (i - 30 === j ? 0 : 5) : 3),
    });
    expect(solution.band).toBeGreaterThan(4);
    const ones = solution.beads.filter((b) => b.di === 1 && b.dj === 1);
    expect(ones.every((b) => b.i - 30 === b.j)).toBe(true);
    expect(ones).toHaveLength(170);
  });

  it('around a guide, widens only near where the path leaves it, and finds what the full search finds', () => {
    // The guide is the diagonal; the best path leaves it by 10 columns for rows 100-140 (a 1-1 bead costs half a nat
    // per column off that path: the path heads for the edge of a narrow band there and touches it).
    const n = 300;
    const shapes = [
      { di: 1, dj: 1 },
      { di: 1, dj: 0 },
      { di: 0, dj: 1 },
    ];
    const on = (i: number) => (i >= 100 && i < 140 ? i + 10 : i);
    let calls = 0;
    const cost = (i: number, j: number, s: number) => {
      calls++;
      return s === 0 ? 0.5 * Math.abs(on(i) - j) : 3;
    };
    const guide = Array.from({ length: n + 1 }, (_, i): [number, number] => [i, i]);
    const guided = solve({ n, m: n, shapes, cost, guide, band: 2, fullSearchCells: 0 });
    const guidedCalls = calls;
    const full = solve({ n, m: n, shapes, cost, fullSearchCells: Infinity });
    const path = (beads: typeof full.beads) => beads.map((b) => [b.i, b.j, b.di, b.dj]);
    expect(path(guided.beads)).toEqual(path(full.beads));
    expect(guided.total).toBe(full.total);
    expect(guided.beads.filter((b) => b.di === 1 && b.dj === 1).every((b) => on(b.i) === b.j)).toBe(true);
    // Widened to 16 near the detour only: far fewer bead costs than a band of 16 everywhere (300 × 33 × 3).
    expect(guided.band).toBe(16);
    expect(guidedCalls).toBeLessThan((n * 33 * 3) / 2);
  });

  it('reads the bead costs an earlier solve computed instead of computing them again, to the same result', () => {
    const { problem, counter } = nearTieProblem([
      { di: 1, dj: 1 },
      { di: 1, dj: 0 },
      { di: 0, dj: 1 },
      { di: 2, dj: 1 },
    ]);
    const { n, m } = problem;
    const probe = solve({ ...problem, band: 6, maxBand: 6 });
    expect(probe.touched).toBe(true);
    const guide: Array<[number, number]> = Array.from({ length: n + 1 }, (_, i) => [i, Math.min(m, i + 20)]);
    counter.calls = 0;
    const fresh = solve({ ...problem, band: 6, guide });
    const freshCalls = counter.calls;
    counter.calls = 0;
    const reused = solve({ ...problem, band: 6, guide, known: probe.costs });
    expect(reused).toEqual({ ...fresh, costs: reused.costs });
    expect(counter.calls).toBeGreaterThan(0);
    expect(counter.calls).toBeLessThan(freshCalls);
    // Only the path: the same beads without confidences.
    const path = solve({ ...problem, band: 6, guide, pathOnly: true });
    expect(path.beads).toEqual(fresh.beads.map((b) => ({ ...b, confidence: 0 })));
  });

  it('leaves out the beads that end outside the band, and computes them when the band widens to take them in', () => {
    const { problem, counter } = nearTieProblem([
      { di: 1, dj: 1 },
      { di: 1, dj: 0 },
      { di: 0, dj: 1 },
      { di: 2, dj: 1 },
      { di: 1, dj: 3 },
    ]);
    const { n, m, shapes } = problem;
    // Every bead's cost, from a search of the whole grid.
    const all = solve({ ...problem, fullSearchCells: Infinity });
    // A guide a little off the path, and a narrow band: it widens.
    const guide: Array<[number, number]> = Array.from({ length: n + 1 }, (_, i) => [i, Math.min(m, i + 22)]);
    counter.calls = 0;
    const lazy = solve({ ...problem, band: 2, guide });
    expect(lazy.band).toBeGreaterThan(2);
    const lazyCalls = counter.calls;
    // The same search reading every cost from the whole grid's: the beads left out made no difference.
    const eager = solve({ ...problem, band: 2, guide, known: all.costs });
    expect(lazy).toEqual({ ...eager, costs: lazy.costs });
    const cells = Array.from({ length: n + 1 }, (_, i) => lazy.costs.hi[i] - lazy.costs.lo[i] + 1);
    expect(lazyCalls).toBeLessThan(cells.reduce((a, b) => a + b, 0) * shapes.length);
    expect(lazy.beads.every((b) => Number.isFinite(b.cost))).toBe(true);
  });

  it('a long first pass off the diagonal follows a block-level path and finds what the wide band finds', () => {
    // 400 paragraphs against 440: forty added after the 13th put the path ~40 cells off the grid's diagonal, so the
    // first band (half-width 6) cannot hold it; the grid (401 × 441) is over PARAMS.blockGuide.cells.
    const body = (lang: 'en' | 'tl') =>
      Array.from({ length: 400 }, (_, k) =>
        lang === 'en'
          ? `Paragraph ${k + 10} of the report says the committee met ${(k % 9) + 2} times and` +
            ` heard ${(k + 3) * 17} witnesses about budget line ${k * 7 + 11}.`.repeat(1 + (k % 3))
          : `Sinasabi ng talata ${k + 10} ng ulat na nagpulong ang komite nang ${(k % 9) + 2} beses at` +
            ` dininig ang ${(k + 3) * 17} saksi tungkol sa linya ${k * 7 + 11} ng badyet.`.repeat(1 + (k % 3)),
      );
    const added = Array.from(
      { length: 40 },
      (_, k) => `Isang larawan ${k + 1}: ang ${k * 31 + 5000} na bisita sa ${k % 2 ? 'umaga' : 'gabi'}.`,
    );
    const tl = body('tl');
    const target = [...tl.slice(0, 13), ...added, ...tl.slice(13)];
    expect(401 * 441).toBeGreaterThan(PARAMS.blockGuide.cells);
    const guided = align(side('en', body('en')), side('tl', target));
    const saved = PARAMS.blockGuide.cells;
    PARAMS.blockGuide.cells = Infinity;
    let wide: ReturnType<typeof align>;
    try {
      wide = align(side('en', body('en')), side('tl', target));
    } finally {
      PARAMS.blockGuide.cells = saved;
    }
    expect(guided.beads).toEqual(wide.beads);
    expect(pairs(guided.beads)).toEqual([
      ...Array.from({ length: 13 }, (_, k) => `${k}>${k}`),
      ...added.map((_, k) => `>${13 + k}`),
      ...Array.from({ length: 387 }, (_, k) => `${13 + k}>${53 + k}`),
    ]);
  });

  it('a long first pass on the diagonal takes the block-level path too, and finds what the wide band finds', () => {
    // Since version 10 no band around the diagonal is tried first: a pair whose path is the diagonal must come out
    // as the widening search finds it.
    const body = (lang: 'en' | 'tl') =>
      Array.from({ length: 420 }, (_, k) =>
        lang === 'en'
          ? `Item ${k + 3}: the council approved ${(k % 7) + 2} requests and ${(k + 5) * 13} signatures.`
          : `Bilang ${k + 3}: inaprubahan ng konseho ang ${(k % 7) + 2} kahilingan at ${(k + 5) * 13} lagda.`,
      );
    expect(421 * 421).toBeGreaterThan(PARAMS.blockGuide.cells);
    const guided = align(side('en', body('en')), side('tl', body('tl')));
    const saved = PARAMS.blockGuide.cells;
    PARAMS.blockGuide.cells = Infinity;
    let wide: ReturnType<typeof align>;
    try {
      wide = align(side('en', body('en')), side('tl', body('tl')));
    } finally {
      PARAMS.blockGuide.cells = saved;
    }
    expect(guided.beads).toEqual(wide.beads);
    expect(pairs(guided.beads)).toEqual(Array.from({ length: 420 }, (_, k) => `${k}>${k}`));
  });

  it('fills its grid through costTo when given, with the same solution as through cost', () => {
    const shapes = [
      { di: 1, dj: 1 },
      { di: 1, dj: 0 },
      { di: 0, dj: 1 },
      { di: 2, dj: 1 },
      { di: 1, dj: 2 },
    ];
    const a = Array.from({ length: 80 }, (_, k) => 10 + ((k * 7) % 13));
    const b = a.flatMap((x, k) => (k % 17 === 5 ? [] : k % 11 === 3 ? [x / 2, x / 2] : [x]));
    const cost = (i: number, j: number, s: number) => {
      const { di, dj } = shapes[s];
      if (di === 0 || dj === 0) return 4;
      const ls = a.slice(i, i + di).reduce((x, y) => x + y, 0);
      const lt = b.slice(j, j + dj).reduce((x, y) => x + y, 0);
      return (di + dj - 2) * 2 + Math.abs(ls - lt) / 3;
    };
    let calls = 0;
    const costTo = (i: number, j: number, s: number, out: Float64Array, at: number) => {
      calls++;
      out[at] = cost(i, j, s);
    };
    const problem = { n: a.length, m: b.length, shapes, cost, band: 3 };
    const plain = solve(problem);
    const into = solve({ ...problem, costTo, cost: () => Number.NaN });
    expect(calls).toBeGreaterThan(a.length);
    expect(into.beads).toEqual(plain.beads);
    expect(into.total).toBe(plain.total);
  });

  it('cuts rows from a slab that never overlap, each filled as asked, longer ones than a buffer too', () => {
    const slab = new Slab();
    const rows = [3, 70_000, 5, 65_536, 1].map((length, k) => slab.float64(length, k === 2 ? NaN : 0));
    const ints = [2, 100_000, 4].map((length) => slab.int32(length, -1));
    rows.forEach((row, k) => row.fill(k + 1));
    ints.forEach((row, k) => row.fill(k + 1));
    expect(rows.map((r) => r.length)).toEqual([3, 70_000, 5, 65_536, 1]);
    rows.forEach((row, k) => expect(row.every((x) => x === k + 1)).toBe(true));
    ints.forEach((row, k) => expect(row.every((x) => x === k + 1)).toBe(true));
    expect([...slab.float64(2, NaN)].every(Number.isNaN)).toBe(true);
    expect([...slab.int32(3, -1)]).toEqual([-1, -1, -1]);
    expect([...slab.float64(2)]).toEqual([0, 0]);
  });

  it('learns a lexicon from words that keep meeting in the same beads', () => {
    // Source type 0 always with target type 5, type 1 with 6; 2 and 7 are everywhere (function words).
    const beads = Array.from({ length: 12 }, (_, k) => ({
      source: Int32Array.from(k % 2 ? [0, 2] : [1, 2]),
      target: Int32Array.from(k % 2 ? [5, 7] : [6, 7]),
    }));
    const lexicon = learnLexicon(beads, 3, 8);
    expect([...lexicon.bySource[0]]).toEqual([5]);
    expect([...lexicon.bySource[1]]).toEqual([6]);
    expect([...lexicon.bySource[2]]).toEqual([]);
  });

  it('keeps each word’s best partners in the order a stable sort by Dice gives, however many pairs it counts', () => {
    // The lexicon as it was first written (a Map of every pair, a list per word sorted by Dice): the same entries in
    // the same order, on random beads with many tied Dice values and more distinct pairs than the counting table's
    // first size (it grows while counting).
    const reference = (beads: Array<{ source: Int32Array; target: Int32Array }>, nS: number, nT: number) => {
      const srcCount = new Int32Array(nS);
      const tgtCount = new Int32Array(nT);
      for (const b of beads) {
        for (const s of b.source) srcCount[s]++;
        for (const t of b.target) tgtCount[t]++;
      }
      const maxDf = Math.max(2, Math.floor(beads.length / 2));
      const keep = (c: number) => c >= 2 && c <= maxDf;
      const shared = new Map<string, number>();
      for (const b of beads)
        for (const s of b.source)
          for (const t of b.target)
            if (keep(srcCount[s]) && keep(tgtCount[t])) shared.set(`${s},${t}`, (shared.get(`${s},${t}`) ?? 0) + 1);
      const bestS = new Map<number, Array<[number, number]>>();
      const bestT = new Map<number, Array<[number, number]>>();
      for (const [key, count] of shared) {
        const [s, t] = key.split(',').map(Number);
        const dice = (2 * count) / (srcCount[s] + tgtCount[t]);
        if (count < 2 || dice < 0.5) continue;
        (bestS.get(s) ?? bestS.set(s, []).get(s)!).push([t, dice]);
        (bestT.get(t) ?? bestT.set(t, []).get(t)!).push([s, dice]);
      }
      const top = (list: Array<[number, number]>) =>
        list
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([x]) => x);
      const topT = new Map([...bestT].map(([t, list]) => [t, top(list)]));
      const bySource: number[][] = Array.from({ length: nS }, () => []);
      const byTarget: number[][] = Array.from({ length: nT }, () => []);
      for (const [s, list] of bestS) {
        bySource[s] = top(list).filter((t) => topT.get(t)?.includes(s));
        for (const t of bySource[s]) byTarget[t].push(s);
      }
      return { bySource, byTarget };
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const distinct = (n: number, count: number) =>
      Int32Array.from(new Set(Array.from({ length: count }, () => random(n))));
    // Words that travel together (s, s + 1000 and s + 2000 with target s) tie on Dice, and target s keeps two of the
    // three; the rest is noise.
    const beads = Array.from({ length: 300 }, () => {
      const pairs = Array.from({ length: 6 }, () => random(60));
      return {
        source: Int32Array.from(
          new Set([...pairs, ...pairs.map((x) => x + 1000), ...pairs.map((x) => x + 2000), ...distinct(900, 20)]),
        ),
        target: Int32Array.from(new Set([...pairs, ...distinct(900, 20)])),
      };
    });
    const lexicon = learnLexicon(beads, 2100, 1000, { maxBeads: 300, maxPairs: 1e9 });
    const expected = reference(beads, 2100, 1000);
    expect(lexicon.bySource.map((x) => [...x])).toEqual(expected.bySource);
    expect(lexicon.byTarget.map((x) => [...x])).toEqual(expected.byTarget);
    expect(lexicon.size).toBeGreaterThan(30);
  });
});

describe('the aligner core', () => {
  it('imports nothing from Node, the DOM or the archive (it runs in a worker, in tests and in the CLI)', () => {
    const dir = join(REPO_ROOT, 'main', 'align');
    const core = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('worker'));
    expect(core).toContain('aligner.ts');
    for (const file of core) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map(
        (m) => m[1],
      );
      for (const spec of imports)
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/|^\.\.\/\.\.\/shared\/|^\.\.\/search\/transliterate$/);
    }
  });
});
