// The stop words of the lunr-languages pipelines come from main/search/stop-words.json (scripts/stop-words.mjs copies
// them from the plugins), so that a search can ask every pipeline in scope about a word without loading every plugin;
// a plugin is loaded when a word is first stemmed under it. The copy must say exactly what each plugin's filter says.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type LunrModule from 'lunr';
import { describe, expect, it } from 'vitest';
import { lunr, pipelineFor, SUPPORTED_LANGUAGES } from '../../../main/search/languages';
import { analyzerFor } from '../../../main/search/analyzer';
import { tokenize } from '../../../main/search/tokenize';
import STOP_WORD_LISTS from '../../../main/search/stop-words.json';

const require = createRequire(import.meta.url);
const lists = STOP_WORD_LISTS as Record<string, string>;
type Plugin = { stemmer?: LunrModule.PipelineFunction; stopWordFilter?: LunrModule.PipelineFunction };
const registry = lunr as unknown as Record<string, Plugin | undefined>;
const PLUGIN_CODES = SUPPORTED_LANGUAGES.filter((code) => code !== 'en' && code !== 'tl');

/** Words that are no stop word of any language here, and the stop words of other languages. */
const OTHERS = [
  ...tokenize('The voters elected a council; Наблюдатели зафиксировали нарушения. Les électeurs ont élu un conseil.'),
].map((t) => t.text.toLowerCase());

describe('stop words without the plugins', () => {
  it('a pipeline answers whether a word is a stop word without loading its plugin, and loads it to stem', () => {
    // Nothing in this file has stemmed a French word yet (vitest runs each test file in a module scope of its own).
    expect(registry.fr).toBeUndefined();
    const fr = pipelineFor('fr');
    expect(fr.isStopWord('les')).toBe(true);
    expect(fr.isStopWord('électeurs')).toBe(false);
    expect(registry.fr).toBeUndefined();
    expect(fr.stem('électeurs')).toBe('électeur');
    expect(registry.fr?.stemmer).toBeTypeOf('function');
  });

  it.each(PLUGIN_CODES)(
    '%s: the list is the one in the plugin source, and says what the plugin filter says',
    (code) => {
      const file = require.resolve(`lunr-languages/lunr.${code}.js`);
      const source = readFileSync(file, 'utf8');
      expect(source).toContain(`lunr.generateStopWordFilter('${lists[code]}'.split(' ')`);
      const pipeline = pipelineFor(code);
      if (!registry[code]) (require(file) as (l: unknown) => void)(lunr);
      const filter = registry[code]!.stopWordFilter!;
      const byFilter = (word: string) => filter(new lunr.Token(word, {}), 0, []) === undefined;
      const words = [
        ...lists[code].split(' '),
        ...OTHERS,
        ...Object.values(lists).flatMap((l) => l.split(' ').slice(0, 40)),
      ];
      for (const word of words) expect([word, pipeline.isStopWord(word)]).toEqual([word, byFilter(word)]);
      // Every plugin Tala uses stems (its pipeline says so before loading it).
      expect(registry[code]!.stemmer).toBeTypeOf('function');
      expect(pipeline.stemmerSource).toBe(code === 'hy' ? 'tala' : 'lunr-languages');
    },
  );

  it('an analyzer says a word is a stop word before and after stemming it', () => {
    const de = analyzerFor('de');
    expect(de.isStop('Und')).toBe(true);
    expect(de.forms('Und').stop).toBe(true);
    expect(de.isStop('Und')).toBe(true);
    expect(de.isStop('Wähler')).toBe(false);
  });
});
