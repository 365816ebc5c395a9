// Line-end hyphens of laid-out text (PDF): "pangu-/lo" is one word broken by the typesetter, but
// "humigit-/kumulang", "naka-/iskedyul" and "pang-/internasyonal" are Tagalog words that keep their hyphen.
// The PDF reader marks each doubtful seam (a letter, a hyphen at the line end, a lower-case letter on the next
// line); once the document's language is known, resolveLineHyphens decides each one:
//  1. the document's own vocabulary: if the hyphenated or the joined form is written elsewhere in it (not at a
//     line end), follow that (the more frequent one when both are);
//  2. in Tagalog, the hyphen stays after a prefix ending in a consonant before a vowel (pag-asa, mag-aral,
//     pang-umaga), after any prefix before a loanword (naka-iskedyul, mag-computer), in a repeated word
//     (araw-araw, sari-sari) and in the common fixed compounds (humigit-kumulang, kapit-bahay);
//  3. anything else (and every seam in the other languages) is ordinary hyphenation and closes up.

/** Marks a doubtful seam: "pang-" + LINE_HYPHEN + "internasyonal". A Unicode noncharacter: never in real text. */
export const LINE_HYPHEN = '\uFDD0';

const SEAM = /([\p{L}\p{M}]+)([-\u2010])\uFDD0([\p{L}\p{M}]+)/gu;
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

/** Tagalog prefixes (the part before the hyphen must be one of them, whole). */
const TAGALOG_PREFIXES = new Set([
  'mag',
  'nag',
  'pag',
  'mang',
  'nang',
  'pang',
  'tag',
  'sing',
  'kasing',
  'magsing',
  'ipag',
  'ipang',
  'makapag',
  'nakapag',
  'pinag',
  'pakikipag',
  'makipag',
  'nakipag',
  'ma',
  'na',
  'pa',
  'ka',
  'i',
  'maka',
  'naka',
  'paka',
  'pinaka',
  'taga',
  'ika',
  'mala',
  'mapa',
  'napa',
  'magka',
  'nagka',
  'pagka',
  'magpa',
  'nagpa',
  'pagpa',
  'ipa',
  'ipina',
  'mai',
  'nai',
  'di',
]);

/** Frequent Tagalog compounds written with a hyphen whose parts are not a prefix or a repetition. */
const TAGALOG_COMPOUNDS = new Set([
  'humigit-kumulang',
  'kapit-bahay',
  'bahay-kubo',
  'urong-sulong',
  'balik-bayan',
  'balik-tanaw',
  'hanap-buhay',
  'taos-puso',
  'bukas-palad',
  'ningas-kugon',
  'lakad-takbo',
  'pantay-pantay',
  'kani-kanila',
  'kani-kaniyang',
  'tig-isa',
  'tag-araw',
  'tag-ulan',
  'pa-ano',
  'mag-isa',
  'isa-isa',
  'unti-unti',
]);

/**
 * A respelled loanword: letters and clusters native Tagalog words do not have (c f j q v x z ñ, sy/dy/ts as in
 * internasyonal, iskedyul, tsart) or an is-/es- + consonant start (iskedyul, istasyon, eskuwela).
 */
export function looksLikeTagalogLoanword(word: string): boolean {
  const w = word.toLowerCase();
  return /[cfjqvxzñ]|sy|dy|ts|ny[aeiou]l/u.test(w) || /^[ie]s[kptlm]/u.test(w);
}

/** Whether Tagalog spelling keeps the hyphen between these two parts (without evidence from the document). */
export function tagalogKeepsHyphen(left: string, right: string): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (TAGALOG_COMPOUNDS.has(`${l}-${r}`)) return true;
  // Repetition: araw-araw, sari-sari, isa-isa, unti-unti, kani-kanila, pala-palagay.
  if (l.length >= 3 && r.startsWith(l)) return true;
  if (!TAGALOG_PREFIXES.has(l)) return false;
  if (/^[aeiou]/u.test(r) && /[^aeiou]$/u.test(l)) return true;
  return looksLikeTagalogLoanword(r);
}

/** Counts of the words of these texts as written (lower-cased), hyphenated compounds counted whole. */
function vocabularyOf(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    // Seams are not evidence of themselves: the words around them are left out.
    const clean = text.replace(SEAM, ' ');
    for (const m of clean.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

/** Decides every marked seam of these passage texts (see the head of this file); returns texts without marks. */
export function resolveLineHyphens(texts: readonly string[], lang: string): string[] {
  if (!texts.some((t) => t.includes(LINE_HYPHEN))) return [...texts];
  const vocabulary = vocabularyOf(texts);
  const tagalog = lang === 'tl' || lang === 'fil';
  return texts.map((text) =>
    text
      .replace(SEAM, (_all, left: string, hyphen: string, right: string) => {
        const hyphenated = vocabulary.get(`${left}-${right}`.toLowerCase()) ?? 0;
        const joined = vocabulary.get(`${left}${right}`.toLowerCase()) ?? 0;
        const keep = hyphenated || joined ? hyphenated >= joined : tagalog ? tagalogKeepsHyphen(left, right) : false;
        return keep ? `${left}${hyphen}${right}` : `${left}${right}`;
      })
      .replaceAll(LINE_HYPHEN, ''),
  );
}
