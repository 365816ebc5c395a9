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
  const letters = countLetters(sample, SHORT_SAMPLE_LETTERS);
  if (letters < 3) return declared ?? 'und';

  const ranked = rankLanguages(sample, 1);
  let best = ranked[0]?.[0] ?? 'und';
  if (best === 'und') return declared ?? 'und';
  best = tagalogTieBreak(sample, best, ranked) ?? best;
  best = preferWidespread(best, ranked);
  best = russianTieBreak(sample, best, ranked);

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

/**
 * Short Russian news text sometimes ranks as Bulgarian, Ukrainian, Macedonian, Serbian or Belarusian. Letters
 * decide: ы and э are Russian (and Belarusian, which also has і and ў); the others have neither.
 */
const RUSSIAN_NEIGHBOURS = new Set(['bul', 'ukr', 'mkd', 'srp', 'bel']);

function russianTieBreak(sample: string, best: string, ranked: Array<[string, number]>): string {
  if (!RUSSIAN_NEIGHBOURS.has(best) || !ranked.some(([l]) => l === 'rus')) return best;
  const lower = sample.toLowerCase();
  if (!/[ыэ]/u.test(lower) || /[іїєґўѓќљњџ]/u.test(lower)) return best;
  return 'rus';
}

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
