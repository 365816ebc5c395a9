// The results of the bench:search queries, to compare two versions of the engine:
//   `tsx scripts/bench/search-results.ts ARCHIVE OUT.json [--repeat N]`.
// Runs the 210 queries of bench:search in-process on an archive (built by bench:search with --keep), grouped by
// passage and by document, and writes every result (hits with snippets and highlights, groups, totals, facets,
// expansions) without its timing. With --repeat N the query set runs N times more after the dump (to profile with
// `node --cpu-prof`; wall and CPU time are printed). Compare two dumps with `cmp`.
import { writeFileSync } from 'node:fs';
import { SearchEngine } from '../../main/search/engine';
import { loadCorpus, querySet } from './search-corpus';

const [file, out] = process.argv.slice(2);
const i = process.argv.indexOf('--repeat');
const repeat = i === -1 ? 0 : Number(process.argv[i + 1]);
const queries = querySet(loadCorpus(), 210);
const engine = await SearchEngine.open(file, { catchUp: false });
const results: unknown[] = [];
for (const q of queries)
  for (const groupBy of ['passage', 'document'] as const) {
    const { tookMs: _took, ...result } = await engine.search({ query: q.tala, limit: 20, groupBy });
    results.push({ query: q.tala, ...result });
  }
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
const t = performance.now();
const cpu = process.cpuUsage();
for (let r = 0; r < repeat; r++) for (const q of queries) await engine.search({ query: q.tala, limit: 20 });
const used = process.cpuUsage(cpu);
if (repeat)
  console.log(
    `${repeat} × ${queries.length} queries: ${Math.round(performance.now() - t)} ms wall, ` +
      `${Math.round((used.user + used.system) / 1000)} ms CPU (all threads of the process)`,
  );
await engine.close();
console.log(`${results.length} results written to ${out}`);
