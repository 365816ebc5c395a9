// Rules that make the extractor hold on texts it was not written from (the second held-out set of
// `npm run bench:language`): cue words for courts, ministries, councils and buildings, places named by an
// administrative unit, the broader gazetteer, occupations before names, more currencies, Armenian months with
// their case endings, election verbs, a date going with its nearest event, a country's budget, and pronouns.
// Each rule with a table of real phrases in the languages it covers.
import { describe, expect, it } from 'vitest';
import { analyse, getGazetteer } from '../../../main/facts/extract/index';
import { russianNameLemma } from '../../../main/facts/extract/morphology';

const mentions = (lang: string, text: string, referenceDate?: string) =>
  analyse(text, { lang, referenceDate }).mentions;
const typed = (lang: string, text: string) => mentions(lang, text).map((m) => [m.type, m.text, m.value]);
const persons = (lang: string, text: string) => mentions(lang, text).filter((m) => m.type === 'person');
const facts = (lang: string, text: string, referenceDate?: string) =>
  analyse(text, { lang, referenceDate }).candidates.map(
    (c) =>
      `${c.subject.name} | ${c.predicate} | ${
        c.object.kind === 'number' ? c.object.number : c.object.kind === 'date' ? c.object.date : c.object.name
      }`,
  );

describe('organisations by cue words: courts, tribunals, ministries, councils, agencies', () => {
  it.each([
    ['tl', 'Pinawalang-sala siya ng Sandiganbayan noong Lunes.', 'Sandiganbayan'],
    ['tl', 'Inaprubahan ng Sangguniang Panlungsod ang badyet.', 'Sangguniang Panlungsod'],
    ['tl', 'Naglabas ng pahayag ang Tanggapan ng Ombudsman kahapon.', 'Tanggapan ng Ombudsman'],
    ['tl', 'Isinampa ng Kagawaran ng Katarungan ang kaso.', 'Kagawaran ng Katarungan'],
    ['en', "Kenya's National Treasury published the figures.", 'National Treasury'],
    ['en', 'The bill passed the Knesset on Monday.', 'Knesset'],
    ['en', 'The appeal was sent to the United Nations in Geneva.', 'United Nations'],
    ['en', 'The British Embassy issued a travel warning.', 'British Embassy'],
    ['en', "Brazil's Supreme Federal Court ruled against him.", 'Supreme Federal Court'],
    ['ru', 'По данным Росстата, цены выросли.', 'Росстата'],
    ['ru', 'Об этом сообщило МЧС России.', 'МЧС России'],
    ['ru', 'Правозащитный центр «Мемориал» был ликвидирован.', 'Мемориал'],
    ['ru', 'Спортивный арбитражный суд отклонил апелляцию.', 'Спортивный арбитражный суд'],
    ['hy', 'Հայաստանի ծանրամարտի ֆեդերացիան հայտնեց արդյունքները։', 'Հայաստանի ծանրամարտի ֆեդերացիան'],
    ['hy', 'Երևանի քաղաքապետարանը հայտարարություն տարածեց։', 'Երևանի քաղաքապետարանը'],
    ['hy', 'Վճռաբեկ դատարանը մերժեց բողոքը։', 'Վճռաբեկ դատարանը'],
  ])('%s: %s', (lang, text, surface) => {
    expect(typed(lang, text)).toContainEqual(['organisation', surface, expect.anything()]);
    expect(persons(lang, text)).toEqual([]);
  });
});

describe('buildings and sites are places, kept as written', () => {
  it.each([
    ['tl', 'Nanumpa siya sa Palasyo ng Malacañang.', 'Palasyo ng Malacañang'],
    ['en', 'She took the oath at the Legislative Palace of San Lázaro.', 'Legislative Palace of San Lázaro'],
    ['en', 'Fans filled the Araneta Coliseum last night.', 'Araneta Coliseum'],
    ['ru', 'Митинг прошёл у Дворца Республики.', 'Дворца Республики'],
  ])('%s: %s', (lang, text, surface) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, surface]);
    expect(persons(lang, text)).toEqual([]);
  });
});

describe('a name next to a word for an administrative unit is a place, known or not', () => {
  it.each([
    ['tl', 'Binaha ang lalawigan ng Albay.', 'Albay', 'Albay'],
    ['tl', 'Lumikas ang mga residente ng bayan ng Guinobatan.', 'Guinobatan', 'Guinobatan'],
    ['tl', 'Umabot sa ₱2.9 bilyon ang badyet ng Lungsod ng Baguio.', 'Baguio', 'Baguio'],
    ['en', 'Floods hit Kahramanmaraş province.', 'Kahramanmaraş', 'Kahramanmaraş'],
    ['en', 'He was born in the city of Chorzów.', 'Chorzów', 'Chorzów'],
    ['en', 'The meeting was held in Chorzów, Poland.', 'Chorzów', 'Chorzów'],
    ['tl', 'Nag-ensayo siya sa Eugene, Estados Unidos.', 'Eugene', 'Eugene'],
    ['ru', 'Наводнение затронуло Оренбургскую область.', 'Оренбургскую', 'Orenburg Oblast'],
    ['ru', 'Он родился в городе Орск.', 'Орск', 'Орск'],
    ['hy', 'Նա ծնվել է Դսեղ գյուղում։', 'Դսեղ', 'Դսեղ'],
    ['hy', 'Երկրաշարժը ավերեց Սպիտակ քաղաքը։', 'Սպիտակ', 'Սպիտակ'],
    ['hy', 'Արմավիր համայնքի բյուջեն հաստատվեց։', 'Արմավիր', 'Armavir'],
  ])('%s: %s', (lang, text, surface, value) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, value]);
    expect(persons(lang, text)).toEqual([]);
  });

  it('a name after a comma and a country in a results list is not taken for a place without "in"', () => {
    expect(typed('en', 'Gold went to Hidilyn Diaz, Philippines.')).toContainEqual([
      'person',
      'Hidilyn Diaz',
      'Hidilyn Diaz',
    ]);
  });
});

