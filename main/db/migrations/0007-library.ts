// Schema v7: the library at volume. Collections the user makes (a document can be in several), copies of
// the same source kept as versions of it, near-duplicate fingerprints, and the file's own creation date
// kept apart from the publication date (a PDF's CreationDate says when the file was made, not published).
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    -- PDF CreationDate / DOCX dcterms:created: when the file was made. Never shown as "Published".
    ALTER TABLE documents ADD COLUMN file_created_at TEXT;

    CREATE TABLE collections (
      id         TEXT PRIMARY KEY,                         -- UUID
      name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
      created_at TEXT NOT NULL
    );
    CREATE TABLE collection_documents (
      collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      added_at      TEXT NOT NULL,
      PRIMARY KEY (collection_id, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX collection_documents_document ON collection_documents(document_id);

    -- "document_id is another version (copy, format) of the same source as variant_of".
    CREATE TABLE document_variants (
      document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      variant_of  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      created_at  TEXT NOT NULL,
      CHECK (document_id <> variant_of)
    );
    CREATE INDEX document_variants_of ON document_variants(variant_of);

    -- Derived from documents.text (rebuilt when missing): a MinHash signature of the folded text's word
    -- shingles, and its LSH band keys so that candidates are found by index, not by a scan.
    CREATE TABLE dedup_signatures (
      document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      signature   BLOB NOT NULL
    );
    CREATE TABLE dedup_bands (
      band_key    INTEGER NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (band_key, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX dedup_bands_document ON dedup_bands(document_id);
    -- An edited text drops its fingerprint; the next near-duplicate check computes it again.
    CREATE TRIGGER dedup_stale AFTER UPDATE OF text ON documents BEGIN
      DELETE FROM dedup_bands WHERE document_id = NEW.id;
      DELETE FROM dedup_signatures WHERE document_id = NEW.id;
    END;
  `);
}
