import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

describe('sql tag', () => {
  it('binds every value as a parameter, never as text', () => {
    const evil = "x'); DROP TABLE documents; --";
    const q = sql`SELECT * FROM documents WHERE title = ${evil} AND lang = ${'tl'}`;
    expect(q.text).toBe('SELECT * FROM documents WHERE title = ? AND lang = ?');
    expect(q.params).toEqual([evil, 'tl']);
  });

  it('nests fragments keeping their parameters in order', () => {
    const inner = sql`lang = ${'ru'}`;
    const q = sql`SELECT 1 WHERE a = ${1} AND ${inner} AND b = ${2}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND lang = ? AND b = ?');
    expect(q.params).toEqual([1, 'ru', 2]);
  });
});

describe('Database', () => {
  it('commits a transaction and rolls back a failed one entirely', async () => {
    const db = await Database.open(join(dir, 'tx.sqlite'));
    await db.exec('CREATE TABLE t (v TEXT NOT NULL)');
    await db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t VALUES (${'kept'})`);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO t VALUES (${'lost'})`);
        await tx.run(sql`INSERT INTO t VALUES (${null})`); // NOT NULL violation
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(await db.all(sql`SELECT v FROM t`)).toEqual([{ v: 'kept' }]);
    await db.close();
  });

  it('holds writes behind a gate and fails them with its error, while reads go on', async () => {
    const db = await Database.open(join(dir, 'gate.sqlite'));
    await db.exec('CREATE TABLE t (v TEXT)');
    let fail!: (err: Error) => void;
    db.gateWrites(new Promise((_resolve, reject) => (fail = reject)));
    const write = db.transaction((tx) => tx.run(sql`INSERT INTO t VALUES (${'x'})`));
    expect(await db.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 0 }]);
    fail(new Error('archive damaged'));
    await expect(write).rejects.toThrow('archive damaged');
    await expect(db.transaction((tx) => tx.run(sql`INSERT INTO t VALUES (${'y'})`))).rejects.toThrow('archive damaged');
    expect(await db.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 0 }]);
    await db.close();
  });

  it('serialises concurrent transactions instead of interleaving them', async () => {
    const db = await Database.open(join(dir, 'serial.sqlite'));
    await db.exec('CREATE TABLE t (n INTEGER)');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run(sql`INSERT INTO t VALUES (${i})`);
          await tx.run(sql`INSERT INTO t VALUES (${i})`);
        }),
      ),
    );
    const rows = await db.all<{ n: number }>(sql`SELECT n FROM t ORDER BY rowid`);
    const pairs = rows.map((r) => r.n);
    for (let i = 0; i < pairs.length; i += 2) expect(pairs[i]).toBe(pairs[i + 1]);
    await db.close();
  });

  it('reports slow queries with their SQL', async () => {
    const slow: string[] = [];
    const db = await Database.open(join(dir, 'slow.sqlite'), { onSlowQuery: (text) => slow.push(text) });
    await db.all(
      sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c`,
    );
    expect(slow.some((t) => t.includes('WITH RECURSIVE'))).toBe(true);
    await db.close();
  });

  it('adds the statement to error messages', async () => {
    const db = await Database.open(join(dir, 'err.sqlite'));
    await expect(db.all(sql`SELECT * FROM missing_table`)).rejects.toThrow(/in: SELECT \* FROM missing_table/);
    await db.close();
  });

  it("runs a started statement on SQLite's thread while this thread is busy, with its result and errors", async () => {
    const path = join(dir, 'started.sqlite');
    const db = await Database.open(path);
    await db.exec('CREATE TABLE t (v TEXT NOT NULL)');
    const walSize = () => statSync(`${path}-wal`).size;
    await db.transaction(async (tx) => {
      // A page cache of a few pages: the row's pages go to the WAL while the statement runs, before any COMMIT.
      await tx.exec('PRAGMA cache_size = 16');
      const before = walSize();
      const { done } = await tx.runStarted(sql`INSERT INTO t VALUES (${'x'.repeat(2_000_000)})`);
      // This thread never yields here: only SQLite's thread, running the statement, can grow the WAL meanwhile (a
      // run() issued here would wait for this thread to bind and start it).
      const giveUp = Date.now() + 10_000;
      while (walSize() === before && Date.now() < giveUp);
      expect(walSize()).toBeGreaterThan(before);
      expect((await done).changes).toBe(1);
      const failing = await tx.runStarted(sql`INSERT INTO t VALUES (${null})`);
      await expect(failing.done).rejects.toThrow(/NOT NULL.* -- in: INSERT INTO t/);
      await expect(tx.runStarted(sql`INSERT INTO missing VALUES (1)`)).rejects.toThrow(/no such table: missing/);
    });
    // Outside a unit of work: a statement of its own.
    expect((await (await db.runStarted(sql`INSERT INTO t VALUES (${'y'})`)).done).changes).toBe(1);
    expect(await db.all(sql`SELECT length(v) AS n FROM t ORDER BY n`)).toEqual([{ n: 1 }, { n: 2_000_000 }]);
    await db.close();
  });
});
