// Schema v8: team sync. Which rows changed since the last push (filled by triggers while a team is set),
// the sealed changes waiting for the server, the version each shared row is at, and conflicts to review.
// All of it is this desktop's own state: never merged from or into portable files.
import type { Database } from '../connection';

// The shared tables and their keys as of this version (a later table needs a later migration).
const CAPTURED: ReadonlyArray<[string, string[]]> = [
  ['documents', ['id']],
  ['originals', ['document_id']],
  ['document_versions', ['document_id', 'version']],
  ['passages', ['id']],
  ['sentences', ['passage_id', 'ordinal']],
  ['tags', ['id']],
  ['document_tags', ['document_id', 'tag_id']],
  ['annotations', ['id']],
  ['annotation_tags', ['annotation_id', 'tag_id']],
  ['entities', ['id']],
  ['entity_redirects', ['from_id']],
  ['entity_aliases', ['id']],
  ['facts', ['id']],
  ['fact_evidence', ['fact_id', 'annotation_id']],
  ['translations', ['id']],
  ['alignment_links', ['id']],
  ['translation_segments', ['id']],
  ['collections', ['id']],
  ['collection_documents', ['collection_id', 'document_id']],
  ['document_variants', ['document_id']],
];

function captureTriggers(table: string, key: string[]): string {
  const keyOf = (row: 'NEW' | 'OLD') => `json_array(${key.map((k) => `${row}.${k}`).join(', ')})`;
  // Only while a team is set, and never for rows that sync itself is writing.
  const when = `(SELECT 1 FROM sync_state WHERE key = 'server') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM
    sync_apply_guard)`;
  const mark = (row: 'NEW' | 'OLD', op: string) =>
    `INSERT INTO sync_pending (entity, row_key, op) VALUES ('${table}', ${keyOf(row)}, '${op}')
       ON CONFLICT (entity, row_key) DO UPDATE SET op = excluded.op;`;
  const keyChanged = key.map((k) => `OLD.${k} IS NOT NEW.${k}`).join(' OR ');
  return `
    CREATE TRIGGER sync_capture_${table}_insert AFTER INSERT ON ${table} WHEN ${when} BEGIN ${mark('NEW', 'upsert')}
      END;
    CREATE TRIGGER sync_capture_${table}_update AFTER UPDATE ON ${table} WHEN ${when} BEGIN
      INSERT INTO sync_pending (entity, row_key, op) SELECT '${table}', ${keyOf('OLD')}, 'delete' WHERE ${keyChanged}
        ON CONFLICT (entity, row_key) DO UPDATE SET op = excluded.op;
      ${mark('NEW', 'upsert')}
    END;
    CREATE TRIGGER sync_capture_${table}_delete AFTER DELETE ON ${table} WHEN ${when} BEGIN ${mark('OLD', 'delete')}
      END;`;
}

export async function up(db: Database): Promise<void> {
  await db.exec(`
    -- Where a merged entity went (no foreign key: the target may itself be merged later). Facts that name
    -- a merged entity, pulled from a team or merged from a portable file, follow the redirect.
    CREATE TABLE entity_redirects (
      from_id   TEXT PRIMARY KEY,
      to_id     TEXT NOT NULL,
      merged_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- server (address without password), member, client_id, last_seq, clock, last_sync_at, last_error
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    -- Rows changed locally since the last seal; op is the latest thing that happened to the row.
    CREATE TABLE sync_pending (
      entity  TEXT NOT NULL,
      row_key TEXT NOT NULL,          -- JSON array of the row's key values
      op      TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      PRIMARY KEY (entity, row_key)
    ) WITHOUT ROWID;
    -- Sealed changes with their ids and clock values, waiting for the server's acknowledgement. A push
    -- that dies is retried with the same ids, so the server never stores a change twice.
    CREATE TABLE sync_outbox (
      n         INTEGER PRIMARY KEY,
      change_id TEXT NOT NULL UNIQUE,
      entity    TEXT NOT NULL,
      row_key   TEXT NOT NULL,
      op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      hlc       TEXT NOT NULL,
      base_hlc  TEXT,
      payload   TEXT,                 -- JSON object of the row's columns (upsert)
      blob      BLOB                  -- originals.data travels beside the JSON
    );
    CREATE INDEX sync_outbox_row ON sync_outbox(entity, row_key);
    -- The version each shared row is at here: its clock value, the server's order once known, its author.
    CREATE TABLE sync_versions (
      entity  TEXT NOT NULL,
      row_key TEXT NOT NULL,
      hlc     TEXT NOT NULL,
      seq     INTEGER,
      author  TEXT,
      PRIMARY KEY (entity, row_key)
    ) WITHOUT ROWID;
    -- A version that lost to another (or a delete that met an edit): kept for the user to review.
    CREATE TABLE sync_conflicts (
      id            TEXT PRIMARY KEY,
      entity        TEXT NOT NULL,
      row_key       TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('edit', 'delete-edit', 'duplicate')),
      kept_author   TEXT,
      other_author  TEXT,
      other_op      TEXT NOT NULL CHECK (other_op IN ('upsert', 'delete')),
      other_payload TEXT,
      detected_at   TEXT NOT NULL,
      resolved_at   TEXT,
      resolution    TEXT
    );
    CREATE INDEX sync_conflicts_open ON sync_conflicts(entity, row_key) WHERE resolved_at IS NULL;
    -- Holds one row while pulled changes are written, so the capture triggers stay quiet.
    CREATE TABLE sync_apply_guard (active INTEGER NOT NULL);
    ${CAPTURED.map(([table, key]) => captureTriggers(table, key)).join('\n')}
  `);
}
