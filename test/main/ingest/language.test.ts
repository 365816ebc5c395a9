import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../main/ingest/index';
import { parse } from './helpers';

const TAGALOG =
  'Ang Maynila ang kabisera ng Pilipinas at isa sa pinakamataong lungsod sa buong mundo. ' +
  'Dito matatagpuan ang Intramuros, ang napapaderang lungsod na itinayo ng mga Espanyol noong ika-16 na siglo. ' +
  'Maraming turista ang dumadalaw rito taun-taon upang makita ang mga lumang simbahan at kuta.';
const ENGLISH =
  'Manila is the capital of the Philippines and one of the most densely populated cities in the world. ' +
  'It is home to Intramuros, the walled city that the Spanish built in the sixteenth century. ' +
  'Many tourists visit every year to see its old churches and fortifications.';
const RUSSIAN =
  'Манила — столица Филиппин и один из самых густонаселённых городов мира. ' +
  'Здесь находится Интрамурос, окружённый стенами город, построенный испанцами в шестнадцатом веке. ' +
  'Каждый год его посещают многие туристы, чтобы увидеть старые церкви и крепости.';
const ARMENIAN =
  'Մանիլան Ֆիլիպինների մայրաքաղաքն է և աշխարհի ամենախիտ բնակեցված քաղաքներից մեկը։ ' +
  'Այստեղ է գտնվում Ինտրամուրոսը՝ պարսպապատ քաղաքը, որը կառուցել են իսպանացիները տասնվեցերորդ դարում։ ' +
  'Ամեն տարի շատ զբոսաշրջիկներ են այցելում այստեղ՝ տեսնելու հին եկեղեցիներն ու ամրոցները։';

