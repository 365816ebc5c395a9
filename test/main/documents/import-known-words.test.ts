// An import's commits write to the search vocabulary only the words no earlier commit wrote (the vocabulary is the
// same as before), and forget what they knew once the vocabulary was rebuilt (a reindex removes the words of
// deleted documents): such a word, imported again, is written again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { InlineParser } from '../../../main/ingest/parser';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
const text = (k: number, extra = '') =>
  Array.from({ length: 4 }, (_, i) => `Report ${k}, part ${i}: the bridge over the river ${extra}was opened.`).join(
    '\n\n',
  );

/** Every row offered to search_terms (written or ignored: a BEFORE trigger fires for both) and the words there. */
async function vocabulary(file: string): Promise<{ offers: number; terms: string[] }> {
  const db = await Database.open(file);
  try {
    const [{ n }] = await db.all<{ n: number }>(sql`SELECT n FROM test_offers`);
    return { offers: n, terms: await termsOf(db) };
  } finally {
    await db.close();
  }
}

async function termsOf(db: Database): Promise<string[]> {
  return (await db.all<{ term: string }>(sql`SELECT term FROM search_terms ORDER BY term`)).map((t) => t.term);
}

describe('the vocabulary written by import commits', () => {
  it('gets only the words no earlier commit wrote, and a word a rebuild removed again', async () => {
    const file = join(root, 'words.sqlite');
    await (await Archive.open(file, { search: 'inline', parser: new InlineParser() })).close();
    const setup = await Database.open(file);
    await setup.transaction(async (tx) => {
      await tx.exec('CREATE TABLE test_offers (n INTEGER NOT NULL); INSERT INTO test_offers VALUES (0)');
      await tx.exec(
        'CREATE TRIGGER test_offer BEFORE INSERT ON search_terms BEGIN UPDATE test_offers SET n = n + 1; END',
      );
    });
    await setup.close();

    const archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
    const importAll = (files: Array<[string, string]>) =>
      Promise.all(
        files.map(([name, body]) => archive.documents.importFile({ name, bytes: new TextEncoder().encode(body) })),
      );
    try {
      await importAll([1, 2, 3].map((k) => [`a${k}.txt`, text(k)]));
      const first = await vocabulary(file);
      expect(first.terms).toContain('bridge');
      // The same words and one new one: only the words not there yet are offered.
      const zebras = await importAll([4, 5].map((k) => [`b${k}.txt`, text(k, 'zebra ')]));
      const second = await vocabulary(file);
      expect(second.terms).toContain('zebra');
      expect(second.offers - first.offers).toBe(second.terms.length - first.terms.length);

      // The zebra documents deleted and the index rebuilt: "zebra" leaves the vocabulary, and comes back with a file.
      for (const outcome of zebras)
        if (outcome.status === 'imported') await archive.documents.delete(outcome.document.id);
      await archive.search.reindex();
      expect((await vocabulary(file)).terms).not.toContain('zebra');
      await importAll([['c6.txt', text(6, 'zebra ')]]);
      expect((await vocabulary(file)).terms).toContain('zebra');
    } finally {
      await archive.close();
    }
  });

  it('forgets what it knew when a backup replaced the archive (its vocabulary may lack those words)', async () => {
    const file = join(root, 'restored.sqlite');
    const archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
    const importOne = (name: string, body: string) =>
      archive.documents.importFile({ name, bytes: new TextEncoder().encode(body) });
    const terms = async () => {
      const db = await Database.open(file);
      return termsOf(db).finally(() => db.close());
    };
    try {
      await importOne('a1.txt', text(1));
      const before = await archive.backups.create('manual');
      await importOne('b2.txt', text(2, 'okapi '));
      expect(await terms()).toContain('okapi');

      // The backup has no "okapi" and the same vocabulary epoch (no rebuild in between): a file bringing the word
      // back must write it again, or the vocabulary (prefixes, fuzzy matches, names) never learns it.
      await archive.backups.restore(before.file);
      expect(await terms()).not.toContain('okapi');
      await importOne('c3.txt', text(3, 'okapi '));
      expect(await terms()).toContain('okapi');
    } finally {
      await archive.close();
    }
  });
});
