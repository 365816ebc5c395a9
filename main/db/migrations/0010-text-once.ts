// Schema v10: a passage's text is stored once, in its document's text. passages.text goes; a passage row keeps
// its offsets, and `own_text` holds its text only where documents.text by those offsets does not give it exactly
// (see main/documents/passage-text.ts: offsets that do not hold the text, or a character outside the BMP before
// the passage's end). Every passage is checked here, in JavaScript (UTF-16 offsets, as the app counts them): its
// text is kept as its own unless the document's text gives it back exactly, so no text is lost or changed.
import type { Database } from '../connection';
import { sql } from '../sql';

const SURROGATE = /[\uD800-\uDFFF]/;
const DOCUMENTS_PER_STEP = 200;

export async function up(db: Database): Promise<void> {
  await db.exec('ALTER TABLE passages ADD COLUMN own_text TEXT');
  let after = 0;
  for (;;) {
    const docs = await db.all<{ rowid: number; id: string; text: string }>(
      sql`SELECT rowid, id, text FROM documents WHERE rowid > ${after} ORDER BY rowid LIMIT ${DOCUMENTS_PER_STEP}`,
    );
    if (docs.length === 0) break;
    after = docs[docs.length - 1].rowid;
    const texts = new Map(docs.map((d) => [d.id, { text: d.text, surrogate: d.text.search(SURROGATE) }]));
    const passages = await db.all<{ id: string; document_id: string; text: string; start: number; end: number }>(
      sql`SELECT id, document_id, text, start_offset AS start, end_offset AS "end" FROM passages
          WHERE document_id IN (SELECT value FROM json_each(${JSON.stringify(docs.map((d) => d.id))}))`,
    );
    const own = passages
      .filter((p) => {
        const doc = texts.get(p.document_id)!;
        const derivable =
          (doc.surrogate === -1 || doc.surrogate >= p.end) &&
          Number.isInteger(p.start) &&
          Number.isInteger(p.end) &&
          doc.text.slice(p.start, p.end) === p.text;
        return !derivable;
      })
      .map((p) => p.id);
    if (own.length > 0)
      await db.run(sql`UPDATE passages SET own_text = text
                       WHERE id IN (SELECT value FROM json_each(${JSON.stringify(own)}))`);
  }
  await db.exec(`
    DROP TRIGGER search_dirty_passage_update;
    ALTER TABLE passages DROP COLUMN text;
    CREATE TRIGGER search_dirty_passage_update AFTER UPDATE OF own_text, ordinal, start_offset, end_offset ON passages
    BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
  `);
}
