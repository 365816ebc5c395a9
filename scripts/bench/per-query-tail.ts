// Which queries make each kind's p95 in bench:search, pass after pass: `tsx scripts/bench/per-query-tail.ts
// PASS1.json PASS2.json …` (files written by `bench:search … --per-query FILE`). For each kind: the p95 of Tala and of
// FTS5 as bench:search computes them (each query's median of its runs; the element at floor(0.95 n) of the sorted
// list, about the second slowest of 22–33), their ratio, and the queries that were among the kind's three slowest in
// two passes or more, with their position in the run (the first ones follow the archive's open) and, per pass,
// Tala's median, its engine's own time (tookMs; the rest is the trip to and from the search thread) and FTS5's.
import { readFileSync } from 'node:fs';

interface PerQuery {
  kind: string;
  tala: string;
  talaRuns: number[];
  ftsRuns: number[];
  engineMs: number[];
}
const passes = process.argv
  .slice(2)
  .map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { perQuery: PerQuery[] }).perQuery);
if (passes.length === 0) throw new Error('usage: per-query-tail.ts PASS1.json [PASS2.json …]');
const median = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];
const p95 = (l: number[]) => {
  const s = [...l].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))];
};
const r = (x: number) => x.toFixed(1);
const kinds = [...new Set(passes[0].map((q) => q.kind))];
for (const kind of kinds) {
  const idx = passes[0].flatMap((q, i) => (q.kind === kind ? [i] : []));
  const figures = passes.map((pass) => {
    const tala = p95(idx.map((i) => median(pass[i].talaRuns)));
    const fts = p95(idx.map((i) => median(pass[i].ftsRuns)));
    return `${r(tala)}/${r(fts)} = ${(tala / fts).toFixed(2)}×`;
  });
  console.log(`\n## ${kind} (${idx.length} queries): p95 Tala/FTS5 per pass ${figures.join(', ')}`);
  const top = new Map<number, number>();
  for (const pass of passes)
    for (const i of [...idx].sort((a, b) => median(pass[b].talaRuns) - median(pass[a].talaRuns)).slice(0, 3))
      top.set(i, (top.get(i) ?? 0) + 1);
  for (const [i, times] of [...top].sort((a, b) => b[1] - a[1]))
    if (times >= Math.min(2, passes.length))
      console.log(
        `  #${i} ${passes[0][i].tala} (top 3 in ${times} of ${passes.length}): ` +
          passes
            .map((p) => {
              const engine = p[i].engineMs ? r(median(p[i].engineMs)) : '–';
              return `${r(median(p[i].talaRuns))} (engine ${engine}) / ${r(median(p[i].ftsRuns))}`;
            })
            .join(', '),
      );
}
