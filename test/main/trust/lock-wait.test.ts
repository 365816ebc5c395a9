// F4: another process holding the archive's write lock (a command-line import) makes our writes wait their
// turn instead of failing; a search answers meanwhile; a write that cannot wait says so in a sentence.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { Archive } from '../../../main/archive/archive';
import { progressLine } from '../../../main/cli/format';
import { Database } from '../../../main/db/connection';
import { importPaths } from '../../../main/documents/bulk-import';
import { sql } from '../../../main/db/sql';
import type { ImportOutcome, SearchResult } from '../../../shared/types';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

const root = tempDir();
const utf8 = (s: string) => new TextEncoder().encode(s);
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/**
 * A second process that takes the write lock (BEGIN IMMEDIATE, one row written) and keeps it for `ms`:
 * what a long `tala import` does. Resolves once the lock is held; `done` settles when it committed.
 */
async function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1]);
    db.exec("PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE; INSERT INTO settings (key, value, updated_at) " +
      "VALUES ('lock-holder', '1', '2026-01-01') ON CONFLICT (key) DO UPDATE SET value = value + 1", (err) => {
      if (err) { console.error(err.message); process.exit(3); }
      process.stdout.write('locked\\n');
      setTimeout(() => db.exec('COMMIT', (e) => { db.close(); process.exit(e ? 4 : 0); }), Number(process.argv[2]));
    });`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: REPO_ROOT });
  children.push(child);
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))),
  );
  done.catch(() => undefined); // awaited by the tests that wait for it
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code} before locking`)));
  });
  return { done };
}

describe('another process writing to the archive (F4)', () => {
  it('bridge annotations, imports and searches wait for it (longer than busy_timeout) and succeed', async () => {
    const file = join(root, 'shared.sqlite');
    const archive = await Archive.open(file);
    try {
      const session = createApi(archive, 'bridge');
      const first = await dispatch(session, 'documents.import', {
        name: 'ulat.txt',
        data: utf8('Ulat ng halalan\n\nNanalo si Bako Sahakyan sa halalan noong 2007.'),
      });
      expect(first.ok).toBe(true);
      const doc = (first as { value: ImportOutcome & { status: 'imported' } }).value.document;
      // An edit leaves the document to be re-indexed by the next search (a write that search wants to make).
      expect((await dispatch(session, 'documents.updateMeta', { id: doc.id, title: 'Ulat ng halalan 2007' })).ok).toBe(
        true,
      );

      const lock = await holdWriteLock(file, 6500);
      const started = performance.now();
      const [annotation, imported, search] = await Promise.all([
        dispatch(session, 'annotations.create', { docId: doc.id, start: 0, end: 4, note: 'habang naghihintay' }),
        dispatch(session, 'documents.import', {
          name: 'pangalawa.txt',
          data: utf8('Pangalawang ulat tungkol sa Shushi.'),
        }),
        dispatch(session, 'search.query', { query: 'Sahakyan' }),
      ]);
      const waited = performance.now() - started;
      await lock.done;

      expect(annotation).toMatchObject({ ok: true, value: { note: 'habang naghihintay' } });
      expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } });
      expect(search.ok).toBe(true);
      const result = (search as { value: SearchResult }).value;
      expect(result.total).toBe(1);
      expect(waited).toBeGreaterThan(6000); // the writes really waited for the other process
      // Once the other process is done, the search catches up: the edited title is found.
      const after = await dispatch(session, 'search.query', { query: 'title:2007' });
      expect(after).toMatchObject({ ok: true, value: { totalDocuments: 1, pendingDocuments: 0 } });
    } finally {
      await archive.close();
    }
  }, 30_000);

  it('a folder import waits with a progress line saying why, then imports', async () => {
    const file = join(root, 'progress.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      const dir = join(root, 'folder');
      mkdirSync(dir);
      writeFileSync(join(dir, 'isa.txt'), 'Unang ulat tungkol sa Stepanakert.');
      const lines: string[] = [];
      const lock = await holdWriteLock(file, 6500);
      const summary = await importPaths(archive.documents, [dir], { onProgress: (p) => lines.push(progressLine(p)) });
      await lock.done;
      expect(summary.imported).toHaveLength(1);
      expect(lines).toContain('[1/1] 0% isa.txt — waiting for another program writing to the archive…');
      expect(lines[lines.length - 1]).toBe('[1/1] 100% done');
    } finally {
      await archive.close();
    }
  }, 30_000);

  it('a write that cannot wait long enough fails with a sentence naming the archive, never SQLITE_BUSY', async () => {
    const file = join(root, 'short.sqlite');
    await (await Archive.open(file)).close();
    const db = await Database.open(file, { lockWaitMs: 500, busyTimeoutMs: 50 });
    const waits: boolean[] = [];
    db.onLockWait((waiting) => waits.push(waiting));
    try {
      const lock = await holdWriteLock(file, 1500);
      const failed = await db
        .transaction((tx) => tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')`))
        .then(
          () => null,
          (err: Error) => err,
        );
      expect(failed).toBeInstanceOf(Error);
      expect(failed!.message).toContain(`Another program has been writing to the archive ${file}`);
      expect(failed!.message).not.toMatch(/SQLITE|locked/);
      expect(waits).toEqual([true, false]);
      await lock.done;
      // Once the lock is free the same write goes through.
      await db.transaction((tx) => tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')`));
    } finally {
      await db.close();
    }
  });
});
