// Dates in Tagalog, English and Russian (and Armenian), from real phrasings: each row is a sentence, the
// date mention expected in it (as written) and its normalised value (ISO date, month, year or interval).
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../main/facts/extract/index';

type Row = [sentence: string, text: string, value: string];

function dateIn(sentence: string, lang: string, text: string) {
  const dates = extractMentions(sentence, { lang }).filter((m) => m.type === 'date');
  return dates.find((d) => d.text === text) ?? dates;
}

const TAGALOG: Row[] = [
  ['Noong Hulyo 19, 2012, ginanap ang halalan sa pagkapangulo.', 'Hulyo 19, 2012', '2012-07-19'],
  ['Ipinahayag ang kalayaan ng Pilipinas noong Hunyo 12, 1898 sa Kawit.', 'Hunyo 12, 1898', '1898-06-12'],
  ['Binaril si Jose Rizal noong Disyembre 30, 1896 sa Bagumbayan.', 'Disyembre 30, 1896', '1896-12-30'],
  ['Idineklara ang batas militar noong Setyembre 21, 1972.', 'Setyembre 21, 1972', '1972-09-21'],
  ['Naganap ang pag-aalsa sa EDSA noong Pebrero 25, 1986.', 'Pebrero 25, 1986', '1986-02-25'],
  ['Kinilala ng Estados Unidos ang kalayaan noong ika-4 ng Hulyo, 1946.', 'ika-4 ng Hulyo, 1946', '1946-07-04'],
  ['Ang ulat ay inilabas noong Agosto 2012.', 'Agosto 2012', '2012-08'],
  ['Nanalo siya sa halalan noong 2012.', '2012', '2012'],
  ['Ang Ebanghelyo ay nagsimula noong ika-17 siglo.', 'ika-17 siglo', '1601/1700'],
  ['Itinayo ang simbahan noong ika-19 na siglo.', 'ika-19 na siglo', '1801/1900'],
  ['Lumago ang ekonomiya noong dekada 1990.', 'dekada 1990', '1990/1999'],
  ['Ang petsa ng halalan ay 2012-07-19 ayon sa CEC.', '2012-07-19', '2012-07-19'],
  ['Ang talaan ay may petsang 19.07.2012.', '19.07.2012', '2012-07-19'],
];

const ENGLISH: Row[] = [
  ['On July 19, 2012, the regular presidential election was held in the NKR.', 'July 19, 2012', '2012-07-19'],
  ['The treaty was signed on 19 July 2012 in Yerevan.', '19 July 2012', '2012-07-19'],
  ['It came into force on the 4th of July 1946.', '4th of July 1946', '1946-07-04'],
  ['The vote was postponed to Sept. 7, 2012.', 'Sept. 7, 2012', '2012-09-07'],
  ['Turnout figures were published in September 2012.', 'September 2012', '2012-09'],
  ['Sahakyan was first elected in 2007.', '2007', '2007'],
  ['He placed his hand on the Gospel dating from the 17th century.', '17th century', '1601/1700'],
  ['The manuscript dates from the seventeenth century.', 'seventeenth century', '1601/1700'],
  ['The conflict began in the 1990s.', '1990s', '1990/1999'],
  ['The form was dated 07/19/2012.', '07/19/2012', '2012-07-19'],
  ['Results were certified on 2012-07-26.', '2012-07-26', '2012-07-26'],
];

const RUSSIAN: Row[] = [
  ['19 июля 2012 года в НКР состоялись очередные президентские выборы.', '19 июля 2012 года', '2012-07-19'],
  ['Указ вступил в силу 1 мая 2012 г. после публикации.', '1 мая 2012 г.', '2012-05-01'],
  ['Выборы прошли в июле 2012 года.', 'июле 2012 года', '2012-07'],
  ['Саакян впервые был избран в 2007 году.', '2007 году', '2007'],
  ['Он принесёт присягу на Евангелии XVII века.', 'XVII века', '1601/1700'],
  ['Храм построен в 17 веке.', '17 веке', '1601/1700'],
  ['Протокол подписан 19.07.2012 в Степанакерте.', '19.07.2012', '2012-07-19'],
  ['Конфликт обострился в 1990-е годы.', '1990-е годы', '1990/1999'],
  ['Отчёт за 2012 г. опубликован.', '2012 г.', '2012'],
];

