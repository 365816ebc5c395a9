// Entity typing rules that generalise beyond a list of names: Russian compound agency and company names (-стат,
// -надзор, -хоз, -банк, -пром … and Мин-/Рос-/Гос- compounds), Russian adjectives before a noun (not surnames),
// a settlement followed by its region, cities in the locative after в/во/на, storms and sporting events (not
// persons) and national teams named by their country (organisations). Each table uses sentences written for the
// test, not the benchmark passages.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../main/facts/extract/index';

const mentions = (lang: string, text: string) => analyse(text, { lang }).mentions;
const typed = (lang: string, text: string) => mentions(lang, text).map((m) => [m.type, m.text, m.value]);
const persons = (lang: string, text: string) => mentions(lang, text).filter((m) => m.type === 'person');

describe('Russian compound names of agencies and companies are organisations', () => {
  it.each([
    ['Данные опубликовал Красноярскстат в четверг.', 'Красноярскстат'],
    ['По оценке Омскстата, население сократилось.', 'Омскстата'],
    ['Проверку провёл Ространснадзор.', 'Ространснадзор'],
    ['Предписание выдал Ростехнадзор в марте.', 'Ростехнадзор'],
    ['Жалобу направили в Россельхознадзор.', 'Россельхознадзор'],
    ['Договор подписал Мосводоканал с подрядчиком.', 'Мосводоканал'],
    ['Кредит выдал Сбербанк, сообщили в компании.', 'Сбербанк'],
    ['Акции Газпрома подешевели.', 'Газпрома'],
    ['Заявление сделал Минсельхоз.', 'Минсельхоз'],
    ['По данным Минэнерго, добыча выросла.', 'Минэнерго'],
    ['Решение принял Мосгортранс.', 'Мосгортранс'],
    ['Росгидромет предупредил о заморозках.', 'Росгидромет'],
    ['Лесхоз получил новую технику, сообщил Леспромхоз.', 'Леспромхоз'],
  ])('%s', (text, surface) => {
    expect(typed('ru', text)).toContainEqual(['organisation', surface, expect.anything()]);
    expect(persons('ru', text)).toEqual([]);
  });

  it.each([
    ['Алексей Минаев выступил на форуме.', 'Алексей Минаев'],
    ['Игорь Ростовцев подал в отставку.', 'Игорь Ростовцев'],
  ])('a surname that begins like a compound stays a person: %s', (text, value) => {
    expect(persons('ru', text).map((m) => m.value)).toEqual([value]);
  });

  it('a common noun in -хоз at the start of a sentence is not a name', () => {
    expect(typed('ru', 'Совхоз закрыли в 1995 году.').filter((m) => m[0] === 'organisation')).toEqual([]);
  });
});

describe('Russian abbreviations at the start of a sentence are organisations', () => {
  it.each([
    ['МВД сообщило о задержании.', 'МВД'],
    ['ФНС опубликовала отчёт за год.', 'ФНС'],
  ])('%s', (text, surface) => {
    expect(typed('ru', text)).toContainEqual(['organisation', surface, surface]);
  });
});

describe('a Russian adjective before the noun it qualifies is not a surname', () => {
  it.each([
    'Французский футболист Килиан Мбаппе забил дважды.',
    'Парламент ратифицировал Парижское соглашение в 2019 году.',
    'Бразильский президент Луис Инасиу Лула да Силва прибыл в Москву.',
    'Делегация подписала Минский протокол.',
    'Японская компания объявила о сделке.',
  ])('%s', (text) => {
    const names = persons('ru', text).map((m) => String(m.value));
    expect(names.filter((n) => /(?:ский|ская|ское|ские)$/u.test(n))).toEqual([]);
  });

  it.each([
    ['Жириновский заявил, что партия пойдёт на выборы.', 'Жириновский'],
    ['Достоевский родился в Москве.', 'Достоевский'],
  ])('a surname in -ский before a verb stays a person: %s', (text, value) => {
    expect(persons('ru', text).map((m) => m.value)).toEqual([value]);
  });
});

describe('a settlement followed by its region is two places', () => {
  it.each([
    ['Он вырос в селе Берёзовка Пермского края.', 'Берёзовка', 'Пермского'],
    ['Пожар произошёл в посёлке Октябрьский Свердловской области.', 'Октябрьский', 'Свердловской'],
    ['Школу открыли в Малиновке Тульской области.', 'Малиновке', 'Тульской'],
  ])('%s', (text, settlement, region) => {
    const places = typed('ru', text).filter((m) => m[0] === 'place');
    expect(places.map((m) => m[1])).toEqual([settlement, region]);
  });
});

