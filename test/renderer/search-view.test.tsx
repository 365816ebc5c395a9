// @vitest-environment happy-dom
// The search view in the App with a fake archive: the request it sends (filters, switches, pages), facets
// that toggle as removable chips, did-you-mean, BAD_QUERY inline under the box, the index status and
// Reindex; and match highlighting in snippets and in the reader's passages.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { App } from '../../renderer/src/App';
import { Highlighted } from '../../renderer/src/components/Highlighted';
import { PassageText } from '../../renderer/src/components/reader/PassageText';
import { DEFAULT_PREFERENCES, setPreferences } from '../../renderer/src/lib/preferences';
import { CHANNELS, type TalaApi } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Passage, SearchHit, SearchRequest, SearchResult, SearchStatus } from '../../shared/types';
import { searchResult } from '../helpers/search-result';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '#/');
});

const TL = '11111111-2222-4333-8444-555555555555';
const EN = '22222222-2222-4333-8444-555555555555';
const RU = '33333333-2222-4333-8444-555555555555';

function hit(docId: string, lang: string, n: number, snippet: string, word: string): SearchHit {
  const at = snippet.indexOf(word);
  return {
    docId,
    title: `Doc ${lang}`,
    passageId: `0000000${n}-0000-4000-8000-00000000000${n}`,
    ordinal: n,
    lang,
    score: 1,
    snippet,
    matches: [[at, at + word.length]],
    snippetMatches: [[at, at + word.length]],
    titleMatches: [],
    mediaType: 'text/plain',
    publishedAt: null,
  };
}

const HITS = [
  hit(TL, 'tl', 1, 'Nanalo si Bako Sahakyan sa halalan.', 'Sahakyan'),
  hit(TL, 'tl', 2, '…binati si Sahakyan…', 'Sahakyan'),
  hit(EN, 'en', 3, 'President Bako Sahakyan won.', 'Sahakyan'),
  hit(RU, 'ru', 4, 'Виталий Баласанян не поздравил', 'Баласанян'),
];

/** A fake search: filters by lang: in the query, groups by document, pages by document. */
function fakeSearch(request: SearchRequest): SearchResult {
  const q = request.query;
  if (q.includes('title:') && !/title:\S/.test(q)) {
    const message = `Cannot understand the search “${q}”: expecting term, found nothing in “title:”.`;
    throw new AppError('BAD_QUERY', message, {
      position: q.indexOf('title:'),
      token: 'title:',
    });
  }
  if (/sahakyna/i.test(q)) {
    return searchResult({ didYouMean: q.replace(/sahakyna/i, 'sahakyan') });
  }
  const lang = /lang:(\w+)/.exec(q)?.[1];
  const all = HITS.filter((h) => !lang || h.lang === lang);
  const docs = [...new Set(all.map((h) => h.docId))];
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 20;
  const pageDocs = docs.slice(offset, offset + limit);
  const hits = all.filter((h) => pageDocs.includes(h.docId));
  const count = (l: string) => all.filter((h) => h.lang === l).length;
  return searchResult({
    total: all.length,
    totalDocuments: docs.length,
    hits,
    groupBy: request.groupBy ?? 'passage',
    groups: pageDocs.map((d) => ({
      docId: d,
      title: hits.find((h) => h.docId === d)!.title,
      lang: hits.find((h) => h.docId === d)!.lang,
      mediaType: 'text/plain',
      publishedAt: null,
      score: 1,
      matchingPassages: all.filter((h) => h.docId === d).length,
      hits: hits.map((h, i) => (h.docId === d ? i : -1)).filter((i) => i >= 0),
    })),
    facets: {
      lang: ['tl', 'en', 'ru'].filter((l) => count(l) > 0).map((l) => ({ value: l, passages: count(l), documents: 1 })),
      tag: [{ value: 'halalan', passages: 2, documents: 1 }],
      mediaType: [{ value: 'text/plain', passages: all.length, documents: docs.length }],
    },
    expansions: request.translit === false ? [] : [{ kind: 'translit', term: 'sahakyan', to: ['sahakyan'] }],
    didYouMean: null,
    options: { stems: request.stems ?? true, translit: request.translit ?? true, names: request.names ?? true },
    tookMs: 2,
  });
}

