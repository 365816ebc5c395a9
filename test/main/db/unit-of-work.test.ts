// The writer path on real SQLite files: a unit of work is isolated from every other caller — reads outside it
// see only committed data (on the read-only connection every writable file gets by default), and statements
// from outside wait for it instead of running inside it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;

async function freshDb(options: { reader?: boolean } = {}): Promise<Database> {
  const db = await Database.open(join(dir, `uow-${n++}.sqlite`), options);
  await db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
  await db.run(sql`INSERT INTO items (name) VALUES (${'kept'})`);
  return db;
}

const names = async (db: Database) =>
  (await db.all<{ name: string }>(sql`SELECT name FROM items ORDER BY id`)).map((r) => r.name);

/** A promise and the function that settles it: lets a test hold a transaction open at a chosen point. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('unit of work on the writing connection', () => {
  it("a read during another caller's open transaction sees only committed data (reader, on by default)", async () => {
    const db = await freshDb();
    const deleted = latch();
    const release = latch();
    const tx = db.transaction(async (t) => {
      await t.run(sql`DELETE FROM items`);
      await t.run(sql`INSERT INTO items (name) VALUES (${'uncommitted'})`);
      expect(await names(t)).toEqual(['uncommitted']); // the unit of work sees its own changes
      deleted.open();
      await release.promise; // held open until the outside read has answered
    });
    await deleted.promise;
    expect(await names(db)).toEqual(['kept']); // answered while the transaction is still open
    release.open();
    await tx;
    expect(await names(db)).toEqual(['uncommitted']);
    await db.close();
  });

  it('without a reader connection, an outside read waits for the transaction instead of seeing inside it', async () => {
    const db = await freshDb({ reader: false });
    const deleted = latch();
    const tx = db.transaction(async (t) => {
      await t.run(sql`DELETE FROM items`);
      deleted.open();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('changed my mind');
    });
    await deleted.promise;
    const read = names(db); // issued while the DELETE is uncommitted
    await expect(tx).rejects.toThrow('changed my mind');
    expect(await read).toEqual(['kept']);
    await db.close();
  });

  it('a write issued during a transaction that then rolls back is neither lost nor reported falsely', async () => {
    const db = await freshDb();
    const inserted = latch();
    const release = latch();
    const tx = db.transaction(async (t) => {
      await t.run(sql`INSERT INTO items (name) VALUES (${'rolled back'})`);
      inserted.open();
      await release.promise;
      throw new Error('fault');
    });
    await inserted.promise;
    let settled = false;
    const outside = db.run(sql`INSERT INTO items (name) VALUES (${'outside'})`);
    void outside.then(() => (settled = true));
    // Meanwhile a read answers from committed data, and the outside write has not been acknowledged.
    expect(await names(db)).toEqual(['kept']);
    expect(settled).toBe(false);
    release.open();
    await expect(tx).rejects.toThrow('fault');
    await expect(outside).resolves.toMatchObject({ changes: 1 });
    expect(await names(db)).toEqual(['kept', 'outside']);
    await db.close();
  });

  it("a failing write issued during a transaction is reported, and does not undo the transaction's work", async () => {
    const db = await freshDb();
    const inserted = latch();
    const tx = db.transaction(async (t) => {
      await t.run(sql`INSERT INTO items (name) VALUES (${'committed'})`);
      inserted.open();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await inserted.promise;
    const duplicate = db.run(sql`INSERT INTO items (name) VALUES (${'kept'})`);
    await tx;
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    expect(await names(db)).toEqual(['kept', 'committed']);
    await db.close();
  });

  it('a transaction started inside a unit of work joins it: the whole action commits or rolls back', async () => {
    const db = await freshDb();
    await expect(
      db.transaction(async () => {
        await db.transaction((t) => t.run(sql`INSERT INTO items (name) VALUES (${'step 1'})`));
        await db.run(sql`INSERT INTO items (name) VALUES (${'step 2'})`);
        expect(await names(db)).toEqual(['kept', 'step 1', 'step 2']);
        throw new Error('step 3 failed');
      }),
    ).rejects.toThrow('step 3 failed');
    expect(await names(db)).toEqual(['kept']);
    await db.close();
  });

  it('work left running after a unit of work ends queues like any other caller', async () => {
    const db = await freshDb();
    let late: Promise<unknown> = Promise.resolve();
    const blocker = latch();
    await db.transaction(async () => {
      late = (async () => {
        await blocker.promise;
        return db.run(sql`INSERT INTO items (name) VALUES (${'late'})`);
      })();
    });
    const other = db.transaction(async (t) => {
      blocker.open();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await t.run(sql`INSERT INTO items (name) VALUES (${'other'})`);
      throw new Error('rolled back');
    });
    await expect(other).rejects.toThrow('rolled back');
    await late;
    expect(await names(db)).toEqual(['kept', 'late']);
    await db.close();
  });

  it('reads your own writes: a read issued after a write or a transaction was acknowledged sees it', async () => {
    const db = await freshDb();
    for (let i = 0; i < 20; i++) {
      await db.run(sql`INSERT INTO items (name) VALUES (${`run ${i}`})`);
      expect(await db.get(sql`SELECT count(*) AS n FROM items`)).toEqual({ n: 2 + 2 * i });
      await db.transaction((t) => t.run(sql`INSERT INTO items (name) VALUES (${`tx ${i}`})`));
      expect(await db.get(sql`SELECT count(*) AS n FROM items`)).toEqual({ n: 3 + 2 * i });
    }
    await db.close();
  });

  it('many reads beside many writes: no SQLITE_BUSY, every read a committed state, every write kept', async () => {
    const db = await freshDb();
    await db.exec('CREATE TABLE counter (n INTEGER NOT NULL)');
    await db.run(sql`INSERT INTO counter (n) VALUES (0)`);
    const seen: number[] = [];
    const writes = Array.from({ length: 60 }, () =>
      db.transaction(async (t) => {
        // Two steps: a read between them would see an odd number (half a unit of work).
        await t.run(sql`UPDATE counter SET n = n + 1`);
        await t.run(sql`UPDATE counter SET n = n + 1`);
      }),
    );
    const reads = (async () => {
      for (let i = 0; i < 200; i++) {
        seen.push((await db.get<{ n: number }>(sql`SELECT n FROM counter`))!.n);
        if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([...writes, reads]);
    expect(seen.every((n) => n % 2 === 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes back in time
    expect(await db.get(sql`SELECT n FROM counter`)).toEqual({ n: 120 });
    await db.close();
  });

  it('the reader keeps no snapshot open: a checkpoint after reads empties the WAL', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await db.run(sql`INSERT INTO items (name) VALUES (${`row ${i}`})`);
    expect(await names(db)).toHaveLength(6);
    await db.get(sql`SELECT name FROM items LIMIT 1`);
    const [result] = await db.exclusive(() =>
      db.all<{ busy: number; log: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`),
    );
    expect(result).toMatchObject({ busy: 0, log: 0 });
    await db.close();
  });

  it('a connection that must be the only one (reader: false) can leave WAL mode', async () => {
    const db = await freshDb({ reader: false });
    expect(await db.get(sql`PRAGMA journal_mode = DELETE`)).toEqual({ journal_mode: 'delete' });
    await db.close();
    const shared = await freshDb();
    expect(await names(shared)).toEqual(['kept']); // the reader has the file open in WAL mode
    // With its reader open the file stays in WAL mode: the switch is refused, not silently half-done.
    await expect(shared.exec('PRAGMA journal_mode = DELETE')).rejects.toThrow(
      /Another program has been writing to the archive/,
    );
    await shared.close();
  });

  it('background steps (inSteps): each its own transaction, writes between them, a busy lock waited for', async () => {
    const file = join(dir, `uow-${n++}.sqlite`);
    const db = await Database.open(file, { busyTimeoutMs: 20 });
    await db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const events: string[] = [];
    let written: Promise<void> | undefined;
    let step = 0;
    const done = db.inSteps(
      async (tx) => {
        step++;
        await tx.run(sql`INSERT INTO items (name) VALUES (${`step ${step}`})`);
        events.push(`step ${step}`);
        // A write asked for during the first step waits for that step only.
        if (step === 1)
          written = db.run(sql`INSERT INTO items (name) VALUES ('write')`).then(() => void events.push('write'));
        return step < 3;
      },
      { pauseMs: 1 },
    );
    expect(await done).toBe(true);
    await written;
    expect(events).toEqual(['step 1', 'write', 'step 2', 'step 3']);
    expect(await names(db)).toEqual(['step 1', 'write', 'step 2', 'step 3']);

    // Another connection holds the write lock: the step is refused (busy), tried again, and runs once it is free.
    const other = await Database.open(file, { reader: false });
    const holding = latch();
    const began = latch();
    const held = other.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO items (name) VALUES ('other')`);
      began.open();
      await holding.promise;
    });
    await began.promise;
    const order: string[] = [];
    const waited = db.inSteps(
      async (tx) => {
        await tx.run(sql`INSERT INTO items (name) VALUES ('after the lock')`);
        order.push('step');
        return false;
      },
      { pauseMs: 5 },
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few refused tries (not a timing assertion)
    order.push('released');
    holding.open();
    await held;
    expect(await waited).toBe(true);
    expect(order).toEqual(['released', 'step']);
    expect((await names(db)).slice(-2)).toEqual(['other', 'after the lock']);
    await other.close();

    // Closed, or read-only: no step runs.
    await db.close();
    let ran = false;
    expect(await db.inSteps(async () => (ran = true))).toBe(false);
    const readOnly = await Database.open(file, { readOnly: true, readOnlyReason: 'a test' });
    expect(await readOnly.inSteps(async () => (ran = true))).toBe(false);
    await readOnly.close();
    expect(ran).toBe(false);
  });
});
