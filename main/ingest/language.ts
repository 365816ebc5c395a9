// Language identification with franc's trigram models (ISO 639-3) mapped to the archive's codes. The ranking is
// franc's own, computed faster (see trigram-rank.ts).
import { rankLanguages } from './trigram-rank';

/** franc's ISO 639-3 codes that have an ISO 639-1 code. Macrolanguage members map to the macrolanguage. */
const ISO_639_1: Readonly<Record<string, string>> = {
  afr: 'af',
  als: 'sq',
  amh: 'am',
  arb: 'ar',
  ayr: 'ay',
  azj: 'az',
  bam: 'bm',
  bel: 'be',
  ben: 'bn',
  bod: 'bo',
  bos: 'bs',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cmn: 'zh',
  dan: 'da',
  deu: 'de',
  ekk: 'et',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  ewe: 'ee',
  fin: 'fi',
  fra: 'fr',
  fuf: 'ff',
  fuv: 'ff',
  glg: 'gl',
  guj: 'gu',
  hat: 'ht',
  hau: 'ha',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  ibo: 'ig',
  iii: 'ii',
  ind: 'id',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kan: 'kn',
  kat: 'ka',
  kaz: 'kk',
  khk: 'mn',
  khm: 'km',
  kin: 'rw',
  kir: 'ky',
  kng: 'kg',
  knc: 'kr',
  koi: 'kv',
  kor: 'ko',
  lao: 'lo',
  lin: 'ln',
  lit: 'lt',
  lug: 'lg',
  lvs: 'lv',
  mal: 'ml',
  mar: 'mr',
  mkd: 'mk',
  mya: 'my',
  ndo: 'ng',
  nld: 'nl',
  nno: 'nn',
  nob: 'nb',
  npi: 'ne',
  nya: 'ny',
  pan: 'pa',
  pbu: 'ps',
  pes: 'fa',
  plt: 'mg',
  pol: 'pl',
  por: 'pt',
  prs: 'fa',
  quy: 'qu',
  quz: 'qu',
  qug: 'qu',
  ron: 'ro',
  run: 'rn',
  rus: 'ru',
  sag: 'sg',
  sin: 'si',
  slk: 'sk',
  slv: 'sl',
  sna: 'sn',
  som: 'so',
  sot: 'st',
  spa: 'es',
  src: 'sc',
  srp: 'sr',
  ssw: 'ss',
  sun: 'su',
  swe: 'sv',
  swh: 'sw',
  tam: 'ta',
  tat: 'tt',
  tel: 'te',
  tgk: 'tg',
  tgl: 'tl',
  tha: 'th',
  tir: 'ti',
  tsn: 'tn',
  tso: 'ts',
  tuk: 'tk',
  tur: 'tr',
  uig: 'ug',
  ukr: 'uk',
  urd: 'ur',
  uzn: 'uz',
  ven: 've',
  vie: 'vi',
  wol: 'wo',
  xho: 'xh',
  ydd: 'yi',
  yor: 'yo',
  zlm: 'ms',
  zul: 'zu',
  zyb: 'za',
  // Not produced by franc, but seen in declarations (lang attributes, front matter).
  fil: 'tl',
  zho: 'zh',
  ara: 'ar',
  fas: 'fa',
  msa: 'ms',
  est: 'et',
  lav: 'lv',
  sqi: 'sq',
  aze: 'az',
  uzb: 'uz',
  mon: 'mn',
  nep: 'ne',
  pus: 'ps',
  swa: 'sw',
  que: 'qu',
  nor: 'no',
  yid: 'yi',
  mlg: 'mg',
};

/** Reverse of ISO_639_1: which franc codes stand for a declared two-letter code. */
const FRANC_CODES: Readonly<Record<string, string[]>> = Object.entries(ISO_639_1).reduce<Record<string, string[]>>(
  (acc, [three, two]) => {
    (acc[two] ??= []).push(three);
    return acc;
  },
  {},
);

