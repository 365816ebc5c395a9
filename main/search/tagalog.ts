// A light Tagalog stemmer and stop-word list (lunr-languages has none for Tagalog).
//
// Tagalog builds words from a root with prefixes (mag-, nag-, pag-, ipa-, ka-, ma-, na-, mang-…), infixes
// (-um-, -in- after the first consonant), suffixes (-an, -in, -han, -hin) and partial reduplication of the
// first syllable for aspect (nagbabasa, boboto). The stemmer peels these off in a fixed order, each step only
// when what remains still looks like a root (enough letters, a vowel), so that the forms of one root meet:
//   nagpahayag, ipinahayag, pagpapahayag, pahayag, hayag → hayag
//   bumoto, boboto, bumoboto, botohan, pinagbotohan → boto
//   kinilala, kilala, makilala, nakilala → kilala
// What it conflates on purpose: causative pa- with the bare root (pahayag "statement" with hayag "open"),
// place/abstract nouns in -an with their root (halalan "election" with halal "elected"), ka-…-an nouns with
// their root (kaibigan "friend" with ibig "want/love"), the Spanish agent -ante with its noun (botante
// "voter" with boto). What it does not touch: other Spanish suffixes, words in -yan/-yin (Armenian names:
// Sahakyan), nasal assimilation (mamili "to choose" is not reduced to pili),
// full reduplication (araw-araw is split by the tokeniser anyway), short words (four letters or fewer),
// loanwords (letters or clusters Tagalog roots do not have: Karabakh, Yerevan, ministro, kandidato, eleksyon)
// and, in capitalised words, a first one- or two-letter prefix, which also starts names (Makati, Pasig).

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
const hasVowel = (s: string) => /[aeiou]/.test(s);

/** Longest first: the first prefix that leaves a plausible root wins. */
const PREFIXES = [
  'pinakikipag',
  'pakikipag',
  'nakikipag',
  'makikipag',
  'ipinakiki',
  'nakipag',
  'makipag',
  'pakipag',
  'ipinag',
  'ipinaka',
  'pinaka',
  'ipagpa',
  'nakapag',
  'makapag',
  'pagkaka',
  'ipina',
  'ipaki',
  'pinag',
  'pagka',
  'nagka',
  'magka',
  'naka',
  'maka',
  'paki',
  'ipag',
  'mang',
  'nang',
  'pang',
  'mag',
  'nag',
  'pag',
  'ipa',
  'ika',
  'ka',
  'ma',
  'na',
  'pa',
  'um',
  'in',
  'i',
];
const SUFFIXES = ['han', 'hin', 'an', 'in'];

/** Minimum letters a root keeps after any step. */
const MIN_ROOT = 4;

/** Letters and clusters of Spanish and English loans and foreign names, which keep their affix-like syllables. */
const LOAN_LETTERS = /[cfjqvxz]|[kgstpz]h/;
const LOAN_ENDINGS = /(?:syon|sion|ismo|ista|ante|ente|ador|dad|ensya|ansya)$/;
/** Three consonants in a row (ng counts as one): ministro, elektrisidad. */
const LOAN_CLUSTER = /[^aeiou]{3}/;

export function isTagalogLoan(word: string): boolean {
  return LOAN_LETTERS.test(word) || LOAN_ENDINGS.test(word) || LOAN_CLUSTER.test(word.replace(/ng/g, 'N'));
}

/** Stem of a lower-case word; `capitalised` words keep the short prefixes that begin many names. */
export function stemTagalog(word: string, capitalised = false): string {
  let w = word;
  if (w.length <= MIN_ROOT || !/^[a-z]+$/.test(w)) return w;
  // Spanish agent nouns meet their noun: botante (votante) → boto (voto), like the Tagalog forms of boto.
  if (/^[a-z]{3,}ante$/.test(w) && !/[cfjqvxz]/.test(w)) return `${w.slice(0, -4)}o`;
  if (isTagalogLoan(w)) return w;

  // 1. Suffix: -han/-hin after a vowel-final root, -an/-in otherwise.
  for (const suffix of SUFFIXES) {
    // -yan/-yin endings are names (Sahakyan, Balasanyan), not -an/-in suffixed roots.
    if (w.endsWith(suffix) && w[w.length - suffix.length - 1] !== 'y') {
      const rest = w.slice(0, -suffix.length);
      if (rest.length >= MIN_ROOT && hasVowel(rest)) {
        w = rest;
        break;
      }
    }
  }
  // 2. Prefixes, infixes and reduplication, repeated while something changes (nag-pa-hayag, i-p-in-a-hayag).
  for (let round = 0; round < 5; round++) {
    const next = stripReduplication(stripInfix(stripPrefix(w, capitalised && round === 0)));
    if (next === w) break;
    w = next;
  }
  return w;
}

function stripPrefix(w: string, capitalised: boolean): string {
  for (const prefix of PREFIXES) {
    if (!w.startsWith(prefix) || (capitalised && prefix.length <= 2)) continue;
    const rest = w.slice(prefix.length);
    // A root starts with at most one consonant (ng is one): ka-ndidato is not a ka- form.
    if (/^[^aeiou]{2}/.test(rest.replace(/^ng/, 'N'))) continue;
    // um-/in- are prefixes only before a vowel (umalis, inalis); before a consonant they are not affixes here.
    if ((prefix === 'um' || prefix === 'in') && !isVowel(rest[0])) continue;
    // i- only before a consonant (ibigay) and when a longer root remains (isda, ilog stay).
    if (prefix === 'i' && (isVowel(rest[0]) || rest.length < MIN_ROOT + 1)) continue;
    if (rest.length >= MIN_ROOT - (prefix.length >= 4 ? 1 : 0) && hasVowel(rest)) return rest;
  }
  return w;
}

/** -um- and -in- right after the first consonant: b-um-oto → boto, k-in-ilala → kilala. */
function stripInfix(w: string): string {
  if (w.length < MIN_ROOT + 2 || isVowel(w[0])) return w;
  const infix = w.slice(1, 3);
  if ((infix === 'um' || infix === 'in') && isVowel(w[3])) {
    const rest = w[0] + w.slice(3);
    if (rest.length >= MIN_ROOT) return rest;
  }
  return w;
}

/** Partial reduplication of the first syllable: boboto → boto, papahayag → pahayag, aaral → aral. */
function stripReduplication(w: string): string {
  if (w.length >= MIN_ROOT + 1 && isVowel(w[0]) && w[0] === w[1]) return w.slice(1);
  if (w.length >= MIN_ROOT + 2 && !isVowel(w[0]) && isVowel(w[1]) && w.slice(0, 2) === w.slice(2, 4)) return w.slice(2);
  return w;
}

/** Function words: articles and case markers, pronouns, linkers, common particles and conjunctions. */
export const TAGALOG_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'ang ng nang mga sa si sina ni nina kay kina na at ay o pa po ho ba din rin daw raw lang lamang man nga naman ' +
    'kasi muna pala yata sana ito iyan iyon ire dito diyan doon rito riyan roon ako ko akin ikaw ka mo iyo siya niya ' +
    'kaniya kanya kami namin amin tayo natin atin kayo ninyo inyo sila nila kanila kung kapag pag para pero ngunit ' +
    'subalit dahil upang sapagkat kaya habang samantala bago hanggang mula tungkol ayon may mayroon wala hindi huwag ' +
    'ano sino saan kailan bakit paano ilan alin lahat bawat iba isa isang ibang ganito ganyan ganoon gaya tulad yung'
  ).split(' '),
);
