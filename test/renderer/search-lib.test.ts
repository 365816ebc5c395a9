// Pure pieces of the search view: match ranges → marks (overlaps, touching ranges, combining characters,
// surrogate pairs, Cyrillic and Armenian), the composed request query with its filters, expansion lines,
// BAD_QUERY positions, search routes, merging pages.
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../renderer/src/hooks/useSearch';
import { normalizeRanges, rangeSegments } from '../../renderer/src/lib/highlight';
import { hitWhere } from '../../renderer/src/lib/search-hits';
import { formatRoute, parseLink, parseRoute } from '../../renderer/src/lib/routes';
import {
  annotationFieldWords,
  composeQuery,
  describeExpansions,
  queryItems,
  requireWords,
  stripFilters,
  type SearchFilter,
} from '../../renderer/src/lib/search-query';
import type { SearchHit, SearchResult } from '../../shared/types';
import { searchResult } from '../helpers/search-result';

const marked = (text: string, ranges: Array<[number, number]>) =>
  rangeSegments(text, ranges)
    .filter((s) => s.match)
    .map((s) => s.text);

describe('match ranges → marks', () => {
  it('marks exactly the given ranges and keeps every other character as text', () => {
    const text = 'Nanalo si Bako Sahakyan; binati ni Balasanyan si Sahakyan.';
    const ranges: Array<[number, number]> = [
      [15, 23],
      [49, 57],
    ];
    const segments = rangeSegments(text, ranges);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(marked(text, ranges)).toEqual(['Sahakyan', 'Sahakyan']);
    expect(segments.filter((s) => s.match)).toHaveLength(2);
  });

  it('merges overlapping ranges and keeps touching ones as separate marks', () => {
    const text = 'Bako Sahakyan';
    expect(
      normalizeRanges(text, [
        [0, 8],
        [5, 13],
      ]),
    ).toEqual([[0, 13]]);
    expect(
      normalizeRanges(text, [
        [5, 13],
        [0, 4],
        [2, 6],
      ]),
    ).toEqual([[0, 13]]);
    expect(
      normalizeRanges(text, [
        [0, 4],
        [4, 5],
        [5, 13],
      ]),
    ).toEqual([
      [0, 4],
      [4, 5],
      [5, 13],
    ]);
    expect(
      marked(text, [
        [0, 4],
        [4, 5],
        [5, 13],
      ]),
    ).toEqual(['Bako', ' ', 'Sahakyan']);
    // One range inside another.
    expect(
      normalizeRanges(text, [
        [0, 13],
        [5, 8],
      ]),
    ).toEqual([[0, 13]]);
    // Unsorted input comes out sorted.
    expect(
      normalizeRanges(text, [
        [5, 13],
        [0, 4],
      ]),
    ).toEqual([
      [0, 4],
      [5, 13],
    ]);
  });

  it('drops empty, reversed and out-of-range ranges and clamps the rest', () => {
    const text = 'halalan';
    expect(
      normalizeRanges(text, [
        [3, 3],
        [5, 2],
        [20, 30],
        [-4, 2],
        [5, 99],
      ]),
    ).toEqual([
      [0, 2],
      [5, 7],
    ]);
    expect(normalizeRanges('', [[0, 3]])).toEqual([]);
    expect(normalizeRanges(text, [])).toEqual([]);
    expect(normalizeRanges(text, [[Number.NaN, 3]])).toEqual([]);
    expect(rangeSegments(text, [[9, 12]])).toEqual([{ text, match: false }]);
  });

  it('never splits a letter from its combining accent', () => {
    const text = 'Cafe\u0301 at re\u0301sume\u0301';
    // A range that ends between "e" and U+0301 takes the accent along.
    expect(marked(text, [[0, 4]])).toEqual(['Cafe\u0301']);
    // A range that starts on the accent moves back to its letter.
    expect(marked(text, [[4, 5]])).toEqual(['e\u0301']);
    // The accented word with decomposed accents inside and at the end.
    const start = text.indexOf('re\u0301sume\u0301');
    expect(marked(text, [[start, start + 7]])).toEqual(['re\u0301sume\u0301']);
    // Stacked marks (Vietnamese ệ decomposed: e + U+0323 + U+0302).
    expect(marked('Vie\u0323\u0302t Nam', [[0, 3]])).toEqual(['Vie\u0323\u0302']);
    expect(
      rangeSegments(text, [[0, 4]])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('keeps surrogate pairs whole', () => {
    const text = 'a 𝒜b c';
    // 𝒜 is two code units (2, 3); a range ending inside it, or starting on its low half, takes the pair.
    expect(marked(text, [[2, 3]])).toEqual(['𝒜']);
    expect(marked(text, [[3, 5]])).toEqual(['𝒜b']);
  });

  it('marks Cyrillic and Armenian at the engine offsets', () => {
    const ru = 'Виталий Баласанян не поздравил Бако Саакяна';
    expect(
      marked(ru, [
        [8, 17],
        [36, 43],
      ]),
    ).toEqual(['Баласанян', 'Саакяна']);
    const hy = 'Բակո Սահակյանը և Վիտալի Բալասանյանը';
    const at = hy.indexOf('Բալասանյան');
    expect(
      marked(hy, [
        [5, 13],
        [at, at + 'Բալասանյան'.length],
      ]),
    ).toEqual(['Սահակյան', 'Բալասանյան']);
    // Armenian with a combining mark after the word (U+0301 as an emphasis accent).
    const stressed = 'Ստեփանակե\u0301րտ';
    expect(marked(stressed, [[0, 9]])).toEqual(['Ստեփանակե\u0301']);
  });
});

describe('the composed search query', () => {
  const tl: SearchFilter = { kind: 'lang', value: 'tl' };
  const html: SearchFilter = { kind: 'type', value: 'text/html' };
  const doc: SearchFilter = { kind: 'doc', value: '11111111-2222-4333-8444-555555555555', label: 'Halalan' };
  const tag: SearchFilter = { kind: 'tag', value: 'halalan sa NKR' };

  it('splits items, keeping quoted phrases whole', () => {
    expect(queryItems(' "Bako Sahakyan"  +halalan -Baku title:"ang pangulo"^2 lang:tl ')).toEqual([
      '"Bako Sahakyan"',
      '+halalan',
      '-Baku',
      'title:"ang pangulo"^2',
      'lang:tl',
    ]);
  });

  it('appends filters to what was typed', () => {
    expect(composeQuery(' Sahakyan ', [])).toBe('Sahakyan');
    expect(composeQuery('Sahakyan', [tl, html])).toBe('Sahakyan lang:tl type:text/html');
    expect(composeQuery('"Bako Sahakyan"', [doc])).toBe('"Bako Sahakyan" doc:11111111-2222-4333-8444-555555555555');
  });

  it('makes the words required as a group when a tag narrows the search', () => {
    expect(composeQuery('Sahakyan Balasanyan', [tag])).toBe('+Sahakyan OR Balasanyan +tag:"halalan sa NKR"');
    expect(composeQuery('Sahakyan OR Саакян -Baku lang:tl', [tag])).toBe(
      '+Sahakyan OR Саакян -Baku lang:tl +tag:"halalan sa NKR"',
    );
    // Something already required: optional words only rank, nothing to change.
    expect(composeQuery('+halalan Sahakyan', [tag])).toBe('+halalan Sahakyan +tag:"halalan sa NKR"');
    expect(requireWords('"Bako Sahakyan" title:halalan')).toBe('+"Bako Sahakyan" OR title:halalan');
    expect(requireWords('-Baku')).toBe('-Baku');
    // A quote in a tag cannot break out of the phrase.
    expect(composeQuery('x', [{ kind: 'tag', value: 'a"b' }])).toBe('+x +tag:"a b"');
  });

  it('gives did-you-mean back without the filters', () => {
    expect(stripFilters('sahakyan lang:tl', [tl])).toBe('sahakyan');
    expect(stripFilters('sahakyan', [])).toBe('sahakyan');
    expect(stripFilters('sahakyan lang:en', [tl])).toBe('sahakyan lang:en');
  });

  it('finds the words a query looks for in notes and tags', () => {
    expect(annotationFieldWords('note:disputed')).toEqual(['disputed']);
    expect(annotationFieldWords('+tag:"halalan sa NKR" Sahakyan note:боевые~1')).toEqual(['halalan sa NKR', 'боевые']);
    expect(annotationFieldWords('Sahakyan title:halalan')).toBeNull();
  });

  it('describes which expansions ran', () => {
    const lines = describeExpansions([
      { kind: 'translit', term: 'balasanyan', to: ['balasanyan'] },
      { kind: 'stem', term: 'halalan', to: ['halal'] },
      { kind: 'translit', term: 'halalan', to: ['halalan', 'halal'] },
      { kind: 'fuzzy', term: 'saakyan', to: ['saakyana', 'sahakyan'] },
      {
        kind: 'prefix',
        term: 'balasan*',
        to: ['balasanyan', 'balasanyana', 'balasanyanu', 'balasanyanom', 'balasanyane'],
        truncated: true,
      },
      { kind: 'stopword', term: 'ang', to: [] },
    ]);
    expect(lines.map((l) => l.label)).toEqual([
      'transliteration',
      'word forms',
      'near spellings',
      'prefix',
      'common words ignored',
    ]);
    expect(lines[0].details).toEqual(['balasanyan', 'halalan → halalan, halal']);
    expect(lines[1].details).toEqual(['halalan → halal']);
    expect(lines[2].details).toEqual(['saakyan → saakyana, sahakyan']);
    expect(lines[3].details).toEqual(['balasan* → balasanyan, balasanyana, balasanyanu, balasanyanom +1…']);
    expect(lines[4].details).toEqual(['ang']);
    expect(describeExpansions(undefined)).toEqual([]);
  });
});

describe('search routes', () => {
  const doc = '11111111-2222-4333-8444-555555555555';
  const p = '00000000-0000-4000-8000-000000000002';

  it('carries the search of an opened hit in the address', () => {
    for (const search of [
      { query: 'Sahakyan' },
      { query: '"Bako Sahakyan" lang:tl', stems: false },
      { query: 'Баласанян & Բալասանյան ?#/', translit: false },
    ]) {
      const route = { name: 'doc' as const, docId: doc, passageId: p, search };
      expect(parseRoute(formatRoute(route))).toEqual(route);
      expect(parseLink(`http://127.0.0.1:1/${formatRoute(route)}`)).toEqual(route);
    }
    expect(
      formatRoute({
        name: 'doc',
        docId: doc,
        passageId: p,
        search: { query: 'Balasanyan', stems: true, translit: true },
      }),
    ).toBe(`#/doc/${doc}/p/${p}?q=Balasanyan`);
    expect(parseRoute(`#/doc/${doc}/a/${p}?q=note%3Adisputed`)).toEqual({
      name: 'doc',
      docId: doc,
      annotationId: p,
      search: { query: 'note:disputed' },
    });
  });

  it('ignores an empty or oversized search part', () => {
    expect(parseRoute(`#/doc/${doc}/p/${p}?q=`)).toEqual({ name: 'doc', docId: doc, passageId: p });
    expect(parseRoute(`#/doc/${doc}?x=1`)).toEqual({ name: 'doc', docId: doc });
    expect(parseRoute(`#/doc/${doc}?q=${'a'.repeat(1001)}`)).toEqual({ name: 'doc', docId: doc });
    expect(formatRoute({ name: 'doc', docId: doc, search: { query: '  ' } })).toBe(`#/doc/${doc}`);
  });
});

describe('pages of results', () => {
  const hit = (docId: string, n: number): SearchHit => ({
    docId,
    title: docId,
    passageId: `${docId}-${n}`,
    ordinal: n,
    lang: 'tl',
    score: 1,
    snippet: 's',
    matches: [],
    snippetMatches: [],
    titleMatches: [],
    mediaType: 'text/plain',
    publishedAt: null,
  });
  const group = (docId: string, hits: number[], matchingPassages = hits.length) => ({
    docId,
    title: docId,
    lang: 'tl',
    mediaType: 'text/plain',
    publishedAt: null,
    score: 1,
    matchingPassages,
    hits,
  });

  it('says why a hit without highlighted words is there', () => {
    const base = hit('a', 0);
    expect(hitWhere({ ...base, matches: [[0, 1]] })).toBeNull();
    expect(hitWhere({ ...base, titleMatches: [[0, 1]] })).toBe('matches the title');
    expect(hitWhere(base)).toBe('matches a note or tag here');
  });

  it('appends hits and rebases the groups of the next page', () => {
    const first: SearchResult = searchResult({
      total: 5,
      totalDocuments: 3,
      groupBy: 'document',
      hits: [hit('a', 1), hit('a', 2), hit('b', 1)],
      groups: [group('a', [0, 1]), group('b', [2])],
    });
    const next: SearchResult = searchResult({
      total: 5,
      totalDocuments: 3,
      groupBy: 'document',
      hits: [hit('c', 1), hit('c', 2)],
      groups: [group('c', [0, 1])],
    });
    const merged = mergePages(first, next);
    expect(merged.hits.map((h) => h.passageId)).toEqual(['a-1', 'a-2', 'b-1', 'c-1', 'c-2']);
    expect(merged.groups!.map((g) => [g.docId, g.hits])).toEqual([
      ['a', [0, 1]],
      ['b', [2]],
      ['c', [3, 4]],
    ]);
    expect(first.groups![0].hits).toEqual([0, 1]); // the loaded page is not mutated
  });

  it('continues a document that spans two pages of passages, without duplicates', () => {
    const first: SearchResult = searchResult({
      total: 4,
      groupBy: 'passage',
      hits: [hit('a', 1), hit('a', 2)],
      groups: [group('a', [0, 1], 4)],
    });
    const next: SearchResult = searchResult({
      total: 4,
      groupBy: 'passage',
      hits: [hit('a', 2), hit('a', 3), hit('a', 4)],
      groups: [group('a', [0, 1, 2], 4)],
    });
    const merged = mergePages(first, next);
    expect(merged.hits.map((h) => h.passageId)).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
    expect(merged.groups!.map((g) => [g.docId, g.hits])).toEqual([['a', [0, 1, 2, 3]]]);
  });
});
