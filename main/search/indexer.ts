// Writes the search index rows of documents. Runs inside the caller's write transaction: the import
// transaction (so an import is searchable the moment it commits), a passage edit, or the search engine's
// catch-up and reindex batches. Analysis is synchronous per passage; every SQL statement awaits, so a
// large document never blocks the event loop for long.
import type { Database } from '../db/connection';
import { join, sql, type SqlValue } from '../db/sql';
import { readPassages } from '../documents/passage-text';
import type { IndexAnalysis, PreparedIndex } from './index-analysis';
import { stemmingPipeline } from './language-codes';
import { insertNameKeys, rebuildNameKeys } from './name-index';
import { joinTranslit } from './translit-column';

/**
 * The analyzer (and lunr, ~50 ms of CPU to load), loaded when a document is analysed here: a `tala import` of files
 * whose analysis the parse worker made never loads it on the main thread.
 */
let analyzers: Promise<typeof import('./analyzer')> | undefined;

/** FTS rowid = search_docs.num * DOC_SPAN + passage ordinal. */
export const DOC_SPAN = 4_194_304;
/** Bump when analysis changes (tokeniser, folding, stemmers): archives then re-index in the background. */
export const ANALYZER_VERSION = 8;

/** FTS rows per statement for documents analysed here (each INSERT runs while the next rows are analysed). */
const ROWS_PER_INSERT = 300;
/**
 * Characters of FTS rows per statement for documents that come with their analysis (imports): as few statements as
 * that allows, because FTS5 writes its pending rows out as a new segment at every statement of a transaction (its
 * savepoint), so a 5,000-passage import made 17 segments (7 after automerge) and then a merge of them before the
 * import ended; in one statement, with the hash size of migration 0016, it makes one segment and nothing to merge.
 * A document's rows are never cut: the statement ends after the document that reaches this.
 */
const PREPARED_CHARS_PER_INSERT = 4_000_000;
/** Words or pairs per statement (one JSON parameter each). */
const TERMS_PER_INSERT = 5000;
const DOCS_PER_INSERT = 200;
/** Documents' row arrays per statement (arms of one compound SELECT: SQLite allows 500). */
const ARMS_PER_INSERT = 200;

export interface IndexedCount {
  documents: number;
  passages: number;
}

/** What indexDocuments asks of a set of known terms. */
export interface KnownTerms {
  has(term: string): boolean;
  add(term: string): unknown;
}

export interface IndexOptions {
  /**
   * Terms (and `pipeline\u0000term` pairs) already known to be in search_terms (search_term_pipelines): not written
   * again. The words this call writes are added to it. A reindex shares one set across its batches; an import's
   * commits share the words of the commits before them (import-commits.ts).
   */
  knownTerms?: KnownTerms;
  /**
   * Documents just imported in this transaction, with their stored texts and their analysis made before the commit
   * (index-analysis.ts): their passages are not read back, and their streams are not computed here when the
   * analysis matches what is stored.
   */
  prepared?: ReadonlyMap<string, PreparedIndex>;
}

interface DocRow {
  id: string;
  title: string;
  lang: string;
  media_type: string;
  published_at: string | null;
}
interface PassageRow {
  document_id: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
}
interface AnnotationRow {
  document_id: string;
  start_offset: number;
  end_offset: number;
  note: string;
  tags: string | null;
}

const idList = (ids: readonly string[]) => join(ids.map((id) => sql`${id}`));

/**
 * (Re)indexes these documents: drops their old rows, writes new ones, clears their dirty marks.
 * Ids of documents that no longer exist just lose their rows. Call inside a transaction.
 */
