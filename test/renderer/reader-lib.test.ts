// Pure reader logic: highlight segmentation with overlaps, the virtual window, find-in-document folding,
// hash routes and tag parsing.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../shared/types';
import { FindIndex, firstMatchFrom, stepMatch } from '../../renderer/src/lib/find';
import { fold, foldWithMap, findFolded, includesFolded } from '../../renderer/src/lib/fold';
import { formatRoute, parseLink, parseRoute, routeUrl } from '../../renderer/src/lib/routes';
import { isPlain, segmentPassage, type HighlightSpan } from '../../renderer/src/lib/segments';
import { parseTags } from '../../renderer/src/lib/tags';
import { computeWindow, estimateHeight, HeightModel } from '../../renderer/src/lib/virtual';

const span = (id: string, start: number, end: number, color: HighlightSpan['color'] = 'yellow'): HighlightSpan => ({
  id,
  start,
  end,
  color,
});

describe('highlight segmentation', () => {
  const text = 'Nanalo si Bako Sahakyan sa halalan.';
  //            0         1         2         3
  //            0123456789012345678901234567890123456

  it('covers the passage text exactly, in order', () => {
    const runs = segmentPassage(text, 100, { annotations: [span('a', 110, 123)] });
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.map((r) => [r.start, r.end, r.annotations.map((a) => a.id)])).toEqual([
      [0, 10, []],
      [10, 23, ['a']],
      [23, 35, []],
    ]);
    expect(runs[1].text).toBe('Bako Sahakyan');
  });

  it('splits overlapping annotations into runs that name every covering annotation, outermost first', () => {
    // a: "Bako Sahakyan sa" (110..126), b: "Sahakyan sa halalan" (115..134), c inside a: "Bako" (110..114)
    const runs = segmentPassage(text, 100, {
      annotations: [span('b', 115, 134, 'pink'), span('a', 110, 126), span('c', 110, 114, 'blue')],
    });
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => !isPlain(r)).map((r) => [r.text, r.annotations.map((a) => a.id)])).toEqual([
      ['Bako', ['a', 'c']],
      [' ', ['a']],
      ['Sahakyan sa', ['a', 'b']],
      [' halalan', ['b']],
    ]);
    // Each annotation's runs concatenate to its quote.
    for (const [id, quote] of [
      ['a', 'Bako Sahakyan sa'],
      ['b', 'Sahakyan sa halalan'],
      ['c', 'Bako'],
    ]) {
      expect(
        runs
          .filter((r) => r.annotations.some((a) => a.id === id))
          .map((r) => r.text)
          .join(''),
      ).toBe(quote);
    }
  });

  it('clips spans that start before or end after the passage, and ignores those outside it', () => {
    const runs = segmentPassage(text, 100, {
      annotations: [span('across', 50, 104), span('after', 130, 400), span('outside', 0, 90), span('empty', 105, 105)],
    });
    expect(runs.filter((r) => r.annotations.length).map((r) => [r.text, r.annotations[0].id])).toEqual([
      ['Nana', 'across'],
      ['alan.', 'after'],
    ]);
  });

  it('layers find matches, search terms and the pending selection with annotations', () => {
    const runs = segmentPassage(text, 0, {
      annotations: [span('a', 10, 23)],
      finds: [{ index: 7, start: 15, end: 23 }],
      terms: [[27, 34]],
      pending: { start: 0, end: 6 },
    });
    expect(runs.map((r) => r.text).join('')).toBe(text);
    const find = runs.find((r) => r.find === 7)!;
    expect(find).toMatchObject({ text: 'Sahakyan', annotations: [expect.objectContaining({ id: 'a' })] });
    expect(runs.find((r) => r.term)?.text).toBe('halalan');
    expect(runs.find((r) => r.pending)?.text).toBe('Nanalo');
  });

  it('keeps exact UTF-16 offsets in non-Latin scripts and astral characters', () => {
    const hy = 'Ընտրություններ 𝔸 Լեռնային Ղարաբաղում';
    const at = hy.indexOf('Լեռնային');
    const runs = segmentPassage(hy, 10, { annotations: [span('x', 10 + at, 10 + at + 'Լեռնային'.length)] });
    expect(runs.find((r) => r.annotations.length)?.text).toBe('Լեռնային');
    expect(runs.map((r) => r.text).join('')).toBe(hy);
  });
});