describe('a city in the locative after в/во/на is a place, known to the gazetteer or not', () => {
  it.each([
    ['Завод построили в Ачинске в 1970 году.', 'Ачинске', 'Ачинск'],
    ['Митинг прошёл в Нью-Джерси.', 'Нью-Джерси', 'Нью-Джерси'],
    ['Соревнования прошли в Салехарде.', 'Салехарде', 'Салехард'],
    ['Форум откроется во Всеволожске.', 'Всеволожске', 'Всеволожск'],
    ['Учения прошли в Одинцово и Череповце.', 'Одинцово', 'Одинцово'],
    ['Завод в Череповце остановили.', 'Череповце', 'Череповец'],
    ['Он жил в Сан-Диего.', 'Сан-Диего', 'Сан-Диего'],
    ['Землетрясение произошло на Хоккайдо.', 'Хоккайдо', 'Хоккайдо'],
    ['Школу открыли в Ивантеевке.', 'Ивантеевке', 'Ивантеевка'],
    ['Лагерь разбили в Шерегеше.', 'Шерегеше', 'Шерегеш'],
  ])('%s → %s', (text, surface, value) => {
    expect(typed('ru', text)).toContainEqual(['place', surface, value]);
    expect(persons('ru', text)).toEqual([]);
  });

  it('a person after в is not taken for a place when named in full elsewhere', () => {
    const text = 'Иван Петров выступил. Избиратели верят в Петрове как в лидере.';
    expect(typed('ru', text).filter((m) => m[0] === 'place')).toEqual([]);
  });
});

describe('storms and sporting events are not persons', () => {
  it.each([
    ['en', 'Typhoon Haiyan killed more than 6,000 people.'],
    ['en', 'Hurricane Katrina struck in August 2005.'],
    ['en', 'Tropical Storm Trami flooded Bicol.'],
    ['en', 'She won her first Grand Slam at Wimbledon.'],
    ['en', 'Argentina won the World Cup in Qatar.'],
    ['en', 'He competed at the Asian Games in Hangzhou.'],
    ['tl', 'Sinalanta ng Bagyong Kristine ang Bicol.'],
    ['tl', 'Tumama ang bagyong Odette sa Visayas.'],
    ['ru', 'Тайфун Хагибис обрушился на Японию.'],
    ['ru', 'Циклон Фредди унёс жизни сотен людей.'],
  ])('%s: %s', (lang, text) => {
    expect(persons(lang, text)).toEqual([]);
  });

  it('a place inside an event name is still a place', () => {
    expect(typed('en', 'She trained for the Tokyo Olympics.')).toContainEqual(['place', 'Tokyo', 'Tokyo']);
  });
});

describe('a team named by its country is an organisation', () => {
  it.each([
    ['tl', 'Tinalo ng Alas Pilipinas ang Vietnam sa Maynila.', 'Alas Pilipinas'],
    ['tl', 'Nagwagi ang Sinag Pilipinas sa SEA Games.', 'Sinag Pilipinas'],
    ['en', 'Team USA beat Serbia in the semi-final.', 'Team USA'],
  ])('%s: %s', (lang, text, surface) => {
    expect(typed(lang, text)).toContainEqual(['organisation', surface, expect.anything()]);
    expect(persons(lang, text)).toEqual([]);
  });

  it('a person whose surname is also a country stays a person', () => {
    expect(persons('en', 'Michael Jordan won six titles.').map((m) => m.value)).toEqual(['Michael Jordan']);
    expect(persons('tl', 'Umiskor si Jordan Clarkson ng 24 puntos.').map((m) => m.value)).toEqual(['Jordan Clarkson']);
  });
});

describe('guards: what the rules above must leave alone', () => {
  it.each([
    ['tl', 'Naglabas ng pahayag ang Kagawaran ng Tanggulang Pambansa.', 'Kagawaran ng Tanggulang Pambansa'],
    ['ru', 'Суд признал Римский статут законным.', null],
  ])('%s: %s', (lang, text, organisation) => {
    if (organisation) expect(typed(lang, text)).toContainEqual(['organisation', organisation, expect.anything()]);
    expect(persons(lang, text)).toEqual([]);
  });
});

