// `npm run bench:import` [-- --n 2000 --paragraphs 5000 --pdfs 50 --rounds 2 --no-pool --no-bridge --tsx]: import
// speed of the code the app ships (--n 0, --pdfs 0: without the small files, the PDFs), against two references on
// raw SQLite in the same run:
//   Tala: `tala import DIR` (bin/tala.js → out/main/cli.js, built by electron-vite; the import job every door uses:
//         parse worker, one transaction per file from the user's point of view, originals kept, indexed)
//   bridge: the browser's path: the built web host (out/main/web.js, `npm run web`'s server) and the files
//         POSTed to documents.importBatch in batches, as the renderer uploads them
//   per-file: one transaction per file, WAL, synchronous=FULL, originals kept, FTS5 over the paragraphs
//   one-txn:  the same work in one transaction for all files (the speed of the disk, no per-file promise)
// Every side is a whole process of plain JavaScript (no tsx at run time; the references are
// scripts/bench/import-reference.mjs), timed from its start to its exit; its CPU time and peak RSS come from
// scripts/bench/exit-figures.mjs. `--tsx` adds Tala run from the sources through tsx, as this script used to.
// Tala also runs with two parse workers (TALA_PARSE_WORKERS=2) unless --no-pool.
// Three corpora: N generated ~5 KB .txt files, one .txt of P paragraphs, and D ten-page PDFs (the reference
// extracts their text with pdf.js on its one thread). The sides take turns (A B A B …), each in its own process,
// so a busy machine slows every side alike. Prints absolute figures, ratios (median over rounds), the bridge
// against the CLI round by round, peak RSS, the code version and the load.
//
// Role (internal): --role tala-tsx --corpus DIR --out DIR
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makePdf } from '../test/helpers/make-documents';
import { codeVersion } from './bench/code-version';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(import.meta.dirname, 'bench-import.ts');

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string' },
    n: { type: 'string', default: '2000' },
    paragraphs: { type: 'string', default: '5000' },
    pdfs: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    /** Leave out "Tala with two parse workers" (halves a run's length). */
    'no-pool': { type: 'boolean', default: false },
    /** Leave out the browser upload path (the bridge). */
    'no-bridge': { type: 'boolean', default: false },
    /** Also run Tala's import from the TypeScript sources through tsx (as this script did before), to show the cost. */
    tsx: { type: 'boolean', default: false },
  },
});

// ---- corpus ------------------------------------------------------------------------------------------------

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same files. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of the sample documents (Tagalog and English prose), the vocabulary of the generated files. */
function vocabulary(): string[] {
  const dir = join(ROOT, 'resources', 'samples');
  const words = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 1);
  return [...new Set(words)];
}

function paragraph(words: string[], next: () => number): string {
  const sentences: string[] = [];
  const count = 3 + Math.floor(next() * 3);
  for (let s = 0; s < count; s++) {
    const length = 8 + Math.floor(next() * 10);
    const sentence = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ');
    sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
  }
  return sentences.join(' ');
}

