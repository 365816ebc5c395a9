// The language layer: one lunr pipeline per language (lunr's own English stemmer and stop words, the
// lunr-languages stemmers and stop-word lists, our Tagalog stemmer), each behind the same small interface.
// The document's language picks the pipeline; unknown languages get the plain one (fold only).
import { createRequire } from 'node:module';
import type LunrModule from 'lunr';
import { stemArmenian } from './armenian';
import { stemTagalog, TAGALOG_STOP_WORDS } from './tagalog';
import { foldText, trimToken } from '../../shared/text/fold';

// lunr and the lunr-languages plugins are CommonJS: required (not imported) so that Node skips the ESM
// interop scan of these large files, and each language plugin only when a document or query needs it.
const requireCjs = createRequire(import.meta.url);
export const lunr = requireCjs('lunr') as typeof LunrModule;

type PipelineFn = LunrModule.PipelineFunction;
interface LunrLanguage {
  stemmer?: PipelineFn;
  stopWordFilter?: PipelineFn;
}

const lunrWithLanguages = lunr as unknown as typeof LunrModule & Record<string, LunrLanguage>;
/** The lunr-languages folder, resolved once: each plugin is then required by its full path (resolving the package's
 * name again for each of ~18 plugins cost more than loading some of them). */
const supportFile = requireCjs.resolve('lunr-languages/lunr.stemmer.support.js');
const pluginDir = supportFile.slice(0, supportFile.length - 'lunr.stemmer.support.js'.length);
(requireCjs(supportFile) as (l: unknown) => void)(lunrWithLanguages);
/** Languages with a lunr-languages stemmer and/or stop-word list that Tala uses. */
const PLUGINS = [
  'ar',
  'da',
  'de',
  'el',
  'es',
  'fi',
  'fr',
  'hu',
  'hy',
  'it',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sv',
  'tr',
];

function loadPlugin(code: string): LunrLanguage | undefined {
  if (!lunrWithLanguages[code]) (requireCjs(`${pluginDir}lunr.${code}.js`) as (l: unknown) => void)(lunrWithLanguages);
  return lunrWithLanguages[code];
}

/** lunr's default trimmer keeps only \w at token edges (égalité → galit); ours keeps every script. */
const unicodeTrimmer: PipelineFn = (token) => token.update((s) => trimToken(s));
lunr.Pipeline.registerFunction(unicodeTrimmer, 'talaUnicodeTrimmer');
const tagalogStemmer: PipelineFn = (token) => token.update((s) => stemTagalog(s));
lunr.Pipeline.registerFunction(tagalogStemmer, 'talaTagalogStemmer');
/** Armenian: lunr-languages has no stemmer; ours peels articles, cases and plurals (armenian.ts). */
const armenianStemmer: PipelineFn = (token) => token.update((s) => stemArmenian(s));
lunr.Pipeline.registerFunction(armenianStemmer, 'talaArmenianStemmer');
const greekFold: PipelineFn = (token) => token.update((s) => foldText(s));
lunr.Pipeline.registerFunction(greekFold, 'talaFoldBeforeStem');

export interface LanguagePipeline {
  /** The language code this pipeline was built for ('' = plain fallback). */
  readonly code: string;
  /** What stems this language: 'lunr' (English), 'lunr-languages', 'tala' (Tagalog, Armenian) or 'none'. */
  readonly stemmerSource: 'lunr' | 'lunr-languages' | 'tala' | 'none';
  /**
   * Stem of a lower-cased word (not yet diacritic-folded), or the word itself when there is no stemmer.
   * `capitalised`: the word was written with a capital (a name, perhaps), for stemmers that care.
   */
  stem(lower: string, capitalised?: boolean): string;
  isStopWord(lower: string): boolean;
}

class LunrPipeline implements LanguagePipeline {
  private readonly pipeline = new lunr.Pipeline();

  constructor(
    readonly code: string,
    readonly stemmerSource: LanguagePipeline['stemmerSource'],
    steps: PipelineFn[],
    private readonly stopWords: ((lower: string) => boolean) | undefined,
    private readonly nameStem?: (lower: string) => string,
  ) {
    this.pipeline.add(unicodeTrimmer, ...steps);
  }

  stem(lower: string, capitalised = false): string {
    if (capitalised && this.nameStem) return this.nameStem(trimToken(lower)) || lower;
    return this.pipeline.runString(lower)[0] || lower;
  }

  isStopWord(lower: string): boolean {
    return this.stopWords?.(lower) ?? false;
  }
}

const filterToPredicate = (filter: PipelineFn | undefined) =>
  filter ? (lower: string) => filter(new lunr.Token(lower, {}), 0, []) === undefined : undefined;

function build(code: string): LanguagePipeline {
  if (code === 'en') return new LunrPipeline('en', 'lunr', [lunr.stemmer], filterToPredicate(lunr.stopWordFilter));
  if (code === 'tl') {
    const nameStem = (w: string) => stemTagalog(w, true);
    return new LunrPipeline('tl', 'tala', [tagalogStemmer], (w) => TAGALOG_STOP_WORDS.has(w), nameStem);
  }
  if (code === 'hy')
    return new LunrPipeline('hy', 'tala', [armenianStemmer], filterToPredicate(loadPlugin('hy')?.stopWordFilter));
  const language = PLUGINS.includes(code) ? loadPlugin(code) : undefined;
  if (language) {
    // Greek's stemmer expects letters without accents.
    const stems = language.stemmer;
    const steps = stems ? (code === 'el' ? [greekFold, stems] : [stems]) : [];
    return new LunrPipeline(code, stems ? 'lunr-languages' : 'none', steps, filterToPredicate(language.stopWordFilter));
  }
  return new LunrPipeline('', 'none', [], undefined);
}

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

const pipelines = new Map<string, LanguagePipeline>();

export function pipelineFor(lang: string | null | undefined): LanguagePipeline {
  const code = normalizeLanguage(lang);
  let pipeline = pipelines.get(code);
  if (!pipeline) {
    pipeline = build(code);
    pipelines.set(code, pipeline);
  }
  return pipeline;
}