export async function indexDocuments(
  tx: Database,
  ids: readonly string[],
  options: IndexOptions = {},
): Promise<IndexedCount> {
  const count: IndexedCount = { documents: 0, passages: 0 };
  if (ids.length === 0) return count;
  const list = idList(ids);
  // A document keeps its number when it is indexed again (an edit, a reindex): its rowids, and so its place among
  // hits of equal score (ranked by rowid after the score), do not depend on when it was last indexed.
  const numbered = await tx.all<{ num: number; document_id: string }>(
    sql`DELETE FROM search_docs WHERE document_id IN (${list}) RETURNING num, document_id`,
  );
  const kept = new Map(numbered.map((row) => [row.document_id, row.num]));
  await tx.run(sql`DELETE FROM search_dirty WHERE document_id IN (${list})`);
  const docs = await tx.all<DocRow>(
    sql`SELECT id, title, lang, media_type, published_at FROM documents WHERE id IN (${list})`,
  );
  if (docs.length === 0) return bump(tx, count);

  const tagRows = await tx.all<{ document_id: string; name: string }>(sql`
    SELECT dt.document_id, t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id IN
      (${list})`);
  const annotationRows = await tx.all<AnnotationRow>(sql`
    SELECT a.document_id, a.start_offset, a.end_offset, a.note,
           (SELECT group_concat(t.name, ' ') FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE
             at.annotation_id = a.id) AS tags
    FROM annotations a WHERE a.document_id IN (${list}) AND a.status <> 'orphaned'`);
  // An import's documents come with their texts (and their analysis): only a document that has tags or notes, or
  // whose stored title or language is not the one handed in, is read back and analysed here.
  const prepared = new Map<string, PreparedIndex>();
  if (options.prepared) {
    const noted = new Set([...tagRows, ...annotationRows].map((r) => r.document_id));
    for (const doc of docs) {
      const entry = options.prepared.get(doc.id);
      if (entry && !noted.has(doc.id) && entry.title === doc.title && entry.lang === doc.lang)
        prepared.set(doc.id, entry);
    }
  }
  const passages: PassageRow[] = await readPassages(
    tx,
    prepared.size > 0 ? ids.filter((id) => !prepared.has(id)) : ids,
  );
  for (const [id, entry] of prepared)
    entry.texts.forEach((text, ordinal) =>
      passages.push({ document_id: id, ordinal, text, start_offset: 0, end_offset: 0 }),
    );

  const byDoc = <T extends { document_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.document_id);
      if (list) list.push(r);
      else map.set(r.document_id, [r]);
    }
    return map;
  };
  const passagesByDoc = byDoc(passages);
  const tagsByDoc = byDoc(tagRows);
  const annotationsByDoc = byDoc(annotationRows);
  const notes = new TermNotes(options.knownTerms);
  const noteTerm = (term: string, surface: boolean) => notes.note(term, surface);

  // One row per document in search_docs (its number places the document's FTS rows), all in one statement. The
  // documents that keep their number come first: a new number (the largest + 1) can then never take a kept one.
  const nums = new Map<string, number>();
  const ordered = [...docs.filter((doc) => kept.has(doc.id)), ...docs.filter((doc) => !kept.has(doc.id))];
  for (let i = 0; i < ordered.length; i += DOCS_PER_INSERT) {
    const values = ordered.slice(i, i + DOCS_PER_INSERT).map((doc) => {
      const passages = passagesByDoc.get(doc.id)?.length ?? 0;
      const num = kept.get(doc.id) ?? null;
      return sql`(${num}, ${doc.id}, ${doc.lang}, ${doc.media_type}, ${doc.published_at}, ${passages})`;
    });
    const inserted = await tx.all<{ num: number; document_id: string }>(sql`
      INSERT INTO search_docs (num, document_id, lang, media_type, published_at, passages) VALUES ${join(values)}
      RETURNING num, document_id`);
    for (const row of inserted) nums.set(row.document_id, row.num);
  }

  const buffer: RowBuffer = { parts: [], rows: [], chars: 0 };
  // One INSERT at a time is left running while the next rows are analysed (SQLite works on its own thread
  // meanwhile); rows carry their rowid, so the order the statements finish in does not matter.
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    if (buffer.rows.length > 0) buffer.parts.push({ rows: buffer.rows });
    const batch = buffer.parts;
    buffer.parts = [];
    buffer.rows = [];
    buffer.chars = 0;
    await writing;
    writing = insertRows(tx, batch);
    // Awaited at the next batch or at the end; a failure is thrown there, never left unhandled.
    writing.catch(() => undefined);
  };
  // The analyses handed in, awaited together (the parse worker sent them before the commit, or sends them while it
  // runs), and the rows of the documents that have one made in runs by a function of its own (addPreparedRows): this
  // function awaited each analysis in its loop over the documents, and so ran long enough for V8 to compile the
  // whole of it with TurboFan, three times for 2,000 small files (~0.7 s of a compiler thread's time on a 2-core
  // machine), each time thrown away by a deoptimisation.
  const analysed = await Promise.all(docs.map((doc) => prepared.get(doc.id)?.analysis));
  const run: PreparedRun = { docs, analysed, passagesByDoc, nums, notes, count, buffer, doc: 0 };
  try {
    while (run.doc < docs.length) {
      addPreparedRows(run);
      if (buffer.chars >= PREPARED_CHARS_PER_INSERT || buffer.parts.length >= ARMS_PER_INSERT - 1) {
        await write();
        continue;
      }
      if (run.doc >= docs.length) break;
      // A document without a usable analysis: analysed here.
      const doc = docs[run.doc++];
      const docPassages = passagesByDoc.get(doc.id) ?? [];
      const base = nums.get(doc.id)! * DOC_SPAN;
      notes.useLang(doc.lang);
      const analyzer = (await (analyzers ??= import('./analyzer'))).analyzerFor(doc.lang);
      // The title is indexed once per document, in the row of its first passage, with its Latin spellings in
      // the same column: a title-only match is one hit for the document, not one per passage.
      const titleStreams = analyzer.streams(doc.title, noteTerm);
      const titleField = [titleStreams.field, ...titleStreams.translitWords, ...titleStreams.translitStems].join(' ');
      const docTags = (tagsByDoc.get(doc.id) ?? []).map((t) => t.name);
      const annotations = annotationsByDoc.get(doc.id) ?? [];
      for (const [i, p] of docPassages.entries()) {
        const text = analyzer.streams(p.text, noteTerm);
        const overlapping = annotations.length
          ? annotations.filter((a) => a.start_offset < p.end_offset && a.end_offset > p.start_offset)
          : [];
        const note = overlapping.length
          ? analyzer.streams(overlapping.map((a) => a.note).join('\n'), noteTerm).field
          : '';
        const tagText = [...docTags, ...overlapping.map((a) => a.tags ?? '')].join('\n');
        const tag = tagText.trim() ? analyzer.streams(tagText, noteTerm).field : '';
        buffer.rows.push([base + p.ordinal, i === 0 ? titleField : '', text.field, note, tag, joinTranslit(text)]);
        if (buffer.rows.length >= ROWS_PER_INSERT) await write();
      }
      count.documents++;
      count.passages += docPassages.length;
    }
    await write();
  } finally {
    // Never leave a statement running on the way out (an analysis error rolls the transaction back).
    await writing.catch(() => undefined);
  }
  await writing;
  await insertTerms(tx, [...notes.terms]);
  await insertPairs(tx, [...notes.pairs]);
  notes.remember();
  return bump(tx, count);
}