function writePdfs(dir: string, count: number, words: string[], next: () => number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    // Ten pages of 38 lines of ~80 characters, the lines of paragraphs broken at spaces as a typesetter would.
    const pages = Array.from({ length: 10 }, () => {
      const lines: string[] = [];
      while (lines.length < 38) {
        let line = '';
        for (const word of paragraph(words, next).split(' ')) {
          if (line.length + word.length > 80 && lines.length < 38) {
            lines.push(line);
            line = '';
          }
          line = line ? `${line} ${word}` : word;
        }
        if (lines.length < 38) lines.push(line);
      }
      return lines.map((text, l) => ({ text: asciiOnly(text), x: 72, y: 740 - l * 18 }));
    });
    writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.pdf`), makePdf({ pages }));
  }
}

/** The test PDFs use the standard fonts' WinAnsi encoding: letters outside it become their base letter. */
const asciiOnly = (text: string) => text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');

function writeCorpora(
  dir: string,
  n: number,
  paragraphs: number,
  pdfs: number,
): { small: string; big: string; pdf: string } {
  const words = vocabulary();
  const next = random(13);
  const small = join(dir, 'small');
  const big = join(dir, 'big');
  mkdirSync(small, { recursive: true });
  mkdirSync(big, { recursive: true });
  for (let i = 0; i < n; i++) {
    const parts: string[] = [`Ulat ${i + 1}`];
    while (parts.join('\n\n').length < 5000) parts.push(paragraph(words, next));
    writeFileSync(join(small, `doc-${String(i).padStart(5, '0')}.txt`), parts.join('\n\n'));
  }
  const parts = Array.from({ length: paragraphs }, () => paragraph(words, next));
  writeFileSync(join(big, 'long.txt'), parts.join('\n\n'));
  const pdf = join(dir, 'pdf');
  writePdfs(pdf, pdfs, words, next);
  return { small, big, pdf };
}

// ---- roles (each in its own process) -----------------------------------------------------------------------

/** The old way of running Tala's side: in a process started through tsx, the sources compiled on the fly. */
async function runTalaFromSources(corpus: string, out: string): Promise<number> {
  const { Archive } = await import('../main/archive/archive');
  const { archiveFileIn } = await import('../main/archive/paths');
  const { importPaths } = await import('../main/documents/bulk-import');
  const archive = await Archive.open(archiveFileIn(out), { search: 'inline' });
  const summary = await importPaths(archive.documents, [corpus]);
  await archive.close();
  return summary.imported.length;
}

if (values.role === 'tala-tsx') {
  const imported = await runTalaFromSources(values.corpus!, values.out!);
  console.log(JSON.stringify({ imported: Array.from({ length: imported }) }));
  process.exit(0);
}

// ---- driver ------------------------------------------------------------------------------------------------

const n = Number(values.n);
const paragraphs = Number(values.paragraphs);
const rounds = Number(values.rounds);
const pdfs = Number(values.pdfs);
if (!Number.isInteger(n) || n < 0) throw new Error('--n must be a whole number (0: no small files)');
for (const [name, v] of [
  ['--paragraphs', paragraphs],
  ['--rounds', rounds],
] as const)
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number`);
if (!Number.isInteger(pdfs) || pdfs < 0) throw new Error('--pdfs must be a whole number (0: no PDFs)');

const work = mkdtempSync(join(tmpdir(), 'tala-bench-import-'));
const version = codeVersion();

const ROLES = [
  { role: 'tala', label: 'Tala: `tala import` (built CLI)' },
  { role: 'tala-2', label: 'Tala: `tala import`, two parse workers' },
  { role: 'tala-tsx', label: 'Tala from sources through tsx (old way)' },
  { role: 'bridge', label: 'Tala: browser uploads through the bridge (built)' },
  { role: 'ref-file', label: 'reference: a transaction per file' },
  { role: 'ref-all', label: 'reference: one transaction for all' },
] as const;
type RoleName = (typeof ROLES)[number]['role'];
const roles = ROLES.filter(
  (r) =>
    !(r.role === 'tala-2' && values['no-pool']) &&
    !(r.role === 'bridge' && values['no-bridge']) &&
    !(r.role === 'tala-tsx' && !values.tsx),
);

interface RoleResult {
  /** Wall time of the whole process, from its start to its exit (node's start, loading, open, import, close). */
  ms: number;
  /** CPU time of the whole process, all threads (main, parse workers, SQLite's, V8's). */
  cpuMs: number;
  rssMb: number;
  imported: number;
  fileMb: number;
}

const EXIT_FIGURES = join(ROOT, 'scripts', 'bench', 'exit-figures.mjs');
const REFERENCE = join(ROOT, 'scripts', 'bench', 'import-reference.mjs');

