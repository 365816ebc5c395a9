// The language layer: one lunr pipeline per language (lunr's own English stemmer and stop words, the
// lunr-languages stemmers and stop-word lists, our Tagalog stemmer), each behind the same small interface.
// The document's language picks the pipeline; unknown languages get the plain one (fold only).
import { createRequire } from 'node:module';
import type LunrModule from 'lunr';
import { stemArmenian } from './armenian';
import { stemTagalog, TAGALOG_STOP_WORDS } from './tagalog';
import { foldText, trimToken } from '../../shared/text/fold';
import STOP_WORD_LISTS from './stop-words.json';
import { normalizeLanguage, PLUGINS } from './language-codes';

export { normalizeLanguage, SUPPORTED_LANGUAGES } from './language-codes';

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
/**
 * The lunr-languages folder, its support code loaded into lunr, once, when the first plugin loads: English, Tagalog,
 * Armenian and the plain pipeline need neither, so `tala import` of such a file no longer loads it while it starts
 * (~6 ms of CPU at load 10). Each plugin is then required by its full path (resolving the package's name again for
 * each of ~18 plugins cost more than loading some of them).
 */
let pluginDir: string | undefined;
function lunrLanguagesDir(): string {
  if (pluginDir === undefined) {
    const supportFile = requireCjs.resolve('lunr-languages/lunr.stemmer.support.js');
    (requireCjs(supportFile) as (l: unknown) => void)(lunrWithLanguages);
    pluginDir = supportFile.slice(0, supportFile.length - 'lunr.stemmer.support.js'.length);
  }
  return pluginDir;
}

function loadPlugin(code: string): LunrLanguage | undefined {
  if (!lunrWithLanguages[code])
    (requireCjs(`${lunrLanguagesDir()}lunr.${code}.js`) as (l: unknown) => void)(lunrWithLanguages);
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

/**
 * A pipeline whose lunr steps are made when it first stems a word: a search asks every pipeline in scope whether a
 * word is a stop word, but stems it only under the pipelines whose documents hold it, so a plugin's stemmer (most of
 * the cost of loading it) is loaded only when some word is stemmed under it.
 */
class LunrPipeline implements LanguagePipeline {
  private pipeline: LunrModule.Pipeline | null = null;

  constructor(
    readonly code: string,
    readonly stemmerSource: LanguagePipeline['stemmerSource'],
    private readonly steps: () => PipelineFn[],
    private readonly stopWords: ((lower: string) => boolean) | undefined,
    private readonly nameStem?: (lower: string) => string,
  ) {}

  stem(lower: string, capitalised = false): string {
    if (capitalised && this.nameStem) return this.nameStem(trimToken(lower)) || lower;
    if (!this.pipeline) {
      this.pipeline = new lunr.Pipeline();
      this.pipeline.add(unicodeTrimmer, ...this.steps());
    }
    return this.pipeline.runString(lower)[0] || lower;
  }

  isStopWord(lower: string): boolean {
    return this.stopWords?.(lower) ?? false;
  }
}

const filterToPredicate = (filter: PipelineFn | undefined) =>
  filter ? (lower: string) => filter(new lunr.Token(lower, {}), 0, []) === undefined : undefined;

/**
 * A plugin's stop words from stop-words.json (its own list, copied by scripts/stop-words.mjs) without loading the
 * plugin: the same test as its filter (lunr.generateStopWordFilter), a word of the list as split on spaces.
 */
function pluginStopWords(code: string): (lower: string) => boolean {
  let words: Set<string> | null = null;
  return (lower) => (words ??= new Set((STOP_WORD_LISTS as Record<string, string>)[code].split(' '))).has(lower);
}

/** The stemming steps of a lunr-languages plugin (every plugin Tala uses has a stemmer; Greek's wants no accents). */
function pluginSteps(code: string): PipelineFn[] {
  const stems = loadPlugin(code)?.stemmer;
  if (!stems) throw new Error(`lunr-languages has no stemmer for ${code}`);
  return code === 'el' ? [greekFold, stems] : [stems];
}

function build(code: string): LanguagePipeline {
  if (code === 'en')
    return new LunrPipeline('en', 'lunr', () => [lunr.stemmer], filterToPredicate(lunr.stopWordFilter));
  if (code === 'tl') {
    const nameStem = (w: string) => stemTagalog(w, true);
    return new LunrPipeline(
      'tl',
      'tala',
      () => [tagalogStemmer],
      (w) => TAGALOG_STOP_WORDS.has(w),
      nameStem,
    );
  }
  if (code === 'hy') return new LunrPipeline('hy', 'tala', () => [armenianStemmer], pluginStopWords('hy'));
  if (PLUGINS.includes(code))
    return new LunrPipeline(code, 'lunr-languages', () => pluginSteps(code), pluginStopWords(code));
  return new LunrPipeline('', 'none', () => [], undefined);
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
