// End to end: the library table in chromium over an archive of 10,000 generated documents (inserted through
// the real repositories, not 10,000 imports) plus the samples. Sorts on every column, filters, selects with
// the keyboard and bulk-tags, checking the rows against the archive and that a bulk tag reads only the tagged
// rows again (never the whole library). The same steps are timed by `npm run bench:library`.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRows, NO_FILTERS, type SortKey } from '../../renderer/src/lib/library-table';
import type { LibraryEntry } from '../../shared/library';
import { fillLibrary } from '../helpers/library-fill';
import { startE2E, testId, type E2E } from './harness';
import { timedBulkTag, timedSelectAll, timedStep } from './library-steps';

const COUNT = 10_000;
let e2e: E2E;
let page: Page;
let entries: LibraryEntry[];

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
  await e2e?.close();
});

describe(`the library with ${COUNT.toLocaleString('en')} documents`, () => {
  it('loads every document into a virtualised table', async () => {
    await page.goto(e2e.bridge.url);
    await page.locator(testId('library-grid')).waitFor({ timeout: 60_000 });
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
          if (current !== wanted) await timedStep(page, 'click', testId(`sort-${key}`));
          if (
            (await page.locator(`[role="columnheader"]:has(${testId(`sort-${key}`)})`).getAttribute('aria-sort')) !==
            wanted
          ) {
            await timedStep(page, 'click', testId(`sort-${key}`));
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
      await timedStep(page, 'text', `${testId('library-filter-text')}\u0000Halalan 12`);
      await expectRows({ text: 'Halalan 12' });
      await timedStep(page, 'text', `${testId('library-filter-text')}\u0000`);
      await timedStep(page, 'select', `${testId('library-filter-lang')}\u0000ru`);
      await expectRows({ lang: 'ru' });
      await timedStep(page, 'select', `${testId('library-filter-tag')}\u0000korte`);
      await expectRows({ lang: 'ru', tag: 'korte' });
      await page.locator(testId('library-filter-clear')).click();
      await timedStep(page, 'select', `${testId('library-filter-type')}\u0000application/pdf`);
      await expectRows({ type: 'application/pdf' });
      await page.locator(testId('library-filter-clear')).click();
      const collection = (await e2e.archive.library.collections()).find((c) => c.name === 'Press')!;
      await timedStep(page, 'select', `${testId('library-filter-collection')}\u0000${collection.id}`);
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
    await timedSelectAll(page);
    await expect
      .poll(() => page.locator(testId('library-selected-count')).textContent())
      .toBe(`${selected.length} documents selected`);
    await page.locator(testId('library-bulk-tag-input')).fill('bulk-e2e');
    // The tagged rows change in place from the write's answer: neither the library nor the document list is read again.
    const { fetched } = await timedBulkTag(page, 'bulk-e2e');
    expect(fetched).toContain('documents.bulkTag');
    expect(fetched).not.toContain('library.list');
    expect(fetched).not.toContain('documents.list');
    await expect.poll(() => page.locator(testId('library-bulk-tag-input')).inputValue()).toBe('');
    // The filter's tag choices follow the updated rows.
    await expect
      .poll(() => page.locator(`${testId('library-filter-tag')} option[value="bulk-e2e"]`).textContent())
      .toBe(`bulk-e2e (${selected.length})`);
    const after = await e2e.archive.library.list();
    // What the page shows is what the archive holds, row by row.
    const tagsById = new Map(after.map((e) => [e.id, e.tags.join('')]));
    const shownTags = await page.$$eval('[data-testid="library-row"]', (rows) =>
      rows.map((r) => [
        (r as HTMLElement).dataset.docId!,
        r.querySelector('[data-testid="library-tags"]')!.textContent,
      ]),
    );
    expect(shownTags.length).toBeGreaterThan(5);
    for (const [id, text] of shownTags) expect(text).toBe(tagsById.get(id));
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
