import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../main/search/analyzer';
import { stemArmenian } from '../../../main/search/armenian';

// Real word forms from news text, grouped by the stem they must meet at.
const FAMILIES: Array<[string, string[]]> = [
  [
    'ընտրություն',
    [
      'ընտրություն',
      'ընտրությունը',
      'ընտրություններ',
      'ընտրությունները',
      'ընտրությունների',
      'ընտրություններից',
      'ընտրություններում',
      'ընտրության',
      'ընտրությանը',
      'ընտրությամբ',
    ],
  ],
  ['ղարաբաղ', ['ղարաբաղ', 'ղարաբաղը', 'ղարաբաղում', 'ղարաբաղի', 'ղարաբաղից', 'ղարաբաղով']],
  ['սահակյան', ['սահակյան', 'սահակյանը', 'սահակյանի', 'սահակյանին', 'սահակյանից', 'սահակյանով']],
  ['երևան', ['երևան', 'երևանը', 'երևանում', 'երևանի', 'երևանից']],
  ['նախագահ', ['նախագահ', 'նախագահը', 'նախագահի', 'նախագահին', 'նախագահներ', 'նախագահների', 'նախագահներից']],
  ['ձայն', ['ձայն', 'ձայնը', 'ձայներ', 'ձայները', 'ձայների', 'ձայներով']],
  ['թեկնածու', ['թեկնածու', 'թեկնածուներ', 'թեկնածուների', 'թեկնածուից']],
  ['բակո', ['բակո', 'բակոյի', 'բակոյին', 'բակոյից', 'բակոյով']],
  ['քաղաք', ['քաղաք', 'քաղաքը', 'քաղաքում', 'քաղաքներ', 'քաղաքներս', 'քաղաքներդ']],
  ['գործ', ['գործ', 'գործը', 'գործեր', 'գործերը', 'գործերից']],
  ['դպրոց', ['դպրոց', 'դպրոցը', 'դպրոցներ', 'դպրոցների', 'դպրոցում']],
  // a vowel-final noun takes the article -ն: բյուջեն; a name in -են meets itself in every case
  ['բյուջե', ['բյուջե', 'բյուջեն', 'բյուջեի', 'բյուջեից', 'բյուջեով', 'բյուջեում']],
  ['արմե', ['արմեն', 'արմենը', 'արմենի', 'արմենին', 'արմենից']],
];

describe('Armenian light stemmer', () => {
  it.each(FAMILIES)('brings the forms of %s together', (stem, forms) => {
    for (const form of forms) expect([form, stemArmenian(form)]).toEqual([form, stem]);
  });

  it.each([
    ['միլիոն', 'միլիոն'], // -ն after a vowel is left alone (the -ոն, -ան of stems)
    ['մարդ', 'մարդ'], // a final -դ is a possessive only after a plural
    ['մարտիրոս', 'մարտիրոս'],
    ['տուն', 'տուն'],
    ['և', 'և'], // short words
    ['sahakyan', 'sahakyan'], // other scripts
  ])('leaves %s as %s', (word, stem) => expect(stemArmenian(word)).toBe(stem));

  it('is the hy pipeline, with stems in the transliteration too', () => {
    const hy = analyzerFor('hy');
    expect(hy.pipeline.stemmerSource).toBe('tala');
    expect(hy.forms('Ղարաբաղում')).toMatchObject({ surface: 'ղարաբաղում', stem: 'ղարաբաղ', translitStem: 'gharabagh' });
    expect(analyzerFor('hye').forms('ընտրությունները').stem).toBe('ընտրություն');
  });
});
