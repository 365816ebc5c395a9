// Which language pipeline a language code gets, without loading lunr (languages.ts builds the pipelines): the main
// thread of an import, whose search analysis the parse worker made, needs only this to index it (indexer.ts).
import STOP_WORD_LISTS from './stop-words.json';

/**
 * The lunr-languages plugins Tala uses: those whose stop-word lists scripts/stop-words.mjs copies into
 * stop-words.json (its PLUGINS, the one list to edit); each also has a stemmer.
 */
export const PLUGINS = Object.keys(STOP_WORD_LISTS);

/** ISO 639-3 and other codes that name a language we have a pipeline for. */
const ALIASES: Record<string, string> = {
  eng: 'en',
  tgl: 'tl',
  fil: 'tl',
  rus: 'ru',
  hye: 'hy',
  arm: 'hy',
  deu: 'de',
  ger: 'de',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  dut: 'nl',
  swe: 'sv',
  nor: 'no',
  nob: 'no',
  nno: 'no',
  nb: 'no',
  nn: 'no',
  dan: 'da',
  fin: 'fi',
  hun: 'hu',
  ron: 'ro',
  rum: 'ro',
  tur: 'tr',
  ell: 'el',
  gre: 'el',
  ara: 'ar',
  arb: 'ar',
  pol: 'pl',
};

/** Languages with a stemmer or stop words (others fall back to the plain pipeline). */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en', 'tl', ...PLUGINS].sort();

export function normalizeLanguage(lang: string | null | undefined): string {
  const code = (lang ?? '').toLowerCase();
  const known = ALIASES[code] ?? code;
  return SUPPORTED_LANGUAGES.includes(known) ? known : '';
}

/**
 * The code of the stemming pipeline a document in `lang` is indexed with, or null when its pipeline does not stem
 * (the plain one): what `pipelineFor(lang)` says (its code, or null when its stemmerSource is 'none'; every supported
 * language has a stemmer), without building it.
 */
export function stemmingPipeline(lang: string | null | undefined): string | null {
  return normalizeLanguage(lang) || null;
}
