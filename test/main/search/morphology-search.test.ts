import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('morphology in search: own stems, Armenian, Tagalog', () => {
  let archive: Archive;
  const ids: Record<string, string> = {};
  const add = async (key: string, text: string, lang: string) => {
    const outcome = await archive.documents.importFile({ name: `${key}.txt`, bytes: utf8(text), lang });
    if (outcome.status !== 'imported') throw new Error('not imported');
    ids[key] = outcome.document.id;
  };
  beforeAll(async () => {
    archive = await Archive.open(join(dir, 'morphology.sqlite'), { search: 'inline' });
    await add('fr', 'Tous les êtres humains naissent libres et égaux en dignité et en droits.', 'fr');
    await add('tl', 'Pumila ang mga botante sa presinto mula umaga.', 'tl');
    await add('hy', 'Լեռնային Ղարաբաղում անցկացված ընտրությունների արդյունքները հրապարակվեցին։', 'hy');
    await add('hy2', 'Երևանից ժամանած դիտորդները հանդիպեցին թեկնածուների հետ։', 'hy');
  });
  afterAll(() => archive.close());

  const docsOf = async (query: string) => new Set((await archive.search.query(query)).hits.map((h) => h.docId));

  it.each([
    ['droit', 'fr'],
    ['humain', 'fr'],
    ['égal', 'fr'],
    ['boto', 'tl'],
  ])('a word that is its own stem (%s) still finds its inflected forms', async (query, key) => {
    expect(await docsOf(query)).toEqual(new Set([ids[key]]));
  });

  it.each([
    ['ընտրություն', 'hy'],
    ['ընտրություններ', 'hy'],
    ['Ղարաբաղ', 'hy'],
    ['Երևան', 'hy2'],
    ['թեկնածու', 'hy2'],
  ])('Armenian %s finds its plural and case forms', async (query, key) => {
    expect(await docsOf(query)).toEqual(new Set([ids[key]]));
  });

  it('turning word forms off searches the words as written only', async () => {
    const r = await archive.search.query({ query: 'droit', stems: false });
    expect(r.total).toBe(0);
  });
});
