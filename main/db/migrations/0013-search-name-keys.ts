// Schema v13: the cross-script name keys of the index vocabulary (derived search data: filled as words enter
// search_terms, rebuilt by reindex). A query looks up its words' spellings in other scripts here in one
// statement, instead of keying the whole vocabulary in memory first (3.5 s at 300k passages on a first query).
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE search_name_keys (
      key  TEXT NOT NULL,                  -- a name key (shared/text/name-key.ts nameKeys)
      term TEXT NOT NULL,                  -- a vocabulary word with that key (search_terms.term)
      PRIMARY KEY (key, term)
    ) WITHOUT ROWID;
  `);
}
