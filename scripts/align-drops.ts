// Strict F1 of two checkouts of the aligner on the development document with sections left out: paragraphs of
// ~3 / ~6 / ~20 sentences (as cut, and with 30 % of the translation's breaks moved), alone and repeated to ~100
// pages, with a fifteenth of the translation's paragraphs dropped from the middle, its first twelfth missing, or a
// fifteenth of the original's dropped at a third (the gold beads lose the dropped sentences). 36 inputs.
//   npx tsx scripts/align-drops.ts <root A> <root B>     (roots as for align-ab.ts; needs $TALA_BLEUALIGN_DIR)
// Never reads Bleualign's test documents.
import { join, resolve } from 'node:path';
import type { AlignPassage } from '../main/align/types';
import type { IndexBead, ProsePair } from './prose-corpus';

type Aligner = typeof import('../main/align/aligner');
const load = async (root: string) => (await import(join(resolve(root), 'main/align/aligner.ts'))) as Aligner;
const [A, B] = [await load(process.argv[2]), await load(process.argv[3])];
const P = (await import(join(resolve(process.argv[3]), 'scripts/prose-corpus.ts'))) as typeof import('./prose-corpus');
const dev = P.loadProse(P.proseDir()!);
type Input = { source: AlignPassage[]; target: AlignPassage[] };
const sentences = (ps: AlignPassage[]) => ps.reduce((n, p) => n + (p.sentences?.length ?? 1), 0);

function dropped(pair: ProsePair, p: Input, side: 'source' | 'target', from: number, count: number) {
  const s0 = sentences(p[side].slice(0, from));
  const s1 = s0 + sentences(p[side].slice(from, from + count));
  const map = (xs: readonly number[]) => xs.filter((x) => x < s0 || x >= s1).map((x) => (x < s0 ? x : x - (s1 - s0)));
  const gold: IndexBead[] = pair.gold
    .map((b): IndexBead => (side === 'source' ? [map(b[0]), b[1]] : [b[0], map(b[1])]))
    .filter((b) => b[0].length + b[1].length > 0);
  return { input: { ...p, [side]: [...p[side].slice(0, from), ...p[side].slice(from + count)] }, gold };
}

const f1 = (aligner: Aligner, input: Input, gold: IndexBead[]) => {
  const result = aligner.align({ lang: 'de', passages: input.source }, { lang: 'fr', passages: input.target });
  return P.scoreProse(gold, P.sentenceBeads(result.beads, input.source, input.target)).strict.f1;
};
const scores: Array<[number, number]> = [];
for (const [tag, pair] of [
  ['dev', dev],
  ['x6', P.repeatedProse(dev, 300_000).pair],
] as const) {
  for (const size of [3, 6, 20]) {
    for (const moved of [0, 0.3]) {
      const p = moved ? P.paragraphPassages(pair, size, 7, moved) : P.paragraphPassages(pair, size);
      const n = p.target.length;
      const cut = Math.ceil(n / 15);
      const cases = [
        [`translation ${Math.floor(n / 2)}+${cut} dropped`, dropped(pair, p, 'target', Math.floor(n / 2), cut)],
        [`first ${Math.ceil(n / 12)} of the translation missing`, dropped(pair, p, 'target', 0, Math.ceil(n / 12))],
        [`original ${Math.floor(n / 3)}+${cut} dropped`, dropped(pair, p, 'source', Math.floor(n / 3), cut)],
      ] as const;
      for (const [name, { input, gold }] of cases) {
        const a = f1(A, input, gold);
        const b = f1(B, input, gold);
        scores.push([a, b]);
        const label = `${tag} ~${size}${moved ? ' moved' : ''}, ${name}`;
        console.log(`${label.padEnd(56)} A ${a.toFixed(3)}  B ${b.toFixed(3)}`);
      }
    }
  }
}
const mean = (k: 0 | 1) => (scores.reduce((s, r) => s + r[k], 0) / scores.length).toFixed(3);
const count = (test: (a: number, b: number) => boolean) => scores.filter(([a, b]) => test(a, b)).length;
console.log(
  `mean A ${mean(0)}  B ${mean(1)}; B higher ${count((a, b) => b > a + 5e-4)}, lower ${count((a, b) => b < a - 5e-4)}`,
);
