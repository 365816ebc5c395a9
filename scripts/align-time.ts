// Times the aligner on the speed bench's ~100 pages of prose (one sentence per passage, paragraphs of ~6):
// wall and main-thread CPU per run, medians; `root` as in align-dump.ts.
//   npx tsx scripts/align-time.ts [root] [runs]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const runs = Number(process.argv[3] ?? 5);
const { align } = (await import(join(root, 'main/align/aligner.ts'))) as typeof import('../main/align/aligner');
const prose = (await import(join(root, 'scripts/prose-corpus.ts'))) as typeof import('./prose-corpus');
const cpuMs = () => {
  const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const pair = prose.loadProse(prose.proseDir()!);
const size = pair.source.reduce((n, s) => n + s.length, 0);
const copies = Math.max(1, Math.ceil(300_000 / size));
const rep: typeof pair = { source: [], target: [], gold: [] };
for (let c = 0; c < copies; c++) {
  const [s0, t0] = [rep.source.length, rep.target.length];
  rep.source.push(...pair.source);
  rep.target.push(...pair.target);
  for (const [s, t] of pair.gold) rep.gold.push([s.map((x) => x + s0), t.map((y) => y + t0)]);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const which = process.env.ONLY;
const inputs = [
  ['sentences', { source: prose.sentencePassages(rep.source), target: prose.sentencePassages(rep.target) }],
  ['paragraphs6', prose.paragraphPassages(rep, 6)],
] as const;
const out: string[] = [];
for (const [name, { source, target }] of inputs) {
  if (which && which !== name) continue;
  const run = () => align({ lang: 'de', passages: source }, { lang: 'fr', passages: target });
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  let phases = '';
  for (let k = 0; k < runs; k++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const r = run();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    phases = `${r.stats.phases.features}/${r.stats.phases.paragraphs}/${r.stats.phases.sentences}`;
  }
  out.push(
    `${name}: wall ${Math.round(median(wall))} cpu ${median(cpu)} ` +
      `(walls ${wall.map(Math.round).join(' ')}; cpus ${cpu.join(' ')}; phases ${phases})`,
  );
}
console.log(out.join('\n'));
