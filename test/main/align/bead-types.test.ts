// Each bead type on a small constructed pair (an English text and its French translation, one sentence per
// passage as a one-sentence-per-line import gives, and the same sentences as paragraphs): a translator's
// merge (2-1), a split (1-2), a dropped sentence (1-0), an added translator's note (0-1), a 3-1 merge, 4-1 and
// 1-4 beads and a 2-2 bead (two sentences cut at another place), each found while the rest stays 1-1.
import { describe, expect, it } from 'vitest';
import { align, PARAMS } from '../../../main/align/aligner';
import type { AlignPassage } from '../../../main/align/types';
import {
  paragraphPassages,
  sentenceBeads,
  sentencePassages,
  type IndexBead,
  type ProsePair,
} from '../../../scripts/prose-corpus';

const EN = [
  'The expedition left Kathmandu on 12 March 1956 with forty porters.',
  'Three weeks later it reached the foot of the glacier.',
  'The weather was bad for most of April.',
  'Snow fell every afternoon and the tents were buried twice.',
  'On 2 May the first camp was set up at 5,900 metres.',
  'Dr. Hagen measured the height of the pass with two instruments.',
  'His figures differ from the old map by almost sixty metres.',
  'Nobody had expected such a large error.',
  'The second camp followed a week later, on a narrow ridge.',
  'From there the summit looked close, but the ridge was long and corniced.',
  'Lambert and Tenzing tried it on 28 May and turned back at 8,100 metres.',
  'The team was home again by the end of June.',
];
const FR = [
  'L’expédition quitta Katmandou le 12 mars 1956 avec quarante porteurs.',
  'Trois semaines plus tard, elle atteignait le pied du glacier.',
  'Le temps fut mauvais pendant presque tout le mois d’avril.',
  'Il neigeait chaque après-midi et les tentes furent ensevelies deux fois.',
  'Le 2 mai, le premier camp fut établi à 5900 mètres.',
  'Le docteur Hagen mesura l’altitude du col avec deux instruments.',
  'Ses chiffres diffèrent de ceux de l’ancienne carte de près de soixante mètres.',
  'Personne ne s’attendait à une erreur aussi grande.',
  'Le deuxième camp suivit une semaine plus tard, sur une arête étroite.',
  'De là, le sommet semblait proche, mais l’arête était longue et garnie de corniches.',
  'Lambert et Tenzing le tentèrent le 28 mai et firent demi-tour à 8100 mètres.',
  'L’équipe était de retour à la fin de juin.',
];

type Bead = readonly [readonly number[], readonly number[]];
const key = ([s, t]: Bead) => `${s.join(',')}>${t.join(',')}`;

/** The expected beads: 1-1 everywhere except `special` (in order; an insertion is placed by its target index). */
function expected(n: number, special: Bead[]): IndexBead[] {
  const out: IndexBead[] = [];
  const covered = new Set(special.flatMap(([s]) => s));
  let j = 0;
  let next = 0;
  const due = (i: number) =>
    next < special.length && (special[next][0].length ? special[next][0][0] === i : special[next][1][0] === j);
  for (let i = 0; i <= n; i++) {
    while (due(i)) {
      out.push(special[next]);
      j += special[next][1].length;
      next++;
    }
    if (i < n && !covered.has(i)) out.push([[i], [j++]]);
  }
  return out;
}

/** Sentence beads found for the pair: one sentence per passage, or paragraphs of about `size` sentences. */
function found(pair: ProsePair, size?: number): string[] {
  const { source, target } = size
    ? paragraphPassages(pair, size)
    : { source: sentencePassages(pair.source), target: sentencePassages(pair.target) };
  const result = align({ lang: 'en', passages: source }, { lang: 'fr', passages: target });
  return sentenceBeads(result.beads, source, target).map(key);
}

