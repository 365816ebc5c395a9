import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/db/connection';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { LATEST_SCHEMA_VERSION, type Migration } from '../../../main/db/migrations/index';
import { sql } from '../../../main/db/sql';
import { Archive } from '../../../main/archive/archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const freshFile = () => join(dir, `db-${n++}.sqlite`);

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('bring an empty file to the latest schema, with checks passing', async () => {
    const db = await Database.open(freshFile());
    expect(await schemaVersion(db)).toBe(0);
    const result = await migrate(db);
    expect(result).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['documents', 'passages', 'tags', 'document_tags']));
    // Sentences are stored in their passage's row (v14) and read as rows through a view.
    expect(await db.get(sql`SELECT type FROM sqlite_master WHERE name = 'sentences'`)).toEqual({ type: 'view' });
    expect(await db.all(sql`PRAGMA foreign_key_check`)).toEqual([]);
    expect((await db.get<{ journal_mode: string }>(sql`PRAGMA journal_mode`))?.journal_mode).toBe('wal');
    expect((await db.get<{ foreign_keys: number }>(sql`PRAGMA foreign_keys`))?.foreign_keys).toBe(1);
    await db.close();
  });

  it('are idempotent: a second run changes nothing', async () => {
    const db = await Database.open(freshFile());
    await migrate(db);
    expect(await migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    await db.close();
  });

  it('refuse an archive written by a newer Tala and leave it untouched', async () => {
    const file = freshFile();
    const db = await Database.open(file);
    await migrate(db);
    await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    await db.close();

    await expect(Archive.open(file)).rejects.toMatchObject({
      code: 'ARCHIVE_ERROR',
      message: expect.stringMatching(/newer version of Tala/),
    });
    const again = await Database.open(file);
    expect(await schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION + 5);
    await again.close();
  });

  it('roll back a failing migration completely and report it', async () => {
    const db = await Database.open(freshFile());
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (tx) => tx.exec('CREATE TABLE a (id INTEGER PRIMARY KEY)') },
      {
        version: 2,
        name: 'fails halfway',
        up: async (tx) => {
          await tx.exec('CREATE TABLE b (id INTEGER PRIMARY KEY)');
          await tx.exec('INSERT INTO no_such_table VALUES (1)');
        },
      },
    ];
    // An archive at version 1: each migration is a transaction of its own.
    await migrate(db, { migrations: broken, target: 1 });
    await expect(migrate(db, { migrations: broken })).rejects.toMatchObject({
      code: 'ARCHIVE_ERROR',
      message: expect.stringMatching(/version 2 .*left at version 1/),
    });
    expect(await schemaVersion(db)).toBe(1);
    expect(await tableNames(db)).toEqual(['a']);
    await db.close();
  });

  it('give a new file its whole schema in one transaction: nothing at all when a migration fails', async () => {
    const db = await Database.open(freshFile());
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (tx) => tx.exec('CREATE TABLE a (id INTEGER PRIMARY KEY)') },
      { version: 2, name: 'fails', up: (tx) => tx.exec('INSERT INTO no_such_table VALUES (1)') },
    ];
    await expect(migrate(db, { migrations: broken })).rejects.toMatchObject({
      code: 'ARCHIVE_ERROR',
      message: expect.stringMatching(/version 2 .*left at version 0/),
    });
    expect(await schemaVersion(db)).toBe(0);
    expect(await tableNames(db)).toEqual([]);
    await db.close();
  });

  it('reject a migration that breaks foreign keys', async () => {
    const db = await Database.open(freshFile());
    const dangling: Migration[] = [
      {
        version: 1,
        name: 'dangling reference',
        up: async (tx) => {
          await tx.exec(
            'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER' +
              ' REFERENCES parent(id))',
          );
          await tx.exec('INSERT INTO child VALUES (42)');
        },
      },
    ];
    await expect(migrate(db, { migrations: dangling })).rejects.toThrow(/broken foreign key/);
    expect(await schemaVersion(db)).toBe(0);
    await db.close();
  });

  it('run the beforeMigrating hook once, before any change (backup point)', async () => {
    const db = await Database.open(freshFile());
    const seen: Array<[number, number, number]> = [];
    await migrate(db, { beforeMigrating: async (from, to) => void seen.push([from, to, await schemaVersion(db)]) });
    expect(seen).toEqual([[0, LATEST_SCHEMA_VERSION, 0]]);
    await db.close();
  });
});
