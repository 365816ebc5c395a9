// Passage text is stored once (schema v10): documents.text holds it and a passage row its offsets into it.
// `passages.own_text` keeps a passage's text only where documents.text by its offsets does not give it exactly:
// offsets that do not hold it (a passage edited elsewhere that waits for review) and passages ending after a
// character outside the BMP, where SQLite's substr() counts code points and our offsets count UTF-16 units.
// So, wherever own_text is NULL, SQL's substr() and JavaScript's slice() of documents.text give the same text.
// Every read and write of passage text goes through this module.
import type { Database } from '../db/connection';
import { raw, sql, type SqlQuery } from '../db/sql';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * What a passage row stores in own_text: null when `docText` by the offsets gives `text` exactly, in JavaScript
 * and in SQL alike (no surrogate before `end`); else the text itself. `firstSurrogate` may be passed when many
 * passages of one text are laid out (see firstSurrogateIn).
 */
export function ownText(
  docText: string,
  start: number,
  end: number,
  text: string,
  firstSurrogate = firstSurrogateIn(docText),
): string | null {
  if (firstSurrogate !== -1 && firstSurrogate < end) return text;
  return docText.slice(start, end) === text ? null : text;
}

/** Index of the first UTF-16 surrogate of a text, or -1. */
export function firstSurrogateIn(text: string): number {
  return text.search(SURROGATE);
}

/** A stored passage's text, from its row and its document's text (read in JavaScript). */
export function passageText(
  docText: string,
  row: { own_text: string | null; start_offset: number; end_offset: number },
): string {
  return row.own_text ?? docText.slice(row.start_offset, row.end_offset);
}

/**
 * SQL for the text of passages row `p` (an alias or table name). `d` names its documents row where the statement
 * joins it already; else the document is looked up by a subquery. Fine for a few rows; a whole document's passages
 * are read with readPassages (substr walks the text from its start, so a long document's passages would cost its
 * length each).
 */
export function passageTextSql(p = 'p', d?: string): SqlQuery {
  const slice = (doc: string) => `substr(${doc}.text, ${p}.start_offset + 1, ${p}.end_offset - ${p}.start_offset)`;
  return raw(
    d
      ? `coalesce(${p}.own_text, ${slice(d)})`
      : `coalesce(${p}.own_text, (SELECT ${slice('pd')} FROM documents pd WHERE pd.id = ${p}.document_id))`,
  );
}

export interface StoredPassage {
  id: string;
  document_id: string;
  ordinal: number;
  kind: 'heading' | 'paragraph';
  text: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
}

/**
 * The passages of some documents with their text, ordered by document and ordinal. `schema` reads an attached
 * archive (`src` in a portable merge).
 */
export async function readPassages(
  db: Database,
  documentIds: readonly string[],
  schema = 'main',
): Promise<StoredPassage[]> {
  if (documentIds.length === 0) return [];
  const out: StoredPassage[] = [];
  for (let i = 0; i < documentIds.length; i += 500) {
    const ids = documentIds.slice(i, i + 500);
    const list = ids.map(() => '?').join(', ');
    const texts = await db.all<{ id: string; text: string }>({
      text: `SELECT id, text FROM ${schema}.documents WHERE id IN (${list})`,
      params: ids,
    });
    const rows = await db.all<Omit<StoredPassage, 'text'> & { own_text: string | null }>({
      text: `SELECT id, document_id, ordinal, kind, own_text, start_offset, end_offset, page FROM ${schema}.passages
             WHERE document_id IN (${list}) ORDER BY document_id, ordinal`,
      params: ids,
    });
    const byId = new Map(texts.map((t) => [t.id, t.text]));
    for (const { own_text, ...r } of rows)
      out.push({ ...r, text: own_text ?? (byId.get(r.document_id) ?? '').slice(r.start_offset, r.end_offset) });
  }
  return out;
}

/**
 * Before a document's text is replaced by other means than laying its passages out again (a pulled change):
 * each passage keeps the text it has now, as its own, until compactPassageTexts finds it in the new text.
 */
export async function keepPassageTexts(tx: Database, documentId: string): Promise<void> {
  // Where own_text is NULL, substr() gives the text exactly (see the top of this file).
  await tx.run(sql`UPDATE passages SET own_text = substr((SELECT text FROM documents WHERE id = ${documentId}),
                     start_offset + 1, end_offset - start_offset)
                   WHERE document_id = ${documentId} AND own_text IS NULL`);
}

/** Drops the own copies of passage texts that their documents' texts now give exactly (see ownText). */
export async function compactPassageTexts(tx: Database, documentIds: readonly string[]): Promise<number> {
  let compacted = 0;
  for (let i = 0; i < documentIds.length; i += 200) {
    const ids = documentIds.slice(i, i + 200);
    const list = ids.map(() => '?').join(', ');
    const rows = await tx.all<{ id: string; own_text: string; start_offset: number; end_offset: number; doc: number }>({
      text: `SELECT p.id, p.own_text, p.start_offset, p.end_offset, d.rowid AS doc FROM passages p
               JOIN documents d ON d.id = p.document_id
               WHERE p.document_id IN (${list}) AND p.own_text IS NOT NULL`,
      params: ids,
    });
    if (rows.length === 0) continue;
    const docs = [...new Set(rows.map((r) => r.doc))];
    const texts = new Map<number, { text: string; surrogate: number }>();
    for (const d of await tx.all<{ doc: number; text: string }>({
      text: `SELECT rowid AS doc, text FROM documents WHERE rowid IN (${docs.map(() => '?').join(', ')})`,
      params: docs,
    }))
      texts.set(d.doc, { text: d.text, surrogate: firstSurrogateIn(d.text) });
    const derived = rows
      .filter((r) => {
        const doc = texts.get(r.doc)!;
        return ownText(doc.text, r.start_offset, r.end_offset, r.own_text, doc.surrogate) === null;
      })
      .map((r) => r.id);
    if (derived.length === 0) continue;
    await tx.run(
      sql`UPDATE passages SET own_text = NULL WHERE id IN (SELECT value FROM json_each(${JSON.stringify(derived)}))`,
    );
    compacted += derived.length;
  }
  return compacted;
}

/**
 * A passage's sentences as its row stores them (schema v14): a JSON object of ordinal → [start, end], offsets in the
 * passage text; null when it has none. The `sentences` view gives them as rows.
 */
export function packSentences(sentences: ReadonlyArray<readonly [number, number]>): string | null {
  if (sentences.length === 0) return null;
  // Written out as JSON.stringify(Object.fromEntries(…)) writes it, `{"0":[0,41],"1":[42,97]}`, without an array per
  // sentence and an object per passage (a 5,000-paragraph import packs 20,000 sentences); offsets are whole numbers.
  let packed = '{';
  for (let i = 0; i < sentences.length; i++) {
    const [start, end] = sentences[i];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end))
      return JSON.stringify(Object.fromEntries(sentences.map(([s, e], k) => [k, [s, e]])));
    packed += `${i === 0 ? '' : ','}"${i}":[${start},${end}]`;
  }
  return `${packed}}`;
}

/** The sentences of a stored passage, in order of their ordinals. */
export function unpackSentences(packed: string | null): Array<[number, number]> {
  if (packed === null) return [];
  const entries = Object.entries(JSON.parse(packed) as Record<string, [number, number]>);
  return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, [start, end]]) => [start, end]);
}
