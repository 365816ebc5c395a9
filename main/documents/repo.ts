// Data access for documents, passages and sentences. Functions take the connection first.
import type {
  DocumentDetail,
  DocumentMeta,
  DocumentMetaChanges,
  DocumentSummary,
  Passage,
  PassageKind,
} from '../../shared/types';
import type { Database } from '../db/connection';
import { join, sql } from '../db/sql';
import { passagesEditedElsewhere } from '../team/edited-elsewhere';
import { firstSurrogateIn, ownText, packSentences, passageText, unpackSentences } from './passage-text';

interface DocumentRow {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  published_at: string | null;
  file_created_at: string | null;
  lang: string;
  content_hash: string;
  original_name: string | null;
  media_type: string;
  imported_at: string;
  version: number;
  tags: string | null;
}

// Tags are gathered with a unit separator so that commas inside tag names survive.
const META_COLUMNS = sql`d.id, d.title, d.source, d.author, d.published_at, d.file_created_at, d.lang, d.content_hash,
  d.original_name, d.media_type,
  d.imported_at, d.version,
  (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
                                            WHERE dt.document_id = d.id ORDER BY t.name)) AS tags`;

function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    lang: row.lang,
    source: row.source,
    author: row.author,
    publishedAt: row.published_at,
    fileCreatedAt: row.file_created_at,
    originalName: row.original_name,
    mediaType: row.media_type,
    contentHash: row.content_hash,
    importedAt: row.imported_at,
    tags: row.tags ? row.tags.split('\u001f') : [],
    version: row.version,
  };
}

export interface NewPassage {
  id: string;
  kind: PassageKind;
  text: string;
  start: number;
  end: number;
  sentences: Array<[number, number]>;
  /** Page the passage starts on (PDF), or null. */
  page?: number | null;
}

export interface NewDocument extends Omit<DocumentMeta, 'tags' | 'version'> {
  text: string;
  passages: NewPassage[];
}

/** Documents per multi-row INSERT (12 parameters each, well under SQLite's limit of bound parameters). */
const DOCUMENTS_PER_INSERT = 200;

/** Inserts a document with its passages and sentences. Call inside a transaction. */
export function insertDocument(tx: Database, doc: NewDocument): Promise<void> {
  return insertDocuments(tx, [doc]);
}

/**
 * Inserts documents with their passages and sentences, in this order. Call inside a transaction. Each statement is
 * a round trip to the driver's thread and each bound parameter a copy on this one, so the rows of all the documents
 * go in a few statements: documents in multi-row INSERTs, passages (with their sentences, in their rows) as one JSON
 * array (SQLite reads it with json_each: one parameter instead of hundreds).
 */
export async function insertDocuments(tx: Database, docs: readonly NewDocument[]): Promise<void> {
  if (docs.length === 0) return;
  // The passages' JSON is built while the documents' rows are written on SQLite's thread (started first: see
  // Database.runStarted; rows refer to the rows before them, so each statement starts after the one before ended).
  let started!: () => void;
  const firstStarted = new Promise<void>((resolve) => (started = resolve));
  const running: Promise<unknown> = (async () => {
    try {
      for (let i = 0; i < docs.length; i += DOCUMENTS_PER_INSERT) {
        const rows = docs.slice(i, i + DOCUMENTS_PER_INSERT).map(
          (doc) => sql`(${doc.id}, ${doc.title}, ${doc.source}, ${doc.author}, ${doc.publishedAt},
          ${doc.fileCreatedAt}, ${doc.lang}, ${doc.contentHash}, ${doc.originalName}, ${doc.mediaType}, ${doc.text},
          ${doc.importedAt})`,
        );
        const { done } = await tx.runStarted(sql`
        INSERT INTO documents (id, title, source, author, published_at, file_created_at, lang, content_hash,
          original_name, media_type, text, imported_at)
        VALUES ${join(rows)}`);
        started();
        await done;
      }
    } finally {
      started();
    }
  })();
  try {
    await Promise.race([firstStarted, running]);
    // The text is stored once, in documents.text; a passage keeps its own copy only where that does not give it.
    const passages = docs.flatMap((doc) => {
      const docText = wellFormed(doc.text);
      const surrogate = firstSurrogateIn(docText);
      return doc.passages.map((p, ordinal) => [
        wellFormed(p.id),
        wellFormed(doc.id),
        ordinal,
        p.kind,
        ownText(docText, p.start, p.end, wellFormed(p.text), surrogate),
        p.start,
        p.end,
        p.page ?? null,
        packSentences(p.sentences),
      ]);
    });
    const passagesJson = passages.length > 0 ? JSON.stringify(passages) : undefined;
    await running;
    if (passagesJson !== undefined)
      await tx.run(sql`
      INSERT INTO passages (id, document_id, ordinal, kind, own_text, start_offset, end_offset, page, sentences)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
        value ->> 8
      FROM json_each(${passagesJson}) ORDER BY key`);
  } finally {
    // Never leave a statement running on the way out.
    await running.catch(() => undefined);
  }
}

