// Names back in their dictionary form, for entities (a lemma, not a search stem):
//   Russian — a first name and surname declined together: Сержа Саргсяна → Серж Саргсян, Игоря Сидорова →
//             Игорь Сидоров, Ксению Собчак → Ксения Собчак, Аленом Симоняном → Ален Симонян. The first name
//             tells the case and gender; the surname then loses the same case.
//   Armenian — only the last word of a name carries the article or case: Բակո Սահակյանը → Բակո Սահակյան,
//             Արմեն Սարգսյանի → Արմեն Սարգսյան; places lose their case (Երևանում → Երևան, Մոսկվայում → Մոսկվա).
// Pure: no Node imports.

const CONSONANT = 'бвгджзклмнпрстфхцчшщ';

/** Russian female first names (nominative) that end like a masculine genitive (Марина, not Марин + а). */
const FEMALE_NAMES = new Set([
  'анна',
  'мария',
  'ксения',
  'елена',
  'ольга',
  'татьяна',
  'наталья',
  'наталия',
  'ирина',
  'светлана',
  'марина',
  'юлия',
  'екатерина',
  'анастасия',
  'людмила',
  'галина',
  'валентина',
  'надежда',
  'вера',
  'любовь',
  'софия',
  'софья',
  'дарья',
  'алла',
  'нина',
  'нино',
  'зоя',
  'лидия',
  'виктория',
  'александра',
  'евгения',
  'валерия',
  'полина',
  'алина',
  'кристина',
  'элла',
  'инна',
  'жанна',
  'раиса',
  'тамара',
  'лариса',
  'оксана',
  'яна',
  'майя',
  'элина',
  'анаит',
  'гаяне',
  'лусине',
  'армине',
  'карине',
  'сирануш',
  'заруи',
  'ани',
  'асмик',
  'нарине',
  'лилит',
  'эмма',
  'маргарита',
  'вероника',
  'диана',
  'камила',
  'камилла',
  'алиса',
  'алёна',
  'алена',
  'арина',
  'варвара',
  'василиса',
  'ева',
  'елизавета',
  'злата',
  'карина',
  'кира',
  'ксения',
  'лиана',
  'лилия',
  'любава',
  'мадина',
  'милана',
  'надежда',
  'олеся',
  'регина',
  'роза',
  'сабина',
  'серафима',
  'стефания',
  'таисия',
  'ульяна',
  'эвелина',
  'эльвира',
  'юлиана',
  'ярослава',
  'айгуль',
  'гульнара',
  'динара',
  'зарина',
  'лейла',
  'мариам',
  'аида',
  'асель',
  'айгерим',
  'дина',
  'майя',
  'нелли',
  'римма',
  'тина',
  'мадонна',
  'ирма',
  'анжела',
  'аэлита',
  'снежана',
]);
/** Masculine first names whose vowel drops in the other cases (Павла → Павел, Льва → Лев). */
const FLEETING: Record<string, string> = { павл: 'павел', льв: 'лев', петр: 'пётр' };

type Gender = 'm' | 'f';
interface Reading {
  gender: Gender;
  first: string;
  /** Surname ending rewrites for this case: [pattern, replacement]. */
  surname: Array<[RegExp, string]>;
}

/** The template with the capitals of the word it comes from, letter by letter (Касым-Жомарта → Касым-Жомарт). */
const matchCase = (template: string, word: string) =>
  [...template].map((c, i) => (i < word.length && word[i] !== word[i].toLowerCase() ? c.toUpperCase() : c)).join('');

