// @vitest-environment happy-dom
// The library table: filtering, sorting on every column, grouping translations and versions under their
// source (pure functions), and the component: virtualised rows, keyboard selection, bulk tag/collection/delete.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryTable, ROW_HEIGHT } from '../../renderer/src/components/library/LibraryTable';
import {
  carrySortIndex,
  documentChoiceLabel,
  libraryRows,
  NO_FILTERS,
  sortEntries,
  sortKey,
  type LibrarySort,
  type SortKey,
} from '../../renderer/src/lib/library-table';
import type { Collection, LibraryEntry } from '../../shared/library';
import { byTestId, render, type Rendered } from './render';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function entry(n: number, over: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: ID(n),
    title: `Dokumento ${n}`,
    lang: 'tl',
    mediaType: 'text/plain',
    originalName: `doc-${n}.txt`,
    author: null,
    publishedAt: null,
    fileCreatedAt: null,
    importedAt: `2026-01-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    passages: n,
    pages: null,
    tags: [],
    collections: [],
    notes: 0,
    facts: 0,
    translationOf: null,
    variantOf: null,
    ...over,
  };
}

const COLLECTIONS: Collection[] = [
  { id: ID(900), name: 'Halalan', documents: 1, createdAt: '2026-01-01T00:00:00.000Z' },
];

describe('library rows', () => {
  const entries = [
    entry(1, { title: 'Álamat', lang: 'tl', tags: ['kasaysayan'], notes: 2, publishedAt: '2012-07-19' }),
    entry(2, { title: 'Выборы', lang: 'ru', mediaType: 'application/pdf', pages: 3, facts: 1, collections: [ID(900)] }),
    entry(3, { title: 'Election', lang: 'en', translationOf: ID(1), fileCreatedAt: '2020-01-02' }),
    entry(4, { title: 'Álamat (PDF)', mediaType: 'application/pdf', variantOf: ID(1) }),
    entry(10, { title: 'Dokumento 10' }),
  ];

  it('sorts on every column both ways, ties broken by title, empty values last', () => {
    const keys: SortKey[] = ['title', 'lang', 'type', 'size', 'published', 'imported', 'tags', 'notes', 'facts'];
    for (const key of keys) {
      const asc = sortEntries(entries, { key, direction: 'asc' }).map((e) => e.id);
      const desc = sortEntries(entries, { key, direction: 'desc' }).map((e) => e.id);
      expect(asc).toHaveLength(entries.length);
      if (key !== 'published' && key !== 'tags') expect(desc).not.toEqual(asc);
    }
    expect(sortEntries(entries, { key: 'title', direction: 'asc' }).map((e) => e.title)).toEqual([
      'Álamat',
      'Álamat (PDF)',
      'Dokumento 10',
      'Election',
      'Выборы',
    ]);
    // Published: a file date counts as a date to sort by, but documents without any date stay last both ways.
    const published = (direction: 'asc' | 'desc') =>
      sortEntries(entries, { key: 'published', direction }).map((e) => e.id);
    expect(published('asc').slice(0, 2)).toEqual([ID(1), ID(3)]);
    expect(published('desc').slice(0, 2)).toEqual([ID(3), ID(1)]);
    expect(published('desc').slice(2)).toEqual(published('asc').slice(2));
    expect(sortEntries(entries, { key: 'size', direction: 'desc' })[0].id).toBe(ID(2));
  });

  it('filters by text (folded), language, type, tag, collection, notes and facts', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) =>
      libraryRows(entries, { ...NO_FILTERS, ...f }, { key: 'title', direction: 'asc' }).map((r) => r.entry.id);
    expect(ids({ text: 'alamat' })).toEqual([ID(1), ID(4)]);
    expect(ids({ text: 'KASAYSAYAN' })).toEqual([ID(1)]);
    expect(ids({ lang: 'ru' })).toEqual([ID(2)]);
    expect(ids({ type: 'application/pdf' }).sort()).toEqual([ID(2), ID(4)]);
    expect(ids({ tag: 'kasaysayan' })).toEqual([ID(1)]);
    expect(ids({ collection: ID(900) })).toEqual([ID(2)]);
    expect(ids({ hasNotes: true })).toEqual([ID(1)]);
    expect(ids({ hasFacts: true })).toEqual([ID(2)]);
    expect(ids({ lang: 'tl', hasFacts: true })).toEqual([]);
  });

  it('puts translations and versions under their source, and lets a group collapse', () => {
    const rows = libraryRows(entries, NO_FILTERS, { key: 'title', direction: 'asc' });
    expect(rows.map((r) => [r.entry.id, r.depth, r.relation])).toEqual([
      [ID(1), 0, null],
      [ID(4), 1, 'version'],
      [ID(3), 1, 'translation'],
      [ID(10), 0, null],
      [ID(2), 0, null],
    ]);
    expect(rows[0].children).toBe(2);
    expect(
      libraryRows(entries, NO_FILTERS, { key: 'title', direction: 'asc' }, new Set([ID(1)])).map((r) => r.entry.id),
    ).toEqual([ID(1), ID(10), ID(2)]);
    // A translation whose source is filtered out stands on its own.
    expect(libraryRows(entries, { ...NO_FILTERS, lang: 'en' }, { key: 'title', direction: 'asc' })).toMatchObject([
      { depth: 0, relation: null },
    ]);
  });

  const KEYS: SortKey[] = ['title', 'lang', 'type', 'size', 'published', 'imported', 'tags', 'notes', 'facts'];

  /** The plain definition of the order: one comparison sort per call, no index. */
  function reference(list: readonly LibraryEntry[], sort: LibrarySort): string[] {
    const emptyLast = sort.key === 'published' || sort.key === 'tags';
    const sign = sort.direction === 'asc' ? 1 : -1;
    const c = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return [...list]
      .sort((a, b) => {
        const [ka, kb] = [sortKey(a, sort.key), sortKey(b, sort.key)];
        if (emptyLast && (ka === '') !== (kb === '')) return ka === '' ? 1 : -1;
        return sign * c(ka, kb) || c(sortKey(a, 'title'), sortKey(b, 'title')) || c(a.id, b.id);
      })
      .map((e) => e.id);
  }

  /** Many ties (few titles, languages, dates, tags), so the order within equal keys matters. */
  function generated(count: number, seed = 7): LibraryEntry[] {
    let x = seed;
    const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    return Array.from({ length: count }, (_, i) =>
      entry(i, {
        title: ['Ulat', 'Álamat', 'Выборы', 'Ulat 2', 'Ulat 10'][next(5)],
        lang: ['tl', 'en', 'ru'][next(3)],
        mediaType: ['text/plain', 'application/pdf'][next(2)],
        pages: next(3) === 0 ? next(4) : null,
        passages: next(6),
        publishedAt: next(3) === 0 ? null : `201${next(3)}-01-01`,
        importedAt: `2026-01-0${1 + next(3)}T10:00:00.000Z`,
        tags: next(2) ? [] : [['a'], ['b'], ['a', 'b']][next(3)],
        notes: next(3),
        facts: next(2),
      }),
    );
  }

  it('sorts through its index exactly as the plain comparison does, both ways, ties and empties included', () => {
    const many = generated(600);
    for (let round = 0; round < 2; round++)
      for (const key of KEYS)
        for (const direction of ['asc', 'desc'] as const) {
          // Descending first in one round: it derives from the ascending order built on demand.
          const d = round === 0 ? direction : direction === 'asc' ? 'desc' : 'asc';
          expect(sortEntries(many, { key, direction: d }).map((e) => e.id)).toEqual(
            reference(many, { key, direction: d }),
          );
        }
  });

  it('carries the sort index to rows updated in place, except the columns that changed', () => {
    const before = generated(400, 11);
    for (const key of KEYS) sortEntries(before, { key, direction: 'asc' });
    // Tags change on every third row: new objects at the same positions, like a bulk tag's in-place update.
    const after = before.map((e, i) => (i % 3 === 0 ? { ...e, tags: ['zz', ...e.tags] } : e));
    carrySortIndex(before, after, ['tags']);
    for (const key of KEYS)
      for (const direction of ['asc', 'desc'] as const)
        expect(sortEntries(after, { key, direction }).map((e) => e.id)).toEqual(reference(after, { key, direction }));
    const rows = libraryRows(after, { ...NO_FILTERS, tag: 'zz' }, { key: 'tags', direction: 'desc' });
    expect(rows.map((r) => r.entry.id).sort()).toEqual(
      after
        .filter((_, i) => i % 3 === 0)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('sorts and filters 10,000 documents without quadratic work (timings: library E2E, benchmarks)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      entry(i, { title: `Ulat ${(i * 7919) % 10_000}`, tags: i % 3 ? ['a'] : [] }),
    );
    const started = performance.now();
    libraryRows(many, NO_FILTERS, { key: 'title', direction: 'asc' });
    libraryRows(many, { ...NO_FILTERS, text: 'ulat 99' }, { key: 'imported', direction: 'desc' });
    libraryRows(many, { ...NO_FILTERS, tag: 'a' }, { key: 'tags', direction: 'asc' });
    const ms = performance.now() - started;
    // Loose: a regression to quadratic work would take seconds.
    expect(ms).toBeLessThan(2000);
  });
});

describe('documentChoiceLabel (translation picker)', () => {
  it('tells three copies of the same text apart by type, size and date', () => {
    const base = { lang: 'en', title: 'NKR report', publishedAt: null, fileCreatedAt: null };
    const labels = [
      { ...base, mediaType: 'text/plain', passages: 9, importedAt: '2026-12-01T10:00:00Z' },
      {
        ...base,
        mediaType: 'application/pdf',
        passages: 12,
        fileCreatedAt: '2020-01-02',
        importedAt: '2026-12-02T10:00:00Z',
      },
      {
        ...base,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        passages: 1,
        publishedAt: '2012-07-19',
        importedAt: '2026-12-03T10:00:00Z',
      },
    ].map(documentChoiceLabel);
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toBe('en · NKR report — Plain text · 9 passages · imported 1 Dec 2026');
    expect(labels[1]).toBe('en · NKR report — PDF · 12 passages · file dated 2 Jan 2020');
    expect(labels[2]).toMatch(/^en · NKR report — .+ · 1 passage · published 19 Jul 2012$/);
  });
});

describe('LibraryTable', () => {
  let view: Rendered | undefined;
  afterEach(async () => {
    await view?.unmount();
    view = undefined;
  });

  const actions = () => ({
    onOpen: vi.fn(),
    onTag: vi.fn(async () => undefined),
    onAddToCollection: vi.fn(async () => undefined),
    onDelete: vi.fn(async () => undefined),
  });

  const key = async (el: HTMLElement, k: string, extra: KeyboardEventInit = {}) => {
    await act(async () => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...extra })));
  };

  it('renders only the rows in view of a 10,000-document library, with the total in aria-rowcount', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry(i));
    view = await render(<LibraryTable entries={many} collections={[]} {...actions()} />);
    const rows = byTestId(view.container, 'library-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(byTestId(view.container, 'library-grid')[0].getAttribute('aria-rowcount')).toBe('10001');
    expect(byTestId(view.container, 'library-rows')[0].style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
  });

  it('sorts from the headers, selects with the keyboard and acts on the selection', async () => {
    const entries = [entry(1, { title: 'Bravo' }), entry(2, { title: 'Alpha' }), entry(3, { title: 'Charlie' })];
    const a = actions();
    view = await render(<LibraryTable entries={entries} collections={COLLECTIONS} {...a} />);
    const titles = () => byTestId(view!.container, 'library-title').map((t) => t.textContent);
    await act(async () => byTestId(view!.container, 'sort-title')[0].click());
    expect(titles()).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(byTestId(view.container, 'sort-title')[0].parentElement!.getAttribute('aria-sort')).toBe('ascending');
    await act(async () => byTestId(view!.container, 'sort-title')[0].click());
    expect(titles()).toEqual(['Charlie', 'Bravo', 'Alpha']);

    const body = byTestId(view.container, 'library-grid')[0];
    await key(body, ' ');
    await key(body, 'ArrowDown', { shiftKey: true });
    expect(byTestId(view.container, 'library-selected-count')[0].textContent).toBe('2 documents selected');
    expect(
      byTestId(view.container, 'library-row')
        .filter((r) => r.getAttribute('aria-selected') === 'true')
        .map((r) => r.textContent),
    ).toHaveLength(2);
    await key(body, 'Enter');
    expect(a.onOpen).toHaveBeenCalledWith(ID(1));

    const input = byTestId(view.container, 'library-bulk-tag-input')[0] as HTMLInputElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, 'halalan');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => byTestId(view!.container, 'library-bulk-tag')[0].click());
    expect(a.onTag).toHaveBeenCalledWith([ID(1), ID(3)], 'halalan');

    await act(async () => byTestId(view!.container, 'library-bulk-delete')[0].click());
    await act(async () => byTestId(view!.container, 'library-confirm-delete')[0].click());
    expect(a.onDelete).toHaveBeenCalledWith([ID(1), ID(3)]);
    expect(byTestId(view.container, 'library-bulk')).toHaveLength(0);

    await key(body, 'a', { ctrlKey: true });
    expect(byTestId(view.container, 'library-selected-count')[0].textContent).toBe('3 documents selected');
    await key(body, 'Escape');
    expect(byTestId(view.container, 'library-bulk')).toHaveLength(0);
  });

  it('labels a file’s creation date as such, never as a publication date', async () => {
    view = await render(
      <LibraryTable
        entries={[entry(1, { fileCreatedAt: '2020-01-02' }), entry(2, { publishedAt: '2012-07-19' })]}
        collections={[]}
        {...actions()}
      />,
    );
    const cells = view.container.querySelectorAll('.library-grid__cell--published');
    const text = Array.from(cells).map((c) => c.textContent);
    expect(text).toContain('file 2 Jan 2020');
    expect(text).toContain('19 Jul 2012');
  });
});
