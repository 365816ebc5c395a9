// @vitest-environment happy-dom
// The parallel reader: rows from beads, the counterpart lookup through sentence beads, a passage cut into
// sentences and highlight runs, split points, the route, and the view itself on a fake API (rows, hover,
// low-confidence and corrected marks, stepping through the uncertain rows, carried annotations, a merge through
// align.correct).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { CounterpartCard } from '../../renderer/src/components/parallel/CounterpartCard';
import { ParallelView } from '../../renderer/src/components/parallel/ParallelView';
import { counterpartDocs } from '../../renderer/src/components/parallel/TranslationsMenu';
import {
  checkOrder,
  counterpartIndex,
  counterpartOf,
  layoutRows,
  mergeable,
  passagePieces,
  sentenceKey,
  splitPoint,
} from '../../renderer/src/lib/parallel';
import { formatRoute, parseLink, parseRoute } from '../../renderer/src/lib/routes';
import type { TalaApi } from '../../shared/contract';
import type { Alignment, AlignmentBead, TranslationLink } from '../../shared/translations';
import type { Annotation, DocumentDetail, Passage } from '../../shared/types';
import { byTestId, flush, render, type Rendered } from './render';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A document from paragraphs; sentences split after ". ". */
function doc(n: number, lang: string, paragraphs: string[]): DocumentDetail {
  let at = 0;
  const passages: Passage[] = paragraphs.map((text, ordinal) => {
    const sentences: Array<[number, number]> = [];
    let s = 0;
    for (const m of text.matchAll(/\. /g)) {
      sentences.push([s, m.index + 1]);
      s = m.index + 2;
    }
    sentences.push([s, text.length]);
    const p: Passage = {
      id: ID(n * 100 + ordinal),
      ordinal,
      kind: 'paragraph',
      text,
      start: at,
      end: at + text.length,
      sentences,
    };
    at += text.length + 2;
    return p;
  });
  return {
    id: ID(n),
    title: `Doc ${n}`,
    lang,
    source: null,
    author: null,
    publishedAt: null,
    fileCreatedAt: null,
    originalName: `${n}.txt`,
    mediaType: 'text/plain',
    importedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    tags: [],
    text: paragraphs.join('\n\n'),
    passages,
  } as unknown as DocumentDetail;
}

const TL = doc(1, 'tl', ['Unang talata. Ikalawang pangungusap.', 'Ayon sa CEC, 47 libo ang bumoto.', 'Huling talata.']);
const EN = doc(2, 'en', [
  'First paragraph. Second sentence.',
  'According to the CEC, 47 thousand voted.',
  'Last paragraph.',
]);

const bead = (
  s: number[],
  t: number[],
  confidence = 1,
  sentences?: AlignmentBead['sentences'],
  fixed = false,
): AlignmentBead => ({
  source: s,
  target: t,
  confidence,
  ...(fixed ? { fixed: true } : {}),
  sentences:
    sentences ??
    (s.length && t.length
      ? [
          {
            source: s.map((o) => [o, 0] as [number, number]),
            target: t.map((o) => [o, 0] as [number, number]),
            confidence,
          },
        ]
      : []),
});

function alignment(beads: AlignmentBead[], corrections = 0): Alignment {
  return {
    sourceId: TL.id,
    targetId: EN.id,
    linkId: ID(9),
    sourceVersion: 1,
    targetVersion: 1,
    beads,
    lowConfidence: 0.75,
    corrections,
    staleCorrections: 0,
    origin: 'stored',
    computedAt: '2026-01-01T00:00:00.000Z',
    stats: { lengthRatio: 1, lexiconSize: 0, passes: 1, ms: 1 },
  };
}

const DIAGONAL = alignment([
  bead([0], [0], 1, [
    { source: [[0, 0]], target: [[0, 0]], confidence: 1 },
    { source: [[0, 1]], target: [[0, 1]], confidence: 0.6 },
  ]),
  bead([1], [1], 0.5),
  bead([2], [2]),
]);