const CASES: Array<{ name: string; target: string[]; special: Bead[] }> = [
  {
    name: 'a merge (2-1)',
    target: [
      ...FR.slice(0, 2),
      'Le temps fut mauvais pendant presque tout le mois d’avril : il neigeait chaque après-midi et' +
        ' les tentes furent ensevelies deux fois.',
      ...FR.slice(4),
    ],
    special: [[[2, 3], [2]]],
  },
  {
    name: 'a split (1-2)',
    target: [
      ...FR.slice(0, 9),
      'De là, le sommet semblait proche.',
      'Mais l’arête était longue et garnie de corniches.',
      ...FR.slice(10),
    ],
    special: [[[9], [9, 10]]],
  },
  {
    // A dropped sentence with names and numbers of its own. (A short one with nothing to anchor it, such as
    // "Nobody had expected such a large error.", is merged with its neighbour instead: in translated prose
    // merges are far more common than drops: over a hundred against one in Bleualign’s development document.)
    name: 'a dropped sentence (1-0)',
    target: [...FR.slice(0, 10), ...FR.slice(11)],
    special: [[[10], []]],
  },
  {
    name: 'an added translator’s note (0-1)',
    target: [
      ...FR.slice(0, 5),
      '(N.d.T. : l’altitude du col, mesurée depuis par une équipe indienne, reste discutée, et les' +
        ' cartes suisses donnent encore la valeur ancienne.)',
      ...FR.slice(5),
    ],
    special: [[[], [5]]],
  },
  {
    name: 'a 3-1 merge',
    target: [
      ...FR.slice(0, 5),
      'Le docteur Hagen mesura l’altitude du col avec deux instruments ; ses chiffres diffèrent de' +
        ' ceux de l’ancienne carte de près de soixante mètres, ce que personne n’attendait.',
      ...FR.slice(8),
    ],
    special: [[[5, 6, 7], [5]]],
  },
  {
    name: 'a 4-1 merge (four sentences told in one)',
    target: [
      FR[0],
      'Trois semaines plus tard, elle atteignait le pied du glacier, mais le temps fut mauvais pendant' +
        ' presque tout le mois d’avril : il neigeait chaque après-midi, les tentes furent ensevelies deux' +
        ' fois, et ce n’est que le 2 mai que le premier camp fut établi, à 5900 mètres.',
      ...FR.slice(5),
    ],
    special: [[[1, 2, 3, 4], [1]]],
  },
  {
    name: 'a 1-4 split (one sentence told in four)',
    target: [
      ...FR.slice(0, 10),
      'Lambert et Tenzing le tentèrent.',
      'C’était le 28 mai.',
      'Ils firent pourtant demi-tour.',
      'Ils étaient à 8100 mètres.',
      ...FR.slice(11),
    ],
    special: [[[10], [10, 11, 12, 13]]],
  },
  {
    name: 'a 2-2 bead (the two sentences cut at another place)',
    target: [
      ...FR.slice(0, 8),
      'Le deuxième camp suivit une semaine plus tard, sur une arête étroite, d’où le sommet semblait proche.',
      'Mais l’arête était longue et garnie de corniches.',
      ...FR.slice(10),
    ],
    special: [
      [
        [8, 9],
        [8, 9],
      ],
    ],
  },
];

describe('bead types on small constructed pairs', () => {
  it('a short pair with too little that is sure to learn from still gets the wide beads (3-1)', () => {
    // Five sentences against three: the first pass (paragraph shapes, up to 2-2) has fewer than three sure
    // 1-1 beads to learn a model from; the sentence shapes must be tried all the same.
    const pair: ProsePair = {
      source: [EN[0], EN[5], EN[6], EN[7], EN[11]],
      target: [FR[0], CASES.find((c) => c.name === 'a 3-1 merge')!.target[5], FR[11]],
      gold: [
        [[0], [0]],
        [[1, 2, 3], [1]],
        [[4], [2]],
      ],
    };
    expect(found(pair)).toEqual(pair.gold.map(key));
  });

  it('the untouched pair is aligned 1-1 throughout', () => {
    const pair = { source: EN, target: FR, gold: expected(EN.length, []) };
    expect(found(pair)).toEqual(pair.gold.map(key));
  });

  for (const c of CASES) {
    const pair: ProsePair = { source: EN, target: c.target, gold: expected(EN.length, c.special) };
    it(`${c.name}, one sentence per passage`, () => {
      expect(found(pair)).toEqual(pair.gold.map(key));
    });
    it(`${c.name}, sentences in paragraphs of about three`, () => {
      expect(found(pair, 3)).toEqual(pair.gold.map(key));
    });
  }
});

