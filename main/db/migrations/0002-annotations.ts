// Schema v2: annotations anchored by W3C-style selectors, and a version history of document text.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    -- Earlier texts of a document: the row for version N holds the text as it was while N was current.
    CREATE TABLE document_versions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      version     INTEGER NOT NULL,
      text        TEXT NOT NULL,
      replaced_at TEXT NOT NULL,
      reason      TEXT NOT NULL,
      PRIMARY KEY (document_id, version)
    ) WITHOUT ROWID;

    CREATE TABLE annotations (
      id               TEXT PRIMARY KEY,          -- UUID
      document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      exact            TEXT NOT NULL,             -- TextQuoteSelector
      prefix           TEXT NOT NULL,
      suffix           TEXT NOT NULL,
      start_offset     INTEGER NOT NULL,          -- TextPositionSelector, into documents.text
      end_offset       INTEGER NOT NULL,
      color            TEXT NOT NULL,
      note             TEXT NOT NULL DEFAULT '',
      status           TEXT NOT NULL CHECK (status IN ('anchored', 'moved', 'orphaned')),
      document_version INTEGER NOT NULL,          -- the text version the selectors refer to
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      CHECK (start_offset >= 0 AND end_offset > start_offset)
    );
    CREATE INDEX annotations_document ON annotations(document_id, start_offset);
    CREATE INDEX annotations_orphaned ON annotations(status) WHERE status = 'orphaned';

    CREATE TABLE annotation_tags (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      tag_id        TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
  `);
}
