import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { layOutPassages } from '../../../main/documents/edits';
import { readPassages } from '../../../main/documents/passage-text';
import { splitSentences } from '../../../shared/text/sentences';
import { tempDir } from '../../helpers/temp';

interface OldPassage {
  id: string;
  text: string;
  start: number;
  end: number;
}

/** Writes a document as schema v9 stored it: the text in documents.text and again in every passages.text. */
async function insertV9(db: Database, id: string, texts: string[], tamper?: (p: OldPassage[]) => void) {
  const layout = layOutPassages(texts.map((text, i) => ({ id: `${id}-p${i}`, kind: 'paragraph' as const, text })));
  const passages: OldPassage[] = layout.passages.map((p) => ({ id: p.id, text: p.text, start: p.start, end: p.end }));
  tamper?.(passages);
  await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                   VALUES (${id}, ${id}, 'tl', ${`hash-${id}`}, 'text/plain', ${layout.text}, '2026-01-01T00:00:00Z')`);
  for (const [ordinal, p] of passages.entries()) {
    await db.run(sql`INSERT INTO passages (id, document_id, ordinal, kind, text, start_offset, end_offset)
                     VALUES (${p.id}, ${id}, ${ordinal}, 'paragraph', ${p.text}, ${p.start}, ${p.end})`);
    for (const [k, [s, e]] of splitSentences(p.text, 'tl').entries())
      await db.run(sql`INSERT INTO sentences (passage_id, ordinal, start_offset, end_offset)
                       VALUES (${p.id}, ${k}, ${s}, ${e})`);
  }
}

describe('migration 10 (passage text stored once)', () => {
  it('keeps every passage text and every sentence; only texts the document does not give stay stored', async () => {
    const file = join(tempDir(), 'v9.sqlite');
    const db = await Database.open(file);
    await migrate(db, { target: 9 });
    const plain = ['Unang talata. May dalawang pangungusap.', 'Ikalawang talata rito.', 'Huling talata!'];
    await insertV9(db, 'plain', plain);
    // A character outside the BMP: SQLite counts it as one, our offsets as two, so the passages after it keep text.
    const astral = ['Bago ang tanda.', 'Ngiti 😀 rito. Isa pa.', 'Pagkatapos ng tanda.'];
    await insertV9(db, 'astral', astral);
    // Offsets that do not hold the passage's text (a passage edited elsewhere waiting for review): kept as it is.
    await insertV9(db, 'drift', ['Una.', 'Ikalawa.'], (ps) => (ps[1].text = 'Ibang teksto mula sa iba.'));
    const before = await db.all<{ id: string; text: string }>(sql`SELECT id, text FROM passages ORDER BY id`);
    const sentencesBefore = await db.all(sql`SELECT * FROM sentences ORDER BY passage_id, ordinal`);
    expect(sentencesBefore.length).toBeGreaterThan(8);

    await migrate(db, { target: 10 });
    expect(await schemaVersion(db)).toBe(10);
    const columns = (await db.all<{ name: string }>(sql`PRAGMA table_info(passages)`)).map((c) => c.name);
    expect(columns).not.toContain('text');
    expect(columns).toContain('own_text');
    const after = await readPassages(db, ['astral', 'drift', 'plain']);
    expect(after.map((p) => ({ id: p.id, text: p.text })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);
    expect(await db.all(sql`SELECT * FROM sentences ORDER BY passage_id, ordinal`)).toEqual(sentencesBefore);
    const own = await db.all<{ id: string; own_text: string }>(
      sql`SELECT id, own_text FROM passages WHERE own_text IS NOT NULL ORDER BY id`,
    );
    expect(own).toEqual([
      { id: 'astral-p1', own_text: astral[1] },
      { id: 'astral-p2', own_text: astral[2] },
      { id: 'drift-p1', own_text: 'Ibang teksto mula sa iba.' },
    ]);
    // SQL readers (search hits, sync) get the same text as the JavaScript ones.
    const { passageTextSql } = await import('../../../main/documents/passage-text');
    const viaSql = await db.all<{ id: string; text: string }>(
      sql`SELECT p.id, ${passageTextSql('p')} AS text FROM passages p ORDER BY p.id`,
    );
    expect(viaSql).toEqual(before);
    await db.close();

    // The archive opens and reads its documents as before.
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      const doc = await archive.documents.get('astral');
      expect(doc.passages.map((p) => p.text)).toEqual(astral);
      expect(doc.passages[1].sentences.length).toBe(2);
      // Search indexes the migrated passages and finds the words where they are.
      const result = await archive.search.query('tanda');
      const hits = result.hits.map((h) => ({ id: h.passageId, snippet: h.snippet, matches: h.matches }));
      expect(hits.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'astral-p0', snippet: astral[0], matches: [[9, 14]] },
        { id: 'astral-p2', snippet: astral[2], matches: [[14, 19]] },
      ]);
    } finally {
      await archive.close();
    }
  });
});
