// Schema v16: FTS5's in-memory hash of pending index rows may hold 8 MB (its default is 1 MB) before it is written out
// as a new segment. An import's rows (search/indexer.ts writes them in as few statements as it can) then make one
// segment instead of one per megabyte: a 5,000-passage import made 3, which the merge after the import rewrote into
// one; a group commit of small files likewise. The memory is SQLite's, for the length of one write. Queries and
// their answers do not change (the same rows, in fewer segments).
import type { Database } from '../connection';

export const SEARCH_HASH_SIZE = 8 * 1024 * 1024;

export async function up(db: Database): Promise<void> {
  await db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${SEARCH_HASH_SIZE})`);
}
