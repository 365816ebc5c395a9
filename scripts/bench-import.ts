// `npm run bench:import` [-- --n 2000 --paragraphs 5000 --pdfs 50 --rounds 2 --no-pool]: import speed through the real
// import path
// (Archive.open + the bulk import every door uses: parse worker, one transaction per file from the user's point
// of view, originals kept, indexed for search) against two references on raw SQLite in the same run:
//   per-file: one transaction per file, WAL, synchronous=FULL, originals kept, FTS5 over the paragraphs
//   one-txn:  the same work in one transaction for all files (the speed of the disk, no per-file promise)
// Tala runs twice: as shipped (TALA_PARSE_WORKERS unset: one parse worker) and with two parse workers, so the
// pool's gain or loss is measured in the same run.
// Three corpora: N generated ~5 KB .txt files, one .txt of P paragraphs, and D ten-page PDFs (the reference
// extracts their text with pdf.js on its one thread). The sides take turns (A B A B …),
// each in its own child process (so peak RSS is its own), so a busy machine slows every side alike.
// Prints absolute figures, ratios (median over rounds), peak RSS, the code version and the load.
//
// Roles (internal): --role tala|ref-file|ref-all --corpus DIR --out DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
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

interface RoleResult {
  ms: number;
  /** CPU time during the import, all threads (main, parse workers, SQLite's): less swayed by load than wall. */
  cpuMs: number;
  openMs: number;
  imported: number;
  failed: number;
  rssMb: number;
  fileMb: number;
}

