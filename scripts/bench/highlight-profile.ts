// CPU of the highlights of the bench's first asks: `tsx scripts/bench/highlight-profile.ts ARCHIVE [--rounds 5]`.
// Runs the 210 bench:search queries once on the archive, keeps each query's plan and its page's hits (their
// passages' text and titles), then times findMatches over those hits in query order with fresh analyzers (a first
// ask's cold memo, warmed by the queries before it, as in the bench's first runs) and again warm.
import { Database } from '../../main/db/connection';
import { sql } from '../../main/db/sql';
import { passageTextSql } from '../../main/documents/passage-text';
import { SearchEngine } from '../../main/search/engine';
import { findMatches } from '../../main/search/engine';
import { Analyzer } from '../../main/search/analyzer';
import { pipelineFor } from '../../main/search/languages';
import type { Plan } from '../../main/search/plan';
import { loadCorpus, querySet } from './search-corpus';

const file = process.argv[2];
const i = process.argv.indexOf('--rounds');
const rounds = i === -1 ? 5 : Number(process.argv[i + 1]);
const queries = querySet(loadCorpus(), 210);
const engine = await SearchEngine.open(file, { catchUp: false });
const seen: { plan: Plan | null } = { plan: null };
const inner = engine as unknown as { keepPlan(key: string, kept: { plan: Plan }): void };
const keep = inner.keepPlan.bind(engine);
inner.keepPlan = (key, kept) => {
  seen.plan = kept.plan;
  keep(key, kept);
};
const db = await Database.open(file, { readOnly: true, onSlowQuery: () => undefined });
const work: Array<{ lang: string | null; text: string; title: string; plan: Plan }> = [];
for (const q of queries) {
  seen.plan = null;
  const res = await engine.search({ query: q.tala, limit: 20 });
  const plan = seen.plan;
  if (!plan) continue;
  for (const h of res.hits) {
    const row = (await db.get(
      sql`SELECT ${passageTextSql('p')} AS text FROM passages p WHERE p.id = ${h.passageId}`,
    )) as { text: string };
    work.push({ lang: h.lang, text: row.text, title: h.title, plan });
  }
}
await db.close();
await engine.close();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let sink = 0;
const pass = (analyzers: Map<string, Analyzer>) => {
  const t = cpu();
  for (const w of work) {
    const p = pipelineFor(w.lang);
    let a = analyzers.get(p.code);
    if (!a) analyzers.set(p.code, (a = new Analyzer(p)));
    sink += findMatches(a, w.text, w.plan.text).length + findMatches(a, w.title, w.plan.title).length;
  }
  return cpu() - t;
};
console.log(`${work.length} hits of ${queries.length} queries`);
for (let r = 0; r < rounds; r++) {
  const analyzers = new Map<string, Analyzer>();
  const cold = pass(analyzers);
  const warm = pass(analyzers);
  const perQuery = (ms: number) => `${ms.toFixed(1)} ms CPU (${((ms / queries.length) * 1000).toFixed(0)} µs/query)`;
  console.log(`cold ${perQuery(cold)}, warm ${perQuery(warm)}`);
}
console.log(sink);
