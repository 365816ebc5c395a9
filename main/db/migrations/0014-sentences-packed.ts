// Schema v14: a passage's sentences are stored in its row, `passages.sentences`: a JSON object of ordinal →
// [start, end] (offsets in the passage text), NULL when it has none, instead of a row per sentence keyed by the
// passage's UUID (~48 bytes a sentence on disk; now ~12). `sentences` stays as a view with the columns the table
// had, so reads and team sync (which sends sentences one by one, as before) see the same rows; INSTEAD OF triggers
// write through it (a pulled sentence), and the team capture triggers of passages mark each sentence that changed.
import type { Database } from '../connection';

const TEAM_ACTIVE = `(SELECT 1 FROM sync_state WHERE key = 'server') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM
  sync_apply_guard)`;
const mark = (passage: string, ordinal: string, op: string) =>
  `INSERT INTO sync_pending (entity, row_key, op) SELECT 'sentences', json_array(${passage}, CAST(${ordinal} AS
    INTEGER)), '${op}'`;
const ON_CONFLICT = 'ON CONFLICT (entity, row_key) DO UPDATE SET op = excluded.op;';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    ALTER TABLE passages ADD COLUMN sentences TEXT CHECK (sentences IS NULL OR json_type(sentences) = 'object');
    UPDATE passages SET sentences = (
      SELECT json_group_object(s.ordinal, json_array(s.start_offset, s.end_offset))
      FROM (SELECT ordinal, start_offset, end_offset FROM sentences WHERE passage_id = passages.id ORDER BY ordinal) s)
    WHERE EXISTS (SELECT 1 FROM sentences WHERE passage_id = passages.id);
    DROP TABLE sentences;

    CREATE VIEW sentences (passage_id, ordinal, start_offset, end_offset) AS
      SELECT p.id, CAST(j.key AS INTEGER), j.value ->> 0, j.value ->> 1
      FROM passages p, json_each(p.sentences) j;

    CREATE TRIGGER sentences_insert INSTEAD OF INSERT ON sentences BEGIN
      UPDATE passages SET sentences = json_set(coalesce(sentences, '{}'), '$."' || CAST(new.ordinal AS INTEGER) || '"',
        json_array(new.start_offset, new.end_offset)) WHERE id = new.passage_id;
    END;
    CREATE TRIGGER sentences_update INSTEAD OF UPDATE ON sentences BEGIN
      UPDATE passages SET sentences = nullif(json_remove(sentences, '$."' || old.ordinal || '"'), '{}')
        WHERE id = old.passage_id;
      UPDATE passages SET sentences = json_set(coalesce(sentences, '{}'), '$."' || CAST(new.ordinal AS INTEGER) || '"',
        json_array(new.start_offset, new.end_offset)) WHERE id = new.passage_id;
    END;
    CREATE TRIGGER sentences_delete INSTEAD OF DELETE ON sentences BEGIN
      UPDATE passages SET sentences = nullif(json_remove(sentences, '$."' || old.ordinal || '"'), '{}')
        WHERE id = old.passage_id;
    END;

    -- Team sync: each sentence is still a change of its own (what the table's capture triggers did).
    CREATE TRIGGER sync_capture_sentences_insert AFTER INSERT ON passages
      WHEN new.sentences IS NOT NULL AND ${TEAM_ACTIVE} BEGIN
      ${mark('new.id', 'j.key', 'upsert')} FROM json_each(new.sentences) j WHERE true ${ON_CONFLICT}
    END;
    CREATE TRIGGER sync_capture_sentences_update AFTER UPDATE OF sentences ON passages
      WHEN old.sentences IS NOT new.sentences AND ${TEAM_ACTIVE} BEGIN
      ${mark('new.id', 'j.key', 'upsert')} FROM json_each(new.sentences) j
        WHERE json(j.value) IS NOT json(json_extract(old.sentences, '$."' || j.key || '"')) ${ON_CONFLICT}
      ${mark('old.id', 'j.key', 'delete')} FROM json_each(old.sentences) j
        WHERE json_type(new.sentences, '$."' || j.key || '"') IS NULL ${ON_CONFLICT}
    END;
    CREATE TRIGGER sync_capture_sentences_delete AFTER DELETE ON passages
      WHEN old.sentences IS NOT NULL AND ${TEAM_ACTIVE} BEGIN
      ${mark('old.id', 'j.key', 'delete')} FROM json_each(old.sentences) j WHERE true ${ON_CONFLICT}
    END;
  `);
}