describe('the place of a local office', () => {
  it.each([
    ['tl', 'Nanumpa si Francis Zamora bilang alkalde ng San Juan.', 'San Juan'],
    ['en', 'She was elected mayor of Santa Rosa in 2022.', 'Santa Rosa'],
    ['tl', 'Nagsalita ang gobernador ng Nueva Vizcaya kahapon.', 'Nueva Vizcaya'],
  ])('%s: %s', (lang, text, place) => {
    expect(
      typed(lang, text)
        .filter((m) => m[0] === 'place')
        .map((m) => m[1]),
    ).toContain(place);
    expect(persons(lang, text).map((m) => m.text)).not.toContain(place);
  });

  it('a hyphenated Russian first name keeps its capitals in the nominative', () => {
    expect(persons('ru', 'Инаугурация Касым-Жомарта Токаева прошла в Астане.').map((m) => m.value)).toEqual([
      'Касым-Жомарт Токаев',
    ]);
  });
});

describe('typing by form: demonyms, election commissions, prefixed towns, rivers and lakes, unique bodies', () => {
  it.each([
    ['en', 'The deal was financed by Kenyan banks.', 'Kenyan'],
    ['en', 'He met Nigerian officials on Monday.', 'Nigerian'],
  ])('an English demonym (a gazetteer country + -n/-an/-i/-ese) is not a person: %s', (lang, text, word) => {
    expect(persons(lang, text).map((m) => m.text)).not.toContain(word);
  });

  it.each([
    ['ru', 'Итоги подвёл Мосгоризбирком.', 'Мосгоризбирком'],
    ['ru', 'Решение принял Леноблизбирком в понедельник.', 'Леноблизбирком'],
  ])('an election commission named by a compound: %s', (lang, text, surface) => {
    expect(typed(lang, text)).toContainEqual(['organisation', surface, expect.anything()]);
  });

  it.each([
    ['ru', 'Жителей Южно-Курильска предупредили о цунами.', 'Южно-Курильска', 'Южно-Курильск'],
    ['ru', 'Паводок затопил Усть-Илимск.', 'Усть-Илимск', 'Усть-Илимск'],
    ['ru', 'Рейс из Нью-Орлеана задержали.', 'Нью-Орлеана', 'Нью-Орлеан'],
  ])('a town whose name starts with a place prefix (Южно-, Усть-, Нью-): %s', (lang, text, surface, value) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, value]);
  });

  it.each([
    ['hy', 'Ախուրյան գետը վարարել է։', 'Ախուրյան', 'Ախուրյան'],
    ['hy', 'Սևանա լճի մակարդակը բարձրացել է։', 'Սևանա', 'Սևանա'],
    ['ru', 'Уровень воды в реке Ишим поднялся.', 'Ишим', 'Ишим'],
    ['en', 'The Marikina River overflowed on Saturday.', 'Marikina River', 'Marikina River'],
  ])('a river or lake named with its word: %s', (lang, text, surface, value) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, value]);
    expect(persons(lang, text)).toEqual([]);
  });

  it.each([
    ['en', 'Parliament approved the budget on Friday.', 'Parliament'],
    ['en', 'Congress passed the bill in March.', 'Congress'],
  ])('a one-of-a-kind body at the start of a sentence: %s', (lang, text, surface) => {
    expect(typed(lang, text)).toContainEqual(['organisation', surface, surface]);
  });
});

describe('guards for the prefixed towns and the one-of-a-kind bodies', () => {
  it('Эль-Сиси is not a town', () => {
    expect(typed('ru', 'Эль-Сиси прибыл в Каир.').filter((m) => m[1] === 'Эль-Сиси' && m[0] === 'place')).toEqual([]);
  });
  it('Parliament Street is a place, not a parliament', () => {
    expect(typed('en', 'Parliament Street was closed.')).toEqual([['place', 'Parliament Street', 'Parliament Street']]);
  });
});

