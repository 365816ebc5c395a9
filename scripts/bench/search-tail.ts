// Which queries make a kind's p95 at 300k, and whether their cost is their own: `tsx scripts/bench/search-tail.ts
// BENCHDIR [--rounds 7] [--out FILE.json]` (BENCHDIR as kept by bench:search: tala/ and fts.sqlite). Tala's engine
// in-process (no thread hop) and the bench's FTS5 reference on the same queries, in turn, each query asked `rounds`
// times a side after a first pass; per query the min and median of each side, per kind the p95 (bench:search's
// percentile) of the per-query medians and mins, and the queries that make the top of each.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../main/db/connection';
import { sql } from '../../main/db/sql';
import { option } from './option';
import { SearchEngine } from '../../main/search/engine';
import { archiveFileIn } from '../../main/archive/paths';
import { expandFuzzyForReference, loadCorpus, querySet } from './search-corpus';

const dir = process.argv[2];
const rounds = Number(option('rounds', '7'));
const out = option('out', '');
const corpus = loadCorpus();
const queries = querySet(corpus, 210);
expandFuzzyForReference(corpus, queries);

const engine = await SearchEngine.open(archiveFileIn(join(dir, 'tala')), { catchUp: false });
const fts = await Database.open(join(dir, 'fts.sqlite'), { onSlowQuery: () => undefined, reader: false });
const ftsRun = async (match: string) => {
  try {
    await fts.all(
      sql`SELECT rowid, snippet(f, 1, '[', ']', '…', 30) AS s FROM f WHERE f MATCH ${match} ORDER BY rank LIMIT 20`,
    );
    await fts.all(sql`SELECT lang, count(*) AS n FROM f WHERE f MATCH ${match} GROUP BY lang`);
  } catch {
    // as the bench
  }
};
const pct = (list: number[], p: number) => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const r2 = (n: number) => Math.round(n * 100) / 100;
for (const q of queries) {
  await engine.search({ query: q.tala, limit: 20 });
  await ftsRun(q.fts);
}
const tala: number[][] = queries.map(() => []);
const ref: number[][] = queries.map(() => []);
for (let r = 0; r < rounds; r++)
  for (let i = 0; i < queries.length; i++) {
    let t = performance.now();
    await engine.search({ query: queries[i].tala, limit: 20 });
    tala[i].push(performance.now() - t);
    t = performance.now();
    await ftsRun(queries[i].fts);
    ref[i].push(performance.now() - t);
  }
const rows = queries.map((q, i) => ({
  i,
  kind: q.kind,
  query: q.tala,
  talaMin: r2(Math.min(...tala[i])),
  talaMed: r2(pct(tala[i], 50)),
  ftsMin: r2(Math.min(...ref[i])),
  ftsMed: r2(pct(ref[i], 50)),
}));
for (const kind of [...new Set(rows.map((r) => r.kind))]) {
  const list = rows.filter((r) => r.kind === kind);
  const p = (key: 'talaMin' | 'talaMed' | 'ftsMin' | 'ftsMed') =>
    pct(
      list.map((r) => r[key]),
      95,
    );
  console.log(
    `\n## ${kind} (${list.length}): p95 of medians ${r2(p('talaMed'))} / ${r2(p('ftsMed'))} = ${r2(
      p('talaMed') / p('ftsMed'),
    )}×; p95 of mins ${r2(p('talaMin'))} / ${r2(p('ftsMin'))} = ${r2(p('talaMin') / p('ftsMin'))}×`,
  );
  for (const r of [...list].sort((a, b) => b.talaMin - a.talaMin).slice(0, 4))
    console.log(`  tala ${r.talaMin} (${r.talaMed})  fts ${r.ftsMin} (${r.ftsMed})  #${r.i} ${r.query}`);
  for (const r of [...list].sort((a, b) => b.ftsMin - a.ftsMin).slice(0, 2))
    console.log(`  fts top: fts ${r.ftsMin} (${r.ftsMed})  tala ${r.talaMin} (${r.talaMed})  #${r.i} ${r.query}`);
}
if (out) writeFileSync(out, JSON.stringify({ rows, tala, ref }));
await engine.close();
await fts.close();
