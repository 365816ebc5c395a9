// Persons, organisations and places in Tagalog, English and Russian: title and marker cues, organisation
// cue words, the gazetteer (with Russian case forms), and the capitalised words that are not names.
import { describe, expect, it } from 'vitest';
import type { MentionType } from '../../../shared/facts';
import { extractMentions, getGazetteer } from '../../../main/facts/extract/index';

type Row = [sentence: string, expected: Array<[type: MentionType, text: string, value: string]>];

const names = (sentence: string, lang: string) =>
  extractMentions(sentence, { lang })
    .filter((m) => m.type === 'person' || m.type === 'organisation' || m.type === 'place')
    .map((m) => [m.type, m.text, m.value]);

const TAGALOG: Row[] = [
  ['Ayon kay Pangulong Bako Sahakyan, tapos na ang halalan.', [['person', 'Bako Sahakyan', 'Bako Sahakyan']]],
  [
    'Hindi binati ni Vitaly Balasanyan ang bagong halal na pangulo.',
    [['person', 'Vitaly Balasanyan', 'Vitaly Balasanyan']],
  ],
  [
    'Nag-aral siya sa Unibersidad ng Pilipinas sa Diliman.',
    [['organisation', 'Unibersidad ng Pilipinas', 'Unibersidad ng Pilipinas']],
  ],
  [
    'Naglabas ng pahayag ang Komisyon sa Halalan kahapon.',
    [['organisation', 'Komisyon sa Halalan', 'Komisyon sa Halalan']],
  ],
  [
    'Ang Republika ng Nagorno-Karabakh ay hindi kinikilala.',
    [['place', 'Republika ng Nagorno-Karabakh', 'Nagorno-Karabakh']],
  ],
  [
    'Dumating ang mga tagamasid mula sa Austria, Rusya at Estados Unidos.',
    [
      ['place', 'Austria', 'Austria'],
      ['place', 'Rusya', 'Russia'],
      ['place', 'Estados Unidos', 'United States'],
    ],
  ],
  [
    'Lumipad siya mula Maynila patungong Yerevan.',
    [
      ['place', 'Maynila', 'Manila'],
      ['place', 'Yerevan', 'Yerevan'],
    ],
  ],
  ['Kinumpirma ng CEC ang resulta.', [['organisation', 'CEC', 'CEC']]], // "Kinumpirma" is the sentence's verb
  ['Hiniling ng Opisyal na Baku mula sa Kanluran na huwag payagan ang halalan.', [['place', 'Baku', 'Baku']]],
  [
    'Ang mga co-chair ng Armenian Group ng US Congress na Frank Pallone at Ed Royce ay nagsalita.',
    [
      ['organisation', 'Armenian Group ng US Congress', 'Armenian Group ng US Congress'],
      ['person', 'Frank Pallone', 'Frank Pallone'],
      ['person', 'Ed Royce', 'Ed Royce'],
    ],
  ],
  ['Inilagay niya ang kamay sa Saligang Batas at sa Ebanghelyo.', []],
];

const ENGLISH: Row[] = [
  ['The incumbent President Bako Sahakyan took part.', [['person', 'Bako Sahakyan', 'Bako Sahakyan']]],
  [
    'Former Deputy Defense Minister Vitaly Balasanyan did not congratulate him.',
    [['person', 'Vitaly Balasanyan', 'Vitaly Balasanyan']],
  ],
  [
    'Arkady Soghomonyan, Vice-Rector of the Yerevan Agrarian University, took part.',
    [
      ['person', 'Arkady Soghomonyan', 'Arkady Soghomonyan'],
      ['organisation', 'Yerevan Agrarian University', 'Yerevan Agrarian University'],
    ],
  ],
  [
    'The Ministry of Foreign Affairs issued a statement.',
    [['organisation', 'Ministry of Foreign Affairs', 'Ministry of Foreign Affairs']],
  ],
  ['According to the CEC of the unrecognised republic, turnout was high.', [['organisation', 'CEC', 'CEC']]],
  ['The Nagorno-Karabakh Republic is self-proclaimed.', [['place', 'Nagorno-Karabakh Republic', 'Nagorno-Karabakh']]],
  [
    'Observers came from the Czech Republic and South Ossetia.',
    [
      ['place', 'Czech Republic', 'Czech Republic'],
      ['place', 'South Ossetia', 'South Ossetia'],
    ],
  ],
  ['Official Baku demanded that the West not allow the election.', [['place', 'Baku', 'Baku']]],
  [
    'Charles de Gaulle founded the Fifth Republic.',
    [
      ['person', 'Charles de Gaulle', 'Charles de Gaulle'],
      ['place', 'Fifth Republic', 'Fifth Republic'],
    ],
  ],
  [
    'Delegates of the Pridnestrovian Moldavian Republic came too.',
    [['place', 'Pridnestrovian Moldavian Republic', 'Transnistria']],
  ],
];

