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

// A stem is searched bare (as a word) only where the documents of the language that made it hold it as a word:
// Turkish "böyle" stems to "bo", which is no Turkish word here but a word of other languages (Yoruba, Fon…): those
// passages are not what "böyle" asks for. The stem's own language keeps it: English "running" → "run" still finds
// a passage that says only "run".
describe('a stem is searched bare only where its language holds it as a word', () => {
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'bare-stems', [
      ['tr', 'Herkes böyle bir hakka sahiptir.', 'tr'],
      ['yo', 'Ó bo ilé náà mọ́lẹ̀.', 'yo'],
      ['fon', 'Mɛ bǐ bo ɖò gbɛ̌.', 'fon'],
      ['tg', 'Ман бо ту меравам.', 'tg'],
      ['en', 'They run to the station.', 'en'],
      ['en2', 'Everyone runs.', 'en'],
    ]));
  });
  afterAll(() => archive.close());

  const docsOf = async (query: string) => new Set((await archive.search.query(query)).hits.map((h) => h.docId));

  it('a stem that is no word of its language is not searched as one', async () => {
    const r = await archive.search.query('böyle');
    expect(r.expansions.find((e) => e.kind === 'stem')?.to).toEqual(['bo']);
    expect(new Set(r.hits.map((h) => h.docId))).toEqual(new Set([ids.tr]));
    // The word itself still finds its passages in every language, and its Latin spelling (Tajik бо) too.
    expect(await docsOf('bo')).toEqual(new Set([ids.yo, ids.fon, ids.tg]));
  });

  it('a stem that is a word of its language is searched as one', async () => {
    expect(await docsOf('running')).toEqual(new Set([ids.en, ids.en2]));
  });
});