const SAMPLE_CHARS = 2000;
/** Below this many letters franc is guessing; a declared language is trusted instead. */
const SHORT_SAMPLE_LETTERS = 40;
/** Below this many letters trigram scores are close together and function words are checked as well. */
const FEW_LETTERS = 300;
/** Below this many letters, with no function word to go by, a script shared by many languages gives no answer. */
const TOO_FEW_LETTERS = 20;
/** A declared language that franc scores this close to its winner is taken as the answer. */
const HINT_MIN_SCORE = 0.95;

/** ISO 639-1 code where one exists, otherwise the ISO 639-3 code unchanged. */
export function toArchiveCode(iso6393: string): string {
  return Object.prototype.hasOwnProperty.call(ISO_639_1, iso6393) ? ISO_639_1[iso6393] : iso6393;
}

/** "en-US" → "en", "tl_PH" → "tl", "fil" → "tl", "TGL" → "tl"; anything that is not a code → undefined. */
export function normalizeLangCode(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  if (!/^[a-z]{2,3}$/.test(primary)) return undefined;
  return primary.length === 3 ? toArchiveCode(primary) : primary;
}

/**
 * Detects the language of `text` from its first ~2000 characters. `hint` is a language the file
 * declares (e.g. `<html lang>`); it wins only when detection is unsure, because templates often
 * carry a wrong default.
 */
export function detectLanguage(text: string, hint?: string): string {
  const declared = normalizeLangCode(hint);
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ').trim();
  const letters = countLetters(sample, FEW_LETTERS);
  if (letters < 3) return declared ?? 'und';

  const ranked = rankLanguages(sample, 1);
  let best = ranked[0]?.[0] ?? 'und';
  if (best === 'und') return declared ?? 'und';
  best = tagalogTieBreak(sample, best, ranked) ?? best;
  best = preferWidespread(best, ranked);
  // Evidence first (function words in a short sample, then letters only some languages write), scores after.
  const decided =
    (letters < FEW_LETTERS ? byFunctionWords(sample, letters, best, ranked) : undefined) ??
    cyrillicByLetters(sample, best, ranked) ??
    turkishByLetters(sample, best, ranked);
  if (decided) best = decided;
  else if (letters < FEW_LETTERS) {
    best = shortSampleChoice(letters, best, ranked);
    if (best === 'und') return declared ?? 'und';
  }

  if (declared && declared !== toArchiveCode(best)) {
    const declaredScore = Math.max(
      0,
      ...(FRANC_CODES[declared] ?? [declared]).map((c) => ranked.find(([l]) => l === c)?.[1] ?? 0),
    );
    if (letters < SHORT_SAMPLE_LETTERS || declaredScore >= HINT_MIN_SCORE) return declared;
  }
  return toArchiveCode(best);
}

/** Letters (code points of category L) in `text`, counted up to `enough`: only the thresholds below it matter. */
function countLetters(text: string, enough: number): number {
  const letter = /\p{L}/gu;
  let count = 0;
  while (count < enough && letter.exec(text)) count++;
  return count;
}

/** Languages whose profiles short Russian most often matches; from the others it takes a near tie. */
const RUSSIAN_NEIGHBOURS = new Set(['rus', 'bul', 'ukr', 'mkd', 'srp', 'bel', 'bos', 'uzn', 'koi']);
const NOT_RUSSIAN_LETTERS = /[іїєґўѓќљњџјђћәөүҗңһқғҳұӑӗӳҙҡҫӧӝӟӥӵӕӣӯҷ]/u;
/** ъ as a vowel (България, във, държава): Russian writes it only before е, ё, ю or я. */
const BULGARIAN_HARD_SIGN = /ъ(?![еёюя])/u;
const NOT_UKRAINIAN_LETTERS = /[ыэёъўѓќљњџјђћәөүҗңһқғҳұӑӗӳҙҡҫӧӝӟӥӵӕӣӯҷ]/u;

