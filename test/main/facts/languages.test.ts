// Facts that generalise across Tagalog, English, Russian and Armenian: each rule of the extractor with a table
// of real phrases (entity typing, names in their dictionary form, number words, dates, proposals built from
// the sentence's parts, approximate values).
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/facts';
import { analyse } from '../../../main/facts/extract/index';
import { armenianNameLemma, russianNameLemma } from '../../../main/facts/extract/morphology';

const mentions = (lang: string, text: string, referenceDate?: string) =>
  analyse(text, { lang, referenceDate }).mentions;
const typed = (lang: string, text: string) => mentions(lang, text).map((m) => [m.type, m.text, m.value]);
const facts = (lang: string, text: string, referenceDate?: string) =>
  analyse(text, { lang, referenceDate }).candidates.map((c) => [
    c.subject.name,
    c.predicate,
    c.object.kind === 'number' ? c.object.number : c.object.kind === 'date' ? c.object.date : c.object.name,
    c.valueQualifier,
  ]);

describe('entity typing with cue words and the gazetteer', () => {
  it.each([
    ['tl', 'Nagpulong sila ng Ministro ng Ugnayang Panlabas ng Rusya.', ['organisation', 'Ugnayang Panlabas']],
    [
      'tl',
      'Kasapi ang Armenya ng Commonwealth of Independent States.',
      ['organisation', 'Commonwealth of Independent States'],
    ],
    [
      'tl',
      'Ayon sa Komisyong Sentral ng Halalan, tapos na ang bilangan.',
      ['organisation', 'Komisyong Sentral ng Halalan'],
    ],
    ['en', 'He met the Secretary of Foreign Affairs yesterday.', ['organisation', 'Foreign Affairs']],
    ['en', 'The Bright Armenia party entered parliament.', ['organisation', 'Bright Armenia']],
    ['ru', 'Заседание Совета Безопасности ООН прошло в Нью-Йорке.', ['organisation', 'Совета Безопасности ООН']],
    [
      'ru',
      'Об этом сообщили в Министерстве иностранных дел Армении.',
      ['organisation', 'Министерстве иностранных дел Армении'],
    ],
    ['hy', 'Սահմանադրական դատարանը մերժեց հայցը։', ['organisation', 'Սահմանադրական դատարանը']],
    ['hy', 'Որոշումն ընդունեց Ազգային ժողովը։', ['organisation', 'Ազգային ժողովը']],
    [
      'hy',
      'Հայտարարությունը տարածել է Առողջապահության նախարարությունը։',
      ['organisation', 'Առողջապահության նախարարությունը'],
    ],
  ])('%s: %s', (lang, text, [type, surface]) => {
    expect(typed(lang, text)).toContainEqual([type, surface, expect.anything()]);
    expect(mentions(lang, text).filter((m) => m.type === 'person')).toEqual([]);
  });

  it.each([
    ['ru', 'Выборы в Нагорном Карабахе прошли спокойно.', 'Нагорном Карабахе', 'Nagorno-Karabakh'],
    ['ru', 'Делегация прибыла в Гюмри из Санкт-Петербурга.', 'Санкт-Петербурга', 'Saint Petersburg'],
    ['ru', 'Встреча прошла в Тбилиси.', 'Тбилиси', 'Tbilisi'],
    ['hy', 'Ընտրությունները Լեռնային Ղարաբաղում անցան հանգիստ։', 'Լեռնային Ղարաբաղում', 'Nagorno-Karabakh'],
    ['hy', 'Պատվիրակությունը ժամանեց Մոսկվայից։', 'Մոսկվայից', 'Moscow'],
    ['hy', 'Նա ծնվել է Ստեփանակերտում։', 'Ստեփանակերտում', 'Stepanakert'],
    ['hy', 'Ցույցեր եղան նաև Արենիում։', 'Արենիում', 'Արենի'], // not in the gazetteer: the locative makes it a place
    ['tl', 'Bumisita siya sa Lungsod Quezon kahapon.', 'Lungsod Quezon', 'Quezon City'],
  ])('%s: an inflected place is a place (%s)', (lang, text, surface, value) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, value]);
    expect(mentions(lang, text).filter((m) => m.type === 'person')).toEqual([]);
  });

  it.each([
    ['hy', 'Երդմնակալության արարողությունը կկայանա վաղը։'],
    ['hy', 'Ընտրություններին Հայաստանում մասնակցեց կեսից ավելին։'],
    ['ru', 'Инаугурация состоится в воскресенье.'],
    ['ru', 'Голосование продлится до вечера.'],
  ])('%s: an abstract noun never starts a person name (%s)', (lang, text) => {
    expect(mentions(lang, text).filter((m) => m.type === 'person')).toEqual([]);
  });

  it('a name after si / ni / kay is a person even when it starts like a country (si Jordan Clarkson)', () => {
    expect(typed('tl', 'Pumuntos si Jordan Clarkson kagabi.')).toContainEqual([
      'person',
      'Jordan Clarkson',
      'Jordan Clarkson',
    ]);
  });

  it('initials and Jr. stay in the name, and do not end the sentence', () => {
    expect(typed('en', 'Former president Fidel V. Ramos died on July 31, 2022.')).toContainEqual([
      'person',
      'Fidel V. Ramos',
      'Fidel V. Ramos',
    ]);
    expect(typed('en', 'Ferdinand Marcos Jr. won.')).toContainEqual([
      'person',
      'Ferdinand Marcos Jr.',
      'Ferdinand Marcos Jr.',
    ]);
  });
});