describe('the gazetteer: Philippine regions, provinces and cities, Russian and Armenian regions, world cities', () => {
  it.each([
    [['Tacloban'], 'Tacloban'],
    [['Bicol'], 'Bicol'],
    [['Kabikulan'], 'Bicol'],
    [['Camarines', 'Sur'], 'Camarines Sur'],
    [['Muntinlupa'], 'Muntinlupa'],
    [['Свердловской', 'области'], 'Sverdlovsk Oblast'],
    [['Краснодарском', 'крае'], 'Krasnodar Krai'],
    [['Екатеринбурге'], 'Yekaterinburg'],
    [['Շիրակի', 'մարզի'], 'Shirak Province'],
    [['Լոռու'], 'Lori Province'],
    [['Մանամայում'], 'Manama'],
    [['Ղազախստանում'], 'Kazakhstan'],
    [['Miami'], 'Miami'],
    [['Майами'], 'Miami'],
  ])('%j → %s', (words, name) => {
    expect(getGazetteer().lookup(words)?.name).toBe(name);
  });

  it.each([[['Rizal']], [['Aurora']], [['Quezon']], [['Владимир']], [['Արարատ']]])(
    '%j is left out: it is also a frequent personal name',
    (words) => {
      expect(getGazetteer().lookup(words)).toBeNull();
    },
  );
});

describe('occupations and titles before a name are not part of it', () => {
  it.each([
    ['en', 'Weightlifter Hidilyn Diaz won gold.', 'Hidilyn Diaz'],
    ['en', 'Grandmaster Levon Aronian won the tournament.', 'Levon Aronian'],
    ['tl', 'Pinalaya si dating Senadora Leila de Lima.', 'Leila de Lima'],
    ['ru', 'Фигуристка Камила Валиева выступила в Пекине.', 'Камила Валиева'],
    ['hy', 'Ծանրամարտիկ Վարազդատ Լալայանը հաղթեց։', 'Վարազդատ Լալայան'],
  ])('%s: %s', (lang, text, value) => {
    expect(persons(lang, text).map((m) => m.value)).toEqual([value]);
  });
});

describe('Russian names: female first names in the accusative, a lone surname in another case', () => {
  it.each([
    ['Камилу Валиеву', 'Камила Валиева'],
    ['Алины Кабаевой', 'Алина Кабаева'],
    ['Мадину Ахмедову', 'Мадина Ахмедова'],
  ])('%s → %s', (written, lemma) => {
    expect(russianNameLemma(written.split(' ')).join(' ')).toBe(lemma);
  });

  it.each([
    ['Касым-Жомарт Токаев победил. Инаугурация Токаева состоялась 26 ноября.', 'Токаева', 'Касым-Жомарт Токаев'],
    ['Владимир Путин выступил. Вчера Путину вручили удостоверение.', 'Путину', 'Владимир Путин'],
  ])('%s', (text, surface, value) => {
    expect(typed('ru', text)).toContainEqual(['person', surface, value]);
  });
});

describe('dates and amounts', () => {
  it.each([
    ['2024 թվականի դեկտեմբերին', '2024-12'],
    ['2023 թ. մարտին', '2023-03'],
    ['2022 թվականի հունվարից', '2022-01'],
  ])('Armenian month with its case ending: %s → %s', (text, value) => {
    expect(typed('hy', `Մրցումները անցկացվեցին ${text}։`)).toContainEqual(['date', text, value]);
  });

  it.each([
    ['en', 'The budget is 3.99 trillion shillings.', 3.99e12, 'KES'],
    ['ru', 'Расходы составят 322 трлн сумов.', 322e12, 'UZS'],
    ['ru', 'Бюджет Казахстана составит 25 трлн тенге.', 25e12, 'KZT'],
    ['en', 'The fine was 2 million rupees.', 2e6, 'INR'],
    ['hy', 'Բյուջեն կազմում է 5 միլիոն լարի։', 5e6, 'GEL'],
  ])('%s: %s is money', (lang, text, value, unit) => {
    const q = mentions(lang, text).find((m) => m.type === 'quantity');
    expect(q).toMatchObject({ value, quantity: { kind: 'money', unit } });
  });
});