describe('detectLanguage', () => {
  it('recognises Tagalog, English, Russian and Armenian prose', () => {
    expect(detectLanguage(TAGALOG)).toBe('tl');
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage(RUSSIAN)).toBe('ru');
    expect(detectLanguage(ARMENIAN)).toBe('hy');
  });

  it('keeps short Tagalog apart from Cebuano, Hiligaynon and unrelated languages', () => {
    // franc alone answers Hiligaynon, Hausa... for these; the function-word tie-breaker fixes them.
    expect(detectLanguage('Salamat po sa tulong ninyo kahapon.')).toBe('tl');
    expect(detectLanguage('Kumain na ba kayo?')).toBe('tl');
    expect(detectLanguage('Hindi ko alam kung saan siya pupunta ngayon.')).toBe('tl');
    // ...without turning real Cebuano or Polish into Tagalog.
    expect(detectLanguage('Ang Sugbo usa ka lalawigan sa Pilipinas nga naa sa Kabisay-an.')).toBe('ceb');
    expect(detectLanguage('Unsa imong ngalan? Wala koy kwarta karon.')).toBe('ceb');
    expect(detectLanguage('Idę na spacer po obiedzie z moim psem.')).toBe('pl');
  });

  it('keeps short Russian news apart from Bulgarian and Ukrainian by its letters', () => {
    const news =
      'Очередные президентские выборы в Нагорном Карабахе прошли 19 июля 2012 года; около 47 тысяч ' +
      'избирателей отдали свои голоса за действующего президента Бако Саакяна, сообщила комиссия.';
    expect(detectLanguage(news)).toBe('ru');
    expect(detectLanguage('България е държава в Югоизточна Европа, на Балканския полуостров.')).toBe('bg');
    expect(detectLanguage('Україна є державою у Східній Європі, її столиця — місто Київ.')).toBe('uk');
  });

  it('decides short titles by function words and by letters only some languages write', () => {
    // franc alone: Sardinian, Portuguese, Igbo; Indonesian, Lingala, Azerbaijani; Uzbek, Bulgarian.
    expect(detectLanguage('Liste der Wahllokale')).toBe('de');
    expect(detectLanguage('We drove from Ağrı to Doğubayazıt.')).toBe('en');
    expect(detectLanguage('Each side on a new archive')).toBe('en');
    expect(detectLanguage("Ce qu'il faut retenir")).toBe('fr');
    expect(detectLanguage('Cumhurbaşkanı seçildi')).toBe('tr');
    expect(detectLanguage('Meclis seçimi yapıldı')).toBe('tr');
    expect(detectLanguage('Seçki nəticələri elan edildi')).toBe('az');
    expect(detectLanguage('Итоги выборов')).toBe('ru');
    // Neither ы, э nor ё: Russian's own function words tell it from Bulgarian, and Bulgarian's from Russian.
    expect(detectLanguage('Встреча министров прошла 12 апреля 2019 года в Тбилиси.')).toBe('ru');
    expect(detectLanguage('Срещата на министрите беше след изборите във Варна.')).toBe('bg');
    expect(detectLanguage('Вибори президента України')).toBe('uk');
  });

  it('does not let a few foreign names outvote the text', () => {
    const english =
      'The road east from Erzurum reaches Ağrı after a long day, and the mountain stands above the plain for ' +
      'the rest of the journey. Most travellers continue to Doğubayazıt the next morning.';
    expect(detectLanguage(english)).toBe('en');
    expect(detectLanguage('Крылов пише басни, а България е държава в Югоизточна Европа.')).toBe('bg');
    // An English name in a Tagalog sentence: "of" must not outvote the Tagalog words around it.
    expect(detectLanguage('Hindi pa kasapi ang Armenya ng Council of Europe noong 1995.')).toBe('tl');
    expect(detectLanguage('Ipinahayag ng Ministry of Foreign Affairs na tapos na ang halalan.')).toBe('tl');
  });

  it('answers und for a few letters it cannot tell, unless the file declares a language', () => {
    // franc alone: Xhosa, Norwegian, Tsonga.
    expect(detectLanguage('Hello world')).toBe('und');
    expect(detectLanguage('Guten Morgen')).toBe('und');
    expect(detectLanguage('Kumusta ka')).toBe('und');
    expect(detectLanguage('Guten Morgen', 'de')).toBe('de');
    // A script that only one language writes still decides.
    expect(detectLanguage('Բարև աշխարհ')).toBe('hy');
    expect(detectLanguage('Εκλογές 2012')).toBe('el');
  });

  it('prefers English over Scots on a near tie', () => {
    expect(detectLanguage('The quick brown fox jumps over the lazy dog.')).toBe('en');
  });

  it('maps franc codes to ISO 639-1 where one exists and answers und when there is no text', () => {
    expect(detectLanguage('Dies ist ein ganz normaler deutscher Satz über das Wetter in Berlin.')).toBe('de');
    expect(detectLanguage('これは日本語の文章です。東京は日本の首都です。')).toBe('ja');
    expect(detectLanguage('12345 67890 !!! ...')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });

  it('uses a declared language only when the text is too short to tell', () => {
    expect(detectLanguage('Mahal kita.', 'tl')).toBe('tl');
    expect(detectLanguage('2012', 'hy-AM')).toBe('hy');
    expect(detectLanguage(RUSSIAN, 'en')).toBe('ru');
    expect(detectLanguage(ENGLISH, 'not a code!')).toBe('en');
  });
});

describe('document language', () => {
  it('is detected from the passages', async () => {
    expect((await parse('t.txt', TAGALOG)).lang).toBe('tl');
    expect((await parse('e.md', `# Manila\n\n${ENGLISH}`)).lang).toBe('en');
    expect((await parse('r.html', `<p>${RUSSIAN}</p>`)).lang).toBe('ru');
    expect((await parse('a.txt', ARMENIAN)).lang).toBe('hy');
  });

  it('is replaced entirely by input.lang', async () => {
    const doc = await parse('t.txt', TAGALOG, { lang: 'en' });
    expect(doc.lang).toBe('en');
    expect((await parse('r.txt', RUSSIAN, { lang: 'HY' })).lang).toBe('hy');
  });

  it('rejects an override that is not a language code', async () => {
    await expect(parse('t.txt', TAGALOG, { lang: '../etc' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