describe('rows from beads', () => {
  it('one row per bead with its passages, confidence, low and corrected marks', () => {
    const rows = layoutRows(
      alignment([bead([0], [0]), bead([1, 2], [1], 0.4, undefined, true), bead([], [2])]),
      TL,
      EN,
    );
    expect(
      rows.map((r) => [r.index, r.source.map((p) => p.ordinal), r.target.map((p) => p.ordinal), r.low, r.fixed]),
    ).toEqual([
      [0, [0], [0], false, false],
      [1, [1, 2], [1], true, true],
      [2, [], [2], false, false],
    ]);
    expect(rows[1].source[1].text).toBe('Huling talata.');
  });

  it('a row is as confident as its least confident bead; uncertain rows come least confident first', () => {
    const sentences = (confidences: number[]) =>
      confidences.map((c, k) => ({
        source: [[0, k]] as [number, number][],
        target: [[0, k]] as [number, number][],
        confidence: c,
      }));
    const rows = layoutRows(
      alignment([
        bead([0], [0], 0.95, sentences([0.95, 0.7])),
        bead([1], [1], 0.9),
        bead([2], [2], 0.5),
        bead([], [2], 0.7),
      ]),
      TL,
      EN,
    );
    expect(rows.map((r) => [r.confidence, r.low])).toEqual([
      [0.7, true],
      [0.9, false],
      [0.5, true],
      [0.7, true],
    ]);
    expect(checkOrder(rows)).toEqual([2, 0, 3]);
    expect(checkOrder(rows.filter((r) => !r.low))).toEqual([]);
  });

  it('drops ordinals a document no longer has instead of failing', () => {
    const rows = layoutRows(alignment([bead([0, 7], [0])]), TL, EN);
    expect(rows[0].source.map((p) => p.ordinal)).toEqual([0]);
  });
});

