import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/search/query-parser';

const leaves = (q: string) =>
  parseQuery(q).clauses.map((c) => [
    c.presence,
    c.leaves.map((l) => (l.kind === 'phrase' ? `"${l.text}"` : l.text)).join('|'),
  ]);

describe('query parser', () => {
  it.each([
    ['Sahakyan', [['optional', 'sahakyan']]],
    [
      '+Sahakyan -Balasanyan halalan',
      [
        ['required', 'sahakyan'],
        ['prohibited', 'balasanyan'],
        ['optional', 'halalan'],
      ],
    ],
    [
      '"Bako Sahakyan" halalan',
      [
        ['optional', '"Bako Sahakyan"'],
        ['optional', 'halalan'],
      ],
    ],
    [
      '+"bagong halal" -"South Ossetia"',
      [
        ['required', '"bagong halal"'],
        ['prohibited', '"South Ossetia"'],
      ],
    ],
    ['Sahakyan OR Саакян', [['optional', 'sahakyan|саакян']]],
    [
      '+halalan OR eleksyon +NKR',
      [
        ['required', 'halalan|eleksyon'],
        ['required', 'nkr'],
      ],
    ],
    ['Nagorno-Karabakh', [['optional', '"Nagorno-Karabakh"']]],
    [
      'or and Or',
      [
        ['optional', 'or'],
        ['optional', 'and'],
        ['optional', 'or'],
      ],
    ],
  ])('reads %s', (q, expected) => expect(leaves(q)).toEqual(expected));

  it('keeps lunr term syntax: fields, wildcards, fuzzy, boosts', () => {
    const [title, prefix, fuzzy, boosted] = parseQuery('title:halalan Balasan* Saakyan~1 Sahakyan^3').clauses.map(
      (c) => c.leaves[0],
    );
    expect(title).toMatchObject({ kind: 'term', text: 'halalan', fields: ['title'] });
    expect(prefix).toMatchObject({ text: 'balasan*', wildcard: true, fields: null });
    expect(fuzzy).toMatchObject({ text: 'saakyan', editDistance: 1 });
    expect(boosted).toMatchObject({ text: 'sahakyan', boost: 3 });
    expect(parseQuery('tag:"human rights"^2').clauses[0].leaves[0]).toMatchObject({
      kind: 'phrase',
      fields: ['tag'],
      boost: 2,
    });
    expect(parseQuery('x^99').clauses[0].leaves[0].boost).toBe(10);
  });

  it('reads filters: language, document, type, date ranges, negation', () => {
    const { filters } = parseQuery(
      'halalan lang:tl,en -lang:ru doc:0B5C1D2E-1111-4111-8111-111111111111 type:html -type:md date:2012-01..2012-12',
    );
    expect(filters).toEqual({
      langs: ['tl', 'en'],
      notLangs: ['ru'],
      docs: ['0b5c1d2e-1111-4111-8111-111111111111'],
      notDocs: [],
      types: ['text/html'],
      notTypes: ['text/markdown'],
      dateFrom: '2012-01',
      dateTo: '2012-12',
    });
    expect(parseQuery('x date:2012').filters).toMatchObject({ dateFrom: '2012', dateTo: '2012' });
    expect(parseQuery('x date:2012-03..').filters).toMatchObject({ dateFrom: '2012-03', dateTo: null });
    expect(parseQuery('x date:..2012').filters).toMatchObject({ dateFrom: null, dateTo: '2012' });
  });

  it.each([
    ['title:', /“title:”.*expecting term, found nothing/],
    ['Sahakyan^x', /boost must be numeric/],
    ['Sahakyan~', /edit distance must be numeric/],
    ['Sahakyan~3', /at most 2 edits/],
    ['author:Sahakyan', /unknown field “author:” \(fields: title: text: note: tag:; filters: lang: doc: type: date:\)/],
    ['"Bako Sahakyan', /quote is never closed/],
    ['x "Bako', /quote is never closed/],
    ['""', /phrase has no words/],
    ['"bako"sahakyan', /can only be followed by \^n/],
    ['OR halalan', /OR needs a word or phrase on both sides/],
    ['halalan OR', /OR needs a word or phrase on both sides/],
    ['a OR OR b', /OR needs a word/],
    ['a OR -b', /put \+ or - before the first word of an OR group/],
    ['a OR lang:tl', /filter cannot be part of an OR/],
    ['x lang:', /“lang:” needs a value, e.g. lang:tl/],
    ['x lang:tagalog', /“tagalog” is not a language code/],
    ['x doc:123', /“123” is not a document id/],
    ['x type:pdf', /“pdf” is not a document type/],
    ['x date:2012-13', /“2012-13” is not a date/],
    ['x date:2013..2012', /ends before it starts/],
    ['x date:2012..2013..2014', /not a date range/],
    ['x date:2012 date:2013', /only one date range/],
    ['x -date:2012', /cannot be negated/],
    ['x +lang:tl', /always required, drop the \+/],
    ['*', /wildcard needs at least two letters/],
    ['a*', /wildcard needs at least two letters/],
    ['sa*~1', /both a wildcard and fuzzy|edit distance/],
    ['—', /no letters or digits/],
  ])('refuses %s with a message pointing at the problem', (q, message) => {
    expect(() => parseQuery(q)).toThrow(
      expect.objectContaining({ code: 'BAD_QUERY', message: expect.stringMatching(message) }),
    );
    expect(() => parseQuery(q)).toThrow(/^Cannot understand the search “/);
  });

  it.each([
    ['title:', 0, 'title:'],
    ['Sahakyan^x', 9, 'x'],
    ['"Bako Sahakyan', 0, '"Bako'],
    ['x "Bako', 2, '"Bako'],
    ['OR halalan', 0, 'OR'],
  ])('says where %s goes wrong in details, not in the message', (q, position, token) => {
    expect(() => parseQuery(q)).toThrow(expect.objectContaining({ details: { position, token } }));
    expect(() => parseQuery(q)).toThrow(expect.objectContaining({ message: expect.not.stringMatching(/character/) }));
  });
});
