// Schema v9: ids adopted by team sync. Two desktops can make the same thing under two ids (the same
// translation pair, the same fact proposal), which a local UNIQUE constraint allows only once; the pull
// keeps the smaller id on every desktop and remembers here where the other one went, so rows that still
// name it (pulled later, or from a desktop that has not seen the clash yet) follow. This desktop's own
// sync state, like the other sync_ tables.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE sync_adopted (
      entity     TEXT NOT NULL,             -- the table
      from_id    TEXT NOT NULL,             -- the id that was not kept
      to_id      TEXT NOT NULL,             -- the id kept in its place (itself maybe adopted later)
      adopted_at TEXT NOT NULL,
      PRIMARY KEY (entity, from_id)
    ) WITHOUT ROWID;
  `);
}
