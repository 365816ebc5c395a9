// F5: a reindex killed part-way leaves every document searchable, searches say how many documents are not
// up to date (`pending`), and a later run catches up fully.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { archiveFileIn } from '../../../main/archive/paths';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { tala } from '../../helpers/cli';
import { fillLibrary } from '../../helpers/library-fill';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

const root = tempDir();
const CHILD = join(REPO_ROOT, 'test', 'helpers', 'reindex-child.ts');
const COUNT = 1000;

/** Runs a reindex in a child process and SIGKILLs it once its first batch is committed. */
function killedReindex(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let done = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/PROGRESS (\d+) (\d+)/g)) {
        done = Number(m[1]);
        if (done > 0) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(done) : reject(new Error(`reindex child exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

/** "Talata N" is in the text of generated document N only. */
async function phraseOf(file: string, id: string): Promise<string> {
  const db = await Database.open(file, { reader: false });
  try {
    const row = await db.get<{ text: string }>(sql`SELECT text FROM documents WHERE id = ${id}`);
    return `"${/Talata \d+/.exec(row!.text)![0]}"`;
  } finally {
    await db.close();
  }
}

describe('a reindex killed part-way (F5)', () => {
  it('keeps every document searchable, reports the ones not redone as pending; a later run catches up', async () => {
    const dir = join(root, 'kill');
    const file = archiveFileIn(dir);
    await (await openArchiveDir(dir)).close();
    await fillLibrary(file, COUNT);
    const first = await Archive.open(file, { search: 'inline' });
    await first.search.reindex();
    await first.close();

    const doneWhenKilled = await killedReindex(file);
    expect(doneWhenKilled).toBeGreaterThan(0);
    expect(doneWhenKilled).toBeLessThan(COUNT);

    // Documents the killed run had not redone yet are still found (their rows of the old index), and the
    // answer says how many documents are not up to date.
    const db = await Database.open(file, { reader: false });
    const notRedone = await db.all<{ document_id: string }>(sql`SELECT document_id FROM search_dirty LIMIT 3`);
    await db.close();
    expect(notRedone.length).toBe(3);
    for (const { document_id } of notRedone) {
      const found = await tala('--archive', dir, 'search', await phraseOf(file, document_id), '--json');
      expect(found.code).toBe(0);
      const answer = JSON.parse(found.out) as { total: number; hits: Array<{ docId: string }>; pending: number };
      expect(answer.hits.map((h) => h.docId)).toEqual([document_id]);
      expect(answer.pending).toBeGreaterThan(0);
    }
    const text = await tala('--archive', dir, 'search', 'halalan', '--limit', '1');
    expect(text.out).toMatch(/note: the index is catching up: \d+ documents are not indexed as they are now/);

    // A later reindex finishes the job: nothing pending, every document found by its own phrase.
    expect((await tala('--archive', dir, 'reindex')).code).toBe(0);
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      expect(await archive.search.status()).toMatchObject({ pendingDocuments: 0, indexedPassages: COUNT });
      for (const { document_id } of notRedone) {
        const result = await archive.search.query(await phraseOf(file, document_id));
        expect(result.hits.map((h) => h.docId)).toEqual([document_id]);
        expect(result.pendingDocuments).toBe(0);
      }
    } finally {
      await archive.close();
    }
  }, 180_000);
});
