// A light Armenian stemmer (lunr-languages has stop words for Armenian but no stemmer).
//
// An Armenian noun is stem + plural + case + article/possessive: ընտրություն-ներ-ից, Ղարաբաղ-ում, Սահակյան-ը.
// The stemmer peels these layers from the end, one of each, keeping at least three letters:
//   article -ը (and -ն doubled after -ն); possessives -ս/-դ after a plural (-ներս, -երդ);
//   cases -ում (locative), -ից (ablative), -ով/-ամբ (instrumental), -ի (genitive), -ին (dative),
//   with the -յ- glide after a vowel (Բակոյից); plural -ներ after a stem of two or more syllables, -եր after
//   one syllable (ձայն-եր, not ձայ-ներ);
//   -ություն nouns' oblique stem -ությ-ան/-ությ-ամբ back to -ություն.
// The article -ն after -ե (բյուջեն) goes last, once cases are off, so that բյուջե/բյուջեն/բյուջեի meet;
// a name in -են (Արմեն, Արմենի, Արմենը) then loses its -ն in every form alike.
// What it leaves alone on purpose: a final -ն after other vowels (the article after a vowel-final word is the
// same letter as the -ան/-ոն/-ուն ending of Սահակյան, Երևան, միլիոն, տուն), a final -ս/-դ elsewhere (Մարտիրոս,
// մարդ), and vowel changes inside the stem (ժողովուրդ / ժողովրդի).

const CASES = ['յում', 'յից', 'յով', 'յին', 'յի', 'ում', 'ից', 'ով', 'ամբ', 'ին', 'ի'];
const MIN_STEM = 3;

const stripEnding = (w: string, endings: readonly string[]): string => {
  for (const e of endings) if (w.endsWith(e) && w.length - e.length >= MIN_STEM) return w.slice(0, -e.length);
  return w;
};

/**
 * Written vowels (ու is one), plus the unwritten schwa of an initial consonant pair (դպրոց is də-prots):
 * a count of syllables good enough to choose between -ներ and -եր.
 */
const syllables = (w: string) => {
  const v = w.replace(/ու/g, 'ո');
  return (v.match(/[աեէըիոօ]/g) ?? []).length + (/^[^աեէըիոօ]{2}/.test(v) ? 1 : 0);
};

/** Stem of a lower-case Armenian word; other words come back unchanged. */
export function stemArmenian(word: string): string {
  if (word.length <= MIN_STEM || !/^[\u0561-\u0587]+$/.test(word)) return word;
  let w = word.replace(/ությ(?:անը|անն|ան|ամբ)$/, 'ություն');
  if (w !== word) return w;
  if (w.endsWith('ը') || w.endsWith('նն')) w = w.slice(0, -1);
  else if (/(?:ներ|եր)[սդ]$/.test(w)) w = w.slice(0, -1);
  w = stripEnding(w, CASES);
  if (w.endsWith('ներ') && syllables(w.slice(0, -3)) >= 2) w = w.slice(0, -3);
  else w = stripEnding(w, ['եր']);
  if (w.endsWith('են') && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  return w.replace(/ությ(?:ան|ամբ)$/, 'ություն');
}
