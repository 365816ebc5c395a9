// A new archive's search index is stamped with this analyzer's version when its schema is made: documents an
// import indexed before any search engine opened the file (`tala import` into a new archive) are not re-indexed
// by the first search.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { ANALYZER_VERSION } from '../../../main/search/indexer';
import { tempDir } from '../../helpers/temp';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a new archive and the analyzer version', () => {
  it('keeps what the import indexed: nothing is pending when the first search engine opens it', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    let archive = await Archive.open(file, { search: 'inline' });
    for (let i = 0; i < 3; i++) {
      const outcome = await archive.documents.importFile({
        name: `ulat-${i}.txt`,
        bytes: utf8(`Ulat ${i}. Si Bako Sahakyan ay nanalo sa halalan ng ${2010 + i}.`),
        lang: 'tl',
      });
      expect(outcome.status).toBe('imported');
    }
    await archive.close();

    const db = await Database.open(file, { readOnly: true });
    const state = await db.get<{ value: number }>(sql`SELECT value FROM search_state WHERE key = 'analyzer_version'`);
    await db.close();
    expect(state?.value).toBe(ANALYZER_VERSION);

    archive = await Archive.open(file, { search: 'inline' });
    try {
      expect((await archive.search.query('Sahakyan')).total).toBe(3);
      expect(await archive.search.status()).toMatchObject({ pendingDocuments: 0, indexedPassages: 3 });
    } finally {
      await archive.close();
    }
  });
});
