import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

const DOC = '11111111-1111-4111-8111-111111111111';
/** Twelve one-word sentences: ordinals past 9 check the order (the JSON keys are text). */
const WORDS = Array.from({ length: 12 }, (_, i) => `Salita${i}.`);
const LONG = WORDS.join(' ');
const SHORT = 'Walang pangungusap';

describe('migration 14 (sentences in their passage row)', () => {
  it('keeps every sentence, reads them as rows and in order, and writes through the view', async () => {
    const file = join(tempDir(), 'v13.sqlite');
    const db = await Database.open(file);
    await migrate(db, { target: 13 });
    const text = `${LONG}\n\n${SHORT}`;
    await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                     VALUES (${DOC}, 'T', 'tl', 'h', 'text/plain', ${text}, '2026-01-01T00:00:00Z')`);
    await db.run(sql`INSERT INTO passages (id, document_id, ordinal, kind, start_offset, end_offset)
                     VALUES ('p0', ${DOC}, 0, 'paragraph', 0, ${LONG.length}),
                            ('p1', ${DOC}, 1, 'paragraph', ${LONG.length + 2}, ${text.length})`);
    let at = 0;
    for (const [k, w] of WORDS.entries()) {
      await db.run(sql`INSERT INTO sentences (passage_id, ordinal, start_offset, end_offset)
                       VALUES ('p0', ${k}, ${at}, ${at + w.length})`);
      at += w.length + 1;
    }
    const before = await db.all(sql`SELECT * FROM sentences ORDER BY passage_id, ordinal`);
    expect(before).toHaveLength(12);

    await migrate(db, { target: 14 });
    expect(await db.all(sql`SELECT * FROM sentences ORDER BY passage_id, ordinal`)).toEqual(before);
    expect(await db.get(sql`SELECT sentences FROM passages WHERE id = 'p1'`)).toEqual({ sentences: null });

    // Through the view, as a pulled change writes a sentence: insert, update, delete.
    await db.run(sql`INSERT INTO sentences (passage_id, ordinal, start_offset, end_offset) VALUES ('p1', 0, 0, 6)`);
    await db.run(sql`UPDATE sentences SET end_offset = 7 WHERE passage_id = 'p1' AND ordinal = 0`);
    expect(await db.all(sql`SELECT * FROM sentences WHERE passage_id = 'p1'`)).toEqual([
      { passage_id: 'p1', ordinal: 0, start_offset: 0, end_offset: 7 },
    ]);
    await db.run(sql`DELETE FROM sentences WHERE passage_id = 'p1'`);
    expect(await db.get(sql`SELECT sentences FROM passages WHERE id = 'p1'`)).toEqual({ sentences: null });

    // In a team, a changed sentence is marked for the next sync, one change per sentence as before.
    await db.run(sql`INSERT INTO sync_state (key, value) VALUES ('server', 'postgresql://x')`);
    const last = LONG.length - WORDS[11].length;
    const changed = sql`json_array(${last}, ${LONG.length - 1})`;
    await db.run(sql`UPDATE passages SET sentences = json_set(sentences, '$."11"', ${changed}) WHERE id = 'p0'`);
    await db.run(sql`UPDATE passages SET sentences = json_remove(sentences, '$."10"') WHERE id = 'p0'`);
    expect(await db.all(sql`SELECT row_key, op FROM sync_pending WHERE entity = 'sentences' ORDER BY row_key`)).toEqual(
      [
        { row_key: '["p0",10]', op: 'delete' },
        { row_key: '["p0",11]', op: 'upsert' },
      ],
    );
    await db.run(sql`DELETE FROM sync_pending`);
    await db.run(sql`DELETE FROM sync_state`);
    await db.close();

    const archive = await Archive.open(file, { search: 'inline' });
    try {
      const doc = await archive.documents.get(DOC);
      expect(doc.passages[0].sentences).toHaveLength(11);
      expect(doc.passages[0].sentences.map(([s, e]) => LONG.slice(s, e))).toEqual([...WORDS.slice(0, 10), 'Salita11']);
    } finally {
      await archive.close();
    }
  });
});