/** Masculine case endings of a first name → its nominative, with the surname rules of the same case. */
const MASCULINE: Array<{ re: RegExp; to: string; surname: Array<[RegExp, string]> }> = (() => {
  const genitive: Array<[RegExp, string]> = [
    [/(ск|цк)ого$/u, '$1ий'],
    [/(ян|янц|ов|ев|ёв|ин|ын)а$/u, '$1'],
    [new RegExp(`([${CONSONANT}])а$`, 'u'), '$1'],
  ];
  const dative: Array<[RegExp, string]> = [
    [/(ск|цк)ому$/u, '$1ий'],
    [/(ян|янц|ов|ев|ёв|ин|ын)у$/u, '$1'],
    [new RegExp(`([${CONSONANT}])у$`, 'u'), '$1'],
  ];
  const instrumental: Array<[RegExp, string]> = [
    [/(ск|цк)им$/u, '$1ий'],
    [/(ов|ев|ёв|ин|ын)ым$/u, '$1'],
    [new RegExp(`([${CONSONANT}])ом$`, 'u'), '$1'],
  ];
  const prepositional: Array<[RegExp, string]> = [
    [/(ск|цк)ом$/u, '$1ий'],
    [/(ян|янц|ов|ев|ёв|ин|ын)е$/u, '$1'],
    [new RegExp(`([${CONSONANT}])е$`, 'u'), '$1'],
  ];
  return [
    { re: /ия$/u, to: 'ий', surname: genitive }, // Виталия
    { re: /ию$/u, to: 'ий', surname: dative },
    { re: /ием$/u, to: 'ий', surname: instrumental },
    { re: /ии$/u, to: 'ий', surname: prepositional },
    { re: /([еа])я$/u, to: '$1й', surname: genitive }, // Сергея, Николая
    { re: /([еа])ю$/u, to: '$1й', surname: dative },
    { re: /([еа])ем$/u, to: '$1й', surname: instrumental },
    { re: new RegExp(`([${CONSONANT}])я$`, 'u'), to: '$1ь', surname: genitive }, // Игоря
    { re: new RegExp(`([${CONSONANT}])ю$`, 'u'), to: '$1ь', surname: dative },
    { re: new RegExp(`([${CONSONANT}])ем$`, 'u'), to: '$1ь', surname: instrumental },
    { re: new RegExp(`([${CONSONANT}])а$`, 'u'), to: '$1', surname: genitive }, // Сержа, Владимира
    { re: new RegExp(`([${CONSONANT}])у$`, 'u'), to: '$1', surname: dative },
    { re: new RegExp(`([${CONSONANT}])ом$`, 'u'), to: '$1', surname: instrumental },
  ];
})();