describe('names in their dictionary form (a lemma, not a stem)', () => {
  it.each([
    ['Сержа Саргсяна', 'Серж Саргсян'],
    ['Виталию Баласаняну', 'Виталий Баласанян'],
    ['Игорем Петровым', 'Игорь Петров'],
    ['Сергея Лаврова', 'Сергей Лавров'],
    ['Павла Грудинина', 'Павел Грудинин'],
    ['Ксению Собчак', 'Ксения Собчак'],
    ['Марины Ивановой', 'Марина Иванова'],
    ['Бако Саакяна', 'Бако Саакян'],
    ['Андрея Бельского', 'Андрей Бельский'],
    ['Владимир Путин', 'Владимир Путин'],
    ['Нино Бурджанадзе', 'Нино Бурджанадзе'],
    ['Никита Михалков', 'Никита Михалков'],
  ])('Russian: %s → %s', (written, lemma) => {
    expect(russianNameLemma(written.split(' ')).join(' ')).toBe(lemma);
  });

  it.each([
    ['Բակո Սահակյանը', 'Բակո Սահակյան'],
    ['Սերժ Սարգսյանի', 'Սերժ Սարգսյան'],
    ['Լևոն Տեր-Պետրոսյանին', 'Լևոն Տեր-Պետրոսյան'],
    ['Նիկոլ Փաշինյանից', 'Նիկոլ Փաշինյան'],
    ['Շառլ Ազնավուրը', 'Շառլ Ազնավուր'],
    ['Վլադիմիր Պուտինը', 'Վլադիմիր Պուտին'],
  ])('Armenian: %s → %s', (written, lemma) => {
    expect(armenianNameLemma(written.split(' ')).join(' ')).toBe(lemma);
  });

  it('mentions carry the lemma as their value', () => {
    expect(typed('ru', 'Инаугурация Сержа Саргсяна прошла в Ереване.')).toEqual([
      ['person', 'Сержа Саргсяна', 'Серж Саргсян'],
      ['place', 'Ереване', 'Yerevan'],
    ]);
    expect(typed('hy', 'Այսօր Բակո Սահակյանը հանդիպեց Ռուսաստանի դեսպանին։')).toEqual([
      ['person', 'Բակո Սահակյանը', 'Բակո Սահակյան'],
      ['place', 'Ռուսաստանի', 'Russia'],
    ]);
  });
});

