// Schema v1: documents, their passages and sentences, tags.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE documents (
      id            TEXT PRIMARY KEY,             -- UUID: stable across machines
      title         TEXT NOT NULL,
      source        TEXT,                         -- URL or bibliographic source
      author        TEXT,
      published_at  TEXT,                         -- ISO date, may be partial (YYYY or YYYY-MM)
      lang          TEXT NOT NULL,                -- ISO 639-1 where one exists, else 639-3
      content_hash  TEXT NOT NULL,                -- sha256 of the imported bytes
      original_name TEXT,
      media_type    TEXT NOT NULL,
      text          TEXT NOT NULL,                -- passages joined by blank lines; all offsets refer to it
      imported_at   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);

    CREATE TABLE passages (
      id           TEXT PRIMARY KEY,
      document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal      INTEGER NOT NULL,
      kind         TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph')),
      text         TEXT NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset   INTEGER NOT NULL,
      UNIQUE (document_id, ordinal)
    );

    CREATE TABLE sentences (
      passage_id   TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      ordinal      INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,                -- relative to the passage text
      end_offset   INTEGER NOT NULL,
      PRIMARY KEY (passage_id, ordinal)
    ) WITHOUT ROWID;

    CREATE TABLE tags (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
      created_at TEXT NOT NULL
    );

    CREATE TABLE document_tags (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (document_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX document_tags_tag ON document_tags(tag_id);
  `);
}