const RUSSIAN: Row[] = [
  ['В выборах участвовал действующий президент Бако Саакян.', [['person', 'Бако Саакян', 'Бако Саакян']]],
  ['47 тысяч проголосовали за Виталия Баласаняна.', [['person', 'Виталия Баласаняна', 'Виталий Баласанян']]],
  [
    'Центральная избирательная комиссия НКР подвела итоги.',
    [['organisation', 'Центральная избирательная комиссия НКР', 'Центральная избирательная комиссия НКР']],
  ],
  [
    'Министерство обороны Армении опровергло сообщение.',
    [['organisation', 'Министерство обороны Армении', 'Министерство обороны Армении']],
  ],
  [
    'По данным ЦИК НКР, явка была высокой.',
    [
      ['organisation', 'ЦИК', 'CEC'],
      ['place', 'НКР', 'Nagorno-Karabakh'],
    ],
  ],
  [
    'Наблюдатели приехали из Австрии, России и Южной Осетии.',
    [
      ['place', 'Австрии', 'Austria'],
      ['place', 'России', 'Russia'],
      ['place', 'Южной Осетии', 'South Ossetia'],
    ],
  ],
  ['Заявление сделал г-н Баласанян.', [['person', 'Баласанян', 'Баласанян']]],
  ['Официальный Баку потребовал от Запада не допустить выборов.', [['place', 'Баку', 'Baku']]],
];

describe.each([
  ['Tagalog', 'tl', TAGALOG],
  ['English', 'en', ENGLISH],
  ['Russian', 'ru', RUSSIAN],
] as const)('%s names', (_name, lang, rows) => {
  it.each(rows)('%s', (sentence, expected) => {
    expect(names(sentence, lang)).toEqual(expected);
  });
});

describe('within a document', () => {
  it('a lone surname stands for the full name written elsewhere', () => {
    const text = 'Nanalo si Bako Sahakyan sa halalan. Ayon sa mga tagamasid, malinis ang pagkapanalo ni Sahakyan.';
    expect(names(text, 'tl')).toEqual([
      ['person', 'Bako Sahakyan', 'Bako Sahakyan'],
      ['person', 'Sahakyan', 'Bako Sahakyan'],
    ]);
  });

  it('a lone capitalised word that is nothing known is left out', () => {
    expect(names('The delegation met Kanluran officials in the morning.', 'en')).toEqual([]);
  });
});

describe('the gazetteer', () => {
  it('ships countries and capitals with Tagalog and Russian variants', () => {
    const g = getGazetteer();
    expect(g.size).toBeGreaterThan(450);
    expect(g.lookup(['Pilipinas'])).toEqual({ name: 'Philippines', kind: 'country' });
    expect(g.lookup(['Армении'])).toEqual({ name: 'Armenia', kind: 'country' });
    expect(g.lookup(['Ереване'])).toEqual({ name: 'Yerevan', kind: 'capital' });
    expect(g.lookup(['Степанакерт'])).toEqual({ name: 'Stepanakert', kind: 'capital' });
    expect(g.lookup(['United', 'States', 'of', 'America'])).toEqual({ name: 'United States', kind: 'country' });
    expect(g.lookup(['Baku'])).toEqual({ name: 'Baku', kind: 'capital' });
    expect(g.lookup(['Bako'])).toBeNull();
  });
});
