// Where the time of a search goes: `tsx scripts/bench/search-profile.ts ARCHIVE [--queries 210] [--kind common]`.
// Runs the bench:search query set on an archive (built by bench:search with --keep) in-process and times, per
// query kind: the whole search, planning (JS), each SQL statement the engine issues, and the rest (highlights,
// snippets: JS). Then, for the slowest queries, the parts of the page statement alone: the bare MATCH, the
// MATCH with rank, the count. Prints medians and p95 per kind.
import { Database } from '../../main/db/connection';
import { sql } from '../../main/db/sql';
import { option } from './option';
import { SearchEngine } from '../../main/search/engine';
import { type Analyzer } from '../../main/search/analyzer';
import { planQuery } from '../../main/search/plan';
import { parseQuery, type ParsedQuery } from '../../main/search/query-parser';
import type { Vocabulary } from '../../main/search/vocabulary';
import { loadCorpus, querySet } from './search-corpus';

const file = process.argv[2];
const count = Number(option('queries', '210'));
const onlyKind = option('kind', '');
const OPTIONS = { stems: true, translit: true, names: true };
const queries = querySet(loadCorpus(), count).filter((q) => !onlyKind || q.kind === onlyKind);

const engine = await SearchEngine.open(file, { catchUp: false });
// The engine's read connection: time every statement it runs.
const read = (engine as unknown as { read: Database }).read;
const statements: Array<{ text: string; ms: number }> = [];
for (const method of ['all', 'get', 'run'] as const) {
  const original = read[method].bind(read) as (q: unknown) => Promise<unknown>;
  (read as unknown as Record<string, unknown>)[method] = async (q: { text: string }) => {
    const t = performance.now();
    try {
      return await original(q);
    } finally {
      statements.push({ text: q.text.replace(/\s+/g, ' ').slice(0, 60), ms: performance.now() - t });
    }
  };
}

const pct = (list: number[], p: number) => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const r2 = (n: number) => Math.round(n * 100) / 100;

await engine.search({ query: queries[0].tala, limit: 20 });
interface Sample {
  kind: string;
  query: string;
  total: number;
  ms: number;
  sql: Record<string, number>;
  matches: number;
}
const samples: Sample[] = [];
for (const q of queries) {
  const runs: Sample[] = [];
  for (let r = 0; r < 3; r++) {
    statements.length = 0;
    const t = performance.now();
    const res = await engine.search({ query: q.tala, limit: 20 });
    const ms = performance.now() - t;
    const bySql: Record<string, number> = {};
    for (const s of statements) bySql[s.text] = (bySql[s.text] ?? 0) + s.ms;
    runs.push({ kind: q.kind, query: q.tala, total: res.total, ms, sql: bySql, matches: 0 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  samples.push(runs[1]);
}

const kinds = [...new Set(samples.map((s) => s.kind))];
for (const kind of kinds) {
  const list = samples.filter((s) => s.kind === kind);
  const keys = [...new Set(list.flatMap((s) => Object.keys(s.sql)))];
  console.log(
    `\n## ${kind}: total p50 ${r2(
      pct(
        list.map((s) => s.ms),
        50,
      ),
    )} p95 ${r2(
      pct(
        list.map((s) => s.ms),
        95,
      ),
    )}`,
  );
  for (const k of keys) {
    const v = list.map((s) => s.sql[k] ?? 0);
    console.log(`  sql p50 ${r2(pct(v, 50))} p95 ${r2(pct(v, 95))}  ${k}`);
  }
  const rest = list.map((s) => s.ms - Object.values(s.sql).reduce((a, b) => a + b, 0));
  console.log(`  non-sql (JS, worker-free) p50 ${r2(pct(rest, 50))} p95 ${r2(pct(rest, 95))}`);
  const slow = [...list].sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const s of slow) console.log(`  slow: ${r2(s.ms)} ms, ${s.total} hits: ${s.query}`);
}

// The slowest queries' MATCH alone, against the same statement with rank and a count.
const db = await Database.open(file, { readOnly: true, onSlowQuery: () => undefined });
const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 8);
for (const s of slowest) {
  statements.length = 0;
  const inner = engine as unknown as {
    analyzersInScope(p: ParsedQuery): Promise<Analyzer[]>;
    refreshVocabulary(): Promise<void>;
    vocabulary: Vocabulary;
  };
  const parsed = parseQuery(s.query);
  await inner.refreshVocabulary();
  const tp = performance.now();
  const plan = planQuery(parsed, await inner.analyzersInScope(parsed), OPTIONS, inner.vocabulary);
  const planMs = performance.now() - tp;
  const time = async (label: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    await run();
    const t2 = performance.now();
    await run();
    console.log(`    ${label}: ${r2(performance.now() - t2)} ms (first two ${r2(t2 - t)})`);
  };
  const match = plan.match;
  console.log(`\n${s.kind} “${s.query}” ${r2(s.ms)} ms, ${s.total} hits; plan ${r2(planMs)} ms; MATCH: ${match}`);
  if (match) {
    await time('count(*) MATCH', () => db.get(sql`SELECT count(*) FROM search_fts WHERE search_fts MATCH ${match}`));
    await time('rowid, rank ORDER BY rank LIMIT 20', () =>
      db.all(sql`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rank LIMIT 20`),
    );
    await time('all rowid, rank', () =>
      db.all(sql`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ${match}`),
    );
  }
}
await db.close();
await engine.close();
