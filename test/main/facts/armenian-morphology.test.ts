// Armenian mention typing and normalisation by morphology rather than by a list of names: case endings on capitalised
// words (locative -ում on multi-word names, ablative -ից and instrumental -ով on a lone word, the genitive where the
// grammar asks for one), surnames in -ունի and in -ության, first names, verbs at a sentence's start, the modifiers
// of an organisation noun, and proposals (վերջինս, քվե, a party named by its leader's genitive). Every sentence is
// written for this test, none comes from a benchmark passage.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../main/facts/extract/index';

const mentions = (text: string) => analyse(text, { lang: 'hy' }).mentions;
const typed = (text: string) => mentions(text).map((m) => [m.type, m.text, m.value]);
const facts = (text: string) =>
  analyse(text, { lang: 'hy' }).candidates.map((c) => [
    c.subject.name,
    c.predicate,
    c.object.kind === 'number' ? c.object.number : c.object.kind === 'date' ? c.object.date : c.object.name,
  ]);

describe('Armenian places read from their case ending when no gazetteer knows them', () => {
  it.each([
    // locative -ում on a name of two words
    ['Նոր Հաճնում անցկացվեց ժողով։', 'Նոր Հաճնում', 'Նոր Հաճն'],
    ['Հուշարձանը գտնվում է Շապին Գարահիսարում։', 'Շապին Գարահիսարում', 'Շապին Գարահիսար'],
    // ablative -ից and instrumental -ով on a lone word
    ['Ակնալիճից տարհանվել է 40 ընտանիք։', 'Ակնալիճից', 'Ակնալիճ'],
    ['Ավտոբուսը Փարաքարից ուշացավ։', 'Փարաքարից', 'Փարաքար'],
    ['Մասիսով անցնող ճանապարհը փակ է։', 'Մասիսով', 'Մասիս'],
    // the genitive before residents, a province or a mayor
    ['Փարաքարի բնակիչները բողոքեցին։', 'Փարաքարի', 'Փարաքար'],
    ['Ակնալիճի բնակչությունը նվազել է։', 'Ակնալիճի', 'Ակնալիճ'],
    ['Երեկ Այգավանի համայնքապետը հրաժարական տվեց։', 'Այգավանի', 'Այգավան'],
  ])('%s', (text, surface, value) => {
    expect(typed(text)).toContainEqual(['place', surface, value]);
    expect(mentions(text).filter((m) => m.type === 'person' || m.type === 'organisation')).toEqual([]);
  });

  it.each([
    ['Պատվիրակությունը Արամից նամակ ստացավ։', 'Արամից'],
    ['Նամակը հասավ Աննայից։', 'Աննայից'],
  ])('a first name in the ablative is not a place: %s', (text, surface) => {
    expect(mentions(text).filter((m) => m.type === 'place' && m.text === surface)).toEqual([]);
  });

  it('a nominative before "mayor" is not a place read from a genitive ("Նոր քաղաքապետը", the new mayor)', () => {
    expect(mentions('Նոր քաղաքապետը երդում տվեց մարտի 3-ին։').filter((m) => m.type === 'place')).toEqual([]);
  });
});

describe('Armenian persons', () => {
  it.each([
    // a surname in -ունի with its article or case
    ['Գրիգոր Բագրատունին ստացավ մրցանակ։', 'Գրիգոր Բագրատունին', 'Գրիգոր Բագրատունի'],
    ['Հանդիպմանը ներկա էր Վարդան Մամիկոնյանը։', 'Վարդան Մամիկոնյանը', 'Վարդան Մամիկոնյան'],
    // a surname in -ության after a first name is not an abstract noun
    ['Մրցանակը ստացավ Հայկ Մարությանը։', 'Հայկ Մարությանը', 'Հայկ Մարության'],
    // a verb that opens the sentence is not part of the name; a first name that looks like one is
    ['Ընտրվեց Լևոն Զուրաբյանը։', 'Լևոն Զուրաբյանը', 'Լևոն Զուրաբյան'],
    ['Հաղթեց Սամվել Կարապետյանը։', 'Սամվել Կարապետյանը', 'Սամվել Կարապետյան'],
    ['Սամվել Ալեքսանյանը խոսեց։', 'Սամվել Ալեքսանյանը', 'Սամվել Ալեքսանյան'],
    // a lone surname with its case at a sentence's start
    ['Ավետիսյանին կողմ քվեարկեց 54 պատգամավոր։', 'Ավետիսյանին', 'Ավետիսյան'],
    // the genitive of a person before a party stays the person
    ['Ըստ տվյալների, Գագիկ Ծառուկյանի կուսակցությունը ստացավ 8,3 տոկոս։', 'Գագիկ Ծառուկյանի', 'Գագիկ Ծառուկյան'],
  ])('%s', (text, surface, value) => {
    expect(typed(text)).toContainEqual(['person', surface, value]);
  });
});

describe('Armenian organisation phrases end at a word that is no modifier', () => {
  it.each([['Երեկ Մեղրիում անցկացվեց ժողով։'], ['Հրազդանում կայացավ դատարան։']])('%s', (text) => {
    expect(mentions(text).filter((m) => m.type === 'organisation')).toEqual([]);
  });

  it.each([
    ['Կոռուպցիայի կանխարգելման հանձնաժողովը սկսեց վարույթ։', 'Կոռուպցիայի կանխարգելման հանձնաժողովը'],
    ['Կենտրոնական ընտրական հանձնաժողովը ամփոփեց արդյունքները։', 'Կենտրոնական ընտրական հանձնաժողովը'],
    ['Ֆինանսների նախարարությունը ներկայացրեց նախագիծը։', 'Ֆինանսների նախարարությունը'],
    ['Վճռաբեկ դատարանը մերժեց բողոքը։', 'Վճռաբեկ դատարանը'],
  ])('genitives and adjectives still make the name: %s', (text, surface) => {
    expect(typed(text)).toContainEqual(['organisation', surface, surface]);
  });
});

describe('Armenian proposals', () => {
  it('"վերջինս" (the latter) is the last person named in the sentence before', () => {
    expect(facts('Արմեն Սարգսյանը ստացավ 120 ձայն, Կարեն Դավթյանը՝ 95։ Վերջինս ստացավ նաև 71 ձայն։')).toContainEqual([
      'Կարեն Դավթյան',
      'votes received',
      71,
    ]);
  });

  it('քվե counts votes like ձայն', () => {
    expect(facts('Արմեն Ավետիսյանը հավաքեց 12 հազար քվե։')).toEqual([['Արմեն Ավետիսյան', 'votes received', 12000]]);
  });

  it('the person before a party is not the one who received its votes', () => {
    expect(facts('Ըստ տվյալների, Գագիկ Ծառուկյանի կուսակցությունը ստացավ 8,3 տոկոս։')).toEqual([]);
  });

  it('a vote share after "ընտրվեց … որը ստացավ" goes to the person elected', () => {
    expect(facts('Քաղաքապետ ընտրվեց Հայկ Մարությանը, որը ստացավ 81 տոկոս։')).toEqual([
      ['Հայկ Մարության', 'vote share', 81],
    ]);
  });
});

describe('an organisation noun alone opening an Armenian sentence is not part of the name after it', () => {
  it('Դատարանում Արմեն Պողոսյանը …', () => {
    expect(typed('Դատարանում Արմեն Պողոսյանը ներկայացրեց փաստաթղթերը։')).toEqual([
      ['person', 'Արմեն Պողոսյանը', 'Արմեն Պողոսյան'],
    ]);
  });
});