describe('numbers with their words, decimal commas and qualifiers', () => {
  const quantity = (lang: string, text: string) => mentions(lang, text).find((m) => m.type === 'quantity') as Mention;
  it.each([
    ['hy', 'Ցույցին մասնակցել է մոտ 47 հազար մարդ։', 'մոտ 47 հազար', 47_000, 'approx'],
    ['hy', 'Բյուջեն կազմում է 1,5 միլիոն դրամ։', '1,5 միլիոն դրամ', 1_500_000, 'exact'],
    ['hy', 'Վնասը գնահատվում է 2,3 միլիարդ դոլար։', '2,3 միլիարդ դոլար', 2_300_000_000, 'exact'],
    ['hy', 'Քվեարկել է ավելի քան 1 միլիոն 200 հազար ընտրող։', 'ավելի քան 1 միլիոն 200 հազար', 1_200_000, 'gt'],
    ['hy', 'Նա ստացել է ձայների 12,4 տոկոսը։', '12,4 տոկոսը', 12.4, 'exact'],
    ['ru', 'На митинг пришли около 30 тыс. человек.', 'около 30 тыс.', 30_000, 'approx'],
    ['ru', 'Расходы составят 2,5 млрд рублей.', '2,5 млрд рублей', 2_500_000_000, 'exact'],
    ['ru', 'Проголосовали более 1 млн 400 тыс. избирателей.', 'более 1 млн 400 тыс.', 1_400_000, 'gt'],
    ['ru', 'Пострадали не менее 40 тысяч жителей.', 'не менее 40 тысяч', 40_000, 'gt'],
    ['tl', 'Dumalo ang humigit-kumulang 5 libong tao.', 'humigit-kumulang 5 libong', 5_000, 'approx'],
    ['tl', 'Mahigit 2.5 milyong botante ang bumoto.', 'Mahigit 2.5 milyong', 2_500_000, 'gt'],
    ['en', 'At least 1,200 people were evacuated.', 'At least 1,200', 1_200, 'gt'],
    ['en', 'The fund holds about 3.5 billion dollars.', 'about 3.5 billion dollars', 3_500_000_000, 'approx'],
  ])('%s: %s', (lang, text, surface, value, qualifier) => {
    expect(quantity(lang, text)).toMatchObject({ text: surface, value, quantity: { qualifier } });
  });
});

describe('dates', () => {
  it.each([
    ['hy', 'Ընտրությունները կայացան 2013 թվականի փետրվարի 18-ին։', '2013 թվականի փետրվարի 18-ին', '2013-02-18'],
    ['hy', 'Նիստը տեղի ունեցավ 2021 թ. հունիսի 2-ին։', '2021 թ. հունիսի 2-ին', '2021-06-02'],
    ['hy', 'Երդմնակալությունը նշանակված է սեպտեմբերի 7-ին։', 'սեպտեմբերի 7-ին', '2012-09-07'],
    ['ru', 'Выборы прошли 19 июля 2012 года.', '19 июля 2012 года', '2012-07-19'],
    ['ru', 'Заседание назначено на 3 марта.', '3 марта', '2012-03-03'],
    ['tl', 'Ginanap ang halalan noong ika-18 ng Pebrero, 2013.', 'ika-18 ng Pebrero, 2013', '2013-02-18'],
    ['en', 'The vote took place on 18 February 2013.', '18 February 2013', '2013-02-18'],
  ])('%s: %s', (lang, text, surface, value) => {
    expect(mentions(lang, text, '2012-01-10').find((m) => m.type === 'date')).toMatchObject({ text: surface, value });
  });

  it.each([
    ['en', 'Halalan 2013: the presidential election in Armenia was calm.'],
    ['tl', 'Halalan sa Armenya, 2013: tahimik ang botohan.'],
    ['ru', 'Выборы в Армении в феврале 2013 года прошли спокойно.'],
    ['hy', 'Հայաստանում 2013 թվականի ընտրությունները անցան հանգիստ։'],
  ])('%s: a year or a month alone is never an election date (%s)', (lang, text) => {
    expect(facts(lang, text).filter(([, predicate]) => predicate === 'election date')).toEqual([]);
  });
});

