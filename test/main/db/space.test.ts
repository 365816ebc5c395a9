// Space freed by deletes goes back to the file system (incremental auto-vacuum), on real archive files.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

/** Distinct generated Tagalog-looking prose (~30 KB), so no two files are duplicates of each other. */
function text(seed: number): string {
  const words = ['halalan', 'bayan', 'pamahalaan', 'ulat', 'balita', 'lungsod', 'tao', 'araw', 'gabi', 'dagat'];
  let x = seed * 7919 + 1;
  const next = () => ((x = (x * 48271) % 2147483647), x);
  const paragraphs: string[] = [`Ulat ${seed}`];
  while (paragraphs.join('\n\n').length < 30_000) {
    const sentence = Array.from({ length: 12 }, () => words[next() % words.length]).join(' ');
    paragraphs.push(`${sentence[0].toUpperCase()}${sentence.slice(1)} ${next()}. ${sentence} ${seed}.`);
  }
  return paragraphs.join('\n\n');
}

async function importSome(archive: Archive, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await archive.documents.importFile({
      name: `ulat-${i}.txt`,
      bytes: new TextEncoder().encode(text(i)),
      lang: 'tl',
    });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    ids.push(outcome.document.id);
  }
  return ids;
}

/** A file made as archives were before incremental auto-vacuum: auto_vacuum off. */
async function oldStyleFile(file: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.exec('PRAGMA auto_vacuum = NONE; CREATE TABLE t (x); DROP TABLE t;', (e) =>
        db.close(() => (e ? reject(e) : resolve())),
      );
    });
  });
}

describe('space freed by deletes', () => {
  it('a new archive returns the space of deleted documents: the file shrinks', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    let archive = await Archive.open(file, { search: 'inline' });
    expect((await archive.space()).autoVacuum).toBe('incremental');
    const ids = await importSome(archive, 40);
    await archive.close();
    const full = statSync(file).size;

    archive = await Archive.open(file, { search: 'inline' });
    for (const id of ids.slice(0, 20)) await archive.documents.delete(id);
    await archive.reclaimFreePages();
    expect((await archive.space()).freeBytes).toBe(0);
    // What is left reads as before.
    const kept = await archive.documents.get(ids[30]);
    expect(kept.text).toBe(text(30));
    await archive.close();
    const after = statSync(file).size;
    expect(after).toBeLessThan(full * 0.7);
  });

  it('returns pages freed after a running reclaim last looked at the free list', async () => {
    const db = await Database.open(join(tempDir(), 'pages.sqlite'));
    try {
      await db.exec('CREATE TABLE t (b BLOB)');
      await db.transaction(async (tx) => {
        for (let i = 0; i < 200; i++) await tx.run(sql`INSERT INTO t (b) VALUES (randomblob(4000))`);
      });
      // Hold the writer so the reclaim's look at the free list queues up behind us, and the delete behind it.
      let release = () => {};
      const held = db.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
      const first = db.reclaimFreePages(); // nothing is free yet: it will find an empty free list
      await new Promise((resolve) => setTimeout(resolve, 500)); // its pause is 20 ms
      const deleted = db.run(sql`DELETE FROM t`);
      release();
      await held;
      await deleted;
      // The delete committed after the look that found nothing; asking again must not just join that reclaim.
      await db.reclaimFreePages();
      await first;
      expect((await db.get<{ n: number }>(sql`SELECT freelist_count AS n FROM pragma_freelist_count`))?.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('with nothing free, a reclaim writes nothing: no checkpoint (left to SQLite and the close)', async () => {
    const file = join(tempDir(), 'pages.sqlite');
    const db = await Database.open(file);
    try {
      await db.exec('CREATE TABLE t (b BLOB)');
      await db.transaction(async (tx) => {
        for (let i = 0; i < 100; i++) await tx.run(sql`INSERT INTO t (b) VALUES (randomblob(4000))`);
      });
      // The rows are in the WAL only; a checkpoint would copy them into the file.
      const before = statSync(file).size;
      expect(before).toBeLessThan(100 * 4000);
      await db.reclaimFreePages();
      expect(statSync(file).size).toBe(before);
      expect((await db.get<{ n: number }>(sql`SELECT freelist_count AS n FROM pragma_freelist_count`))?.n).toBe(0);
    } finally {
      await db.close();
    }
    expect(statSync(file).size).toBeGreaterThan(100 * 4000); // checkpointed at close
  });

  it('an archive made with auto-vacuum off gets it at open while small, and keeps it off when large', async () => {
    const small = join(tempDir(), 'archive.sqlite');
    await oldStyleFile(small);
    let archive = await Archive.open(small, { search: 'inline' });
    expect((await archive.space()).autoVacuum).toBe('incremental');
    await archive.close();

    const large = join(tempDir(), 'archive.sqlite');
    await oldStyleFile(large);
    archive = await Archive.open(large, { search: 'inline', autoVacuumConvertMaxBytes: 0 });
    expect((await archive.space()).autoVacuum).toBe('none');
    const ids = await importSome(archive, 10);
    for (const id of ids.slice(0, 5)) await archive.documents.delete(id);
    await archive.reclaimFreePages(); // nothing to do without auto-vacuum: the pages stay free for reuse
    expect((await archive.space()).freeBytes).toBeGreaterThan(0);
    // Health says so (the desktop's banner, `tala health`).
    expect((await archive.backups.health()).warnings.join(' ')).toMatch(/MB is space freed by deletes that the file/);
    await archive.close();
    // The next open of a small enough archive converts it, and the free pages go.
    archive = await Archive.open(large, { search: 'inline' });
    expect(await archive.space()).toMatchObject({ autoVacuum: 'incremental', freeBytes: 0 });
    expect((await archive.documents.get(ids[7])).text).toBe(text(7));
    await archive.close();
  });
});