describe('counterparts through sentence beads', () => {
  it('finds the other side’s sentences, both ways, and none for an unaligned sentence', () => {
    const a = alignment([
      bead([0], [0], 1, [
        {
          source: [
            [0, 0],
            [0, 1],
          ],
          target: [[0, 0]],
          confidence: 0.9,
        },
      ]),
      bead([1], [1, 2], 1, [
        {
          source: [[1, 0]],
          target: [
            [1, 0],
            [2, 0],
          ],
          confidence: 1,
        },
      ]),
    ]);
    const index = counterpartIndex(a);
    expect(counterpartOf(index, 'source', [0, 1])).toEqual([[0, 0]]);
    expect(counterpartOf(index, 'target', [0, 0])).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(counterpartOf(index, 'source', [1, 0])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(counterpartOf(index, 'target', [2, 0])).toEqual([[1, 0]]);
    expect(counterpartOf(index, 'source', [5, 0])).toEqual([]);
    expect(index.get(sentenceKey('target', [2, 0]))).toMatchObject({ bead: 1, sentenceBead: 0 });
  });
});

describe('a passage as sentences and runs', () => {
  it('pieces concatenate to the text; gaps between sentences are their own pieces', () => {
    const p = TL.passages[0];
    const pieces = passagePieces(p);
    expect(pieces.map((x) => x.sentence)).toEqual([0, -1, 1]);
    expect(pieces.map((x) => x.runs.map((r) => r.text).join('')).join('')).toBe(p.text);
  });

  it('cuts runs at own and carried annotations (document offsets), clipped to the passage', () => {
    const p = EN.passages[1];
    const at = p.text.indexOf('47 thousand');
    const carried = [
      {
        id: 'a',
        color: 'green' as const,
        start: p.start + at,
        end: p.start + at + 11,
        fromLang: 'tl',
        note: '',
        confidence: 0.9,
      },
    ];
    const own = [{ id: 'b', color: 'yellow' as const, start: 0, end: p.start + 3 }];
    const runs = passagePieces(p, own, carried).flatMap((x) => x.runs);
    expect(runs.filter((r) => r.carried).map((r) => r.text)).toEqual(['47 thousand']);
    expect(runs.filter((r) => r.own).map((r) => r.text)).toEqual(['Acc']);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
  });

  it('a passage without sentence offsets is one sentence', () => {
    expect(passagePieces({ text: 'abc', start: 0, sentences: [] }).map((x) => [x.sentence, x.start, x.end])).toEqual([
      [0, 0, 3],
    ]);
  });
});

describe('corrections offered', () => {
  it('split points: halves of each side; none for a 1-1 row', () => {
    expect(splitPoint({ source: [TL.passages[0], TL.passages[1]], target: [EN.passages[0], EN.passages[1]] })).toEqual({
      sourceAt: 1,
      targetAt: 1,
    });
    expect(splitPoint({ source: [TL.passages[0], TL.passages[1]], target: [EN.passages[0]] })).toEqual({
      sourceAt: 1,
      targetAt: 1,
    });
    expect(splitPoint({ source: [TL.passages[0], TL.passages[1]], target: [] })).toEqual({ sourceAt: 1, targetAt: 0 });
    expect(splitPoint({ source: [TL.passages[0]], target: [EN.passages[0]] })).toBeNull();
  });

  it('only neighbouring rows merge', () => {
    expect(mergeable([3, 2])).toBe(2);
    expect(mergeable([1, 3])).toBeNull();
    expect(mergeable([1])).toBeNull();
  });
});

describe('route and translation links', () => {
  it('#/parallel/<docId>/<otherDocId> round-trips; the same id twice is home', () => {
    const route = { name: 'parallel' as const, docId: TL.id, otherDocId: EN.id };
    expect(formatRoute(route)).toBe(`#/parallel/${TL.id}/${EN.id}`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute(`#/parallel/${TL.id}/${TL.id}`)).toEqual({ name: 'home' });
    expect(parseLink(`http://127.0.0.1:1/#/parallel/${TL.id}/${EN.id}`)).toEqual(route);
  });

  it('the other document of each link, from either side', () => {
    const link: TranslationLink = {
      id: ID(9),
      origin: 'import',
      createdAt: '',
      source: { id: TL.id, title: 'tl', lang: 'tl', version: 1 },
      translation: { id: EN.id, title: 'en', lang: 'en', version: 1 },
    };
    expect(counterpartDocs(TL.id, [link])).toEqual([
      { id: EN.id, title: 'en', lang: 'en', version: 1, relation: 'translation' },
    ]);
    expect(counterpartDocs(EN.id, [link])).toEqual([
      { id: TL.id, title: 'tl', lang: 'tl', version: 1, relation: 'original' },
    ]);
  });
});

describe('the parallel view', () => {
  let view: Rendered | undefined;
  afterEach(async () => {
    await view?.unmount();
    view = undefined;
  });

  const note: Annotation = {
    id: ID(50),
    docId: TL.id,
    start: TL.passages[1].start + 13,
    end: TL.passages[1].start + 20,
    exact: '47 libo',
    prefix: '',
    suffix: '',
    color: 'green',
    note: 'vote count',
    tags: [],
    status: 'anchored',
  } as unknown as Annotation;

  function fakeApi(current: { a: Alignment }, correct = vi.fn()) {
    return {
      'documents.get': async ({ id }: { id: string }) => (id === TL.id ? TL : EN),
      'annotations.list': async ({ docId }: { docId: string }) => (docId === TL.id ? [note] : []),
      'align.get': async () => current.a,
      'align.correct': async (req: unknown) => {
        correct(req);
        return current.a;
      },
      'annotations.carried': async ({ docId }: { docId: string }) =>
        docId === TL.id
          ? [
              {
                annotationId: note.id,
                targetStart: EN.passages[1].start + 22,
                targetEnd: EN.passages[1].start + 33,
                confidence: 0.9,
              },
            ]
          : [],
    } as unknown as TalaApi;
  }

  async function openView(current: { a: Alignment }, correct = vi.fn()): Promise<Rendered> {
    const rendered = await render(
      <ApiProvider api={fakeApi(current, correct)}>
        <ParallelView docId={TL.id} otherDocId={EN.id} onNavigate={() => undefined} toast={() => undefined} />
      </ApiProvider>,
    );
    await flush(6);
    return rendered;
  }

  it('draws a row per bead, lights up counterparts on hover, marks low confidence and carried notes', async () => {
    view = await openView({ a: DIAGONAL });
    const rows = byTestId(view.container, 'parallel-row');
    expect(rows.map((r) => `${r.dataset.source}>${r.dataset.target}`)).toEqual(['0>0', '1>1', '2>2']);
    // Row 1 by its paragraph bead (50 %), row 0 by its second sentence bead (60 %).
    expect(rows.map((r) => r.dataset.low ?? '')).toEqual(['true', 'true', '']);
    expect(byTestId(rows[1], 'row-low')[0].getAttribute('title')).toContain('50%');
    expect(rows[0].querySelector('[data-side="source"]')?.getAttribute('lang')).toBe('tl');

    const second = view.container.querySelector<HTMLElement>('[data-sentence="source:0:1"]')!;
    await act(async () => second.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    const hot = Array.from(view.container.querySelectorAll('[data-hot="true"]')).map((e) =>
      e.getAttribute('data-sentence'),
    );
    expect(hot.sort()).toEqual(['source:0:1', 'target:0:1']);

    const carried = byTestId(view.container, 'carried');
    expect(carried.map((c) => c.textContent)).toEqual(['47 thousand']);
    expect(carried[0].getAttribute('title')).toBe('carried from Tagalog (tl) · vote count');
    expect(carried[0].className).toContain('carried--green');
    expect(byTestId(view.container, 'highlight').map((h) => h.textContent)).toEqual(['47 libo']);
  });

  it('"Check next" steps through the uncertain rows, least confident first, and comes round again', async () => {
    view = await openView({ a: DIAGONAL });
    const button = () => byTestId(view!.container, 'parallel-check-next')[0];
    const currentRows = () =>
      byTestId(view!.container, 'parallel-row')
        .filter((r) => r.dataset.current === 'true')
        .map((r) => r.dataset.bead);
    expect(button().textContent).toBe('2 to check · start');
    expect(currentRows()).toEqual([]);
    await act(async () => button().click());
    expect(currentRows()).toEqual(['1']);
    expect(button().textContent).toBe('Checking 1 of 2 · next');
    await act(async () => button().click());
    expect(currentRows()).toEqual(['0']);
    await act(async () => button().click());
    expect(currentRows()).toEqual(['1']);
    expect(byTestId(view.container, 'row-low').map((f) => f.textContent)).toEqual(['60%', '50%']);
  });

  it('merges two selected neighbouring rows through align.correct and shows the corrected row', async () => {
    const current = { a: DIAGONAL };
    const correct = vi.fn(() => {
      current.a = alignment([bead([0, 1], [0, 1], 1, undefined, true), bead([2], [2])], 1);
    });
    view = await openView(current, correct);
    const select = byTestId(view.container, 'row-select');
    await act(async () => select[0].click());
    await act(async () => select[1].click());
    await act(async () => byTestId(view!.container, 'merge-rows')[0].click());
    await flush(4);
    expect(correct).toHaveBeenCalledWith({ docId: TL.id, otherDocId: EN.id, op: 'merge', bead: 0 });
    const rows = byTestId(view.container, 'parallel-row');
    expect(rows.map((r) => `${r.dataset.source}>${r.dataset.target}`)).toEqual(['0,1>0,1', '2>2']);
    expect(rows[0].dataset.fixed).toBe('true');
    expect(byTestId(rows[0], 'row-fixed')[0].textContent).toBe('corrected');
  });
});

describe('the aligned passage beside a hit', () => {
  it('shows the source passage of a hit in a translation, and opens the parallel reader from it', async () => {
    const link: TranslationLink = {
      id: ID(9),
      origin: 'import',
      createdAt: '',
      source: { id: TL.id, title: 'tl', lang: 'tl', version: 1 },
      translation: { id: EN.id, title: 'en', lang: 'en', version: 1 },
    };
    const counterpart = vi.fn(async () => ({
      passages: [
        {
          id: TL.passages[1].id,
          ordinal: 1,
          text: TL.passages[1].text,
          start: TL.passages[1].start,
          end: TL.passages[1].end,
        },
      ],
      confidence: 0.6,
    }));
    const navigate = vi.fn();
    const view = await render(
      <ApiProvider api={{ 'align.counterpart': counterpart } as unknown as TalaApi}>
        <CounterpartCard docId={EN.id} passageId={EN.passages[1].id} links={[link]} onNavigate={navigate} />
      </ApiProvider>,
    );
    await flush(4);
    expect(counterpart).toHaveBeenCalledWith({ docId: EN.id, passageId: EN.passages[1].id, otherDocId: TL.id });
    const card = byTestId(view.container, 'counterpart')[0];
    expect(card.textContent).toContain('Source · Tagalog ¶2');
    expect(card.textContent).toContain('60%');
    expect(byTestId(card, 'counterpart-text')[0].getAttribute('lang')).toBe('tl');
    await act(async () => byTestId(card, 'counterpart-open')[0].click());
    expect(navigate).toHaveBeenCalledWith({ name: 'parallel', docId: EN.id, otherDocId: TL.id });
    await view.unmount();
  });
});
