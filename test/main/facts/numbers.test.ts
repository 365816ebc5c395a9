// Quantities in Tagalog, English and Russian from real phrasings: plain numbers with multiplier words and
// linkers, qualifiers (higit sa → more than), percentages and money.
import { describe, expect, it } from 'vitest';
import type { QuantityDetail } from '../../../shared/facts';
import { extractMentions } from '../../../main/facts/extract/index';
import { parseDigits } from '../../../main/facts/extract/numbers';

type Row = [sentence: string, text: string, value: number, detail?: Partial<QuantityDetail>];

function quantityIn(sentence: string, lang: string, text: string) {
  const found = extractMentions(sentence, { lang }).filter((m) => m.type === 'quantity');
  return found.find((q) => q.text === text) ?? found;
}

const TAGALOG: Row[] = [
  [
    'Ayon sa CEC, 73 libong botante ang nagpahayag ng kanilang kalooban.',
    '73 libong',
    73_000,
    { noun: 'botante', qualifier: 'exact' },
  ],
  ['47 libo sa kanila ang bumoto para kay Bako Sahakyan.', '47 libo', 47_000],
  ['20 libo ang bumoto pabor kay Vitaly Balasanyan.', '20 libo', 20_000],
  ['Umabot sa 1.5 milyon ang populasyon ng lungsod.', '1.5 milyon', 1_500_000],
  [
    'Mayroong higit sa isang daang mga ito mula sa Austria at Russia.',
    'higit sa isang daang',
    100,
    { qualifier: 'gt' },
  ],
  ['Isang daan ang dumalo sa pulong.', 'Isang daan', 100],
  ['Dumating ang dalawang libong tagasuporta.', 'dalawang libong', 2_000, { noun: 'tagasuporta' }],
  ['Apat na raan ang nasugatan.', 'Apat na raan', 400],
  ["Nagbayad siya ng dalawampu't limang piso.", "dalawampu't limang piso", 25, { kind: 'money', unit: 'PHP' }],
  ['Mahigit 5,000 katao ang lumikas.', 'Mahigit 5,000', 5_000, { qualifier: 'gt', noun: 'katao' }],
  ['Hindi bababa sa 40 bahay ang nasira ng baha.', 'Hindi bababa sa 40', 40, { qualifier: 'gt', noun: 'bahay' }],
  ['Hindi kukulangin sa 2,000 pamilya ang inilikas.', 'Hindi kukulangin sa 2,000', 2_000, { qualifier: 'gt' }],
  [
    'Ang multa ay hindi hihigit sa 5 libong piso.',
    'hindi hihigit sa 5 libong piso',
    5_000,
    { qualifier: 'lt', kind: 'money', unit: 'PHP' },
  ],
  ['Humigit-kumulang 300 pulis ang ipinadala.', 'Humigit-kumulang 300', 300, { qualifier: 'approx', noun: 'pulis' }],
  ['Nakakuha siya ng 12 porsiyento ng boto.', '12 porsiyento', 12, { kind: 'percent', unit: '%' }],
  ['Ang multa ay ₱500 bawat araw.', '₱500', 500, { kind: 'money', unit: 'PHP' }],
  ['Gumastos ang kampanya ng 5 milyong piso.', '5 milyong piso', 5_000_000, { kind: 'money', unit: 'PHP' }],
  ['Sampung libong sundalo ang nakatalaga sa hangganan.', 'Sampung libong', 10_000, { noun: 'sundalo' }],
];

const ENGLISH: Row[] = [
  ['73 thousand voters expressed their will.', '73 thousand', 73_000, { noun: 'voters' }],
  ['20 thousand voted in favour of Vitaly Balasanyan.', '20 thousand', 20_000],
  ['There were more than a hundred of them.', 'more than a hundred', 100, { qualifier: 'gt' }],
  ['The city has 1.5 million inhabitants.', '1.5 million', 1_500_000, { noun: 'inhabitants' }],
  ['About 300 police officers were deployed.', 'About 300', 300, { qualifier: 'approx' }],
  ['Less than 50 observers remained.', 'Less than 50', 50, { qualifier: 'lt' }],
  ['Turnout was 72.4% in Stepanakert.', '72.4%', 72.4, { kind: 'percent', unit: '%' }],
  ['He won 66.7 percent of the vote.', '66.7 percent', 66.7, { kind: 'percent', unit: '%' }],
  ['The campaign cost $5 million.', '$5 million', 5_000_000, { kind: 'money', unit: 'USD' }],
  ['A grant of €20 was paid per voter.', '€20', 20, { kind: 'money', unit: 'EUR' }],
  ['Sahakyan received 48,000 votes.', '48,000', 48_000, { noun: 'votes' }],
  ['Two hundred observers signed the letter.', 'Two hundred', 200],
  ['Twenty-five stations closed early.', 'Twenty-five', 25],
  ['One hundred and five complaints were filed.', 'One hundred and five', 105],
  ['The rally drew 20k people.', '20k', 20_000],
  ['The budget was 3 billion dollars.', '3 billion dollars', 3_000_000_000, { kind: 'money', unit: 'USD' }],
];