function fakeApi(overrides: Partial<TalaApi> = {}): { api: TalaApi; requests: SearchRequest[] } {
  const requests: SearchRequest[] = [];
  const unimplemented = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new AppError('INTERNAL', `fake API: ${channel} not implemented`);
      },
    ]),
  );
  const api = {
    ...unimplemented,
    'app.info': async () => ({ version: '0.1.0', archivePath: '/tmp/archive.sqlite', schemaVersion: 1 }),
    'documents.list': async () => [],
    'annotations.needsReview': async () => [],
    'search.status': async (): Promise<SearchStatus> => ({
      indexedPassages: 12_400,
      totalPassages: 12_400,
      pendingDocuments: 0,
      reindexing: false,
    }),
    'search.query': async (request: SearchRequest) => {
      requests.push(request);
      return fakeSearch(request);
    },
    ...overrides,
  } as TalaApi;
  return { api, requests };
}

async function renderApp(api: TalaApi): Promise<Rendered> {
  const rendered = await render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
  await flush();
  return rendered;
}

async function type(container: HTMLElement, text: string, submit = true): Promise<void> {
  const input = byTestId(container, 'search-input')[0] as HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (submit) {
    await act(async () => {
      input.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
  }
}

const click = async (el: Element | undefined) => {
  expect(el, 'element to click').toBeDefined();
  await act(async () => (el as HTMLElement).click());
  await flush();
};

const hitLangs = (c: HTMLElement) => byTestId(c, 'search-hit').map((h) => h.dataset.lang);

describe('search view', () => {
  it('groups the hits by document and marks exactly the engine’s ranges', async () => {
    const { api, requests } = fakeApi();
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    expect(requests[0]).toMatchObject({
      query: 'Sahakyan',
      groupBy: 'document',
      offset: 0,
      stems: true,
      translit: true,
    });
    expect(byTestId(view.container, 'search-total')[0].textContent).toBe('4 passages');
    expect(byTestId(view.container, 'search-documents')[0].textContent).toBe('3 documents');
    const groups = byTestId(view.container, 'search-group');
    expect(groups.map((g) => g.dataset.docId)).toEqual([TL, EN, RU]);
    expect(byTestId(groups[0], 'search-hit')).toHaveLength(2);
    const marks = byTestId(view.container, 'search-snippet').map((s) =>
      Array.from(s.querySelectorAll('mark'), (m) => m.textContent),
    );
    expect(marks).toEqual([['Sahakyan'], ['Sahakyan'], ['Sahakyan'], ['Баласанян']]);
    expect(byTestId(view.container, 'search-expansions')[0].textContent).toContain('transliteration');
    // The first hit is active (Enter opens it).
    expect(byTestId(view.container, 'search-hit')[0].getAttribute('aria-selected')).toBe('true');
  });

  it('toggles a facet into a removable filter chip without touching the box', async () => {
    const { api, requests } = fakeApi();
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    const tl = () =>
      view!.container.querySelector<HTMLElement>('[data-testid="facet-value"][data-facet="lang"][data-value="tl"]')!;
    expect(tl().getAttribute('aria-pressed')).toBe('false');
    await click(tl());
    expect(requests.at(-1)!.query).toBe('Sahakyan lang:tl');
    expect(hitLangs(view.container)).toEqual(['tl', 'tl']);
    expect(tl().getAttribute('aria-pressed')).toBe('true');
    const chip = byTestId(view.container, 'filter-chip');
    expect(chip.map((c) => [c.dataset.kind, c.dataset.value])).toEqual([['lang', 'tl']]);
    expect(chip[0].textContent).toContain('Tagalog');
    expect((byTestId(view.container, 'search-input')[0] as HTMLInputElement).value).toBe('Sahakyan');

    // Clicking the pressed facet again removes the filter; so does the chip's ×.
    await click(tl());
    expect(requests.at(-1)!.query).toBe('Sahakyan');
    expect(byTestId(view.container, 'filter-chip')).toHaveLength(0);
    expect(hitLangs(view.container)).toEqual(['tl', 'tl', 'en', 'ru']);
    await click(tl());
    await click(byTestId(view.container, 'filter-remove')[0]);
    expect(requests.at(-1)!.query).toBe('Sahakyan');
    expect(byTestId(view.container, 'filter-chip')).toHaveLength(0);

    // A tag filter keeps "any of the words" while requiring the tag.
    await type(view.container, 'Sahakyan Balasanyan');
    await click(view.container.querySelector('[data-testid="facet-value"][data-facet="tag"]')!);
    expect(requests.at(-1)!.query).toBe('+Sahakyan OR Balasanyan +tag:"halalan"');
  });

  it('shows all matching passages of one document as a removable document filter', async () => {
    const { api, requests } = fakeApi();
    const inner = api['search.query'];
    api['search.query'] = async (request) => {
      const result = await inner(request);
      return { ...result, groups: result.groups?.map((g) => (g.docId === TL ? { ...g, matchingPassages: 9 } : g)) };
    };
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    const more = byTestId(view.container, 'search-group-more');
    expect(more).toHaveLength(1);
    expect(more[0].textContent).toBe('All 9 matching passages in this document');
    await click(more[0]);
    expect(requests.at(-1)).toMatchObject({ query: `Sahakyan doc:${TL}`, groupBy: 'passage', limit: 50, offset: 0 });
    const chip = byTestId(view.container, 'filter-chip')[0];
    expect(chip.dataset.kind).toBe('doc');
    expect(chip.textContent).toContain('Doc tl');
    await click(byTestId(chip, 'filter-remove')[0]);
    expect(requests.at(-1)).toMatchObject({ query: 'Sahakyan', groupBy: 'document' });
  });

  it('sends the expansion switches', async () => {
    const { api, requests } = fakeApi();
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    await act(async () => (byTestId(view!.container, 'switch-translit')[0] as HTMLInputElement).click());
    await flush();
    expect(requests.at(-1)).toMatchObject({ query: 'Sahakyan', translit: false, stems: true });
    expect(byTestId(view.container, 'search-expansions')[0].textContent).toContain('no expansions');
    await act(async () => (byTestId(view!.container, 'switch-stems')[0] as HTMLInputElement).click());
    await flush();
    expect(requests.at(-1)).toMatchObject({ translit: false, stems: false });
  });

  it('loads more documents page by page', async () => {
    const { api, requests } = fakeApi({
      'search.query': async (request) => {
        requests.push(request);
        return fakeSearch({ ...request, limit: 1 });
      },
    });
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    expect(byTestId(view.container, 'search-group')).toHaveLength(1);
    expect(byTestId(view.container, 'search-load-more')[0].textContent).toContain('2 more');
    await click(byTestId(view.container, 'search-load-more')[0]);
    expect(requests.at(-1)).toMatchObject({ query: 'Sahakyan', offset: 1 });
    expect(byTestId(view.container, 'search-group').map((g) => g.dataset.docId)).toEqual([TL, EN]);
    await click(byTestId(view.container, 'search-load-more')[0]);
    expect(byTestId(view.container, 'search-group').map((g) => g.dataset.docId)).toEqual([TL, EN, RU]);
    expect(byTestId(view.container, 'search-load-more')).toHaveLength(0);
    // ↓ walks across the groups in display order.
    expect(byTestId(view.container, 'search-hit').map((h) => h.id)).toEqual([
      'search-hit-0',
      'search-hit-1',
      'search-hit-2',
      'search-hit-3',
    ]);
  });

  it('shows did-you-mean when nothing matches, and searches it when clicked', async () => {
    const { api, requests } = fakeApi();
    view = await renderApp(api);
    await type(view.container, 'Sahakyna');
    expect(byTestId(view.container, 'search-empty')[0].textContent).toContain('No results for “Sahakyna”');
    const suggestion = byTestId(view.container, 'did-you-mean-query')[0];
    expect(suggestion.textContent).toBe('sahakyan');
    await click(suggestion);
    expect(requests.at(-1)!.query).toBe('sahakyan');
    expect((byTestId(view.container, 'search-input')[0] as HTMLInputElement).value).toBe('sahakyan');
    expect(byTestId(view.container, 'search-hit').length).toBeGreaterThan(0);
  });

  it('explains a malformed query under the box, not in the banner, until it is edited', async () => {
    const { api } = fakeApi();
    view = await renderApp(api);
    await type(view.container, 'title:');
    const error = byTestId(view.container, 'search-error')[0];
    expect(error.textContent).toContain('expecting term');
    expect(error.closest('form[role="search"]')).not.toBeNull();
    expect(byTestId(view.container, 'search-error-at')[0].textContent).toBe('t');
    expect(byTestId(view.container, 'search-input')[0].getAttribute('aria-invalid')).toBe('true');
    expect(byTestId(view.container, 'error-banner')).toHaveLength(0);
    expect(byTestId(view.container, 'search-invalid')).toHaveLength(1);
    await type(view.container, 'title:h', false);
    expect(byTestId(view.container, 'search-error')).toHaveLength(0);
  });

  it('opens the syntax cheat-sheet and runs an example', async () => {
    const { api, requests } = fakeApi();
    view = await renderApp(api);
    await click(byTestId(view.container, 'syntax-toggle')[0]);
    const sheet = byTestId(view.container, 'search-syntax')[0];
    for (const example of [
      '"Bako Sahakyan"',
      '+halalan -Baku',
      'Balasan*',
      'Saakyan~1',
      'Sahakyan lang:tl',
      'title:halalan',
      'date:2012-01..2012-12',
    ])
      expect(sheet.textContent).toContain(example);
    await click(byTestId(sheet, 'syntax-example').find((b) => b.textContent === 'Saakyan~1'));
    expect(requests.at(-1)!.query).toBe('Saakyan~1');
    expect(byTestId(view.container, 'search-syntax')).toHaveLength(0);
  });

  it('opens a hit with its search in the address and its matches marked in the reader', async () => {
    const text = 'Intro.\n\nPresident Bako Sahakyan won. Sahakyan spoke.';
    const doc = {
      id: EN,
      title: 'Doc en',
      lang: 'en',
      source: null,
      author: null,
      publishedAt: null,
      fileCreatedAt: null,
      originalName: 'en.txt',
      mediaType: 'text/plain',
      contentHash: 'x',
      importedAt: '2026-11-27T19:00:00.000Z',
      tags: [],
      version: 1,
      text,
      passages: [
        {
          id: '00000000-0000-4000-8000-000000000009',
          ordinal: 0,
          kind: 'paragraph' as const,
          text: 'Intro.',
          start: 0,
          end: 6,
          sentences: [],
        },
        {
          id: HITS[2].passageId,
          ordinal: 3,
          kind: 'paragraph' as const,
          text: text.slice(8),
          start: 8,
          end: text.length,
          sentences: [],
        },
      ],
    };
    const { api, requests } = fakeApi({
      'documents.get': async () => doc,
      'annotations.list': async () => [],
    });
    const inner = api['search.query'];
    api['search.query'] = async (request) => {
      if (!request.query.includes(`doc:${EN}`)) return inner(request);
      requests.push(request);
      const t = doc.passages[1].text;
      const m: Array<[number, number]> = [
        [t.indexOf('Sahakyan'), t.indexOf('Sahakyan') + 8],
        [t.lastIndexOf('Sahakyan'), t.lastIndexOf('Sahakyan') + 8],
      ];
      return searchResult({ total: 1, hits: [{ ...HITS[2], snippet: t, matches: m, snippetMatches: m }] });
    };
    view = await renderApp(api);
    await type(view.container, 'Sahakyan');
    await click(byTestId(view.container, 'search-hit')[2]);
    await flush(5);
    expect(decodeURIComponent(window.location.hash)).toBe(`#/doc/${EN}/p/${HITS[2].passageId}?q=Sahakyan`);
    expect(requests.at(-1)).toMatchObject({ query: `Sahakyan doc:${EN}`, groupBy: 'passage' });
    const target = view.container.querySelector(`#p-${HITS[2].passageId}`)!;
    expect(Array.from(target.querySelectorAll('mark.search-match'), (m) => m.textContent)).toEqual([
      'Sahakyan',
      'Sahakyan',
    ]);
    expect(byTestId(view.container, 'reader-search-count')[0].textContent).toBe('2 matches in 1 passage');
    await click(byTestId(view.container, 'reader-search-clear')[0]);
    expect(window.location.hash).toBe(`#/doc/${EN}/p/${HITS[2].passageId}`);
    expect(target.querySelectorAll('mark.search-match')).toHaveLength(0);
  });

  it('shows the index status and runs Reindex with a visible running state', async () => {
    let finish: () => void = () => undefined;
    let reindexing = false;
    const { api } = fakeApi({
      'search.status': async () => ({
        indexedPassages: reindexing ? 6_200 : 12_400,
        totalPassages: 12_400,
        pendingDocuments: reindexing ? 0 : 2,
        reindexing,
      }),
      'search.reindex': () => {
        reindexing = true;
        return new Promise((resolve) => {
          finish = () => {
            reindexing = false;
            resolve({ documents: 3, passages: 12_400, ms: 1500 });
          };
        });
      },
    });
    view = await renderApp(api);
    expect(byTestId(view.container, 'index-status-text')[0].textContent).toBe('Indexed 12,400 of 12,400 passages');
    // A healthy count has no warning dot (edited documents waiting for their re-index are no warning either).
    expect(byTestId(view.container, 'index-status')[0].dataset.state).toBe('ok');
    expect(view.container.querySelector('.index-status__dot')).toBeNull();
    await click(byTestId(view.container, 'reindex-button')[0]);
    const button = byTestId(view.container, 'reindex-button')[0] as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Reindexing');
    expect(byTestId(view.container, 'index-status')[0].dataset.state).toBe('running');
    expect(view.container.querySelector('.index-status__dot')).not.toBeNull();
    expect(byTestId(view.container, 'index-status-text')[0].textContent).toMatch(
      /^Reindexing… [\d,]+ of 12,400 passages$/,
    );
    await act(async () => finish());
    await flush(5);
    expect(byTestId(view.container, 'index-status-text')[0].textContent).toBe('Indexed 12,400 of 12,400 passages');
    expect((byTestId(view.container, 'reindex-button')[0] as HTMLButtonElement).disabled).toBe(false);
    expect(byTestId(view.container, 'toast-text')[0].textContent).toBe(
      'Search index rebuilt: 12,400 passages in 3 documents (1.5 s).',
    );
  });
});

describe('search defaults from Settings', () => {
  it('starts every new search with the switches Settings keeps (name variants off here)', async () => {
    setPreferences({ searchNames: false, searchTranslit: false });
    try {
      const { api, requests } = fakeApi();
      view = await renderApp(api);
      await type(view.container, 'Sahakyan');
      expect(requests.at(-1)).toMatchObject({ query: 'Sahakyan', stems: true, translit: false, names: false });
    } finally {
      setPreferences(DEFAULT_PREFERENCES);
    }
  });
});

describe('match highlighting in components', () => {
  it('renders snippets as text with every range marked, never as HTML', async () => {
    const snippet = '…<img src=x onerror="alert(1)"> Bako Sahakyan e\u0301 Баласанян…';
    const at = snippet.indexOf('Sahakyan');
    const ru = snippet.indexOf('Баласанян');
    const e = snippet.indexOf('e\u0301');
    view = await render(
      <p data-testid="snippet">
        <Highlighted
          text={snippet}
          ranges={[
            [at - 5, at],
            [at, at + 8],
            [e, e + 1],
            [ru + 2, ru + 9],
            [ru, ru + 4],
          ]}
        />
      </p>,
    );
    const p = byTestId(view.container, 'snippet')[0];
    expect(p.querySelector('img')).toBeNull();
    expect(p.textContent).toBe(snippet);
    expect(Array.from(p.querySelectorAll('mark'), (m) => m.textContent)).toEqual([
      'Bako ',
      'Sahakyan',
      'e\u0301',
      'Баласанян',
    ]);
  });

  it('marks search matches in a reader passage apart from annotation highlights', async () => {
    const passage: Passage = {
      id: 'p1',
      ordinal: 0,
      kind: 'paragraph',
      text: 'Ayon kay Bako Sahakyan, ang re\u0301sume\u0301 ni Баласанян.',
      start: 100,
      end: 151,
      sentences: [],
    };
    const sahakyan = passage.text.indexOf('Sahakyan');
    const resume = passage.text.indexOf('re\u0301sume');
    const ru = passage.text.indexOf('Баласанян');
    view = await render(
      <PassageText
        passage={passage}
        annotations={[{ id: 'a1', color: 'green', start: 100 + sahakyan - 5, end: 100 + sahakyan + 3 }]}
        matches={[
          [sahakyan, sahakyan + 8],
          [resume, resume + 7],
          [ru, ru + 9],
        ]}
      />,
    );
    const el = view.container.querySelector('#p-p1')!;
    expect(el.textContent).toBe(passage.text);
    // Runs split where the annotation and the match overlap; joined, the search marks give the matches back.
    const search = Array.from(el.querySelectorAll('mark.search-match'), (m) => m.textContent);
    expect(search.join('|')).toBe('Sah|akyan|re\u0301sume\u0301|Баласанян');
    expect(el.querySelectorAll('mark.search-match:not([data-annotation-ids])')).toHaveLength(3);
    expect(Array.from(el.querySelectorAll('mark[data-annotation-ids="a1"]'), (m) => m.textContent).join('')).toBe(
      'Bako Sah',
    );
    expect(el.querySelector('mark[data-annotation-ids="a1"].search-match')?.textContent).toBe('Sah');
  });
});