describe('virtual window', () => {
  const model = () => new HeightModel(Array.from({ length: 1000 }, () => 100));

  it('renders the viewport plus overscan, with spacers for the rest', () => {
    const w = computeWindow(model(), 5000, 800, 200);
    expect(w).toEqual({ start: 48, end: 60, before: 4800, after: 100_000 - 6000, total: 100_000 });
  });

  it('clamps at both ends', () => {
    expect(computeWindow(model(), 0, 800, 200)).toMatchObject({ start: 0, end: 10, before: 0 });
    expect(computeWindow(model(), 99_500, 800, 200)).toMatchObject({ start: 993, end: 1000, after: 0 });
    expect(computeWindow(new HeightModel([]), 0, 800, 200)).toMatchObject({ start: 0, end: 0, total: 0 });
  });

  it('uses measured heights and scales the estimates of unmeasured items by how far off they were', () => {
    const m = model();
    expect(m.measure(0, 300)).toBe(true);
    expect(m.measure(0, 300.2)).toBe(false); // sub-pixel noise is not a change
    expect(m.measure(1, 0)).toBe(false); // not laid out (display: none, test DOM)
    expect(m.height(0)).toBe(300);
    expect(m.height(1)).toBe(300); // estimates scaled ×3 (clamped)
    m.measure(1, 100);
    expect(m.height(2)).toBe(200); // (300 + 100) / (100 + 100)
    expect(m.offsetOf(2)).toBe(400);
    expect(m.indexAt(399)).toBe(1);
    expect(m.indexAt(400)).toBe(2);
  });

  it('keeps a pinned item rendered when it is near the window', () => {
    expect(computeWindow(model(), 5000, 800, 0, 40)).toMatchObject({ start: 40, end: 58 });
    expect(computeWindow(model(), 5000, 800, 0, 500)).toMatchObject({ start: 50, end: 58 }); // far: not pinned
  });

  it('estimates taller passages for longer text and narrower columns', () => {
    expect(estimateHeight('paragraph', 1000, 600)).toBeGreaterThan(estimateHeight('paragraph', 100, 600));
    expect(estimateHeight('paragraph', 1000, 400)).toBeGreaterThan(estimateHeight('paragraph', 1000, 800));
    expect(estimateHeight('heading', 20, 600)).toBeGreaterThan(0);
  });
});

describe('find in document', () => {
  const passages = [
    'Halalan sa Nagorno-Karabakh',
    'Nanalo si Bako SAHAKYAN. Si Sahakyan ay…',
    'Выборы: Ёлка и ёлка; café, CAFÉ, cafe\u0301',
  ].map((text, i, all): Passage => {
    const start = all.slice(0, i).reduce((n, t) => n + t.length + 2, 0);
    return { id: `p${i}`, ordinal: i, kind: 'paragraph', text, start, end: start + text.length, sentences: [] };
  });
  const docText = passages.map((p) => p.text).join('\n\n');
  const index = new FindIndex(passages);

  it('matches case-insensitively, with document offsets', () => {
    const found = index.find('sahakyan');
    expect(found.map((m) => docText.slice(m.start, m.end))).toEqual(['SAHAKYAN', 'Sahakyan']);
    expect(found.map((m) => m.passageIndex)).toEqual([1, 1]);
  });

  it('ignores diacritics on either side and maps back to the original characters', () => {
    expect(index.find('ёлка').map((m) => docText.slice(m.start, m.end))).toEqual(['Ёлка', 'ёлка']);
    // Precomposed é, uppercase É and e + combining acute all match "cafe"; the mark belongs to the match.
    expect(index.find('CAFÉ').map((m) => docText.slice(m.start, m.end))).toEqual(['café', 'CAFÉ', 'cafe\u0301']);
    expect(index.find('   ')).toEqual([]);
    expect(index.find('walang ganito')).toEqual([]);
  });

  it('folds with an offset map, even through astral characters', () => {
    const f = foldWithMap('A𝔸É');
    expect(f.folded).toBe('aae'); // compatibility fold, as search does: 𝔸 is an A
    expect(Array.from(f.from)).toEqual([0, 1, 3]);
    expect(Array.from(f.to)).toEqual([1, 3, 4]);
    expect(findFolded(f, 'e')).toEqual([[3, 4]]);
    expect(fold('Ünïcödé ’quote’')).toBe("unicode 'quote'");
    expect(includesFolded('Tala: halálan', 'HALALAN')).toBe(true);
  });

  it('starts at the reading position and steps around', () => {
    const found = index.find('a');
    expect(firstMatchFrom(found, passages[1].start)).toBe(found.findIndex((m) => m.start >= passages[1].start));
    expect(firstMatchFrom(found, 10_000)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });
});

describe('routes and links', () => {
  const doc = '11111111-2222-4333-8444-555555555555';
  const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

  it('round-trips every route', () => {
    for (const route of [
      { name: 'home' } as const,
      { name: 'review' } as const,
      { name: 'doc', docId: doc } as const,
      { name: 'doc', docId: doc, passageId: other } as const,
      { name: 'doc', docId: doc, annotationId: other } as const,
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('treats anything malformed as home', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/doc/not-a-uuid')).toEqual({ name: 'home' });
    expect(parseRoute(`#/doc/${doc}/x/${other}`)).toEqual({ name: 'home' });
    expect(parseRoute(`#/doc/${doc}/p/<script>`)).toEqual({ name: 'home' });
  });

  it('recognises pasted links and builds full addresses', () => {
    expect(parseLink(`http://127.0.0.1:5123/#/doc/${doc}/a/${other}`)).toEqual({
      name: 'doc',
      docId: doc,
      annotationId: other,
    });
    expect(parseLink('Bako Sahakyan')).toBeNull();
    expect(parseLink('#/')).toBeNull();
    expect(routeUrl({ name: 'doc', docId: doc, passageId: other }, { href: 'http://127.0.0.1:5123/#/doc/x' })).toBe(
      `http://127.0.0.1:5123/#/doc/${doc}/p/${other}`,
    );
  });
});

describe('tags typed on one line', () => {
  it('splits, trims, drops duplicates and hash marks', () => {
    expect(parseTags(' halalan, NKR;#boto , Halalan,, ')).toEqual(['halalan', 'NKR', 'boto']);
    expect(parseTags('')).toEqual([]);
  });
});