/** Passages of the given sentences grouped as `groups` (sentence indices), with their sentence spans. */
function grouped(sentences: string[], groups: number[][]): AlignPassage[] {
  return groups.map((group) => {
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const k of group) {
      if (text) text += ' ';
      spans.push([text.length, text.length + sentences[k].length]);
      text += sentences[k];
    }
    return { text, sentences: spans };
  });
}

describe('paragraph breaks as soft anchors', () => {
  it('a dropped sentence that opens a paragraph stays a 1-0 bead, not merged across the break before it', () => {
    // "Nobody had expected such a large error." left out of the translation. One sentence per passage, nothing
    // tells the aligner whether it belongs to its neighbour, and it is merged with the sentence before it;
    // in paragraphs, that sentence ends the previous paragraph on both sides.
    const target = [...FR.slice(0, 7), ...FR.slice(8)];
    const source = grouped(EN, [
      [0, 1],
      [2, 3],
      [4, 5, 6],
      [7, 8],
      [9, 10, 11],
    ]);
    const translation = grouped(target, [[0, 1], [2, 3], [4, 5, 6], [7], [8, 9, 10]]);
    const result = align({ lang: 'en', passages: source }, { lang: 'fr', passages: translation });
    expect(sentenceBeads(result.beads, source, translation).map(key)).toEqual(
      expected(EN.length, [[[7], []]]).map(key),
    );
  });
});

describe('text of one sentence per passage', () => {
  it('takes each paragraph bead as its sentence bead: what aligning the sentences inside it finds', () => {
    // A manual sentence link makes the aligner align the sentences inside every paragraph bead again; without one
    // it takes the paragraph beads of its last pass (with the sentence shapes) as they are. Same beads and
    // confidences either way, for every bead type (the linked first bead aside).
    for (const c of CASES) {
      const source = sentencePassages(EN);
      const target = sentencePassages(c.target);
      const plain = align({ lang: 'en', passages: source }, { lang: 'fr', passages: target }).beads;
      const inside = align(
        { lang: 'en', passages: source },
        { lang: 'fr', passages: target },
        { fixedSentences: [{ source: [[0, 0]], target: [[0, 0]] }] },
      ).beads;
      expect(inside[0].sentences[0].fixed).toBe(true);
      expect(plain.slice(1), c.name).toEqual(inside.slice(1));
      const special = ({ source, target }: { source: unknown[]; target: unknown[] }) =>
        source.length !== 1 || target.length !== 1;
      expect(plain.some((b) => special(b.sentences[0]))).toBe(true);
    }
  });
});

describe('merges whose lengths disagree', () => {
  it('are not searched beyond PARAMS.mergeLength: the same beads and confidences as with no limit', () => {
    const limit = PARAMS.mergeLength;
    const merges = (beads: ReturnType<typeof align>['beads']) =>
      beads.flatMap((b) => b.sentences).filter((s) => s.source.length > 1 || s.target.length > 1).length;
    try {
      for (const c of CASES) {
        for (const size of [undefined, 3]) {
          const pair: ProsePair = { source: EN, target: c.target, gold: expected(EN.length, c.special) };
          const { source, target } = size
            ? paragraphPassages(pair, size)
            : { source: sentencePassages(pair.source), target: sentencePassages(pair.target) };
          const run = (maxLength: number) => {
            PARAMS.mergeLength = maxLength;
            return align({ lang: 'en', passages: source }, { lang: 'fr', passages: target }).beads;
          };
          const limited = run(limit);
          expect(limited, c.name).toEqual(run(Infinity));
          // The limit is applied: with none allowed, no merge is found at all.
          if (merges(limited) > 0) expect(merges(run(0)), c.name).toBe(0);
        }
      }
    } finally {
      PARAMS.mergeLength = limit;
    }
  });
});