async function runTala(corpus: string, out: string): Promise<RoleResult> {
  const { Archive } = await import('../main/archive/archive');
  const { archiveFileIn } = await import('../main/archive/paths');
  const { importPaths } = await import('../main/documents/bulk-import');
  const opened = performance.now();
  const archive = await Archive.open(archiveFileIn(out), { search: 'inline' });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await importPaths(archive.documents, [corpus]);
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  await archive.close();
  return {
    ms,
    cpuMs,
    openMs: started - opened,
    imported: summary.imported.length,
    failed: summary.failed.length,
    rssMb: process.resourceUsage().maxRSS / 1024,
    fileMb: statSync(archiveFileIn(out)).size / 1e6,
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/** pdf.js text of every page, lines joined, pages as paragraphs (on this thread, as Tala's parser runs it). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  const lib = await pdfjs;
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages.join('\n\n');
}

/** The reference: raw sqlite3, the same files read, hashed, split into paragraphs, kept and indexed by FTS5. */
async function runReference(corpus: string, out: string, perFile: boolean): Promise<RoleResult> {
  const { default: sqlite3 } = await import('sqlite3');
  const file = join(out, 'ref.sqlite');
  const opened = performance.now();
  const db = await new Promise<import('sqlite3').Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  const exec = (text: string) => new Promise<void>((res, rej) => db.exec(text, (e) => (e ? rej(e) : res())));
  const run = (text: string, params: unknown[]) =>
    new Promise<void>((res, rej) => db.run(text, params, (e: Error | null) => (e ? rej(e) : res())));
  await exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
    CREATE TABLE documents (id TEXT PRIMARY KEY, name TEXT, hash TEXT UNIQUE, text TEXT);
    CREATE TABLE originals (document_id TEXT PRIMARY KEY, data BLOB);
    CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');`);
  const files = readdirSync(corpus).map((f) => join(corpus, f));
  const started = performance.now();
  const cpu = process.cpuUsage();
  if (!perFile) await exec('BEGIN IMMEDIATE');
  let rowid = 0;
  for (const path of files) {
    const bytes = readFileSync(path);
    const text = path.endsWith('.pdf') ? await pdfText(bytes) : new TextDecoder().decode(bytes);
    const id = randomUUID();
    const hash = createHash('sha256').update(bytes).digest('hex');
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
    if (perFile) await exec('BEGIN IMMEDIATE');
    await run('INSERT INTO documents VALUES (?, ?, ?, ?)', [id, path, hash, text]);
    await run('INSERT INTO originals VALUES (?, ?)', [id, bytes]);
    for (let i = 0; i < paragraphs.length; i += 300) {
      const chunk = paragraphs.slice(i, i + 300);
      await run(`INSERT INTO fts (rowid, text) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, [
        ...chunk.flatMap((p) => [++rowid, p]),
      ]);
    }
    if (perFile) await exec('COMMIT');
  }
  if (!perFile) await exec('COMMIT');
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  await new Promise<void>((res, rej) => db.close((e) => (e ? rej(e) : res())));
  return {
    ms,
    cpuMs,
    openMs: started - opened,
    imported: files.length,
    failed: 0,
    rssMb: process.resourceUsage().maxRSS / 1024,
    fileMb: statSync(file).size / 1e6,
  };
}

if (values.role) {
  const corpus = values.corpus!;
  const out = values.out!;
  const result =
    values.role === 'tala' || values.role === 'tala-2'
      ? await runTala(corpus, out)
      : await runReference(corpus, out, values.role === 'ref-file');
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}

// ---- driver ------------------------------------------------------------------------------------------------

const n = Number(values.n);
const paragraphs = Number(values.paragraphs);
const rounds = Number(values.rounds);
const pdfs = Number(values.pdfs);
for (const [name, v] of [
  ['--n', n],
  ['--paragraphs', paragraphs],
  ['--rounds', rounds],
] as const)
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number`);
if (!Number.isInteger(pdfs) || pdfs < 0) throw new Error('--pdfs must be a whole number (0: no PDFs)');

const work = mkdtempSync(join(tmpdir(), 'tala-bench-import-'));
const version = (() => {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'main', 'shared', 'scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
})();

const ROLES = [
  { role: 'tala', label: 'Tala (bulk import, built parse worker)' },
  { role: 'tala-2', label: 'Tala with two parse workers' },
  { role: 'ref-file', label: 'reference: a transaction per file' },
  { role: 'ref-all', label: 'reference: one transaction for all' },
] as const;
type RoleName = (typeof ROLES)[number]['role'];
const roles = values['no-pool'] ? ROLES.filter((r) => r.role !== 'tala-2') : ROLES;

function runRole(role: RoleName, corpus: string): RoleResult {
  const out = mkdtempSync(join(work, `${role}-`));
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', SCRIPT, '--role', role, '--corpus', corpus, '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: role === 'tala-2' ? { ...process.env, TALA_PARSE_WORKERS: '2' } : process.env,
    },
  );
  rmSync(out, { recursive: true, force: true });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || !line) throw new Error(`${role} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as RoleResult;
}

// Measure the parse worker the app ships (bundled by electron-vite), not the tsx-compiled sources.
const builtWorker = join(ROOT, 'out', 'main', 'parse-worker.js');
process.stderr.write('Building (electron-vite build)…\n');
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0 || !existsSync(builtWorker)) throw new Error(`electron-vite build failed:\n${build.stderr}`);
process.env.TALA_PARSE_WORKER = builtWorker;

try {
  const loadBefore = loadavg()[0];
  const { small, big, pdf } = writeCorpora(work, n, paragraphs, pdfs);
  const corpora = [
    { label: `${n} × 5 KB .txt`, dir: small, files: n },
    { label: `one ${paragraphs}-paragraph .txt`, dir: big, files: 1 },
    ...(pdfs > 0 ? [{ label: `${pdfs} ten-page PDFs`, dir: pdf, files: pdfs }] : []),
  ];
  const results = new Map<string, RoleResult[]>();
  for (let round = 0; round < rounds; round++)
    for (const corpus of corpora)
      for (const { role } of roles) {
        const key = `${corpus.label}|${role}`;
        const r = runRole(role, corpus.dir);
        if (r.imported !== corpus.files) throw new Error(`${role} imported ${r.imported} of ${corpus.files} files`);
        results.set(key, [...(results.get(key) ?? []), r]);
        process.stderr.write(`round ${round + 1} ${corpus.label} ${role}: ${(r.ms / 1000).toFixed(2)} s\n`);
      }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const bytes = readdirSync(small).reduce((sum, f) => sum + statSync(join(small, f)).size, 0);
  console.log(
    `Import benchmark, code ${version}, ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs, ` +
      `load ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}, ${rounds} rounds taking turns, ` +
      `small files ${(bytes / 1e6).toFixed(1)} MB in all`,
  );
  console.log('');
  console.log(
    '| corpus | side | wall (median; each round) | files/s | ratio to per-file | ratio to one-txn | CPU (median) | ' +
      'CPU ratio to per-file | peak RSS | file |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
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
          `${Math.max(...rs.map((r) => r.rssMb)).toFixed(0)} MB | ${median(rs.map((r) => r.fileMb)).toFixed(1)} MB |`,
      );
    }
  }
  console.log('');
  console.log(
    'Targets: 2,000 small files ≤ 1.0× the per-file reference; the 5,000-paragraph file ≤ 2× the per-file one; ' +
      'PDFs ≤ 2× the per-file (pdf.js) one, peak RSS ≤ 300 MB.',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
