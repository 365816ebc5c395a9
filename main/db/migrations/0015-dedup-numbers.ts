// Schema v15: near-duplicate bands keyed by a small integer per fingerprinted document instead of its UUID.
// `dedup_signatures` gets `num` (INTEGER PRIMARY KEY, so VACUUM keeps it); `dedup_bands` holds (band_key, num),
// ~15 bytes a row instead of ~50, and its index by document is an index of integers. A deleted signature takes its
// bands (trigger `dedup_signature_deleted`; a deleted document takes its signature by foreign key, and an edited
// text drops it by `dedup_stale`). The tables are derived (never synced, never copied into portable files); the
// rows are carried over here so nothing needs fingerprinting again.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    DROP TRIGGER dedup_stale;

    CREATE TABLE dedup_signatures_v15 (
      num         INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
      signature   BLOB NOT NULL
    );
    INSERT INTO dedup_signatures_v15 (document_id, signature)
      SELECT document_id, signature FROM dedup_signatures ORDER BY rowid;

    CREATE TABLE dedup_bands_v15 (
      band_key INTEGER NOT NULL,
      num      INTEGER NOT NULL,
      PRIMARY KEY (band_key, num)
    ) WITHOUT ROWID;
    INSERT INTO dedup_bands_v15 (band_key, num)
      SELECT b.band_key, s.num FROM dedup_bands b JOIN dedup_signatures_v15 s ON s.document_id = b.document_id
      ORDER BY 1, 2;

    DROP TABLE dedup_bands;
    DROP TABLE dedup_signatures;
    ALTER TABLE dedup_signatures_v15 RENAME TO dedup_signatures;
    ALTER TABLE dedup_bands_v15 RENAME TO dedup_bands;
    CREATE INDEX dedup_bands_num ON dedup_bands(num);

    CREATE TRIGGER dedup_signature_deleted AFTER DELETE ON dedup_signatures BEGIN
      DELETE FROM dedup_bands WHERE num = old.num;
    END;
    CREATE TRIGGER dedup_stale AFTER UPDATE OF text ON documents BEGIN
      DELETE FROM dedup_signatures WHERE document_id = NEW.id;
    END;
  `);
}