describe('proposals', () => {
  it.each([
    [
      'en',
      'Bako Sahakyan was re-elected president of Nagorno-Karabakh on July 19, 2012.',
      'Nagorno-Karabakh | election date | 2012-07-19',
    ],
    ['en', 'Claudia Sheinbaum was elected president of Mexico on June 2, 2024.', 'Mexico | election date | 2024-06-02'],
    [
      'ru',
      'Касым-Жомарт Токаев был переизбран президентом Казахстана 20 ноября 2022 года.',
      'Kazakhstan | election date | 2022-11-20',
    ],
    ['hy', 'Նա վերընտրվել է Հայաստանի նախագահ 2013 թվականի փետրվարի 18-ին։', 'Armenia | election date | 2013-02-18'],
    [
      'tl',
      'Nagwagi si Isko Moreno bilang alkalde ng Maynila noong Mayo 13, 2019.',
      'Manila | election date | 2019-05-13',
    ],
  ])('%s: election verbs date an election (%s)', (lang, text, fact) => {
    expect(facts(lang, text)).toContain(fact);
  });

  it('winning as a champion is not an election', () => {
    const text = 'Nanalo si Hidilyn Diaz bilang kampeon sa Tokyo noong Hulyo 26, 2021.';
    expect(facts('tl', text).filter((f) => f.includes('election date'))).toEqual([]);
  });

  it('"newly elected" names a person, not an event', () => {
    const text =
      'Ang pagpapasinaya ng bagong halal na Pangulo ng NKR na si Bako Sahakyan ay naka-iskedyul sa Setyembre 7.';
    expect(facts('tl', text, '2012-07-20')).toEqual(['Bako Sahakyan | inauguration date | 2012-09-07']);
    expect(
      facts('ru', 'Инаугурация вновь избранного президента НКР Бако Саакяна назначена на 7 сентября.', '2012-07-20'),
    ).toEqual(['Бако Саакян | inauguration date | 2012-09-07']);
  });

  it.each([
    [
      'en',
      'Claudia Sheinbaum was elected Mexico’s first female president on June 2, 2024, and took the oath of office in' +
        ' Mexico City on October 1.',
      ['Mexico | election date | 2024-06-02', 'Claudia Sheinbaum | inauguration date | 2024-10-01'],
    ],
    [
      'tl',
      'Nahalal si Prabowo Subianto noong Pebrero 14, 2024 sa Indonesia at nanumpa siya noong Oktubre 20, 2024.',
      ['Indonesia | election date | 2024-02-14', 'Prabowo Subianto | inauguration date | 2024-10-20'],
    ],
  ])('%s: each date goes with the event word nearest to it', (lang, text, expected) => {
    const found = facts(lang, text);
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found.filter((f) => /election date|inauguration date/u.test(f))).toHaveLength(2);
  });

  it.each([
    ['en', "Brazil's court ruled on March 26, 2025 that he lost the 2022 election."],
    ['en', 'Armenia voted on June 20, 2021, three years after the May 2018 elections.'],
  ])('an event with its own year is not on a day of another year: %s', (lang, text) => {
    expect(facts(lang, text).filter((f) => f.includes('election date'))).toEqual([]);
  });

  it.each([
    [
      'en',
      "Kenya's National Treasury presented a budget of 3.99 trillion shillings.",
      'Kenya | budget | 3990000000000',
    ],
    [
      'hy',
      'Ֆինանսների նախարարության տվյալներով՝ Արմավիր համայնքի 2024 թվականի բյուջեն կազմում է 4,8 միլիարդ դրամ։',
      'Armavir | budget | 4800000000',
    ],
    [
      'ru',
      'Расходы государственного бюджета Узбекистана на 2025 год составят 322 трлн сумов, сообщило' +
        ' Министерство финансов.',
      'Uzbekistan | budget | 322000000000000',
    ],
  ])('%s: a budget is the place’s, not its ministry’s or treasury’s', (lang, text, fact) => {
    expect(facts(lang, text)).toEqual([fact]);
  });

  it('a pronoun sentence is about the one person (and the first place) of the sentence before', () => {
    const text =
      'Nanumpa si Prabowo Subianto bilang pangulo ng Indonesia sa Jakarta noong Oktubre 20, 2024. Nanalo siya sa' +
      ' halalan noong Pebrero 14, 2024 sa humigit-kumulang 96 milyong boto.';
    expect(facts('tl', text)).toEqual(
      expect.arrayContaining([
        'Prabowo Subianto | inauguration date | 2024-10-20',
        'Indonesia | election date | 2024-02-14',
        'Prabowo Subianto | votes received | 96000000',
      ]),
    );
    expect(
      facts('en', 'Rodrigo Duterte was sworn in on June 30, 2016. He received more than 16 million votes.'),
    ).toContain('Rodrigo Duterte | votes received | 16000000');
  });

  it('a pronoun with two people before it is left alone', () => {
    expect(
      facts('en', 'Ferdinand Marcos met Leni Robredo on Monday. He received 31 million votes.').filter((f) =>
        f.includes('votes received'),
      ),
    ).toEqual([]);
  });
});
