import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { analyzerFor } from '../../../main/search/analyzer';
import { openKeyedArchive } from '../../helpers/keyed-archive';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

// A word of a script the transliteration does not spell (syllabics, Arabic, Japanese…) is its own Latin spelling.
// It used to be indexed a second time as its "transliteration" and searched three times (as written, as its
// spelling, among the transliterations), so bm25 counted it thrice, in a row twice as long as its text: a passage
// that held it ranked above a Latin passage that held the other word of the query as often.
describe('a word that the transliteration leaves as it is', () => {
  let archive: Archive;
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ archive, ids } = await openKeyedArchive(dir, 'own-spelling', [
      ['iu', 'ᐃᓄᐃᑦ ᐊᑐᓂ ᐱᖁᔭᖅ', 'iu'],
      ['fj', 'tamata kece era', 'fj'],
      ['f1', 'na vanua levu', 'fj'],
      ['f2', 'na koro lailai', 'fj'],
      ['f3', 'na wai bula', 'fj'],
      ['f4', 'na vale vou', 'fj'],
    ]));
  });
  afterAll(() => archive.close());

  it('has no transliteration of its own, unlike a Cyrillic word', () => {
    expect(analyzerFor('iu').forms('ᐊᑐᓂ').translit).toBeNull();
    expect(analyzerFor('ar').forms('خاندان').translit).toBeNull();
    expect(analyzerFor('ar').forms('خاندان').translitStem).toBeNull();
    expect(analyzerFor('ru').forms('москва').translit).toBe('moskva');
  });

  it('weighs as much as a Latin word in the same place', async () => {
    const r = await archive.search.query('ᐊᑐᓂ kece');
    const score = (id: string) => r.hits.find((h) => h.docId === id)?.score;
    expect(r.total).toBe(2);
    expect(score(ids.iu)).toBeGreaterThan(0);
    expect(score(ids.iu)).toBeCloseTo(score(ids.fj)!, 3);
    expect(r.expansions.filter((e) => e.kind === 'translit').map((e) => e.term)).toEqual(['kece']);
  });

  it('is still found, alone and in a phrase', async () => {
    expect((await archive.search.query('ᐊᑐᓂ')).hits.map((h) => h.docId)).toEqual([ids.iu]);
    expect((await archive.search.query('"ᐊᑐᓂ ᐱᖁᔭᖅ"')).hits.map((h) => h.docId)).toEqual([ids.iu]);
    expect((await archive.search.query('ᐊᑐ*')).hits.map((h) => h.docId)).toEqual([ids.iu]);
  });
});
