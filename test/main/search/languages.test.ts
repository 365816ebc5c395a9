import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../main/search/analyzer';
import { stemmingPipeline } from '../../../main/search/language-codes';
import { normalizeLanguage, pipelineFor, SUPPORTED_LANGUAGES } from '../../../main/search/languages';
import { foldText, trimToken } from '../../../shared/text/fold';
import { tokenize } from '../../../main/search/tokenize';
import { transliterate } from '../../../main/search/transliterate';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokeniser', () => {
  it('splits on spaces, punctuation, hyphens and apostrophes, keeping every script', () => {
    expect(words("«Баласанян», (Սահակյան) égalité; l'homme Nagorno-Karabakh U.S. 47,000 Ελλάδα")).toEqual([
      'Баласанян',
      'Սահակյան',
      'égalité',
      'l',
      'homme',
      'Nagorno',
      'Karabakh',
      'U',
      'S',
      '47',
      '000',
      'Ελλάδα',
    ]);
  });

  it('keeps combining marks and Armenian in-word marks inside words, with offsets into the original', () => {
    const text = 'cafe\u0301 ինչո՞ւ';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['cafe\u0301', 'ինչո՞ւ']);
    expect(tokens[0]).toMatchObject({ start: 0, end: 5 });
  });

  it('ends a word at the Armenian comma, which is punctuation, not an in-word mark', () => {
    const text = 'Վիտալի Բալասանյանը՝ 32,5 տոկոսը';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Վիտալի',
      'Բալասանյանը',
      '32',
      '5',
      'տոկոսը',
    ]);
  });

  it('segments scripts written without spaces', () => {
    expect(words('人権宣言').length).toBeGreaterThan(1);
    expect(words('สิทธิมนุษยชน').length).toBeGreaterThan(1);
  });
});

describe('folding and trimming', () => {
  it.each([
    ['Sahakyán', 'sahakyan'],
    ['cafe\u0301', 'cafe'],
    ['ÉGALITÉ', 'egalite'],
    ['Баласанян', 'баласанян'],
    ['Սահակյան', 'սահակյան'],
    ['ինչո՞ւ', 'ինչու'],
    ['Ελλάδα', 'ελλαδα'],
    ['हिन्दी', 'हिन्दी'], // Devanagari vowel signs are letters: kept
  ])('folds %s to %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it.each([
    ['«Баласанян»,', 'Баласанян'],
    ['(Սահակյան)', 'Սահակյան'],
    ['égalité.', 'égalité'],
    ['"47"', '47'],
    ['e\u0301.', 'e\u0301'],
    ['—', ''],
  ])('trims %s to %s', (input, trimmed) => expect(trimToken(input)).toBe(trimmed));
});

describe('language pipelines', () => {
  it('English: lunr stemmer and stop words', () => {
    const en = analyzerFor('en');
    expect(en.forms('Elections')).toMatchObject({ surface: 'elections', stem: 'elect', stop: false });
    expect(en.forms('the').stop).toBe(true);
    expect(en.pipeline.stemmerSource).toBe('lunr');
  });

  it('Russian: lunr-languages stemmer and stop words, stemmed before folding (й, ё survive)', () => {
    const ru = analyzerFor('ru');
    expect(ru.forms('выборах').stem).toBe(ru.forms('выборы').stem);
    expect(ru.forms('нарушениями').stem).toBe('нарушен');
    expect(ru.forms('для').stop).toBe(true);
    expect(ru.forms('Баласаняна')).toMatchObject({ surface: 'баласаняна', translit: 'balasanyana' });
    expect(ru.pipeline.stemmerSource).toBe('lunr-languages');
  });

  it('Armenian: lunr-languages stop words; our light stemmer drops the definite article', () => {
    const hy = analyzerFor('hy');
    expect(hy.pipeline.stemmerSource).toBe('tala');
    expect(hy.forms('Սահակյանը')).toMatchObject({
      surface: 'սահակյանը',
      stem: 'սահակյան',
      translit: 'sahakyany',
      translitStem: 'sahakyan',
    });
    expect(hy.forms('և').stop).toBe(true);
    expect(hy.forms('Սահակյան').translit).toBe('sahakyan');
  });

  it('French, German, Spanish, Greek stem; accents fold after stemming', () => {
    expect(analyzerFor('fr').forms('égalité')).toMatchObject({ surface: 'egalite', stem: 'egal' });
    expect(analyzerFor('de').forms('Wahlen').stem).toBe(analyzerFor('de').forms('Wahl').stem);
    expect(analyzerFor('es').forms('elecciones').stem).toBe(analyzerFor('es').forms('elección').stem);
    expect(analyzerFor('el').forms('δικαιώματα').stem).toBe('δικαιωμ');
  });

  it('unknown languages get the plain pipeline: fold only', () => {
    const plain = analyzerFor('ceb');
    expect(plain.pipeline.code).toBe('');
    expect(plain.forms('Mga Eleksyon')).toMatchObject({ surface: 'mga eleksyon', stem: 'mga eleksyon', stop: false });
    expect(normalizeLanguage('RUS')).toBe('ru');
    expect(pipelineFor(null).code).toBe('');
    expect(SUPPORTED_LANGUAGES).toEqual(expect.arrayContaining(['en', 'tl', 'ru', 'hy', 'de', 'fr', 'es', 'el']));
  });

  it('the stemming pipeline of a language is known without building it (the indexer of an import asks so)', () => {
    const langs = [...SUPPORTED_LANGUAGES, 'RUS', 'fil', 'nb', 'eng', 'ceb', 'fj', 'xx', '', null, undefined];
    for (const lang of langs) {
      const pipeline = pipelineFor(lang);
      expect(stemmingPipeline(lang)).toBe(pipeline.stemmerSource === 'none' ? null : pipeline.code);
    }
  });
});

describe('transliteration', () => {
  it.each([
    ['баласанян', 'balasanyan'],
    ['саакян', 'saakyan'],
    ['виталий', 'vitaliy'],
    ['щёлково', 'shchyolkovo'],
    ['սահակյան', 'sahakyan'],
    ['բալասանյան', 'balasanyan'],
    ['երևան', 'yerevan'],
    ['ուրախ', 'urakh'],
    ['ελλάδα', 'ellada'],
    ['ουρανός', 'ouranos'],
    ['sahakyan', 'sahakyan'],
  ])('%s → %s', (word, latin) => expect(transliterate(word)).toBe(latin));
});
