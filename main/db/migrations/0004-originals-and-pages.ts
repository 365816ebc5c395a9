// Schema v4 (import of real sources): the page each passage starts on (PDF; NULL for formats without
// pages and for passages typed in later), and the original file of every document, kept inside the
// archive so that the user can open it again. Originals live in their own table so that listing and
// searching documents never reads them.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    ALTER TABLE passages ADD COLUMN page INTEGER CHECK (page IS NULL OR page >= 1);

    CREATE TABLE originals (
      document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      file_name   TEXT NOT NULL,                -- as the user gave it (no folder)
      media_type  TEXT NOT NULL,
      size        INTEGER NOT NULL,
      data        BLOB NOT NULL                 -- the imported bytes, unchanged (sha256 = documents.content_hash)
    );
  `);
}