const RUSSIAN: Row[] = [
  ['Из них 47 тысяч проголосовали за Бако Саакяна.', '47 тысяч', 47_000],
  ['Волю выразили 73 тысячи избирателей.', '73 тысячи', 73_000, { noun: 'избирателей' }],
  ['Бюджет составил 3,5 млн долларов.', '3,5 млн долларов', 3_500_000, { kind: 'money', unit: 'USD' }],
  ['Расходы превысили 1,5 млрд драмов.', '1,5 млрд драмов', 1_500_000_000, { kind: 'money', unit: 'AMD' }],
  ['Наблюдателей было более ста.', 'более ста', 100, { qualifier: 'gt' }],
  ['На участки пришли около 300 человек.', 'около 300', 300, { qualifier: 'approx', noun: 'человек' }],
  ['Явка составила 78,5 %.', '78,5 %', 78.5, { kind: 'percent', unit: '%' }],
  ['Он набрал 12 процентов голосов.', '12 процентов', 12, { kind: 'percent', unit: '%' }],
  ['Штраф составляет 500 рублей.', '500 рублей', 500, { kind: 'money', unit: 'RUB' }],
  ['В митинге участвовали двести тысяч человек.', 'двести тысяч', 200_000, { noun: 'человек' }],
  ['Свыше 2 тысяч жалоб поступило в ЦИК.', 'Свыше 2 тысяч', 2_000, { qualifier: 'gt', noun: 'жалоб' }],
  ['В городе живут 1 500 семей беженцев.', '1 500', 1_500, { noun: 'семей' }],
  ['Собрали 47 тыс. подписей.', '47 тыс.', 47_000, { noun: 'подписей' }],
];

describe.each([
  ['Tagalog', 'tl', TAGALOG],
  ['English', 'en', ENGLISH],
  ['Russian', 'ru', RUSSIAN],
] as const)('%s quantities', (_name, lang, rows) => {
  it.each(rows)('%s → %s = %d', (sentence, text, value, detail) => {
    const q = quantityIn(sentence, lang, text);
    expect(q).toMatchObject({ type: 'quantity', text, value, start: sentence.indexOf(text) });
    expect((q as { quantity: QuantityDetail }).quantity).toMatchObject({
      kind: 'number',
      qualifier: 'exact',
      unit: null,
      ...detail,
    });
  });
});

describe('digit groups and decimals follow the language', () => {
  it.each([
    ['1,500', 'en', 1500],
    ['1,500', 'tl', 1500],
    ['1,5', 'en', 1.5],
    ['3,5', 'ru', 3.5],
    ['1,500,000', 'en', 1_500_000],
    ['1.500.000', 'ru', 1_500_000],
    ['1.5', 'ru', 1.5],
    ['1 500', 'ru', 1500],
    ['1,234.5', 'en', 1234.5],
    ['1.234,5', 'ru', 1234.5],
  ])('%s in %s is %d', (raw, lang, value) => {
    expect(parseDigits(raw, lang)).toBe(value);
  });
});

describe('what is not a quantity', () => {
  it.each([
    ['tl', 'Isang bilang ng mga kinatawan ang naroroon.'], // isang = "a"
    ['en', 'A number of representatives were present.'],
    ['en', 'Symptoms of COVID-19 were reported.'],
    ['tl', 'Nagsimula ito noong ika-17 siglo.'], // a century, not 17
    ['en', 'Lima is the capital of Peru.'], // a place, not five
  ])('%s: %s', (lang, sentence) => {
    expect(extractMentions(sentence, { lang }).filter((m) => m.type === 'quantity')).toEqual([]);
  });
});
