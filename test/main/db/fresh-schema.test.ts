// A new archive is made from one script (main/db/migrations/fresh-schema.ts) instead of the sixteen migrations:
// the two ways must make the same file, and the script must follow every migration added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/db/connection';
import { migrate, schemaVersion, type MigrateOptions } from '../../../main/db/migrate';
import { FRESH_SCHEMA_SQL, FRESH_SCHEMA_VERSION } from '../../../main/db/migrations/fresh-schema';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/db/migrations/index';
import { freshSchemaModule, schemaScript } from '../../../main/db/schema-script';
import { sql } from '../../../main/db/sql';
import { ANALYZER_VERSION, writeState } from '../../../main/search/indexer';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const newFile = () => join(dir, `archive-${n++}.sqlite`);

const PRAGMAS = [
  'user_version',
  'application_id',
  'auto_vacuum',
  'journal_mode',
  'page_size',
  'encoding',
  'foreign_keys',
  'synchronous',
];

/** Everything a file holds that is not where its pages happen to be: schema, settings and every table's rows. */
async function contents(db: Database) {
  const master = await db.all<{ type: string; name: string; tbl_name: string; sql: string | null }>(
    sql`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`,
  );
  const pragmas: Record<string, unknown> = {};
  for (const name of PRAGMAS) pragmas[name] = Object.values((await db.get({ text: `PRAGMA ${name}`, params: [] }))!)[0];
  const rows: Record<string, unknown[]> = {};
  const tables = await db.all<{ name: string; type: string }>(
    sql`SELECT name, type FROM pragma_table_list
        WHERE schema = 'main' AND type IN ('table', 'shadow') AND name <> 'sqlite_schema' ORDER BY name`,
  );
  for (const { name } of tables) {
    const all = await db.all({ text: `SELECT * FROM "${name}"`, params: [] });
    rows[name] = all.map((r) => [JSON.stringify(r), r] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  }
  return { master, pragmas, rows };
}

/** A new archive file brought to the latest schema as Archive.open does it (with its analyzer version). */
async function made(options: MigrateOptions) {
  const db = await Database.open(newFile());
  const result = await migrate(db, {
    ...options,
    onNewFile: (tx) => writeState(tx, 'analyzer_version', ANALYZER_VERSION),
  });
  return { db, result };
}

describe('the schema of a new archive (one script)', () => {
  it('is the schema of the last migration: a migration added since the script was generated fails here', () => {
    expect(FRESH_SCHEMA_VERSION).toBe(LATEST_SCHEMA_VERSION);
    expect(MIGRATIONS[MIGRATIONS.length - 1].version).toBe(FRESH_SCHEMA_VERSION);
  });

  it('is what the numbered migrations make, as generated (run `npm run -s schema:fresh` when this fails)', async () => {
    const db = await Database.open(':memory:');
    await migrate(db, { freshSchema: null });
    const generated = freshSchemaModule(LATEST_SCHEMA_VERSION, await schemaScript(db));
    await db.close();
    const file = join(import.meta.dirname, '..', '..', '..', 'main', 'db', 'migrations', 'fresh-schema.ts');
    const options = await resolveConfig(file);
    expect(readFileSync(file, 'utf8')).toBe(await format(generated, { ...options, filepath: file }));
  });

  it('makes the same file as all the migrations: schema, pragmas, settings and seeded rows', async () => {
    const numbered = await made({ freshSchema: null });
    const fresh = await made({});
    expect(numbered.result).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(fresh.result).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    const a = await contents(numbered.db);
    const b = await contents(fresh.db);
    expect(b.pragmas).toEqual(a.pragmas);
    expect(b.pragmas.user_version).toBe(LATEST_SCHEMA_VERSION);
    expect(b.pragmas.auto_vacuum).toBe(2);
    expect(b.master).toEqual(a.master);
    expect(b.rows).toEqual(a.rows);
    // Seeded rows and FTS5 settings are there (so the comparison compared something).
    expect(JSON.stringify(b.rows.search_state)).toContain(`"key":"analyzer_version","value":${ANALYZER_VERSION}`);
    expect(JSON.stringify(b.rows.search_fts_config)).toContain(`"k":"hashsize","v":${8 * 1024 * 1024}`);
    // And they behave alike: rows through the tables' triggers (a changed title marks the document for the index).
    for (const { db } of [numbered, fresh])
      await db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO tags (id, name, created_at) VALUES ('t1', 'alpha', '2026-01-01')`);
        await tx.run(sql`
          INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
          VALUES ('d1', 'A', 'en', 'h', 'text/plain', 'x', '2026-01-01')`);
        await tx.run(sql`UPDATE documents SET title = 'B' WHERE id = 'd1'`);
      });
    const after = [await contents(numbered.db), await contents(fresh.db)];
    expect(after[1].rows).toEqual(after[0].rows);
    expect(after[1].rows.search_dirty).toHaveLength(1);
    await numbered.db.close();
    await fresh.db.close();
  });

  it('is used for a new file only: a file with a schema goes through the numbered migrations', async () => {
    // A script that also makes a marker table shows which way a file was made.
    const marked = { version: LATEST_SCHEMA_VERSION, sql: `${FRESH_SCHEMA_SQL}CREATE TABLE fresh_marker (x);` };
    const hasMarker = async (db: Database) =>
      (await db.get(sql`SELECT name FROM sqlite_master WHERE name = 'fresh_marker'`)) !== undefined;

    const fresh = await made({ freshSchema: marked });
    expect(await hasMarker(fresh.db)).toBe(true);
    expect(await schemaVersion(fresh.db)).toBe(LATEST_SCHEMA_VERSION);
    await fresh.db.close();

    const old = await Database.open(newFile());
    await migrate(old, { target: 3, freshSchema: marked });
    expect(await schemaVersion(old)).toBe(3);
    expect(await migrate(old, { freshSchema: marked })).toEqual({ from: 3, to: LATEST_SCHEMA_VERSION });
    expect(await hasMarker(old)).toBe(false);
    await old.close();

    // A script of another version than the one asked for is not used (the migrations run).
    const stale = await Database.open(newFile());
    await migrate(stale, { freshSchema: { ...marked, version: LATEST_SCHEMA_VERSION - 1 } });
    expect(await hasMarker(stale)).toBe(false);
    expect(await schemaVersion(stale)).toBe(LATEST_SCHEMA_VERSION);
    await stale.close();
  });
});
