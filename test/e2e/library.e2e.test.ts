// End to end: the library table in chromium over an archive of 10,000 generated documents (inserted through
// the real repositories, not 10,000 imports) plus the samples. Sorts on every column, filters, selects with
// the keyboard and bulk-tags, checking the rows against the archive; each step is timed from the user's act
// to the updated rows on screen (after the data arrived) and printed, A B A B, for docs/benchmarks.md.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRows, NO_FILTERS, type SortKey } from '../../renderer/src/lib/library-table';
import type { LibraryEntry } from '../../shared/library';
import { fillLibrary } from '../helpers/library-fill';
import { startE2E, testId, type E2E } from './harness';

const COUNT = 10_000;
let e2e: E2E;
let page: Page;
let entries: LibraryEntry[];
const timings: Record<string, number[]> = {};

function record(step: string, ms: number): void {
  (timings[step] ??= []).push(Math.round(ms * 10) / 10);
}

/** Runs `act` in the page and resolves when the grid changed and two frames were painted: ms since the act. */
async function timed(act: string, arg: string | null = null): Promise<number> {
  return page.evaluate(
    async ([what, value]) => {
      const grid = document.querySelector('[data-testid="library-grid"]')!;
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(grid, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      if (what === 'click') (document.querySelector(value!) as HTMLElement).click();
      else if (what === 'text' || what === 'select') {
        const [selector, text] = value!.split('\u0000');
        const el = document.querySelector(selector) as HTMLInputElement | HTMLSelectElement;
        const proto = what === 'text' ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, text);
        el.dispatchEvent(new Event(what === 'text' ? 'input' : 'change', { bubbles: true }));
      }
      await changed;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    [act, arg] as const,
  );
}

const renderedIds = () =>
  page.$$eval('[data-testid="library-row"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.docId!));

beforeAll(async () => {
  e2e = await startE2E({
    prefix: 'tala-library-',
    prepare: async (archive) => void (await fillLibrary(archive.path, COUNT)),
  });
  page = e2e.page;
  entries = await e2e.archive.library.list();
}, 600_000);

afterAll(async () => {
  writeFileSync('/tmp/tala-library-timings.json', JSON.stringify(timings, null, 2));
  console.log('library timings (ms):', JSON.stringify(timings));
  await e2e?.close();
});

describe(`the library with ${COUNT.toLocaleString('en')} documents`, () => {
  it('loads every document into a virtualised table', async () => {
    const t0 = Date.now();
    await page.goto(e2e.bridge.url);
    await page.locator(testId('library-grid')).waitFor({ timeout: 60_000 });
    record('load (request to table on screen)', Date.now() - t0);
    expect(entries.length).toBeGreaterThanOrEqual(COUNT);
    expect(await page.locator(testId('library-grid')).getAttribute('aria-rowcount')).toBe(String(entries.length + 1));
    expect(await page.locator(testId('library-row')).count()).toBeLessThan(120);
  }, 120_000);

  it('sorts on every column, both ways, as the archive’s rows say', async () => {
    const columns: SortKey[] = ['title', 'lang', 'type', 'size', 'published', 'imported', 'tags', 'notes', 'facts'];
    for (let round = 0; round < 2; round++) {
      for (const key of columns) {
        for (const direction of ['asc', 'desc'] as const) {
          // The first click on a column sorts it in its natural direction; clicking again reverses it.
          const current = await page
            .locator(`[role="columnheader"]:has(${testId(`sort-${key}`)})`)
            .getAttribute('aria-sort');
          const wanted = direction === 'asc' ? 'ascending' : 'descending';
          if (current !== wanted) record(`sort ${key}`, await timed('click', testId(`sort-${key}`)));
          if (
            (await page.locator(`[role="columnheader"]:has(${testId(`sort-${key}`)})`).getAttribute('aria-sort')) !==
            wanted
          ) {
            record(`sort ${key}`, await timed('click', testId(`sort-${key}`)));
          }
          expect(
            await page.locator(`[role="columnheader"]:has(${testId(`sort-${key}`)})`).getAttribute('aria-sort'),
          ).toBe(wanted);
          const expected = libraryRows(entries, NO_FILTERS, { key, direction }).map((r) => r.entry.id);
          const shown = await renderedIds();
          expect(shown.slice(0, 10)).toEqual(expected.slice(0, 10));
        }
      }
    }
  }, 300_000);

  it('filters by text, language, tag, type and collection', async () => {
    await page.locator(testId('sort-title')).click();
    const count = () =>
      page
        .locator(testId('library-grid'))
        .getAttribute('aria-rowcount')
        .then((n) => Number(n) - 1);
    const expectRows = async (filters: Partial<typeof NO_FILTERS>) => {
      const expected = libraryRows(entries, { ...NO_FILTERS, ...filters }, { key: 'title', direction: 'asc' });
      expect(await count()).toBe(expected.length);
      expect((await renderedIds()).slice(0, 5)).toEqual(expected.slice(0, 5).map((r) => r.entry.id));
    };
    for (let round = 0; round < 2; round++) {
      record('filter text', await timed('text', `${testId('library-filter-text')}\u0000Halalan 12`));
      await expectRows({ text: 'Halalan 12' });
      record('filter text cleared', await timed('text', `${testId('library-filter-text')}\u0000`));
      record('filter language', await timed('select', `${testId('library-filter-lang')}\u0000ru`));
      await expectRows({ lang: 'ru' });
      record('filter tag', await timed('select', `${testId('library-filter-tag')}\u0000korte`));
      await expectRows({ lang: 'ru', tag: 'korte' });
      await page.locator(testId('library-filter-clear')).click();
      record('filter type', await timed('select', `${testId('library-filter-type')}\u0000application/pdf`));
      await expectRows({ type: 'application/pdf' });
      await page.locator(testId('library-filter-clear')).click();
      const collection = (await e2e.archive.library.collections()).find((c) => c.name === 'Press')!;
      record(
        'filter collection',
        await timed('select', `${testId('library-filter-collection')}\u0000${collection.id}`),
      );
      await expectRows({ collection: collection.id });
      await page.locator(testId('library-filter-clear')).click();
    }
    expect(await count()).toBe(entries.length);
  }, 180_000);

  it('selects with the keyboard and bulk-tags the selection', async () => {
    await page.selectOption(testId('library-filter-lang'), 'en');
    await page.locator(testId('library-filter-text')).fill('Court 1');
    const selected = libraryRows(
      entries,
      { ...NO_FILTERS, lang: 'en', text: 'Court 1' },
      { key: 'title', direction: 'asc' },
    ).map((r) => r.entry.id);
    expect(selected.length).toBeGreaterThan(20);
    await page.locator(testId('library-grid')).focus();
    record(
      'select all (Ctrl+A)',
      await page.evaluate(async () => {
        const t0 = performance.now();
        document
          .querySelector('[data-testid="library-grid"]')!
          .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      }),
    );
    await expect
      .poll(() => page.locator(testId('library-selected-count')).textContent())
      .toBe(`${selected.length} documents selected`);
    await page.locator(testId('library-bulk-tag-input')).fill('bulk-e2e');
    // From the click to the tag on screen: the write, the refetch of every row, and the render after it.
    const { total, afterData } = await page.evaluate(async () => {
      const grid = document.querySelector('[data-testid="library-grid"]')!;
      const t0 = performance.now();
      (document.querySelector('[data-testid="library-bulk-tag"]') as HTMLElement).click();
      await new Promise<void>((resolve) => {
        const check = () =>
          grid.querySelector('[data-testid="library-tags"]')?.textContent?.includes('bulk-e2e')
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      const shown = performance.now();
      const list = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('library.list'))
        .pop() as PerformanceResourceTiming | undefined;
      return { total: shown - t0, afterData: list ? shown - list.responseEnd : -1 };
    });
    record('bulk tag: click to tag on screen', total);
    record('bulk tag: data arrived to tag on screen', afterData);
    const after = await e2e.archive.library.list();
    expect(
      after
        .filter((e) => e.tags.includes('bulk-e2e'))
        .map((e) => e.id)
        .sort(),
    ).toEqual([...selected].sort());
  }, 120_000);

  it('kept the console clean', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