/**
 * The words an indexing notes for the vocabulary: new words, and "pipeline\u0000word" pairs for the words held by
 * documents of a stemming pipeline (search_term_pipelines), leaving out those `known` has.
 */
class TermNotes {
  readonly terms = new Set<string>();
  readonly pairs = new Set<string>();
  /** The pipeline of the document being indexed: analyzerFor(lang)'s code, null when it does not stem. */
  private pipeline: string | null = null;
  /** The words already paired with each pipeline in this call: a pair is built once per word, not per token. */
  private readonly paired = new Map<string, Set<string>>();
  private pairedHere: Set<string> | undefined;

  constructor(private readonly known: KnownTerms | undefined) {}

  /** The next words are a document's of this language. */
  useLang(lang: string): void {
    // The pipeline analyzerFor(lang) has (its code; null when it does not stem), without building it.
    const pipeline = (this.pipeline = stemmingPipeline(lang));
    this.pairedHere = pipeline === null ? undefined : this.paired.get(pipeline);
    if (pipeline !== null && this.pairedHere === undefined) this.paired.set(pipeline, (this.pairedHere = new Set()));
  }

  note(term: string, surface: boolean): void {
    // A surface paired already was noted already, as a term and as a pair.
    if (surface && this.pairedHere !== undefined && !this.pair(this.pairedHere, term)) return;
    if (!this.known?.has(term)) this.terms.add(term);
  }

