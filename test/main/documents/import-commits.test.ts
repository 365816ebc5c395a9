// Group commit of imports on a real archive file: files ready together share a commit, yet each stays all or
// nothing (a failing file is rolled back alone, the others commit), is acknowledged only once committed, and a
// cancel writes nothing whose commit had not started.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { ImportCancelled, ImportCommits } from '../../../main/documents/import-commits';
import { InlineParser } from '../../../main/ingest/parser';
import type { ImportOutcome } from '../../../shared/types';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);
const skipped = (key: string): ImportOutcome => ({ status: 'skipped', reason: key, existingId: key });

async function migratedDb(): Promise<{ db: Database; file: string }> {
  const file = join(root, `c-${n++}.sqlite`);
  await (await Archive.open(file, { search: 'inline', parser: new InlineParser() })).close();
  return { db: await Database.open(file), file };
}

const setting = (tx: Database, key: string) =>
  tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, '1', '2026-01-01')`);

describe('import group commit', () => {
  it('rolls back only the failing file of a group; the others commit and are durable when acknowledged', async () => {
    const { db, file } = await migratedDb();
    const commits = new ImportCommits(db);
    const other = await Database.open(file, { readOnly: true });
    const seen = async (key: string) => Boolean(await other.get(sql`SELECT 1 FROM settings WHERE key = ${key}`));
    const acknowledged: string[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'bad', 'c', 'd'].map((key) =>
        commits
          .submit(async (tx) => {
            await setting(tx, key);
            if (key === 'bad') await setting(tx, 'a'); // a constraint failure after its first write
            return skipped(key);
          })
          .then(async (outcome) => {
            // Committed before it is acknowledged: another connection sees it already.
            expect(await seen(key)).toBe(true);
            acknowledged.push(key);
            return outcome;
          }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(acknowledged.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await seen('bad')).toBe(false); // nothing of the failing file
    await other.close();
    await db.close();
  });

  it('a cancel stops files whose commit has not started', async () => {
    const { db } = await migratedDb();
    const commits = new ImportCommits(db);
    const controller = new AbortController();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first group is being written while the next files wait; then the import is cancelled.
    const first = commits.submit(async (tx) => {
      await held;
      await setting(tx, 'first');
      return skipped('first');
    }, controller.signal);
    const later = ['x', 'y'].map((key) =>
      commits.submit(async (tx) => {
        await setting(tx, key);
        return skipped(key);
      }, controller.signal),
    );
    controller.abort();
    release();
    await expect(first).resolves.toMatchObject({ existingId: 'first' });
    for (const p of later) await expect(p).rejects.toBeInstanceOf(ImportCancelled);
    const keys = await db.all<{ key: string }>(sql`SELECT key FROM settings WHERE key IN ('first', 'x', 'y')`);
    expect(keys.map((k) => k.key)).toEqual(['first']);
    await db.close();
  });

  it('imports submitted together through the service are each searchable and whole', async () => {
    const archive = await Archive.open(join(root, `s-${n++}.sqlite`), {
      search: 'inline',
      parser: new InlineParser(),
    });
    const texts = Array.from({ length: 8 }, (_, i) => `Ulat ${i}\n\nAng halalan bilang${i} ay ginanap noong 2012.`);
    const outcomes = await Promise.all(
      texts.map((t, i) => archive.documents.importFile({ name: `u-${i}.txt`, bytes: utf8(t) })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(texts.map(() => 'imported'));
    for (let i = 0; i < texts.length; i++) {
      const found = await archive.search.query(`bilang${i}`);
      expect(found.hits.map((h) => h.docId)).toEqual([
        (outcomes[i] as Extract<ImportOutcome, { status: 'imported' }>).document.id,
      ]);
    }
    await archive.close();
  });
});
