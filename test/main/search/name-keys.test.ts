import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { SearchEngine } from '../../../main/search/engine';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const utf8 = (s: string) => new TextEncoder().encode(s);

// Name variants of a query's words come from the name keys stored in the archive (search_name_keys), not from
// the whole vocabulary keyed in memory on the first query.
describe('name keys in the archive', () => {
  const file = join(dir, 'name-keys.sqlite');
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const archive = await Archive.open(file, { search: 'inline' });
    const add = async (key: string, text: string, lang: string) => {
      const outcome = await archive.documents.importFile({ name: `${key}.txt`, bytes: utf8(text), lang });
      if (outcome.status !== 'imported') throw new Error('not imported');
      ids[key] = outcome.document.id;
    };
    await add('tl', 'Muling nahalal si Bako Sahakyan bilang pangulo.', 'tl');
    await add('ru', 'Бако Саакяна поздравили с победой.', 'ru');
    await add('hy', 'Բակո Սահակյանը վերընտրվեց։', 'hy');
    await archive.close();
  });

  const docsOf = async (engine: SearchEngine, query: string) =>
    new Set((await engine.search({ query })).hits.map((h) => h.docId));

  it('a name is found in every script without loading the vocabulary', async () => {
    const engine = await SearchEngine.open(file);
    try {
      expect(await docsOf(engine, 'Sahakyan')).toEqual(new Set([ids.tl, ids.ru, ids.hy]));
      expect(await docsOf(engine, '"Бако Саакян"')).toEqual(new Set([ids.tl, ids.ru, ids.hy]));
      expect(engine.vocabularyLoaded).toBe(false);
    } finally {
      await engine.close();
    }
  });

  it('an archive indexed by an older analyzer gets the keys of its words at open', async () => {
    const db = await Database.open(file, { reader: false });
    await db.run(sql`DELETE FROM search_name_keys`);
    await db.run(sql`UPDATE search_state SET value = 1 WHERE key = 'analyzer_version'`);
    await db.close();
    const engine = await SearchEngine.open(file);
    try {
      expect(await docsOf(engine, 'Sahakyan')).toEqual(new Set([ids.tl, ids.ru, ids.hy]));
    } finally {
      await engine.close();
    }
  });

  it('a reindex rebuilds the keys', async () => {
    const engine = await SearchEngine.open(file);
    try {
      await engine.reindex();
      expect(await docsOf(engine, 'Սահակյան')).toEqual(new Set([ids.tl, ids.ru, ids.hy]));
    } finally {
      await engine.close();
    }
  });
});