/**
 * Short Russian news text sometimes ranks as another language written in Cyrillic: Bulgarian, Ukrainian,
 * Macedonian, Serbian, Bosnian, Belarusian, Komi, even Uzbek. Letters decide: ы, э and ё are Russian, and the
 * Cyrillic languages that also have them (Belarusian, Kazakh, Kyrgyz, Tatar, Mongolian...) have letters of their
 * own; і, ї, є and ґ beside и, without ы or э, are Ukrainian. Undefined when the letters do not decide.
 */
function cyrillicByLetters(sample: string, best: string, ranked: Array<[string, number]>): string | undefined {
  const scoreOf = (lang: string) => ranked.find(([l]) => l === lang)?.[1] ?? 0;
  if (!scoreOf('rus') || (!RUSSIAN_NEIGHBOURS.has(best) && scoreOf('rus') < NEAR_TIE_SCORE)) return undefined;
  const lower = sample.toLowerCase();
  // ы and э: about one letter in 45 of Russian text.
  const enough = lettersEnough(sample, 200);
  const count = (letters: RegExp) => lower.match(letters)?.length ?? 0;
  if (count(/[ыэё]/gu) >= enough && !NOT_RUSSIAN_LETTERS.test(lower) && !BULGARIAN_HARD_SIGN.test(lower)) return 'rus';
  const ukrainian = scoreOf('ukr') > 0 && count(/[іїєґ]/gu) >= enough && lower.includes('и');
  return ukrainian && !NOT_UKRAINIAN_LETTERS.test(lower) ? 'ukr' : undefined;
}

/**
 * How many of a language's own letters a sample needs before they decide: one in a short sample, and in a long
 * one a share that only text in that language reaches (not a foreign name or two).
 */
function lettersEnough(sample: string, charsPerLetter: number): number {
  return Math.max(1, sample.length / charsPerLetter);
}

/**
 * Short Turkish often ranks as Azerbaijani ("Cumhurbaşkanlığı seçimi" → azj) or even Indonesian: Azerbaijani
 * writes ə, its commonest vowel, which Turkish does not have.
 */
function turkishByLetters(sample: string, best: string, ranked: Array<[string, number]>): string | undefined {
  if (!ranked.some(([l]) => l === 'tur') || /[əƏ]/u.test(sample)) return undefined;
  // ı and ğ: in Latin script only Turkish and a few Turkic languages write them, about one letter in 16 of Turkish.
  const marks = sample.match(/[ıİğĞ]/gu)?.length ?? 0;
  return marks >= lettersEnough(sample, 60) && !DOTLESS_I_LANGUAGES.has(best) ? 'tur' : undefined;
}
/** Other Turkic languages that write ı (Azerbaijani is told by its ə above). */
const DOTLESS_I_LANGUAGES = new Set(['crh', 'gag', 'kaa', 'tat']);

/**
 * franc's Scots profile wins many short English sentences ("The quick brown fox..." → sco). When the
 * widely used language is a near tie, it is by far the likelier one in this archive.
 */
const NEAR_TIE_PREFERENCE: Readonly<Record<string, string>> = { sco: 'eng' };
const NEAR_TIE_SCORE = 0.95;

function preferWidespread(best: string, ranked: Array<[string, number]>): string {
  const preferred = NEAR_TIE_PREFERENCE[best];
  const score = preferred ? (ranked.find(([l]) => l === preferred)?.[1] ?? 0) : 0;
  return score >= NEAR_TIE_SCORE ? preferred : best;
}