  /** Notes an analysis's words as note() would have, in the same order. */
  noteAnalysed(analysis: IndexAnalysis): void {
    const pairedHere = this.pairedHere;
    if (pairedHere !== undefined) for (const term of analysis.surfaces) this.pair(pairedHere, term);
    for (const term of analysis.terms) if (!this.known?.has(term)) this.terms.add(term);
  }

  /** Pairs a surface form with the document's pipeline; false when this call paired it already. */
  private pair(pairedHere: Set<string>, term: string): boolean {
    if (pairedHere.has(term)) return false;
    pairedHere.add(term);
    const pair = `${this.pipeline}\u0000${term}`;
    if (!this.known?.has(pair)) this.pairs.add(pair);
    return true;
  }

  /** The words noted are now known (written). */
  remember(): void {
    if (this.known) for (const t of [...this.terms, ...this.pairs]) this.known.add(t);
  }
}

/**
 * FTS rows waiting for their statement, in order: parts already closed (rows built here, or a document's rows as its
 * analysis made them), then the rows being built here; and the characters of the documents' rows.
 */
interface RowBuffer {
  parts: RowPart[];
  rows: SqlValue[][];
  chars: number;
}

/**
 * Rows built here (`[rowid, title, text, note, tag, translit]` each), or a document's rows as its analysis made them:
 * the first row's number and title column, and `[text, translit]` per passage in one JSON array (IndexAnalysis).
 */
type RowPart = { rows: SqlValue[][] } | { base: number; title: string; rowsJson: string };

/** Where indexDocuments is in its documents, for addPreparedRows. */
interface PreparedRun {
  docs: readonly DocRow[];
  /** Per document, the analysis handed in (undefined: none). */
  analysed: ReadonlyArray<IndexAnalysis | undefined>;
  passagesByDoc: ReadonlyMap<string, PassageRow[]>;
  nums: ReadonlyMap<string, number>;
  notes: TermNotes;
  count: IndexedCount;
  buffer: RowBuffer;
  /** The next document. */
  doc: number;
}

/**
 * Adds the rows of the documents from `run.doc` on that have a usable analysis, until one has none or the buffer
 * holds PREPARED_CHARS_PER_INSERT characters. A document's rows go as its analysis made them: their passages are
 * the stored ones, numbered 0, 1, … (an import's), so the row of passage `key` is `base + key`.
 */
function addPreparedRows(run: PreparedRun): void {
  const { docs, buffer } = run;
  while (
    run.doc < docs.length &&
    buffer.chars < PREPARED_CHARS_PER_INSERT &&
    buffer.parts.length < ARMS_PER_INSERT - 1
  ) {
    const doc = docs[run.doc];
    const passages = run.passagesByDoc.get(doc.id) ?? [];
    const analysis = usable(run.analysed[run.doc], doc, passages.length);
    if (!analysis) return;
    run.notes.useLang(doc.lang);
    run.notes.noteAnalysed(analysis);
    if (buffer.rows.length > 0) {
      buffer.parts.push({ rows: buffer.rows });
      buffer.rows = [];
    }
    if (passages.length > 0)
      buffer.parts.push({
        base: run.nums.get(doc.id)! * DOC_SPAN,
        title: analysis.titleField,
        rowsJson: analysis.rowsJson,
      });
    buffer.chars += analysis.titleField.length + analysis.rowsJson.length;
    run.count.documents++;
    run.count.passages += passages.length;
    run.doc++;
  }
}

/**
 * The analysis when it was made with the stored language and title and has a row for every passage, numbered from 0
 * (an import's passages: the indexer numbers them so, above).
 */
function usable(analysis: IndexAnalysis | undefined, doc: DocRow, passages: number): IndexAnalysis | undefined {
  return analysis && analysis.lang === doc.lang && analysis.title === doc.title && analysis.passages === passages
    ? analysis
    : undefined;
}