/** Feminine case endings of a first name → its nominative; surnames in -ова/-ина/-ская decline, others do not. */
const FEMININE: Array<{ re: RegExp; to: string; surname: Array<[RegExp, string]> }> = [
  {
    re: /ию$/u,
    to: 'ия',
    surname: [
      [/(ов|ев|ин|ын)у$/u, '$1а'],
      [/(ск|цк)ую$/u, '$1ая'],
    ],
  },
  {
    re: /ии$/u,
    to: 'ия',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
  {
    re: /ией$/u,
    to: 'ия',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
  {
    re: /ьей$/u,
    to: 'ья',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
  {
    re: /у$/u,
    to: 'а',
    surname: [
      [/(ов|ев|ин|ын)у$/u, '$1а'],
      [/(ск|цк)ую$/u, '$1ая'],
    ],
  },
  {
    re: /ю$/u,
    to: 'я',
    surname: [
      [/(ов|ев|ин|ын)у$/u, '$1а'],
      [/(ск|цк)ую$/u, '$1ая'],
    ],
  },
  {
    re: /ы$/u,
    to: 'а',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
  {
    re: /ой$/u,
    to: 'а',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
  {
    re: /е$/u,
    to: 'а',
    surname: [
      [/(ов|ев|ин|ын)ой$/u, '$1а'],
      [/(ск|цк)ой$/u, '$1ая'],
    ],
  },
];

function readings(first: string): Reading[] {
  const lower = first.toLowerCase();
  if (FEMALE_NAMES.has(lower)) return [{ gender: 'f', first, surname: [] }];
  const out: Reading[] = [];
  for (const rule of FEMININE) {
    if (!rule.re.test(lower)) continue;
    const nominative = lower.replace(rule.re, rule.to);
    if (FEMALE_NAMES.has(nominative))
      out.push({ gender: 'f', first: matchCase(nominative, first), surname: rule.surname });
  }
  if (out.length > 0) return out;
  for (const rule of MASCULINE) {
    if (!rule.re.test(lower)) continue;
    let nominative = lower.replace(rule.re, rule.to);
    nominative = FLEETING[nominative] ?? nominative;
    out.push({ gender: 'm', first: matchCase(nominative, first), surname: rule.surname });
    break;
  }
  return out;
}

/** A Russian female first name in any case (Ксению, Марины): not an abstract noun despite its ending. */
export function isFemaleFirstName(word: string): boolean {
  return readings(word).some((r) => r.gender === 'f');
}

/** Russian case endings of Armenian surnames alone (Саргсяна, Саакяну): the only lone surnames safe to lemmatise. */
const LONE_SURNAME = /(ян|янц)(?:а|у|ом|е)$/u;

/**
 * The nominative of a Russian personal name ("Сержа Саргсяна" → "Серж Саргсян"). Words are left alone when
 * the first name shows no case ending (already nominative) or the surname does not share the case.
 */
/** Surnames that do not decline in Russian: foreign ones in a vowel (Гретцки, Руссо, Шеварднадзе, Канделаки). */
const INDECLINABLE_SURNAME = /[\u0400-\u04ff]{2,}(?:[иоуэю]|дзе)$/u;

export function russianNameLemma(words: string[]): string[] {
  if (!words.every((w) => /^[\u0400-\u04ff-]+$/u.test(w))) return words;
  const last = words.length - 1;
  if (words.length === 1) return LONE_SURNAME.test(words[0]) ? [words[0].replace(LONE_SURNAME, '$1')] : words;
  for (const reading of readings(words[0])) {
    if (reading.gender === 'f' && reading.first === words[0]) return words; // already nominative
    const rule = reading.surname.find(([re]) => re.test(words[last].toLowerCase()));
    // A feminine surname in a consonant (Собчак) does not decline; a masculine one must show the case.
    // Nor does a foreign surname in a vowel (Гретцки, Шеварднадзе): a masculine first name's case is the whole case.
    const indeclinable =
      words.length === 2 &&
      reading.gender === 'm' &&
      reading.first !== words[0] &&
      INDECLINABLE_SURNAME.test(words[last]);
    if (!rule && !indeclinable && !(reading.gender === 'f' && new RegExp(`[${CONSONANT}ьй]$`, 'u').test(words[last])))
      continue;
    const out = [...words];
    out[0] = reading.first;
    if (rule) out[last] = words[last].replace(rule[0], rule[1]);
    for (let i = 1; i < last; i++) out[i] = words[i].replace(/(ович|евич)(?:а|у|ем|е)$/u, '$1'); // patronymic
    return out;
  }
  // An indeclinable first name (Бако, Нино) before a declined Armenian surname (Бако Саакяна).
  return LONE_SURNAME.test(words[last]) ? [...words.slice(0, last), words[last].replace(LONE_SURNAME, '$1')] : words;
}

const ARMENIAN = /[\u0531-\u0587]/u;
/** Article and case endings of the last word of an Armenian name (longest first). */
const ARMENIAN_SURNAME_CASE = /(յան|յանց|ունց)(?:ներին|ների|ները|ին|ի|ից|ով|ը|ն)$/u;

/** Surnames in -ունի with their article or case (Բագրատունին, Բագրատունու, Բագրատունուց, Բագրատունիով). */
const ARMENIAN_UNI_CASE = /ուն(?:ին|ու|ուն|ուց|իով|իից|իի)$/u;

/** An Armenian name without its article or case: Բակո Սահակյանը → Բակո Սահակյան, Ջոն Սմիթը → Ջոն Սմիթ. */
export function armenianNameLemma(words: string[]): string[] {
  if (words.length === 0 || !ARMENIAN.test(words[words.length - 1])) return words;
  const last = words.length - 1;
  const out = [...words];
  if (ARMENIAN_SURNAME_CASE.test(out[last])) out[last] = out[last].replace(ARMENIAN_SURNAME_CASE, '$1');
  else if (ARMENIAN_UNI_CASE.test(out[last])) out[last] = out[last].replace(ARMENIAN_UNI_CASE, 'ունի');
  else if (out[last].length > 3) out[last] = out[last].replace(/ը$/u, '');
  return out;
}

/** An Armenian place in the locative or ablative without the ending: Գյումրիում → Գյումրի, Մոսկվայում → Մոսկվա. */
export function armenianPlaceLemma(word: string): string {
  const stem = word.replace(/(?:ում|ից|ով)$/u, '');
  if (stem === word || stem.length < 3) return word.replace(/([^աեէիոօւ])ը$/u, '$1');
  return /[աո]յ$/u.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * An Armenian place in the genitive without its ending, for a name no gazetteer knows: -ի after a consonant
 * (Փարաքարի → Փարաքար), -իի and -ու of a name in -ի (Ալավերդիի, Գյումրու → Ալավերդի, Գյումրի), -այի (Մոսկվայի →
 * Մոսկվա). Only where a genitive is what the grammar asks for (before մարզ, բնակիչներ, քաղաքապետ).
 */
export function armenianGenitivePlaceLemma(word: string): string {
  if (word.length < 5) return word;
  if (/իի$/u.test(word)) return word.slice(0, -1);
  if (/այի$/u.test(word)) return word.slice(0, -2);
  if (/[^աեէիոօւ]ու$/u.test(word)) return `${word.slice(0, -2)}ի`;
  if (/[^աեէիոօւ]ի$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** Whether a word carries Armenian script. */
export const isArmenian = (word: string): boolean => ARMENIAN.test(word);

/**
 * The nominative of a Russian town written in the locative after в/во/на, when no gazetteer knows it: -ске/-цке
 * and other consonant + -е lose the -е (Орске → Орск, Сент-Луисе → Сент-Луис, Ростове → Ростов), another
 * consonant + -ке/-ге or -ве after a consonant is a feminine -а (Камчатке → Камчатка, Калуге → Калуга, Нарве →
 * Нарва), -це has its fleeting vowel back (Череповце → Череповец), -ии is -ия, a soft consonant + -и is -ь
 * (Казани → Казань), a feminine -а after a cluster no masculine name ends in (Ухте → Ухта), a hyphenated name
 * in -и and the indeclinable ones in -о (Кемерово, Сан-Диего) and -ье stay as written. Null when the word cannot
 * be a locative.
 */
export function russianLocativePlaceLemma(word: string): string | null {
  const lower = word.toLowerCase();
  if (/(?:о|ье)$/u.test(lower)) return word;
  if (/ии$/u.test(lower)) return `${word.slice(0, -1)}я`;
  if (/и$/u.test(lower)) {
    if (word.includes('-')) return word;
    return /[нлрдтмвзсчшщж]и$/u.test(lower) ? `${word.slice(0, -1)}ь` : null;
  }
  if (!new RegExp(`[${CONSONANT}]е$`, 'u').test(lower)) return null;
  const stem = word.slice(0, -1);
  const s = stem.toLowerCase();
  if (/цц$/u.test(s)) return `${stem}а`;
  if (new RegExp(`[${CONSONANT}]ц$`, 'u').test(s)) return `${stem.slice(0, -1)}ец`;
  if (/[сц]к$|[рн]г$|[оеё]в$/u.test(s)) return stem;
  // A cluster no Russian masculine name ends in is a feminine -а's (Ухте → Ухта, Вологде → Вологда, Кинешме →
  // Кинешма, Тотьме → Тотьма, Ялте → Ялта), and so is a vowel + п (Анапе → Анапа).
  if (/(?:хт|гд|лт|шм|зм|тм|дм|[^л]ьм|нз|вд|[аеиоуыяюэё]п)$/u.test(s)) return `${stem}а`;
  if (new RegExp(`(?:[аеиоуыяюэё][кг]|[${CONSONANT}][кг]|[${CONSONANT}]в)$`, 'u').test(s)) return `${stem}а`;
  return stem;
}

/**
 * The nominative of a Russian town name in any case when its form says it is a masculine town (Южно-Курильска →
 * Южно-Курильск, Нью-Орлеана → Нью-Орлеан, Усть-Илимском → Усть-Илимск); a locative -е/-и as in
 * russianLocativePlaceLemma; any other form is kept as written (Санта-Барбара).
 */
export function russianTownLemma(word: string): string {
  const lower = word.toLowerCase();
  const masculine = /(?:[сц]к|рг|[аеиоуы]н|[оеё]в|ис|ир|град|город|поль)$/u;
  const instrumental = /(?:ом|ем)$/u.exec(lower);
  if (instrumental && masculine.test(lower.slice(0, -2))) return word.slice(0, -2);
  if (/[ау]$/u.test(lower) && masculine.test(lower.slice(0, -1))) return word.slice(0, -1);
  if (/[еи]$/u.test(lower)) return russianLocativePlaceLemma(word) ?? word;
  return word;
}
