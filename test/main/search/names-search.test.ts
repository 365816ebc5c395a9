import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openKeyedArchive } from '../../helpers/keyed-archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

describe('names across scripts in search', () => {
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'names', [
      ['tl', 'Muling nahalal si Bako Sahakyan bilang pangulo ng Karabakh.', 'tl'],
      ['ru', 'Виталий Баласанян не поздравил Бако Саакяна с победой в Нагорном Карабахе.', 'ru'],
      ['hy', 'Բակո Սահակյանը վերընտրվեց Ղարաբաղում։', 'hy'],
      ['en', 'Vitaly Balasanyan spoke to reporters in Stepanakert.', 'en'],
      ['artsakh', 'В Арцахе прошли выборы.', 'ru'],
      ['other', 'Serzh Sargsyan visited Yerevan and Gyumri.', 'en'],
    ]));
  });
  afterAll(() => archive.close());

  const keyOf = (docId: string) => Object.keys(ids).find((k) => ids[k] === docId);
  const docs = async (query: string, names = true) =>
    new Set((await archive.search.query({ query, names, limit: 100 })).hits.map((h) => keyOf(h.docId)));

  it.each([
    ['Sahakyan', ['tl', 'ru', 'hy']],
    ['Саакян', ['tl', 'ru', 'hy']],
    ['Սահակյան', ['tl', 'ru', 'hy']],
    ['sahakyan', ['tl', 'ru', 'hy']], // lower case, but spelled in other scripts in the archive
    ['Vitaly', ['ru', 'en']],
    ['"Bako Sahakyan"', ['tl', 'ru', 'hy']],
    ['"Бако Саакян"', ['tl', 'ru', 'hy']],
    ['Бал*', ['ru', 'en']],
    ['Саак*', ['tl', 'ru', 'hy']],
    ['lang:ru Sahakyan', ['ru']],
    ['lang:hy Saakyan', ['hy']],
    ['Karabakh', ['tl', 'ru', 'hy', 'artsakh']],
    ['Artsakh', ['tl', 'ru', 'hy', 'artsakh']],
    ['Ереван', ['other']],
  ])('%s finds %j', async (query, expected) => {
    expect(await docs(query)).toEqual(new Set(expected));
  });

  it('never finds a different name', async () => {
    expect(await docs('Sargsyan')).toEqual(new Set(['other']));
    expect(await docs('Petrosyan')).toEqual(new Set());
  });

  it('lists the name variants in the expansions, and can be switched off', async () => {
    const r = await archive.search.query({ query: 'Sahakyan' });
    expect(r.options?.names).toBe(true);
    const names = r.expansions?.find((e) => e.kind === 'name');
    expect(names?.to).toEqual(expect.arrayContaining(['саакяна', 'սահակյանը']));
    const off = await archive.search.query({ query: 'Sahakyan', names: false });
    expect(off.expansions?.some((e) => e.kind === 'name')).toBe(false);
    expect(await docs('Sahakyan', false)).not.toContain('ru');
  });

  it('highlights the variant where it is written', async () => {
    const r = await archive.search.query({ query: 'Sahakyan', limit: 100 });
    const ru = r.hits.find((h) => h.docId === ids.ru)!;
    expect(ru.matches.map(([s, e]) => ru.snippet.slice(s, e))).toContain('Саакяна');
  });
});

describe('a lower-case word taken for a name', () => {
  // sahakyan, sahakian, sagian and саакяна share a name key. A lower-case word is a name only because the archive
  // spells it in another script: it searches those spellings and the near ones of its own script (sahakian, one letter
  // apart), not every word of its own script with its key (a lossy key: sagian, four letters apart; in a
  // many-language archive a short word's key is shared by unrelated words: kuyiya → kua, gua, cua…).
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'lowercase-names', [
      ['typed', 'Muling nahalal si sahakyan bilang pangulo.', 'tl'],
      ['latin', 'Nakipagkita si Sahakian sa mga botante.', 'tl'],
      ['far', 'Dumalo si Sagian sa pulong.', 'tl'],
      ['cyrillic', 'Бако Саакяна поздравили с победой.', 'ru'],
    ]));
  });
  afterAll(() => archive.close());

  const keyOf = (docId: string) => Object.keys(ids).find((k) => ids[k] === docId);
  const search = (query: string) => archive.search.query({ query, limit: 100 });
  const docs = async (query: string) => new Set((await search(query)).hits.map((h) => keyOf(h.docId)));

  it('finds its spellings in other scripts and near ones in its own, not far words that share its key', async () => {
    expect(await docs('sahakyan')).toEqual(new Set(['typed', 'latin', 'cyrillic']));
    expect(new Set((await search('sahakyan')).expansions?.find((e) => e.kind === 'name')?.to)).toEqual(
      new Set(['саакяна', 'sahakian']),
    );
    expect(await docs('"si sahakyan"')).toEqual(new Set(['typed', 'latin']));
  });

  it('a capitalised word is a name: every spelling with its key, in every script', async () => {
    expect(await docs('Sahakyan')).toEqual(new Set(['typed', 'latin', 'far', 'cyrillic']));
    expect(await docs('"si Sahakyan"')).toEqual(new Set(['typed', 'latin', 'far']));
  });
});

describe('a lower-case word whose key-mates in other scripts are spelled far from it', () => {
  // Kazakh қалған ("remaining", qalghan in Latin letters) shares its lossy name key with the Latin jalan, alan and
  // yalan: other words, not its spellings. A lower-case word is a name only by a near spelling in another script
  // (compared in Latin letters), so қалған searches itself; capitalised, it is a name and searches every key-mate.
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'far-key-mates', [
      ['kk', 'Қалған құқықтар сақталады.', 'kk'],
      ['id', 'Jalan itu panjang dan lebar.', 'id'],
      ['tr', 'Bu bir yalan değil.', 'tr'],
    ]));
  });
  afterAll(() => archive.close());

  const keyOf = (docId: string) => Object.keys(ids).find((k) => ids[k] === docId);
  const docs = async (query: string) =>
    new Set((await archive.search.query({ query, limit: 100 })).hits.map((h) => keyOf(h.docId)));

  it('searches itself, not its far key-mates', async () => {
    const r = await archive.search.query({ query: 'қалған', limit: 100 });
    expect(r.expansions.find((e) => e.kind === 'name')).toBeUndefined();
    expect(await docs('қалған')).toEqual(new Set(['kk']));
  });

  it('capitalised, it is a name and searches them all', async () => {
    expect(await docs('Қалған')).toEqual(new Set(['kk', 'id', 'tr']));
  });
});