// Rows, words and pairs go to SQLite as one JSON array per statement, read with json_each in array order: the driver
// converts each bound parameter on this thread, and a commit of 64 small files bound ~13,000 of them (FTS rows, words,
// word-pipeline pairs). Their strings are well-formed (words are whole code points, tokenize.ts), so JSON carries
// them exactly as a bound parameter would.
// A document's rows made by its analysis are one arm of the statement each (a compound SELECT, run in order): one
// statement, so one FTS5 segment, and its JSON read once (an outer json_each over the documents, each row array
// taken out as `value -> 2`, read the whole of it again per row: 5,000 passages, 1.4 s).
async function insertRows(tx: Database, parts: RowPart[]): Promise<void> {
  if (parts.length === 0) return;
  const arms = parts.map((part) =>
    'rows' in part
      ? sql`SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
        FROM json_each(${JSON.stringify(part.rows)})`
      : sql`SELECT CAST(${part.base} AS INTEGER) + key, CASE key WHEN 0 THEN ${part.title} ELSE '' END,
          value ->> 0, '', '', value ->> 1
        FROM json_each(${part.rowsJson})`,
  );
  await tx.run(sql`INSERT INTO search_fts (rowid, title, text, note, tag, translit) ${join(arms, ' UNION ALL ')}`);
}

async function insertTerms(tx: Database, terms: string[]): Promise<void> {
  for (let i = 0; i < terms.length; i += TERMS_PER_INSERT) {
    const chunk = JSON.stringify(terms.slice(i, i + TERMS_PER_INSERT));
    // The words new to the vocabulary (an ignored row returns nothing) get their name keys.
    const added = await tx.all<{ term: string }>(sql`
      INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(${chunk}) WHERE true ORDER BY key
      RETURNING term`);
    await insertNameKeys(
      tx,
      added.map((r) => r.term),
    );
  }
}

async function insertPairs(tx: Database, pairs: string[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += TERMS_PER_INSERT) {
    const chunk = JSON.stringify(
      pairs.slice(i, i + TERMS_PER_INSERT).map((pair) => {
        const cut = pair.indexOf('\u0000');
        return [pair.slice(cut + 1), pair.slice(0, cut)];
      }),
    );
    await tx.run(sql`
      INSERT OR IGNORE INTO search_term_pipelines (term, pipeline)
      SELECT value ->> 0, value ->> 1 FROM json_each(${chunk}) WHERE true ORDER BY key`);
  }
}

async function bump(tx: Database, count: IndexedCount): Promise<IndexedCount> {
  await tx.run(sql`UPDATE search_state SET value = value + 1 WHERE key = 'generation'`);
  return count;
}

/** Marks every document for re-indexing (a full reindex is this plus the catch-up loop). */
export async function markAllDirty(tx: Database): Promise<void> {
  await tx.run(sql`INSERT OR IGNORE INTO search_dirty (document_id) SELECT id FROM documents`);
}

export async function dirtyDocuments(db: Database, limit: number): Promise<string[]> {
  const rows = await db.all<{ document_id: string }>(sql`SELECT document_id FROM search_dirty LIMIT ${limit}`);
  return rows.map((r) => r.document_id);
}

export async function readState(db: Database, key: string): Promise<number> {
  const row = await db.get<{ value: number }>(sql`SELECT value FROM search_state WHERE key = ${key}`);
  return row?.value ?? 0;
}

export async function writeState(tx: Database, key: string, value: number): Promise<void> {
  await tx.run(
    sql`INSERT INTO search_state (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value =
      excluded.value`,
  );
}

/** Replaces the term list with the words actually in the index (drops words of deleted documents). */
export async function rebuildTerms(tx: Database): Promise<void> {
  await tx.run(sql`DELETE FROM search_terms`);
  await tx.run(
    sql`INSERT INTO search_terms (term) SELECT term FROM search_vocab WHERE substr(term, 1, 1) <> '§' ORDER BY term`,
  );
  await tx.run(sql`DELETE FROM search_term_pipelines WHERE term NOT IN (SELECT term FROM search_terms)`);
  await rebuildNameKeys(tx);
  await tx.run(sql`UPDATE search_state SET value = value + 1 WHERE key = 'terms_epoch'`);
}
