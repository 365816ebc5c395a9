// Reads of several statements see ONE snapshot: while a writer commits again and again on the same archive file,
// a read in Database.read() (the raw connection) and a document read (its row, then its passages) never mix the
// state before a commit with the state after it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { InlineParser } from '../../../main/ingest/parser';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

/** Runs `write` over and over and `read` over and over until `commits` writes have landed; returns the reads. */
async function whileWriting(
  commits: number,
  write: (i: number) => Promise<unknown>,
  read: () => Promise<void>,
): Promise<number> {
  let landed = 0;
  let reads = 0;
  const writer = (async () => {
    while (landed < commits) {
      await write(landed + 1);
      landed++;
    }
  })();
  const reader = (async () => {
    while (landed < commits) {
      await read();
      reads++;
    }
  })();
  await Promise.all([writer, reader]);
  return reads;
}

describe('Database.read', () => {
  it('gives every statement of a read the same snapshot while another caller commits', async () => {
    const db = await Database.open(join(dir, 'pair.sqlite'));
    await db.exec("CREATE TABLE pair (name TEXT PRIMARY KEY, n INTEGER); INSERT INTO pair VALUES ('a', 0), ('b', 0)");
    const torn: Array<[number, number]> = [];
    const commits = 200;
    const reads = await whileWriting(
      commits,
      (i) =>
        db.transaction(async (tx) => {
          await tx.run(sql`UPDATE pair SET n = ${i} WHERE name = 'a'`);
          await tx.run(sql`UPDATE pair SET n = ${i} WHERE name = 'b'`);
        }),
      async () => {
        const [a, b] = await db.read(async (rd) => {
          const first = await rd.get<{ n: number }>(sql`SELECT n FROM pair WHERE name = 'a'`);
          // A turn of the event loop between the statements, as in any service read.
          await new Promise((resolve) => setImmediate(resolve));
          const second = await rd.get<{ n: number }>(sql`SELECT n FROM pair WHERE name = 'b'`);
          return [first!.n, second!.n];
        });
        if (a !== b) torn.push([a, b]);
      },
    );
    expect(reads).toBeGreaterThan(commits / 2);
    expect(torn).toEqual([]);
    // Reads nest (an inner read joins the outer snapshot) and a read inside a unit of work sees its changes.
    const nested = await db.read(() => db.read(() => db.get<{ n: number }>(sql`SELECT n FROM pair WHERE name = 'a'`)));
    expect(nested?.n).toBe(commits);
    const own = await db.transaction(async (tx) => {
      await tx.run(sql`UPDATE pair SET n = -1 WHERE name = 'a'`);
      return db.read(() => db.get<{ n: number }>(sql`SELECT n FROM pair WHERE name = 'a'`));
    });
    expect(own?.n).toBe(-1);
    // A failing read ends its snapshot: the next read sees the latest commit.
    await expect(db.read(() => db.get(sql`SELECT nope FROM pair`))).rejects.toThrow(/no such column/);
    expect((await db.read(() => db.get<{ n: number }>(sql`SELECT n FROM pair WHERE name = 'a'`)))?.n).toBe(-1);
    await db.close();
  }, 60_000);
});

describe('document reads', () => {
  it('never mix a document row with passages from another commit while its passages are edited', async () => {
    const archive = await Archive.open(join(dir, 'doc.sqlite'), { search: 'inline', parser: new InlineParser() });
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Talata ${i}: ang halalan ay ginanap noong Hulyo 19.`);
    const outcome = await archive.documents.importFile({
      name: 'ulat.txt',
      bytes: new TextEncoder().encode(paragraphs.join('\n\n')),
    });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const id = outcome.document.id;
    const problems: string[] = [];
    const reads = await whileWriting(
      25,
      async (i) => {
        const doc = await archive.documents.get(id);
        // Every edit changes the length of the text, so the offsets of every later passage move.
        const passage = doc.passages[i % 3];
        await archive.documents.editPassage(id, passage.id, `${'Binago '.repeat(1 + (i % 5))}talata ${i}.`);
      },
      async () => {
        const doc = await archive.documents.get(id);
        for (const p of doc.passages) {
          if (doc.text.slice(p.start, p.end) !== p.text) problems.push(`passage ${p.ordinal} does not match the text`);
        }
      },
    );
    expect(reads).toBeGreaterThan(25);
    expect([...new Set(problems)]).toEqual([]);
    await archive.close();
  }, 120_000);
});
