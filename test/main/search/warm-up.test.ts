// The search engine warms up after open (analyzers of the archive's languages built while SQLite prepares its
// statements), and the desktop app and web host start its worker while the archive opens (startSearch). A search
// sent at once must answer exactly as one sent to an engine that had finished warming up.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../shared/types';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { SearchEngine } from '../../../main/search/engine';
import { SearchWorkerHost } from '../../../main/search/worker-host';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);

const DOCUMENTS: Array<[string, string, string]> = [
  ['en.txt', 'The voters of the capital elected a new council.\n\nRunning the elections took a week.', 'en'],
  ['ru.txt', 'Наблюдатели зафиксировали нарушения на выборах в столице.', 'ru'],
  ['de.txt', 'Die Wähler der Hauptstadt wählten einen neuen Rat.', 'de'],
  ['fr.txt', "Les électeurs de la capitale ont élu un nouveau conseil pour l'égalité.", 'fr'],
  ['tl.txt', 'Bumoto ang mga botante sa kabisera para sa bagong konseho.', 'tl'],
  ['fi.txt', 'Pääkaupungin äänestäjät valitsivat uuden valtuuston.', 'fi'],
];

/** Searches whose answers depend on the analyzers: stems of several languages, stop words, a phrase, a filter. */
const QUERIES = [
  'elections',
  'выборы',
  'wählten',
  'électeur',
  'botante',
  'the council',
  '"new council"',
  'lang:fi valitsivat',
];

async function makeArchive(): Promise<string> {
  const file = join(dir, `a-${n++}.sqlite`);
  const archive = await Archive.open(file, { search: 'inline' });
  for (const [name, text, lang] of DOCUMENTS) {
    const outcome = await archive.documents.importFile({ name, bytes: utf8(text), lang });
    expect(outcome.status).toBe('imported');
  }
  expect((await archive.search.query('council')).total).toBe(1); // indexed
  await archive.close();
  return file;
}

const comparable = (r: SearchResult) => ({ ...r, tookMs: 0 });

afterEach(() => vi.restoreAllMocks());