// franc's trigram profiles of Tagalog and its neighbours (Cebuano, Hiligaynon, Bikol, Waray, Ilocano,
// Kapampangan) are close, and short Tagalog often comes out as one of them. Function words tell them
// apart cheaply: these are frequent in Tagalog and absent or rare in the others, and vice versa.
const PHILIPPINE = new Set(['tgl', 'ceb', 'hil', 'bcl', 'war', 'ilo', 'pam']);
const TAGALOG_WORDS = new Set([
  'ng',
  'ay',
  'hindi',
  'ito',
  'naman',
  'lamang',
  'ngayon',
  'noong',
  'nang',
  'kanyang',
  'kaniyang',
  'kanilang',
  'kayo',
  'tayo',
  'natin',
  'namin',
  'yung',
  'iyon',
  'iyan',
  'dito',
  'doon',
  'rito',
  'roon',
  'rin',
  'din',
  'ngunit',
  'subalit',
  'upang',
  'dahil',
  'tungkol',
  'kaysa',
  'hanggang',
  'habang',
  'kapag',
  'sapagkat',
  'opo',
  'ninyo',
  'ganito',
  'ganoon',
  'mayroon',
  'siyang',
  'nito',
  'niyon',
]);
/** Common Tagalog words that other languages share (Polish "na", "po"; Spanish "para"...). */
const TAGALOG_WEAK_WORDS = new Set([
  'ang',
  'sa',
  'na',
  'at',
  'mga',
  'ba',
  'pa',
  'po',
  'si',
  'ni',
  'ko',
  'mo',
  'ako',
  'siya',
  'sila',
  'kay',
  'lang',
  'ka',
]);
const NEIGHBOUR_WORDS = new Set([
  'ug',
  'nga',
  'kini',
  'kana',
  'dili',
  'usa',
  'adunay',
  'mao',
  'niini',
  'kamo',
  'karon',
  'gikan', // Cebuano
  'kag',
  'sang',
  'indi',
  'sini',
  'amo',
  'subong',
  'gid', // Hiligaynon
  'dagiti',
  'ken',
  'ket',
  'iti',
  'daytoy',
  'haan',
  'ti', // Ilocano
  'dai',
  'nin',
  'sinda',
  'digdi', // Bikol
  'han',
  'hin',
  'diri',
  'hiya',
  'hira', // Waray
  'ning',
  'king',
  'ku',
  'ya',
  'ke', // Kapampangan
]);

function tagalogTieBreak(sample: string, best: string, ranked: Array<[string, number]>): string | undefined {
  if (best === 'tgl' || !ranked.some(([l]) => l === 'tgl')) return undefined;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let strong = 0;
  let weak = 0;
  let neighbour = 0;
  for (const w of words) {
    if (TAGALOG_WORDS.has(w)) strong++;
    else if (TAGALOG_WEAK_WORDS.has(w)) weak++;
    else if (NEIGHBOUR_WORDS.has(w)) neighbour++;
  }
  if (PHILIPPINE.has(best)) return strong > 0 && strong > neighbour ? 'tgl' : undefined;
  // Short Tagalog misread as an unrelated language: need both kinds of evidence and a high density.
  if (neighbour === 0 && strong > 0 && weak > 0 && (strong + weak) / words.length >= 0.3) return 'tgl';
  return undefined;
}

/**
 * Frequent function words of widely written languages, each kept only if the other lists' languages do not use it
 * as often (no "de", "la", "en", "is", "na"...). On a sample of a few words, trigram scores are close together
 * (franc's English loses to Scots, French or Catalan on a third of 4-word sentences), and one of these words is
 * better evidence than the scores.
 */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  eng: words(
    'the and of with that this from which were have has been would their there they these not its it by what',
    'when each or but into about after only also more than then other such who will',
  ),
  deu: words(
    'der die das und ist nicht mit von dem ein eine einer einen einem auf sich auch wird wurde werden zu im für',
    'sind oder dass nach hatte sie wenn vom zum zur noch nur über wir dieser diese ihn bei',
  ),
  fra: words(
    'les et est une dans pour qui sur aux avec pas cette sont été par ont leur mais ces qu nous vous ils elle',
    'je était très comme leurs ses',
  ),
  spa: words('los las con sus más pero fue muy también hay está'),
  ita: words('della che è gli delle nel nella sono alla anche più questo'),
  por: words('em não uma mais pela pelo são também'),
  nld: words('een niet zijn voor worden wordt bij naar hij deze werd'),
  swe: words('och att är för inte till ett'),
  pol: words('się jest że oraz przez który która które nie jak od tylko także został'),
  tur: words('ve için ile olarak çok gibi ancak daha değil veya'),
  // Russian and Bulgarian news without ы, э or a vowel ъ ("… состоялась 7 мая 2018 года в Москве" → Bulgarian).
  rus: words('что это был была были было который которая которые которых также его её года году более уже'),
  bul: words('че ще това този тази които който която също след във със като бяха'),
  // "Hindi kasapi ang Pilipinas sa Commonwealth of Independent States": Tagalog's own words outvote an English name.
  tgl: TAGALOG_WORDS,
};

