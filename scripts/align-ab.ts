// A/B timing of two checkouts of the aligner in one process, their runs interleaved (A B A B ...), so a machine
// shared with other work slows both alike: wall and main-thread CPU per run on the prose-speed inputs, medians and
// the median of the paired B/A ratios.
//   npx tsx scripts/align-ab.ts <root A> <root B> [pairs]      (ONLY=sentences or ONLY=paragraphs: one input)
// A root is a checkout, e.g. a copy of main: `git archive refs/heads/main main shared scripts package.json
// tsconfig.json | tar -x -C /tmp/base` and a node_modules symlink there. Needs the development document
// ($TALA_BLEUALIGN_DIR).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repeatedProse } from './prose-corpus';

const [rootA, rootB] = [resolve(process.argv[2]), resolve(process.argv[3])];
const pairs = Number(process.argv[4] ?? 9);
type AlignFn = typeof import('../main/align/aligner').align;
const load = async (root: string) =>
  ((await import(join(root, 'main/align/aligner.ts'))) as typeof import('../main/align/aligner')).align;
const alignA: AlignFn = await load(rootA);
const alignB: AlignFn = await load(rootB);
const prose = (await import(join(rootB, 'scripts/prose-corpus.ts'))) as typeof import('./prose-corpus');
const cpuMs = () => {
  const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const pair = prose.loadProse(prose.proseDir()!);
const rep = repeatedProse(pair, 300_000).pair;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const inputs = [
  [
    'one sentence per passage',
    { source: prose.sentencePassages(rep.source), target: prose.sentencePassages(rep.target) },
  ],
  ['paragraphs of ~6 sentences', prose.paragraphPassages(rep, 6)],
] as const;
const loads: number[] = [];
// ONLY=sentences or ONLY=paragraphs: one of the two inputs.
const only = process.env.ONLY;
for (const [name, { source, target }] of inputs) {
  if (only && !name.includes(only === 'sentences' ? 'sentence per' : 'paragraphs')) continue;
  const runs = { A: { wall: [] as number[], cpu: [] as number[] }, B: { wall: [] as number[], cpu: [] as number[] } };
  const time = (side: 'A' | 'B', record: boolean) => {
    const fn = side === 'A' ? alignA : alignB;
    const c0 = cpuMs();
    const t0 = performance.now();
    fn({ lang: 'de', passages: source }, { lang: 'fr', passages: target });
    const wall = performance.now() - t0;
    const cpu = cpuMs() - c0;
    if (record) {
      runs[side].wall.push(wall);
      runs[side].cpu.push(cpu);
    }
  };
  time('A', false);
  time('B', false);
  for (let k = 0; k < pairs; k++) {
    loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
    // Alternate which side goes first.
    if (k % 2 === 0) {
      time('A', true);
      time('B', true);
    } else {
      time('B', true);
      time('A', true);
    }
  }
  const ratio = (key: 'wall' | 'cpu') => median(runs.B[key].map((b, k) => b / Math.max(1, runs.A[key][k])));
  const fmt = (xs: number[]) => Math.round(median(xs));
  console.log(
    `${name}: A wall ${fmt(runs.A.wall)} cpu ${fmt(runs.A.cpu)} | B wall ${fmt(runs.B.wall)} cpu ${fmt(runs.B.cpu)}` +
      ` | B/A wall ${ratio('wall').toFixed(3)} cpu ${ratio('cpu').toFixed(3)} (${pairs} pairs)`,
  );
  console.log(`  A cpu ${runs.A.cpu.join(' ')}\n  B cpu ${runs.B.cpu.join(' ')}`);
}
console.log(`load average ${Math.min(...loads)}–${Math.max(...loads)}`);