interface Child {
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stdout: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

function start(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { exited, stdout: () => stdout, kill: (signal) => child.kill(signal) };
}

/**
 * The renderer's upload path: the built web host (`npm run web`'s server) started on a fresh archive, then every
 * file sent as the browser sends it (as useImport: batches of files in `documents.importBatch` POSTs, a few in
 * flight, base64 in the wire JSON), then the host stopped as Ctrl+C stops it.
 */
async function uploadThroughBridge(corpus: string, archiveDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const web = join(ROOT, 'out', 'main', 'web.js');
  const host = start(['--import', EXIT_FIGURES, web, '--archive', archiveDir, '--no-open'], env);
  let exited = false;
  void host.exited.then(() => (exited = true));
  let url: URL | undefined;
  while (!url) {
    const line = host.stdout().match(/running at (\S+)/);
    if (line) url = new URL(line[1]);
    else if (exited) throw new Error(`the web host did not start:\n${host.stdout()}\n${(await host.exited).stderr}`);
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { stringifyWire, parseWire } = await import('../shared/wire');
  const token = url.searchParams.get('token')!;
  const { batchFileLimit, joinsBatch, roomFor } = await import('../renderer/src/lib/upload-window');
  let imported = 0;
  const send = async (names: string[]) => {
    // The browser reads each file of a batch, then sends them in one request.
    const files = names.map((name) => ({ name, data: new Uint8Array(readFileSync(join(corpus, name))) }));
    const response = await fetch(new URL('/api/documents.importBatch', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-tala-token': token },
      body: stringifyWire({ files }),
    });
    const result = parseWire(await response.text()) as {
      ok: boolean;
      value?: Array<{ ok: boolean; value?: { status: string } }>;
    };
    if (!result.ok || result.value?.length !== names.length)
      throw new Error(`upload of ${names[0]}… failed: ${JSON.stringify(result).slice(0, 500)}`);
    result.value.forEach((outcome, i) => {
      if (outcome.ok && outcome.value?.status === 'imported') imported++;
      else throw new Error(`upload of ${names[i]} failed: ${JSON.stringify(outcome).slice(0, 500)}`);
    });
  };
  // As useImport sends: batches of files (1, 2, 4, … files per request, bounded in bytes), a few requests in flight.
  const queue = readdirSync(corpus)
    .sort()
    .map((name) => ({ name, size: statSync(join(corpus, name)).size }));
  const running = new Set<Promise<void>>();
  let bytesInFlight = 0;
  let requests = 0;
  while (queue.length > 0) {
    while (!roomFor(queue[0].size, running.size, bytesInFlight)) await Promise.race(running);
    const limit = batchFileLimit(requests++);
    const names: string[] = [];
    let bytes = 0;
    while (queue.length > 0 && joinsBatch(names.length, bytes, queue[0].size, limit, bytesInFlight)) {
      const { name, size } = queue.shift()!;
      names.push(name);
      bytes += size;
    }
    bytesInFlight += bytes;
    const done: Promise<void> = send(names).finally(() => {
      bytesInFlight -= bytes;
      running.delete(done);
    });
    running.add(done);
  }
  await Promise.all(running);
  host.kill('SIGTERM');
  const { code, stderr } = await host.exited;
  if (code !== 0) throw new Error(`the web host exited with ${code}: ${stderr.slice(-2000)}`);
  return imported;
}

async function runRole(role: RoleName, corpus: string): Promise<RoleResult> {
  const out = mkdtempSync(join(work, `${role}-`));
  const exitFile = join(out, 'exit.json');
  // A home of its own: the web host records the archives it opened in the user's config folder.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TALA_BENCH_EXIT_FILE: exitFile,
    HOME: out,
    XDG_CONFIG_HOME: join(out, 'config'),
    XDG_DATA_HOME: join(out, 'data'),
    ...(role === 'tala-2' ? { TALA_PARSE_WORKERS: '2' } : {}),
  };
  const archiveDir = join(out, 'archive');
  const started = performance.now();
  let imported: number;
  let file: string;
  if (role === 'bridge') {
    imported = await uploadThroughBridge(corpus, archiveDir, env);
    file = join(archiveDir, 'archive.sqlite');
  } else {
    const args =
      role === 'ref-file' || role === 'ref-all'
        ? [REFERENCE, role === 'ref-file' ? 'per-file' : 'one-txn', corpus, out]
        : role === 'tala-tsx'
          ? ['--import', 'tsx', SCRIPT, '--role', role, '--corpus', corpus, '--out', out]
          : [join(ROOT, 'bin', 'tala.js'), '--archive', archiveDir, 'import', corpus, '--json'];
    if (role !== 'tala-tsx') mkdirSync(archiveDir, { recursive: true });
    const { code, stdout, stderr } = await start(['--import', EXIT_FIGURES, ...args], env).exited;
    if (code !== 0) throw new Error(`${role} failed (${code}): ${stderr.slice(-2000)}`);
    const answer = JSON.parse(stdout) as { imported: number | unknown[] };
    imported = Array.isArray(answer.imported) ? answer.imported.length : answer.imported;
    file = role.startsWith('ref-')
      ? join(out, 'ref.sqlite')
      : role === 'tala-tsx'
        ? join(out, 'archive.sqlite')
        : join(archiveDir, 'archive.sqlite');
  }
  const ms = performance.now() - started;
  const { cpuMs, rssMb } = JSON.parse(readFileSync(exitFile, 'utf8')) as { cpuMs: number; rssMb: number };
  // The archive on disk after the side closed it: the file and whatever WAL it left.
  const wal = `${file}-wal`;
  const fileMb = (statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0)) / 1e6;
  rmSync(out, { recursive: true, force: true });
  return { ms, cpuMs, rssMb, imported, fileMb };
}