describe('the warm-up after open', () => {
  it('a search sent at once answers as it does once the engine is warm, without loading the vocabulary', async () => {
    const file = await makeArchive();
    const cold = await SearchEngine.open(file);
    // Sent before the warm-up can have finished: they queue behind it.
    const first = await Promise.all(QUERIES.map((query) => cold.search({ query })));
    expect(cold.vocabularyLoaded).toBe(false);
    const again = await Promise.all(QUERIES.map((query) => cold.search({ query })));
    await cold.close();
    expect(first.map(comparable)).toEqual(again.map(comparable));

    const byQuery = new Map(QUERIES.map((q, i) => [q, first[i]]));
    const marked = (q: string) =>
      byQuery.get(q)!.hits.flatMap((h) => h.snippetMatches.map(([s, e]) => h.snippet.slice(s, e)));
    // English stem elect: "elected" and "elections", in both passages of the English document.
    expect(byQuery.get('elections')!.total).toBe(2);
    expect(byQuery.get('выборы')!.hits.map((h) => h.lang)).toEqual(['ru']); // Russian stem: выборах
    expect(byQuery.get('wählten')!.hits.map((h) => h.lang)).toEqual(['de']);
    expect(byQuery.get('électeur')!.hits.map((h) => h.lang)).toEqual(['fr']); // French stem: électeurs
    expect(byQuery.get('botante')!.hits.map((h) => h.lang)).toEqual(['tl']);
    // "the" is an English stop word: dropped beside "council", so only the passage with council is found.
    expect(byQuery.get('the council')!.hits.map((h) => h.lang)).toEqual(['en']);
    expect(byQuery.get('lang:fi valitsivat')!.facets.lang).toEqual([{ value: 'fi', passages: 1, documents: 1 }]);
    expect(marked('elections').sort()).toEqual(['elected', 'elections']);
    expect(marked('выборы')).toEqual(['выборах']);
  });

  it('a worker started with the archive answers its first search as the in-process engine does', async () => {
    const file = await makeArchive();
    const inline = await Archive.open(file, { search: 'inline' });
    const expected = [];
    for (const query of QUERIES) expected.push(comparable(await inline.search.query(query)));
    await inline.close();

    const early = vi.spyOn(SearchWorkerHost, 'early');
    const archive = await Archive.open(file, { startSearch: true });
    expect(early).toHaveBeenCalledTimes(1);
    const got = [];
    for (const query of QUERIES) got.push(comparable(await archive.search.query(query)));
    await archive.close();
    expect(got).toEqual(expected);
    expect(got.every((r) => r.total > 0)).toBe(true);
  }, 60_000);

  it('a search after the index gained a language stems under it (the languages are read again)', async () => {
    const file = await makeArchive();
    const archive = await Archive.open(file, { search: 'inline' });
    expect((await archive.search.query('celebraron')).total).toBe(0);
    const outcome = await archive.documents.importFile({
      name: 'es.txt',
      bytes: utf8('Los votantes de la capital quieren celebrar las elecciones.'),
      lang: 'es',
    });
    expect(outcome.status).toBe('imported');
    // Only the Spanish stemmer makes celebraron and celebrar one word (celebr).
    const r = await archive.search.query('celebraron');
    await archive.close();
    expect(r.hits.map((h) => h.snippet.slice(h.snippetMatches[0][0], h.snippetMatches[0][1]))).toEqual(['celebrar']);
  });

  it('an archive that does not open gives its search thread back: the next archive searches on it', async () => {
    await SearchWorkerHost.endSpare();
    const file = join(dir, `newer-${n++}.sqlite`);
    const db = await Database.open(file, { reader: false });
    await db.exec('PRAGMA user_version = 9999');
    await db.close();
    const early = vi.spyOn(SearchWorkerHost, 'early');
    await expect(Archive.open(file, { startSearch: true })).rejects.toThrow(/newer/i);
    const host = early.mock.results[0].value as SearchWorkerHost;
    expect(host.threadId).not.toBeNull();
    expect(SearchWorkerHost.spareThreadId).toBe(host.threadId);

    const good = await makeArchive();
    const archive = await Archive.open(good, { startSearch: true });
    expect((early.mock.results[1].value as SearchWorkerHost).threadId).toBe(host.threadId);
    expect(SearchWorkerHost.spareThreadId).toBeNull();
    expect((await archive.search.query('council')).total).toBe(1);
    await archive.close();
  }, 60_000);

  it("a closed archive's search thread serves the next archive, with nothing of the first one", async () => {
    await SearchWorkerHost.endSpare();
    const first = await makeArchive();
    const second = join(dir, `b-${n++}.sqlite`);
    const inline = await Archive.open(second, { search: 'inline' });
    const text = 'Los votantes de la capital quieren celebrar las elecciones.\n\nThe harbour opened in spring.';
    expect((await inline.documents.importFile({ name: 'es.txt', bytes: utf8(text), lang: 'es' })).status).toBe(
      'imported',
    );
    const queries = ['council', 'celebraron', 'harbour', 'выборы', 'elections', 'capital'];
    const expected = [];
    for (const query of queries) expected.push(comparable(await inline.search.query(query)));
    await inline.close();

    const early = vi.spyOn(SearchWorkerHost, 'early');
    const a = await Archive.open(first, { startSearch: true });
    expect((await a.search.query('council')).total).toBe(1);
    await a.close();
    const thread = (early.mock.results[0].value as SearchWorkerHost).threadId;
    expect(thread).not.toBeNull();
    expect(SearchWorkerHost.spareThreadId).toBe(thread);
    // The closed archive's search answers no more.
    await expect(a.search.query('council')).rejects.toThrow(/closed/);

    const b = await Archive.open(second, { startSearch: true });
    expect((early.mock.results[1].value as SearchWorkerHost).threadId).toBe(thread);
    const got = [];
    for (const query of queries) got.push(comparable(await b.search.query(query)));
    await b.close();
    expect(got).toEqual(expected);
    expect(got[0].total).toBe(0); // the first archive's words are not in this one
    expect(got[1].total).toBe(1);
  }, 60_000);
});