const ARMENIAN: Row[] = [
  ['Ընտրությունները տեղի ունեցան 2012 թ. հուլիսի 19-ին։', '2012 թ. հուլիսի 19-ին', '2012-07-19'],
];

describe.each([
  ['Tagalog', 'tl', TAGALOG],
  ['English', 'en', ENGLISH],
  ['Russian', 'ru', RUSSIAN],
  ['Armenian', 'hy', ARMENIAN],
] as const)('%s dates', (_name, lang, rows) => {
  it.each(rows)('%s → %s = %s', (sentence, text, value) => {
    expect(dateIn(sentence, lang, text)).toMatchObject({
      type: 'date',
      text,
      value,
      start: sentence.indexOf(text),
      end: sentence.indexOf(text) + text.length,
    });
  });
});

describe('dates without a year', () => {
  it.each([
    [
      'tl',
      'Noong Hulyo 19, 2012, ginanap ang halalan. Ang pagpapasinaya ay naka-iskedyul sa Setyembre 7.',
      'Setyembre 7',
      '2012-09-07',
    ],
    [
      'en',
      'On July 19, 2012, the election was held. The inauguration is scheduled for September 7.',
      'September 7',
      '2012-09-07',
    ],
    ['ru', '19 июля 2012 года прошли выборы. Инаугурация назначена на 7 сентября.', '7 сентября', '2012-09-07'],
    [
      'tl',
      'Noong ika-19 ng Hulyo, 2012 ginanap ang halalan; ang bilang ay natapos noong ika-21 ng Hulyo.',
      'ika-21 ng Hulyo',
      '2012-07-21',
    ],
  ])('%s: %s takes the year of the nearest earlier full date', (lang, text, phrase, value) => {
    const d = dateIn(text, lang, phrase);
    expect(d).toMatchObject({ value, date: { precision: 'day', yearInferred: true } });
  });

  it('take the year of the nearest earlier date, not the first one', () => {
    const text =
      'Noong Hulyo 19, 2012 ginanap ang halalan. Noong Marso 3, 2013 nagbitiw siya. Ang seremonya ay sa Setyembre 7.';
    expect(dateIn(text, 'tl', 'Setyembre 7')).toMatchObject({ value: '2013-09-07' });
  });

  it('fall back to the publication year, and stay partial without one', () => {
    expect(extractMentions('Ang seremonya ay sa Setyembre 7.', { lang: 'tl', referenceDate: '2012-08-01' })).toEqual([
      expect.objectContaining({ value: '2012-09-07' }),
    ]);
    expect(extractMentions('Ang seremonya ay sa Setyembre 7.', { lang: 'tl' })).toEqual([
      expect.objectContaining({ value: '--09-07', confidence: 0.4 }),
    ]);
  });
});

describe('what is not a date', () => {
  it.each([
    ['tl', 'May 5 botante sa presinto.'], // "may" = there is
    ['en', 'Voters may 5 times a day check the list.'],
    ['en', 'Prices rose 3.5 per cent.'],
    ['tl', 'Nakakuha siya ng 47,000 boto.'],
  ])('%s: %s', (lang, sentence) => {
    expect(extractMentions(sentence, { lang }).filter((m) => m.type === 'date')).toEqual([]);
  });

  it('an impossible day is not a date (the year alone still is)', () => {
    expect(extractMentions('February 30, 2012 is not a day.', { lang: 'en' }).filter((m) => m.type === 'date')).toEqual(
      [expect.objectContaining({ text: '2012', value: '2012' })],
    );
  });

  it('a year-looking count with a multiplier stays a quantity', () => {
    expect(extractMentions('Mahigit 2000 libong piso ang nagastos.', { lang: 'tl' })).toEqual([
      expect.objectContaining({
        type: 'quantity',
        text: 'Mahigit 2000 libong piso',
        value: 2_000_000,
        quantity: { kind: 'money', qualifier: 'gt', unit: 'PHP' },
      }),
    ]);
  });
});
