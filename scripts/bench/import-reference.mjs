// bench:import's reference, plain JavaScript so that neither side pays for compiling at run time:
//   node scripts/bench/import-reference.mjs per-file|one-txn CORPUS_DIR OUT_DIR
// Raw sqlite3 doing the same file reading, hashing, paragraph split, original blob and FTS5 rows as an import
// (WAL, synchronous=FULL), one transaction per file or one for all; PDFs' text comes from pdf.js on this thread.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';

const [mode, corpus, out] = process.argv.slice(2);
if (mode !== 'per-file' && mode !== 'one-txn') throw new Error('usage: import-reference.mjs per-file|one-txn DIR OUT');
const perFile = mode === 'per-file';

let pdfjs;
/** pdf.js text of every page, lines joined, pages as paragraphs (on this thread, as Tala's parser runs it). */
async function pdfText(bytes) {
  pdfjs ??= (async () => {
    globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  const lib = await pdfjs;
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages.join('\n\n');
}

const db = await new Promise((resolve, reject) => {
  const d = new sqlite3.Database(join(out, 'ref.sqlite'), (err) => (err ? reject(err) : resolve(d)));
});
const exec = (text) => new Promise((res, rej) => db.exec(text, (e) => (e ? rej(e) : res())));
const run = (text, params) => new Promise((res, rej) => db.run(text, params, (e) => (e ? rej(e) : res())));
await exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
  CREATE TABLE documents (id TEXT PRIMARY KEY, name TEXT, hash TEXT UNIQUE, text TEXT);
  CREATE TABLE originals (document_id TEXT PRIMARY KEY, data BLOB);
  CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');`);
const files = readdirSync(corpus).map((f) => join(corpus, f));
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
await new Promise((res, rej) => db.close((e) => (e ? rej(e) : res())));
console.log(JSON.stringify({ imported: files.length }));