describe('the gazetteer and Armenian phrases', () => {
  it.each([
    ['en', 'Talks were held in Colombo on Monday.', 'Colombo', 'Colombo'],
    ['en', 'The embassy in Kiev reopened.', 'Kiev', 'Kyiv'],
    ['hy', 'Վանաձորի և Գյումրու քաղաքապետերը հանդիպեցին։', 'Գյումրու', 'Gyumri'],
  ])('%s: %s', (lang, text, surface, value) => {
    expect(typed(lang, text)).toContainEqual(['place', surface, value]);
  });

  it('the party led by a person is not an organisation named after that person', () => {
    const text = 'Ընտրություններում Սերժ Սարգսյանի գլխավորած կուսակցությունը ստացավ 400 հազար ձայն։';
    expect(persons('hy', text).map((m) => m.value)).toEqual(['Սերժ Սարգսյան']);
    const proposals = analyse(text, { lang: 'hy' }).candidates.filter((c) => c.predicate === 'votes received');
    expect(proposals).toEqual([]);
  });
});

describe('a sentence-initial Russian noun before a place in the genitive', () => {
  it.each([
    ['Бюджет Казани на 2025 год принят.', 'Казани', 'Kazan'],
    ['Мэр Новосибирска подал в отставку.', 'Новосибирска', 'Novosibirsk'],
  ])('%s', (text, surface, value) => {
    expect(typed('ru', text)).toContainEqual(['place', surface, value]);
    expect(persons('ru', text)).toEqual([]);
  });

  it('a first name and a surname that is also a town stay a person', () => {
    expect(persons('ru', 'Александр Пушкин родился в Москве.').map((m) => m.value)).toEqual(['Александр Пушкин']);
  });
});

describe('a place that is also a first name, before an unknown capitalised word, starts a person', () => {
  it.each([
    ['Jordan Henderson scored in the second half.', 'Jordan Henderson'],
    ['Midfielder Jordan Henderson signed a new contract.', 'Jordan Henderson'],
    ['Victoria Beckham opened a shop in Madrid.', 'Victoria Beckham'],
    ['Paris Hilton arrived in London.', 'Paris Hilton'],
  ])('%s', (text, value) => {
    expect(persons('en', text).map((m) => m.value)).toEqual([value]);
  });

  it.each([
    ['Floods hit Jordan Valley.'],
    ['The minister visited Georgia Tech.'],
    ['Kenya Airways cancelled flights.'],
    ['Flooding hit Jordan and Syria on Monday.'],
  ])('not before the noun of a site, a company or a school: %s', (text) => {
    expect(persons('en', text)).toEqual([]);
  });
});

describe('Russian feminine towns in -а read from the locative', () => {
  it.each([
    ['Паводок в Ухте затопил дома.', 'Ухте', 'Ухта'],
    ['В Кинешме закрыли школу.', 'Кинешме', 'Кинешма'],
    ['Ледоход в Тотьме задержался.', 'Тотьме', 'Тотьма'],
    ['Выборы в Анапе назначены на сентябрь.', 'Анапе', 'Анапа'],
    ['Конференция прошла в Ялте.', 'Ялте', 'Ялта'],
    // a capitalised в at the start of the sentence is still the preposition
    ['В Сызрани открыли мост.', 'Сызрани', 'Сызрань'],
    // masculine clusters stay as they are
    ['Завод в Бресте закрыли.', 'Бресте', 'Брест'],
    ['Суд в Ульме отложил дело.', 'Ульме', 'Ульм'],
    ['Митинг прошёл в Тихвине.', 'Тихвине', 'Тихвин'],
  ])('%s', (text, surface, value) => {
    expect(typed('ru', text)).toContainEqual(['place', surface, value]);
  });
});

// Informed by the sixth held-out set (after the fact), tested on other names.
describe('a Russian masculine first name in an oblique case before an indeclinable surname', () => {
  it.each([
    ['Мы встретили Уэйна Руссо в аэропорту.', 'Уэйна Руссо', 'Уэйн Руссо'],
    ['Мы поздравили Эдуарда Шеварднадзе.', 'Эдуарда Шеварднадзе', 'Эдуард Шеварднадзе'],
    ['Интервью дали Роберту Канделаки.', 'Роберту Канделаки', 'Роберт Канделаки'],
  ])('%s', (text, surface, value) => {
    expect(typed('ru', text)).toContainEqual(['person', surface, value]);
  });

  it('a feminine first name in the nominative stays as it is', () => {
    expect(persons('ru', 'Анна Гретцки выступила на форуме.').map((m) => m.value)).toEqual(['Анна Гретцки']);
  });
});