function words(...lines: string[]): ReadonlySet<string> {
  return new Set(lines.join(' ').split(' '));
}

/** Languages this archive's users most often hold: on a near tie of a short sample, these are the likelier. */
const COMMON_LANGUAGES = new Set([
  ...Object.keys(FUNCTION_WORDS),
  ...['rus', 'ukr', 'hye', 'bul', 'ell', 'arb', 'cmn', 'swh', 'ind', 'vie', 'ron', 'ces', 'hun', 'fin', 'dan'],
  ...['nob', 'pes', 'urd', 'hin', 'heb'],
]);

/**
 * On a sample under FEW_LETTERS letters, the language with clearly more function words than any other, unless
 * franc rules it out; undefined when the words do not decide.
 */
function byFunctionWords(
  sample: string,
  letters: number,
  best: string,
  ranked: Array<[string, number]>,
): string | undefined {
  const hits = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []) {
    for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
      if (words.has(word)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
    }
  }
  const byHits = [...hits].sort((a, b) => b[1] - a[1]);
  const [top, second] = [byHits[0], byHits[1]];
  if (!top || top[1] <= 2 * (second?.[1] ?? 0)) return undefined;
  // Tagalog against its neighbours is tagalogTieBreak's decision, made with their words too.
  if (top[0] === 'tgl' && PHILIPPINE.has(best)) return undefined;
  // The longer the sample, the more franc's scores say: function words then only settle a near tie.
  const minScore = MIN_WORD_EVIDENCE_SCORE + (NEAR_TIE_SCORE - MIN_WORD_EVIDENCE_SCORE) * (letters / FEW_LETTERS);
  return (ranked.find(([l]) => l === top[0])?.[1] ?? 0) >= minScore ? top[0] : undefined;
}

/**
 * A sample under FEW_LETTERS letters that neither words nor letters decide: under TOO_FEW_LETTERS, in a script
 * many languages share, franc's answer stands only when it is a common language clearly ahead of the next one,
 * and the language is left undetermined rather than guessed; a longer sample goes to a common language on a
 * near tie.
 */
function shortSampleChoice(letters: number, best: string, ranked: Array<[string, number]>): string {
  // Tagalog and its neighbours were told apart by their own function words (tagalogTieBreak).
  if (ranked.length < 2 || PHILIPPINE.has(best)) return best;
  if (letters < TOO_FEW_LETTERS) {
    const runnerUp = ranked.find(([l]) => toArchiveCode(l) !== toArchiveCode(best))?.[1] ?? 0;
    return COMMON_LANGUAGES.has(best) && 1 - runnerUp >= CLEAR_LEAD ? best : 'und';
  }
  if (COMMON_LANGUAGES.has(best)) return best;
  const common = ranked.find(([l]) => COMMON_LANGUAGES.has(l));
  return common && common[1] >= NEAR_TIE_SCORE ? common[0] : best;
}
/** On fewer than TOO_FEW_LETTERS letters, franc's winner counts only this far ahead of the next language. */
const CLEAR_LEAD = 0.1;
/** Function words do not override a language franc scores this far below its winner. */
const MIN_WORD_EVIDENCE_SCORE = 0.6;
