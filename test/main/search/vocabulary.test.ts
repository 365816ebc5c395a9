import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../main/search/vocabulary';

/** Optimal string alignment distance: the reference the vocabulary's fuzzy matching must agree with. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const WORDS = [
  'sahakyan',
  'saakyan',
  'sahakian',
  'sahakyany',
  'balasanyan',
  'balasanya',
  'halalan',
  'halal',
  'halala',
  'botante',
  'boto',
  'bumoto',
  'election',
  'elections',
  'elect',
  'selection',
  'баласанян',
  'саакян',
  'выборы',
  'выбор',
  'ελλαδα',
  'ellada',
  'սահակյան',
  'a',
  'ab',
  'ba',
];

function vocabulary(words: string[]): Vocabulary {
  const v = new Vocabulary();
  (v as unknown as { terms: string[] }).terms = [...new Set(words)].sort();
  return v;
}

describe('vocabulary', () => {
  const v = vocabulary(WORDS);

  it.each([['saakyan'], ['sahakyan'], ['halalan'], ['выборы'], ['elections'], ['ab'], ['sahkayan'], ['ellda']])(
    'finds exactly the words within 1 and 2 edits of %s',
    (q) => {
      for (const k of [1, 2]) {
        const expected = WORDS.filter((w) => osa(q, w) <= k).sort();
        expect(
          v
            .fuzzy(q, k, 100)
            .map((m) => m.term)
            .sort(),
        ).toEqual([...new Set(expected)]);
        for (const m of v.fuzzy(q, k, 100)) expect(m.distance).toBe(osa(q, m.term));
      }
    },
  );

  it('finds exactly the words one edit away in a large vocabulary, however many share a prefix', () => {
    // Words over small alphabets (many terms share each prefix), each of one 128-letter block (the letters a
    // substitution or insertion tries are those of the query's blocks): every position is looked up both by letter
    // and by reading the terms that share its prefix.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabets = [
      ['a', 'b', 'c', 'd', 'e'],
      ['ж', 'з', 'и', 'к'],
    ];
    const word = (n: number) => {
      const alphabet = alphabets[Math.floor(random() * alphabets.length)];
      return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    };
    const words = Array.from({ length: 4000 }, () => word(1 + Math.floor(random() * 6)));
    const large = vocabulary(words);
    const queries = [...Array.from({ length: 150 }, () => word(1 + Math.floor(random() * 7))), ...words.slice(0, 50)];
    for (const q of queries) {
      const blocks = new Set([...q].map((c) => c.charCodeAt(0) >> 7));
      const inBlocks = (w: string) => [...w].every((c) => blocks.has(c.charCodeAt(0) >> 7));
      const expected = [...new Set(words.filter((w) => osa(q, w) <= 1 && inBlocks(w)))].sort();
      const found = large.fuzzy(q, 1, 10_000);
      expect(found.map((m) => m.term).sort()).toEqual(expected);
      for (const m of found) expect(m.distance).toBe(osa(q, m.term));
    }
  });

  it('orders fuzzy matches nearest first and says when there were more than the limit', () => {
    expect(v.fuzzy('sahakyan', 2, 100)[0]).toEqual({ term: 'sahakyan', distance: 0 });
    expect(v.fuzzy('halala', 2, 1)).toHaveLength(2);
  });

  it('expands prefixes and wildcards', () => {
    expect(v.prefix('hala', 10)).toEqual(['halal', 'halala', 'halalan']);
    expect(v.wildcard('sa*yan', 10)).toEqual(['saakyan', 'sahakyan']);
    expect(v.wildcard('*yan', 10)).toEqual(['balasanyan', 'saakyan', 'sahakyan']);
    expect(v.has('boto')).toBe(true);
    expect(v.has('bot')).toBe(false);
  });
});
