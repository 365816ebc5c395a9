import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openKeyedArchive } from '../../helpers/keyed-archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

describe('morphology in search: own stems, Armenian, Tagalog', () => {
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'morphology', [
      ['fr', 'Tous les êtres humains naissent libres et égaux en dignité et en droits.', 'fr'],
      ['tl', 'Pumila ang mga botante sa presinto mula umaga.', 'tl'],
      ['hy', 'Լեռնային Ղարաբաղում անցկացված ընտրությունների արդյունքները հրապարակվեցին։', 'hy'],
      ['hy2', 'Երևանից ժամանած դիտորդները հանդիպեցին թեկնածուների հետ։', 'hy'],
    ]));
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
