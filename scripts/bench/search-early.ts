// The first queries after an archive opens, against the same queries asked again later: `tsx
// scripts/bench/search-early.ts BENCHDIR [COUNT]` (BENCHDIR as kept by bench:search, its queries.json). The engine
// in-process; the first COUNT bench queries asked three times each right after open, then all again; for the
// repeats (asks 2 and 3) the process's CPU time (every thread: V8's compiler and GC threads, SQLite's pool), wall time
// and the time in SQL. Compare with `node --no-opt --import tsx …` (no TurboFan) to see what compiling costs.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Database } from '../../main/db/connection';
import { SearchEngine } from '../../main/search/engine';
import { archiveFileIn } from '../../main/archive/paths';
const dir = process.argv[2];
const count = Number(process.argv[3] ?? 20);
const queries = (JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as Array<{ tala: string }>).slice(
  0,
  count,
);
const engine = await SearchEngine.open(archiveFileIn(join(dir, 'tala')), { catchUp: false });
const read = (engine as unknown as { read: Database }).read;
let sqlMs = 0;
const original = read.all.bind(read);
(read as unknown as Record<string, unknown>).all = async (q: never, o: never) => {
  const t = performance.now();
  try {
    return await original(q, o);
  } finally {
    sqlMs += performance.now() - t;
  }
};
await engine.search({ query: 'universal', limit: 20 });
const pass = async () => {
  const out: Array<{ cpu: number; wall: number; sql: number }> = [];
  for (const q of queries) {
    const runs: Array<{ cpu: number; wall: number; sql: number }> = [];
    for (let r = 0; r < 3; r++) {
      sqlMs = 0;
      const c = process.cpuUsage();
      const t = performance.now();
      await engine.search({ query: q.tala, limit: 20 });
      const u = process.cpuUsage(c);
      runs.push({ cpu: (u.user + u.system) / 1000, wall: performance.now() - t, sql: sqlMs });
    }
    // The repeats only (asks 2 and 3): their mean.
    out.push({
      cpu: (runs[1].cpu + runs[2].cpu) / 2,
      wall: (runs[1].wall + runs[2].wall) / 2,
      sql: (runs[1].sql + runs[2].sql) / 2,
    });
  }
  return out;
};
const a = await pass();
const b = await pass();
const sum = (l: typeof a) =>
  l.reduce((s, x) => ({ cpu: s.cpu + x.cpu, wall: s.wall + x.wall, sql: s.sql + x.sql }), { cpu: 0, wall: 0, sql: 0 });
const f = (x: { cpu: number; wall: number; sql: number }) =>
  `cpu ${x.cpu.toFixed(1)} wall ${x.wall.toFixed(1)} sql ${x.sql.toFixed(1)}`;
console.log(`repeats of the first ${count} queries, early: ${f(sum(a))} | later: ${f(sum(b))}`);
console.log(a.map((x, i) => `${i}:${x.cpu.toFixed(1)}/${b[i].cpu.toFixed(1)}`).join(' '));
await engine.close();
