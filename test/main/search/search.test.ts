import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { buildSnippet } from '../../../main/search/snippet';
import { foldText, trimToken } from '../../../shared/text/fold';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir();
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('text folding', () => {
  it.each([
    ['Sahakyán', 'sahakyan'],
    ['ÉGALITÉ', 'egalite'],
    ['Баласанян', 'баласанян'],
    ['Սահակյան', 'սահակյան'],
    ['Ελλάδα', 'ελλαδα'],
  ])('folds %s to %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it.each([
    ['«Баласанян»,', 'Баласанян'],
    ['(Սահակյան)', 'Սահակյան'],
    ['égalité.', 'égalité'],
    ['"47"', '47'],
    ['—', ''],
  ])('trims %s to %s keeping letters of every script', (input, trimmed) => expect(trimToken(input)).toBe(trimmed));
});

describe('snippet', () => {
  it('returns short passages whole and windows long ones around the match', () => {
    expect(buildSnippet('maikli', 0)).toBe('maikli');
    const long = `${'una '.repeat(100)}Sahakyan ${'huli '.repeat(100)}`.trim();
    const snippet = buildSnippet(long, long.indexOf('Sahakyan'));
    expect(snippet).toContain('Sahakyan');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(202);
  });
});

describe('archive search', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveDir(join(dir, 'seeded'), { seedSamples: true, samplesDir: SAMPLES_DIR });
    return () => archive.close();
  });

  it('finds "Sahakyan" in the Tagalog sample passage with the vote counts', async () => {
    const result = await archive.search.query('Sahakyan');
    expect(result.total).toBeGreaterThanOrEqual(3);
    const tagalog = result.hits.filter((h) => h.lang === 'tl');
    const votes = tagalog.find((h) => h.snippet.includes('47 libo sa kanila ang bumoto'));
    expect(votes).toBeDefined();
    expect(votes?.ordinal).toBe(2);
    const doc = await archive.documents.get(votes!.docId);
    expect(doc.passages[votes!.ordinal].id).toBe(votes!.passageId);
  });

  it('matches regardless of case and diacritics', async () => {
    const plain = await archive.search.query('sahakyan');
    const accented = await archive.search.query('SAHAKYÁN');
    expect(accented.hits.map((h) => h.passageId)).toEqual(plain.hits.map((h) => h.passageId));
  });

  it('supports lunr query syntax: required, excluded, prefix', async () => {
    const both = await archive.search.query('+Sahakyan +Balasanyan');
    const onlySahakyan = await archive.search.query('+Sahakyan -Balasanyan');
    expect(both.total).toBeGreaterThan(0);
    expect(onlySahakyan.hits.every((h) => !both.hits.some((b) => b.passageId === h.passageId))).toBe(true);
    const prefix = await archive.search.query('Balasan*');
    expect(prefix.total).toBe((await archive.search.query('Balasanyan')).total);
  });

  it('finds a document as soon as it is imported and forgets it when deleted', async () => {
    // Transliteration is on by default (issue 3): Баласанян also finds the Latin "Balasanyan" of the samples.
    const cyrillicOnly = { query: 'Баласанян', translit: false };
    expect((await archive.search.query(cyrillicOnly)).total).toBe(0);
    const outcome = await archive.documents.importFile({
      name: 'ru.txt',
      bytes: utf8(
        'Виталий Баласанян не поздравил Бако Саакяна с победой на выборах. Он объяснил это' +
          ' многочисленными нарушениями на избирательных участках, которые, по его словам,' +
          ' были зафиксированы наблюдателями.',
      ),
    });
    expect((await archive.search.query(cyrillicOnly)).hits).toEqual([
      expect.objectContaining({ lang: 'ru', ordinal: 0 }),
    ]);
    await archive.documents.delete(outcome.status === 'imported' ? outcome.document.id : '');
    expect((await archive.search.query(cyrillicOnly)).total).toBe(0);
  });

  it('limits hits but reports the full total', async () => {
    const all = await archive.search.query('election halalan');
    const one = await archive.search.query('election halalan', 1);
    expect(one.hits).toHaveLength(1);
    expect(one.total).toBe(all.total);
  });

  it('answers a malformed query with a clear BAD_QUERY error', async () => {
    await expect(archive.search.query('title:')).rejects.toMatchObject({
      code: 'BAD_QUERY',
      message: expect.stringContaining('title:'),
    });
    await expect(archive.search.query('Sahakyan^x')).rejects.toMatchObject({ code: 'BAD_QUERY' });
  });

  it('returns nothing for an empty query', async () => {
    expect(await archive.search.query('   ')).toMatchObject({ total: 0, hits: [] });
  });
});
