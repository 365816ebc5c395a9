// The words findMatches reads: Analyzer.eachWord gives tokenize's words with their forms, and a highlight whose
// query searched no stem leaves the words it has not met unstemmed (all but their stems the same).
import { describe, expect, it } from 'vitest';
import { Analyzer, analyzerFor } from '../../../main/search/analyzer';
import { findMatches } from '../../../main/search/engine';
import { pipelineFor, type LanguagePipeline } from '../../../main/search/languages';
import { HighlightSpec } from '../../../main/search/plan';
import { tokenize } from '../../../main/search/tokenize';

const TEXTS = [
  'All human beings are born free and equal in dignity and rights. Human rights, HUMAN Rights!',
  'Tous les êtres humains naissent libres et égaux en dignité et en droits; l\u2019égalité des droits.',
  'Все люди рождаются свободными и равными в своем достоинстве и правах. Права человека, Иванов.',
  'Մարդիկ ծնվում են ազատ ու հավասար իրենց արժանապատվությամբ ու իրավունքներով: Սահակյանը',
  'Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα.',
  'Lahat ng tao ay isinilang na malaya at pantay-pantay sa karangalan at mga karapatan. Kumakain siya.',
  'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。ABC漢字',
];
const LANGS = ['en', 'fr', 'ru', 'hy', 'el', 'tl', 'ja', ''];

/** A real pipeline that notes every word it stems. */
function noting(code: string, stemmed: string[]): LanguagePipeline {
  const p = pipelineFor(code);
  return {
    code: p.code,
    stemmerSource: p.stemmerSource,
    stem: (lower, capitalised) => {
      stemmed.push(lower);
      return p.stem(lower, capitalised);
    },
    isStopWord: (lower) => p.isStopWord(lower),
  };
}

describe('Analyzer.eachWord', () => {
  it("gives tokenize's words with the forms of forms; unstemmed, the same but for the stem", () => {
    for (const lang of LANGS) {
      for (const unstemmed of [false, true]) {
        const analyzer = new Analyzer(pipelineFor(lang));
        const reference = analyzerFor(lang);
        for (const text of [...TEXTS, TEXTS.join(' ')]) {
          const got: Array<{
            start: number;
            end: number;
            surface: string;
            stem: string;
            translit: string | null;
            translitStem: string | null;
          }> = [];
          analyzer.eachWord(text, undefined, unstemmed, (f, start, end) => {
            expect(f).not.toBeNull();
            got.push({
              start,
              end,
              surface: f!.surface,
              stem: f!.stem,
              translit: f!.translit,
              translitStem: f!.translitStem,
            });
          });
          const expected = tokenize(text).map((t) => {
            const f = reference.forms(t.text);
            return {
              start: t.start,
              end: t.end,
              surface: f.surface,
              stem: f.stem,
              translit: f.translit,
              translitStem: f.translitStem,
            };
          });
          if (!unstemmed) expect(got).toEqual(expected);
          else {
            expect(got.map(({ stem: _s, ...rest }) => rest)).toEqual(expected.map(({ stem: _s, ...rest }) => rest));
            // A word of Cyrillic, Greek or Armenian letters is stemmed: its transliteration's stem may be searched.
            got.forEach((g, i) => {
              if (g.translit !== null) expect(g.stem).toBe(expected[i].stem);
            });
          }
        }
      }
    }
  });

  it('hears a run of a script written without spaces unsplit as null when the filter says so', () => {
    const analyzer = new Analyzer(pipelineFor('ja'));
    const text = TEXTS[6];
    const heard: Array<[boolean, number, number]> = [];
    analyzer.eachWord(
      text,
      () => false,
      false,
      (f, start, end) => heard.push([f === null, start, end]),
    );
    expect(heard).toEqual(tokenize(text, () => false).map((t) => [t.text === '', t.start, t.end]));
    expect(heard.some(([unsplit]) => unsplit)).toBe(true);
  });
});

describe('findMatches without stems', () => {
  it('stems no word of the text when the query searched no stem, and marks the same words', () => {
    const stemmed: string[] = [];
    const analyzer = new Analyzer(noting('en', stemmed));
    const text = TEXTS[0];
    const spec = new HighlightSpec();
    spec.surfaces.add('dignity');
    spec.translits.add('dignity');
    spec.phrases.push(['human', 'rights']);
    const marked = findMatches(analyzer, text, spec).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(['dignity', 'Human rights', 'HUMAN Rights']);
    expect(stemmed).toEqual([]);
    // With a stem to find, the words are stemmed (and the same surfaces marked, with the stem's words).
    spec.stems.add('born');
    expect(findMatches(analyzer, text, spec).map(([s, e]) => text.slice(s, e))).toEqual([
      'born',
      'dignity',
      'Human rights',
      'HUMAN Rights',
    ]);
    expect(stemmed).toContain('human');
  });

  it("still finds a Cyrillic word by its transliteration's stem", () => {
    const ru = analyzerFor('ru');
    const text = TEXTS[2];
    const forms = ru.forms('правах');
    expect(forms.translitStem).not.toBeNull();
    const spec = new HighlightSpec();
    spec.translits.add(forms.translitStem!);
    const stemmed: string[] = [];
    const marked = findMatches(new Analyzer(noting('ru', stemmed)), text, spec).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(findMatches(ru, text, spec).map(([s, e]) => text.slice(s, e)));
    expect(marked).toContain('правах');
  });
});
