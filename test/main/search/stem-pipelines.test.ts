import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openKeyedArchive } from '../../helpers/keyed-archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

// A word is stemmed only under the pipelines of the languages whose documents hold it: "mataki" in a Fijian text
// is not also looked for as Turkish "ma" (the Turkish stem of "mataki") in every language. A form no document
// holds as typed is stemmed under every pipeline, as before.
describe('stems only under the pipelines of the languages that hold the word', () => {
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'stem-pipelines', [
      ['fj', 'Na tamata kece era sucu ena galala ka tautauvata ena nodra mataki kei na nodra dodonu.', 'fj'],
      ['tr', 'Bu ma ve şu ma burada.', 'tr'],
      ['pl', 'Ma kot ma psa.', 'pl'],
      ['en', 'Everyone runs and has run to the polling station.', 'en'],
      ['es', 'La persona corre.', 'es'],
      ['tl', 'Tumatakbo ang persona sa halalan.', 'tl'],
    ]));
  });
  afterAll(() => archive.close());

  const docsOf = async (query: string) => new Set((await archive.search.query(query)).hits.map((h) => h.docId));

  it('a word held only by an unstemmed language is looked for as written', async () => {
    expect(await docsOf('mataki')).toEqual(new Set([ids.fj]));
    const stems = (await archive.search.query('mataki')).expansions.filter((e) => e.kind === 'stem');
    expect(stems).toEqual([]);
  });

  it('a form no document holds is stemmed under every pipeline', async () => {
    // "running" is in no document: the English stem "run" finds "runs" and "run".
    expect(await docsOf('running')).toEqual(new Set([ids.en]));
  });

  it('a word held by a stemming language is stemmed under that language', async () => {
    // "runs" is held by the English document: its stem finds the same document ("run").
    expect(await docsOf('runs')).toEqual(new Set([ids.en]));
    // "persona" is held by the Spanish and the Tagalog document.
    expect(await docsOf('persona')).toEqual(new Set([ids.es, ids.tl]));
  });

  it('with word forms off nothing is stemmed', async () => {
    const r = await archive.search.query({ query: 'running', stems: false });
    expect(r.total).toBe(0);
  });
});
