import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../main/search/analyzer';
import { stemTagalog, TAGALOG_STOP_WORDS } from '../../../main/search/tagalog';

// Real word forms, grouped by the root they must meet at.
const FAMILIES: Array<[string, string[]]> = [
  ['hayag', ['hayag', 'pahayag', 'nagpahayag', 'ipinahayag', 'pagpapahayag', 'magpahayag']],
  ['boto', ['boto', 'bumoto', 'boboto', 'bumoboto', 'botohan', 'pinagbotohan']],
  ['kilala', ['kilala', 'kinilala', 'makilala', 'nakilala']],
  ['sabi', ['sabi', 'sinabi', 'sabihin']],
  ['bigay', ['bigay', 'ibigay', 'ibinigay', 'binigay']],
  ['basa', ['basa', 'nagbabasa', 'basahin', 'magbasa']],
  ['salita', ['salita', 'magsasalita', 'nagsalita']],
  ['aral', ['aral', 'aaral', 'paaralan', 'umaral']],
  ['alis', ['alis', 'umalis', 'inalis']],
  ['halal', ['halal', 'halalan']],
  ['nalo', ['nanalo', 'panalo', 'manalo']],
];

describe('Tagalog stemmer', () => {
  it.each(FAMILIES)('brings the forms of %s together', (root, forms) => {
    for (const form of forms) expect([form, stemTagalog(form)]).toEqual([form, root]);
  });

  it.each([
    ['botante', 'boto'], // the Spanish agent noun meets its noun (votante / voto)
    ['presidente', 'presidente'], // other Spanish loans are left alone
    ['sahakyan', 'sahakyan'], // -yan names are not -an forms
    ['balasanyan', 'balasanyan'],
    ['bayan', 'bayan'], // -an would leave a root shorter than four letters
    ['isda', 'isda'], // short words are left alone
    ['ilog', 'ilog'],
    ['pari', 'pari'],
    ['ulan', 'ulan'],
    ['kaibigan', 'ibig'], // ka-…-an nouns meet their root (documented conflation)
    ['pangulo', 'ulo'],
  ])('leaves or reduces %s as documented (→ %s)', (word, stem) => expect(stemTagalog(word)).toBe(stem));

  it.each([
    ['karabakh'],
    ['yerevan'],
    ['hovannisian'],
    ['kandidato'],
    ['ministro'],
    ['internasyonal'],
    ['eleksyon'],
    ['presidente'],
    ['inagurasyon'],
  ])('leaves the loanword or foreign name %s alone', (word) => {
    expect(stemTagalog(word)).toBe(word);
  });

  it('leaves the first short prefix of a capitalised word (a name) alone, not its verbal prefixes', () => {
    const tl = analyzerFor('tl');
    expect(tl.forms('Makati').stem).toBe('makati');
    expect(tl.forms('Karabakh').stem).toBe('karabakh');
    expect(tl.forms('makati').stem).toBe('kati');
    expect(tl.forms('Nagpahayag').stem).toBe('hayag');
    expect(tl.forms('Kinilala').stem).toBe('kilala');
  });

  it('has stop words for articles, markers and pronouns', () => {
    for (const w of ['ang', 'ng', 'mga', 'sa', 'si', 'ay', 'at', 'siya', 'nila', 'hindi'])
      expect(TAGALOG_STOP_WORDS.has(w)).toBe(true);
    expect(TAGALOG_STOP_WORDS.has('halalan')).toBe(false);
    expect(analyzerFor('tl').forms('Ang').stop).toBe(true);
  });

  it('is the pipeline of Tagalog documents (also under fil/tgl)', () => {
    expect(analyzerFor('tl').forms('Ipinahayag')).toMatchObject({ surface: 'ipinahayag', stem: 'hayag' });
    expect(analyzerFor('fil').pipeline.code).toBe('tl');
    expect(analyzerFor('tgl').pipeline.stemmerSource).toBe('tala');
  });
});
