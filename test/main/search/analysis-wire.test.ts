// The parse worker posts a document's search analysis packed (analysis-wire.ts): what the main thread unpacks must be
// the analysis made, word for word and in order, whatever the words.
import { describe, expect, it } from 'vitest';
import { packAnalysis, unpackAnalysis } from '../../../main/search/analysis-wire';
import { analyzeForIndex, type IndexAnalysis } from '../../../main/search/index-analysis';

const roundTrip = (analysis: IndexAnalysis) => unpackAnalysis(structuredClone(packAnalysis(analysis)));

describe('the analysis as posted', () => {
  it('comes back equal for a language whose surface forms are its words, and for one with transliterations', () => {
    const tl = analyzeForIndex('tl', 'Ang Bayan', ['Tumatakbo ang mga tao sa halalan.', 'Masaya ang bayan.']);
    expect(tl.surfaces).toEqual(tl.terms);
    expect(packAnalysis(tl)).toMatchObject({ packed: true, surfaces: null });
    expect(roundTrip(tl)).toEqual(tl);
    // Russian: the transliterations are words too, not surface forms; a Latin word spelled as one comes later.
    const ru = analyzeForIndex('ru', 'Москва', ['Саакян приехал в Москву.', 'moskva sahakyan Москва']);
    expect(ru.surfaces).not.toEqual(ru.terms);
    expect(packAnalysis(ru)).toMatchObject({ packed: true });
    expect(roundTrip(ru)).toEqual(ru);
  });

  it('keeps empty lists empty, and sends as they are words that joining would confuse', () => {
    const empty = analyzeForIndex('tl', '', []);
    expect(empty.terms).toEqual([]);
    expect(roundTrip(empty)).toEqual(empty);
    const odd: IndexAnalysis = { ...empty, terms: ['a\nb', 'c'], surfaces: ['c'] };
    expect(packAnalysis(odd)).toBe(odd);
    expect(roundTrip(odd)).toEqual(odd);
    const blank: IndexAnalysis = { ...empty, terms: ['', 'c'], surfaces: [] };
    expect(packAnalysis(blank)).toBe(blank);
    expect(roundTrip(blank)).toEqual(blank);
    // Surface forms in another order than the words: sent on their own.
    const reordered: IndexAnalysis = { ...empty, terms: ['x', 'y'], surfaces: ['y', 'x'] };
    expect(packAnalysis(reordered)).toMatchObject({ surfaces: 'y\nx' });
    expect(roundTrip(reordered)).toEqual(reordered);
  });
});