/** String.prototype.isWellFormed and toWellFormed (ES2024, Node ≥ 20): TypeScript's ES2023 library lacks them. */
type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * A string as a bound parameter stores it: a lone surrogate becomes U+FFFD (the driver's UTF-8 conversion), where
 * JSON would carry it through as bytes that are not UTF-8. (toWellFormed replaces exactly the lone surrogates, as the
 * regular expression used before did, without running one over every passage and text.)
 */
export function wellFormed(text: string): string {
  const s = text as WellFormedString;
  return s.isWellFormed() ? text : s.toWellFormed();
}

export async function findDocumentIdByHash(db: Database, contentHash: string): Promise<string | undefined> {
  const row = await db.get<{ id: string }>(sql`SELECT id FROM documents WHERE content_hash = ${contentHash}`);
  return row?.id;
}

export async function listDocuments(db: Database): Promise<DocumentSummary[]> {
  const rows = await db.all<DocumentRow & { passages: number }>(sql`
    SELECT ${META_COLUMNS}, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages
    FROM documents d
    ORDER BY d.imported_at, d.title`);
  return rows.map((row) => ({ ...toMeta(row), passages: row.passages }));
}

export async function getDocumentSummary(db: Database, id: string): Promise<DocumentSummary | undefined> {
  const row = await db.get<DocumentRow & { passages: number }>(sql`
    SELECT ${META_COLUMNS}, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages
    FROM documents d WHERE d.id = ${id}`);
  return row && { ...toMeta(row), passages: row.passages };
}

/** A document with its passages and sentences, read on one snapshot (see Database.read). */
export function getDocument(db: Database, id: string): Promise<DocumentDetail | undefined> {
  return db.read((rd) => readDocument(rd, id));
}

async function readDocument(db: Database, id: string): Promise<DocumentDetail | undefined> {
  const row = await db.get<DocumentRow & { text: string }>(
    sql`SELECT ${META_COLUMNS}, d.text FROM documents d WHERE d.id = ${id}`,
  );
  if (!row) return undefined;
  // The passages come as ONE JSON row built by SQLite: the sqlite3 driver's cost is per row, so a
  // 5,000-passage document opens in ~30 ms instead of ~150 ms (this is the hot path of the reader).
  const packed = await db.get<{ passages: string }>(sql`
    SELECT json_group_array(json_array(p.id, p.ordinal, p.kind, p.own_text, p.start_offset, p.end_offset, p.page,
             p.sentences)) AS passages
    FROM (SELECT * FROM passages WHERE document_id = ${id} ORDER BY ordinal) p`);
  type PackedPassage = [string, number, PassageKind, string | null, number, number, number | null, string | null];
  const rows = JSON.parse(packed?.passages ?? '[]') as PackedPassage[];
  // Aggregate order follows the ordered subquery in practice; sorting again costs nothing and guarantees it.
  rows.sort((a, b) => a[1] - b[1]);
  const passages: Passage[] = rows.map(([pid, ordinal, kind, own, start, end, page, sentences]) => ({
    id: pid,
    ordinal,
    kind,
    text: passageText(row.text, { own_text: own, start_offset: start, end_offset: end }),
    start,
    end,
    sentences: unpackSentences(sentences).sort((a, b) => a[0] - b[0]),
    page,
  }));
  const elsewhere = await passagesEditedElsewhere(db, passages);
  for (const p of passages) {
    const by = elsewhere.get(p.id);
    if (by) p.editedElsewhere = by;
  }
  return { ...toMeta(row), text: row.text, passages };
}

export async function updateDocumentMeta(tx: Database, id: string, changes: DocumentMetaChanges): Promise<void> {
  if (changes.title !== undefined) await tx.run(sql`UPDATE documents SET title = ${changes.title} WHERE id = ${id}`);
  if (changes.source !== undefined) await tx.run(sql`UPDATE documents SET source = ${changes.source} WHERE id = ${id}`);
  if (changes.author !== undefined) await tx.run(sql`UPDATE documents SET author = ${changes.author} WHERE id = ${id}`);
  if (changes.publishedAt !== undefined)
    await tx.run(sql`UPDATE documents SET published_at = ${changes.publishedAt} WHERE id = ${id}`);
  if (changes.lang !== undefined) await tx.run(sql`UPDATE documents SET lang = ${changes.lang} WHERE id = ${id}`);
}

export async function deleteDocument(tx: Database, id: string): Promise<boolean> {
  const result = await tx.run(sql`DELETE FROM documents WHERE id = ${id}`);
  return result.changes > 0;
}
