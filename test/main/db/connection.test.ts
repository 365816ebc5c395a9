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
});