// Measure the code the app ships: the CLI, the web host and the parse worker as electron-vite bundles them.
const builtWorker = join(ROOT, 'out', 'main', 'parse-worker.js');
process.stderr.write('Building (electron-vite build)…\n');
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0 || !existsSync(builtWorker)) throw new Error(`electron-vite build failed:\n${build.stderr}`);
process.env.TALA_PARSE_WORKER = builtWorker; // for the tsx side; the built CLI finds it next to itself

try {
  const loadBefore = loadavg()[0];
  const loads = [loadBefore];
  const { small, big, pdf } = writeCorpora(work, n, paragraphs, pdfs);
  const megabytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1e6;
  const corpora = [
    ...(n > 0 ? [{ label: `${n} × 5 KB .txt`, dir: small, files: n, mb: megabytes(small) }] : []),
    { label: `one ${paragraphs}-paragraph .txt`, dir: big, files: 1, mb: megabytes(big) },
    ...(pdfs > 0 ? [{ label: `${pdfs} ten-page PDFs`, dir: pdf, files: pdfs, mb: megabytes(pdf) }] : []),
  ];
  const results = new Map<string, RoleResult[]>();
  for (let round = 0; round < rounds; round++)
    for (const corpus of corpora)
      for (const { role } of roles) {
        const key = `${corpus.label}|${role}`;
        const r = await runRole(role, corpus.dir);
        if (r.imported !== corpus.files) throw new Error(`${role} imported ${r.imported} of ${corpus.files} files`);
        results.set(key, [...(results.get(key) ?? []), r]);
        loads.push(loadavg()[0]);
        process.stderr.write(
          `round ${round + 1} ${corpus.label} ${role}: ${(r.ms / 1000).toFixed(2)} s, ` +
            `CPU ${(r.cpuMs / 1000).toFixed(2)} s, load ${loadavg()[0].toFixed(2)}\n`,
        );
      }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const bytes = readdirSync(small).reduce((sum, f) => sum + statSync(join(small, f)).size, 0);
  console.log(
    `Import benchmark, code ${version}, ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs, ` +
      `load ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} (${Math.min(...loads).toFixed(2)}–` +
      `${Math.max(...loads).toFixed(2)} between sides), ${rounds} rounds taking turns, ` +
      `small files ${(bytes / 1e6).toFixed(1)} MB in all. Every side is a whole process of plain JavaScript ` +
      `(node's start, loading, open, import, close)${values.tsx ? ' except the tsx one' : ''}. ` +
      'Disk per MB imported: the archive file and its WAL after the side closed it, ÷ the bytes of the files ' +
      'imported (for .txt, the text; originals are kept on every side).',
  );
  console.log('');
  console.log(
    '| corpus | side | wall (median; each round) | files/s | ratio to per-file | ratio to one-txn | CPU (median) | ' +
      'CPU ratio to per-file | peak RSS | file (+ WAL) | disk per MB imported |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const ratios: string[] = [];
  for (const corpus of corpora) {
    const perFile = median(results.get(`${corpus.label}|ref-file`)!.map((r) => r.ms));
    const oneTxn = median(results.get(`${corpus.label}|ref-all`)!.map((r) => r.ms));
    const perFileCpu = median(results.get(`${corpus.label}|ref-file`)!.map((r) => r.cpuMs));
    for (const { role, label } of roles) {
      const rs = results.get(`${corpus.label}|${role}`)!;
      const ms = median(rs.map((r) => r.ms));
      const cpu = median(rs.map((r) => r.cpuMs));
      const each = rs.map((r) => (r.ms / 1000).toFixed(2)).join(', ');
      console.log(
        `| ${corpus.label} | ${label} | ${(ms / 1000).toFixed(2)} s (${each}) | ` +
          `${((corpus.files * 1000) / ms).toFixed(1)} | ` +
          `${(ms / perFile).toFixed(2)}× | ${(ms / oneTxn).toFixed(2)}× | ` +
          `${(cpu / 1000).toFixed(2)} s | ${(cpu / perFileCpu).toFixed(2)}× | ` +
          `${Math.max(...rs.map((r) => r.rssMb)).toFixed(0)} MB | ${median(rs.map((r) => r.fileMb)).toFixed(1)} MB | ` +
          `${(median(rs.map((r) => r.fileMb)) / corpus.mb).toFixed(2)} MB |`,
      );
    }
    // The browser path against the CLI, round by round (each pair ran back to back).
    const cli = results.get(`${corpus.label}|tala`)!;
    const bridge = results.get(`${corpus.label}|bridge`);
    if (bridge) {
      const wall = cli.map((c, i) => bridge[i].ms / c.ms);
      const cpu = cli.map((c, i) => bridge[i].cpuMs / c.cpuMs);
      ratios.push(
        `${corpus.label}: bridge uploads / \`tala import\`, per round: wall ` +
          `${wall.map((r) => r.toFixed(2)).join(', ')}× (median ${median(wall).toFixed(2)}×), CPU ` +
          `${cpu.map((r) => r.toFixed(2)).join(', ')}× (median ${median(cpu).toFixed(2)}×)`,
      );
    }
    const tsx = results.get(`${corpus.label}|tala-tsx`);
    if (tsx) {
      const wall = cli.map((c, i) => tsx[i].ms - c.ms);
      ratios.push(
        `${corpus.label}: tsx side minus built CLI, per round: ` +
          `${wall.map((d) => `${(d / 1000).toFixed(2)} s`).join(', ')}`,
      );
    }
  }
  console.log('');
  for (const line of ratios) console.log(`- ${line}`);
  console.log('');
  console.log(
    'Targets: 2,000 small files ≤ 1.0× the per-file reference; the 5,000-paragraph file ≤ 2× the per-file one; ' +
      "PDFs ≤ 2× the per-file (pdf.js) one, peak RSS ≤ 300 MB; the UI (bridge) at the CLI's speed.",
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