describe('proposals from the parts of a sentence', () => {
  it.each([
    [
      'tl',
      'Humigit-kumulang 861 libong botante ang pumili kay Serzh Sargsyan.',
      ['Serzh Sargsyan', 'votes received', 861_000, 'approx'],
    ],
    [
      'tl',
      'Sa kabuuan, 539 libong boto ang nakuha ni Raffi Hovannisian.',
      ['Raffi Hovannisian', 'votes received', 539_000, 'exact'],
    ],
    [
      'tl',
      'Nakatanggap si Hrant Bagratyan ng 2.15 porsiyento ng boto.',
      ['Hrant Bagratyan', 'vote share', 2.15, 'exact'],
    ],
    ['tl', 'Pitong kandidato ang lumahok sa halalan sa Armenya.', ['Armenia', 'number of candidates', 7, 'exact']],
    [
      'tl',
      'Manunumpa si Serzh Sargsyan sa Abril 9, 2013.',
      ['Serzh Sargsyan', 'inauguration date', '2013-04-09', 'exact'],
    ],
    ['en', 'Raffi Hovannisian polled about 37 percent of the vote.', ['Raffi Hovannisian', 'vote share', 37, 'approx']],
    ['en', 'Seven candidates stood in the election in Armenia.', ['Armenia', 'number of candidates', 7, 'exact']],
    ['en', 'The Heritage party won 5.8 percent.', ['Heritage', 'vote share', 5.8, 'exact']],
    ['ru', 'Серж Саргсян набрал 58,64% голосов.', ['Серж Саргсян', 'vote share', 58.64, 'exact']],
    [
      'ru',
      'За Раффи Ованнисяна проголосовали около 539 тысяч избирателей.',
      ['Раффи Ованнисян', 'votes received', 539_000, 'approx'],
    ],
    [
      'ru',
      'Инаугурация Сержа Саргсяна состоялась 9 апреля 2013 года.',
      ['Серж Саргсян', 'inauguration date', '2013-04-09', 'exact'],
    ],
    ['ru', 'Население Армении составляет около 2,9 млн человек.', ['Armenia', 'population', 2_900_000, 'approx']],
    ['hy', 'Սերժ Սարգսյանը ստացել է մոտ 861 հազար ձայն։', ['Սերժ Սարգսյան', 'votes received', 861_000, 'approx']],
    ['hy', 'Րաֆֆի Հովհաննիսյանը հավաքել է ձայների 36,7 տոկոսը։', ['Րաֆֆի Հովհաննիսյան', 'vote share', 36.7, 'exact']],
    [
      'hy',
      'Սերժ Սարգսյանի երդմնակալությունը տեղի ունեցավ 2013 թվականի ապրիլի 9-ին։',
      ['Սերժ Սարգսյան', 'inauguration date', '2013-04-09', 'exact'],
    ],
    ['hy', 'Ընտրություններին մասնակցում էր 7 թեկնածու Հայաստանում։', ['Armenia', 'number of candidates', 7, 'exact']],
  ])('%s: %s', (lang, text, fact) => {
    expect(facts(lang, text)).toContainEqual(fact);
  });

  it.each([
    [
      'ru',
      'Сергей Собянин получил 51,37% голосов, а Алексей Навальный — 27,24%.',
      [
        ['Сергей Собянин', 51.37],
        ['Алексей Навальный', 27.24],
      ],
    ],
    [
      'hy',
      'Ռոբերտ Քոչարյանը ստացել է ձայների 67,5 տոկոսը, իսկ Ստեփան Դեմիրճյանը՝ 32,5 տոկոսը։',
      [
        ['Ռոբերտ Քոչարյան', 67.5],
        ['Ստեփան Դեմիրճյան', 32.5],
      ],
    ],
    [
      'en',
      'Pashinyan received 53.9 percent, and Kocharyan 21 percent.',
      [
        ['Pashinyan', 53.9],
        ['Kocharyan', 21],
      ],
    ],
  ])('%s: a list that drops the verb gives each name its own value', (lang, text, expected) => {
    const shares = facts(lang, text)
      .filter(([, predicate]) => predicate === 'vote share')
      .map(([name, , value]) => [name, value]);
    expect(shares).toEqual(expected);
  });

  it.each([
    [
      'hy',
      'Երդմնակալության արարողությունից հետո Բակո Սահակյանը հայտարարեց, որ կառավարությունը' +
        ' կներկայացնի սեպտեմբերի 14-ին։',
    ],
    ['ru', 'После инаугурации Бако Саакян объявил, что представит правительство 14 сентября.'],
    ['en', 'After the inauguration, Sahakyan said he would name the government on September 14.'],
  ])('%s: a date "after the inauguration" is not the inauguration date', (lang, text) => {
    expect(facts(lang, text, '2012-09-08').filter(([, predicate]) => predicate === 'inauguration date')).toEqual([]);
  });

  it('a name after "led by" is not the subject, and an electoral commission never receives votes', () => {
    expect(
      facts('en', 'The alliance led by Robert Kocharyan won 21 percent.').filter(
        ([name]) => name === 'Robert Kocharyan',
      ),
    ).toEqual([]);
    expect(
      facts('ru', 'ЦИК сообщила, что явка составила 60%.').filter(([, predicate]) => predicate === 'vote share'),
    ).toEqual([]);
  });
});
