// End to end: the search view in chromium through the browser bridge, on the samples plus a Russian text —
// results grouped by document with every match marked at the engine's offsets, transliteration across
// scripts and its switch, facets as removable filters, phrases, an inline message for a malformed query,
// did-you-mean, keyboard opening with the matches highlighted in the reader, note: hits opening their
// annotation, the index status and Reindex. Needs `npx electron-vite build` first and /usr/bin/chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary, SearchResult } from '../../shared/types';
import { inView, startE2E, testId, waitForCount, type E2E } from './harness';

const RUSSIAN_TITLE = 'Выборы в Нагорном Карабахе';
const RUSSIAN =
  `${RUSSIAN_TITLE}\n\n` +
  'Виталий Баласанян не поздравил Бако Саакяна с победой на выборах 2012 года, сославшись на' +
  ' многочисленные нарушения.\n\n' +
  'По данным ЦИК непризнанной республики, за Саакяна проголосовали 47 тысяч избирателей.\n';
const NOTE = 'Observers disputed the count';
const NOTE_QUOTE = 'numerous violations at the polling stations';

let e2e: E2E;
let page: Page;
let tagalog: DocumentSummary;
let english: DocumentSummary;
let russian: DocumentSummary;
let note: Annotation;

const input = () => page.locator(testId('search-input'));

/** Waits until the results pane shows the answer to `query` (and no search is running). */
async function settled(query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const pane = document.querySelector('[data-testid="search-results"]');
      return (
        !!pane &&
        !pane.hasAttribute('aria-busy') &&
        (pane.querySelector('[data-testid="search-summary"]')?.textContent?.includes(`“${q}”`) ?? false)
      );
    },
    query,
    { timeout: 15_000 },
  );
}

async function search(query: string): Promise<void> {
  await input().fill(query);
  await input().press('Enter');
  await settled(query);
}

/** The marks of each hit, with the snippet text, by passage id. */
async function renderedHits(): Promise<
  Array<{ passageId: string; docId: string; lang: string; snippet: string; marks: Array<[number, number, string]> }>
> {
  return page.$$eval('[data-testid="search-hit"]', (els) =>
    els.map((el) => {
      const snippetEl = el.querySelector('[data-testid="search-snippet"]')!;
      const marks: Array<[number, number, string]> = [];
      let at = 0;
      const walk = (node: Node) => {
        for (const child of Array.from(node.childNodes)) {
          if (child.nodeType === Node.TEXT_NODE) at += (child.textContent ?? '').length;
          else if (child instanceof HTMLElement && child.tagName === 'MARK') {
            const text = child.textContent ?? '';
            marks.push([at, at + text.length, text]);
            at += text.length;
          } else walk(child);
        }
      };
      walk(snippetEl);
      const h = el as HTMLElement;
      return {
        passageId: h.dataset.passageId!,
        docId: h.dataset.docId!,
        lang: h.dataset.lang!,
        snippet: snippetEl.textContent ?? '',
        marks,
      };
    }),
  );
}

/** Every hit on screen shows exactly the engine's snippet and marks exactly its snippetMatches. */
function expectMarksMatchEngine(rendered: Awaited<ReturnType<typeof renderedHits>>, result: SearchResult): void {
  expect(rendered.length).toBeGreaterThan(0);
  for (const r of rendered) {
    const hit = result.hits.find((h) => h.passageId === r.passageId);
    expect(hit, `hit ${r.passageId} is in the engine's answer`).toBeDefined();
    expect(r.snippet).toBe(hit!.snippet);
    expect(r.marks.map(([s, e]) => [s, e])).toEqual(hit!.snippetMatches);
    for (const [s, e, text] of r.marks) expect(text).toBe(hit!.snippet.slice(s, e));
  }
}

beforeAll(async () => {
  e2e = await startE2E({
    prefix: 'tala-search-',
    async prepare(archive) {
      const outcome = await archive.documents.importFile({
        name: 'vybory-nkr.txt',
        bytes: new TextEncoder().encode(RUSSIAN),
        lang: 'ru',
        meta: { title: RUSSIAN_TITLE, publishedAt: '2012-07-20' },
      });
      if (outcome.status !== 'imported') throw new Error('the Russian sample was not imported');
      russian = outcome.document;
      const docs = await archive.documents.list();
      tagalog = docs.find((d) => d.lang === 'tl')!;
      english = docs.find((d) => d.lang === 'en')!;
      await archive.documents.updateMeta(tagalog.id, { tags: ['halalan'] });
      await archive.documents.updateMeta(russian.id, { tags: ['выборы'] });
      const text = (await archive.documents.get(english.id)).text;
      const start = text.indexOf(NOTE_QUOTE);
      note = await archive.annotations.create({
        docId: english.id,
        start,
        end: start + NOTE_QUOTE.length,
        note: NOTE,
        tags: ['paglabag'],
      });
    },
  });
  page = e2e.page;
  await page.goto(e2e.bridge.url);
  await page.locator(testId('document-item')).first().waitFor();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

describe('search view', () => {
  it('shows the index status with the passage count', async () => {
    const status = await e2e.archive.search.status();
    const total = status.totalPassages.toLocaleString('en');
    await page.waitForFunction(
      (t) =>
        document.querySelector('[data-testid="index-status-text"]')?.textContent === `Indexed ${t} of ${t} passages`,
      total,
      { timeout: 15_000 },
    );
  });

  it('finds Sahakyan in the Tagalog and English samples, grouped by document, every match marked', async () => {
    await search('Sahakyan');
    const groups = page.locator(testId('search-group'));
    const groupDocs = await groups.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.docId));
    expect(groupDocs).toContain(tagalog.id);
    expect(groupDocs).toContain(english.id);
    expect(new Set(groupDocs).size).toBe(groupDocs.length);

    const engine = await e2e.archive.search.query({ query: 'Sahakyan', groupBy: 'document', limit: 20 });
    expect(await page.locator(testId('search-total')).textContent()).toBe(`${engine.total} passages`);
    expect(await page.locator(testId('search-documents')).textContent()).toBe(`${engine.totalDocuments} documents`);
    const rendered = await renderedHits();
    expectMarksMatchEngine(rendered, engine);
    for (const lang of ['tl', 'en']) {
      const hits = rendered.filter((r) => r.lang === lang);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.marks.map((m) => m[2])).toContain('Sahakyan');
    }
    // Hits of one document sit under its title, in the document's group.
    const tlGroup = page.locator(`${testId('search-group')}[data-doc-id="${tagalog.id}"]`);
    expect(await tlGroup.locator(testId('search-group-title')).textContent()).toBe(tagalog.title);
    expect(await tlGroup.locator(testId('search-hit')).count()).toBeGreaterThan(0);
    expect(await page.locator(testId('search-facets')).isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/tala-search-1-results.png' });
  });

  it('finds Balasanyan in Cyrillic too, says transliteration ran, and the switches turn it off', async () => {
    await search('Balasanyan');
    const ruHit = page.locator(`${testId('search-hit')}[data-doc-id="${russian.id}"]`);
    await ruHit.first().waitFor();
    expect(await ruHit.first().locator('mark').allTextContents()).toEqual(['Баласанян']);
    expect(await page.locator(testId('search-expansions')).textContent()).toContain('transliteration');
    expectMarksMatchEngine(
      await renderedHits(),
      await e2e.archive.search.query({ query: 'Balasanyan', groupBy: 'document', limit: 20 }),
    );
    await page.screenshot({ path: '/tmp/tala-search-2-translit.png' });

    // Name variants also reach the Cyrillic spelling: both switches off keep the search to the Latin letters.
    await page.locator(testId('switch-translit')).uncheck({ force: true });
    await page.locator(testId('switch-names')).uncheck({ force: true });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="search-results"]')?.hasAttribute('aria-busy'),
    );
    await waitForCount(page, `${testId('search-hit')}[data-doc-id="${russian.id}"]`, 0);
    expect(await page.locator(testId('search-expansions')).textContent()).not.toContain('transliteration');
    await page.locator(testId('switch-translit')).check({ force: true });
    await page.locator(testId('switch-names')).check({ force: true });
    await ruHit.first().waitFor();
  });

  it('filters by a clicked facet, shows the filter as a removable chip, and removes it', async () => {
    await search('Sahakyan');
    const all = await page.locator(testId('search-hit')).count();
    await page.locator(`${testId('facet-value')}[data-facet="lang"][data-value="tl"]`).click();
    await page.locator(`${testId('filter-chip')}[data-kind="lang"][data-value="tl"]`).waitFor();
    await settled('Sahakyan');
    const langs = await page
      .locator(testId('search-hit'))
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.lang));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['tl']));
    expect(await page.locator(`${testId('facet-value')}[data-value="tl"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await input().inputValue()).toBe('Sahakyan'); // the box keeps what was typed
    await page.screenshot({ path: '/tmp/tala-search-3-facet.png' });

    await page.locator(`${testId('filter-chip')} ${testId('filter-remove')}`).click();
    await waitForCount(page, testId('filter-chip'), 0);
    await settled('Sahakyan');
    await waitForCount(page, testId('search-hit'), all);
  });

  it('narrows to a tag and to one document from the results', async () => {
    await search('halalan');
    const tag = page.locator(`${testId('facet-value')}[data-facet="tag"][data-value="halalan"]`);
    await tag.waitFor();
    await tag.click();
    await page.locator(`${testId('filter-chip')}[data-kind="tag"]`).waitFor();
    await settled('halalan');
    const docs = await page
      .locator(testId('search-hit'))
      .evaluateAll((els) => [...new Set(els.map((el) => (el as HTMLElement).dataset.docId))]);
    expect(docs).toEqual([tagalog.id]);
    await page.locator(`${testId('filter-chip')} ${testId('filter-remove')}`).click();
    await waitForCount(page, testId('filter-chip'), 0);
    await settled('halalan');

    // "All N matching passages in this document" shows every matching passage of it.
    const group = page.locator(`${testId('search-group')}[data-doc-id="${tagalog.id}"]`);
    const count = Number((await group.locator(testId('search-group-count')).textContent())?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(await group.locator(testId('search-hit')).count());
    await group.locator(testId('search-group-more')).click();
    await page.locator(`${testId('filter-chip')}[data-kind="doc"]`).waitFor();
    await waitForCount(page, testId('search-hit'), count);
    await page.locator(`${testId('filter-chip')} ${testId('filter-remove')}`).click();
    await waitForCount(page, testId('filter-chip'), 0);
  });

  it('runs an exact phrase from the syntax cheat-sheet', async () => {
    await page.locator(testId('syntax-toggle')).click();
    const sheet = page.locator(testId('search-syntax'));
    await sheet.waitFor();
    for (const example of [
      '"Bako Sahakyan"',
      '+halalan -Baku',
      'Balasan*',
      'Saakyan~1',
      'title:halalan',
      'date:2012-01..2012-12',
    ]) {
      expect(await sheet.textContent()).toContain(example);
    }
    await page.screenshot({ path: '/tmp/tala-search-4-syntax.png' });
    await sheet.locator(testId('syntax-example'), { hasText: '"Bako Sahakyan"' }).click();
    await waitForCount(page, testId('search-syntax'), 0);
    expect(await input().inputValue()).toBe('"Bako Sahakyan"');
    await settled('"Bako Sahakyan"');
    const marks = await page.locator(`${testId('search-snippet')} mark`).allTextContents();
    expect(marks).toContain('Bako Sahakyan');
    // The phrase also meets the name's other spellings (Бако Саакян), never anything else.
    for (const mark of marks) expect(mark).toMatch(/^(Bako Sahakyan|Бако Саакян\p{L}*)$/u);
  });

  it('explains a malformed query inline, next to the box', async () => {
    await input().fill('title:');
    await input().press('Enter');
    const error = page.locator(testId('search-error'));
    await error.waitFor();
    expect(await error.textContent()).toContain('title:');
    expect(await input().getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(testId('search-error-at')).count()).toBe(1);
    expect(await page.locator(testId('search-invalid')).count()).toBe(1);
    expect(await page.locator(testId('error-banner')).count()).toBe(0);
    expect(await page.locator(testId('crash')).count()).toBe(0);
    // The message sits right under the search box.
    const box = await input().boundingBox();
    const note = await error.boundingBox();
    expect(note!.y).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
    expect(note!.y - (box!.y + box!.height)).toBeLessThan(40);
    await page.screenshot({ path: '/tmp/tala-search-5-bad-query.png' });
    // Editing the query puts the message away.
    await input().fill('title:halalan');
    await waitForCount(page, testId('search-error'), 0);
  });

  it('offers did-you-mean for a misspelling and searches it when clicked', async () => {
    await search('Sahakyna');
    const suggestion = page.locator(testId('did-you-mean-query'));
    await suggestion.waitFor();
    expect((await suggestion.textContent())?.toLowerCase()).toBe('sahakyan');
    await page.screenshot({ path: '/tmp/tala-search-6-did-you-mean.png' });
    await suggestion.click();
    await settled('sahakyan');
    expect((await input().inputValue()).toLowerCase()).toBe('sahakyan');
    expect(await page.locator(testId('search-hit')).count()).toBeGreaterThan(0);
  });

  it('opens the active hit with ↓/Enter and highlights the matches in the reader', async () => {
    await search('Balasanyan');
    const hits = page.locator(testId('search-hit'));
    const second = await hits
      .nth(1)
      .evaluate((el) => ({ doc: (el as HTMLElement).dataset.docId!, passage: (el as HTMLElement).dataset.passageId! }));
    await input().press('ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="search-hit"][aria-selected="true"]')?.id === 'search-hit-1',
    );
    await input().press('Enter');
    await page.locator(`${testId('reader')}[data-doc-id="${second.doc}"]`).waitFor();
    const passage = page.locator(`#p-${second.passage}`);
    await passage.locator('mark.search-match').first().waitFor();
    expect(await passage.getAttribute('data-target')).toBe('true');
    expect(await inView(page, `#p-${second.passage}`)).toBe(true);
    expect(page.url()).toContain(`#/doc/${second.doc}/p/${second.passage}?q=Balasanyan`);

    // Exactly the engine's matches of that passage are marked.
    const engine = await e2e.archive.search.query({
      query: `Balasanyan doc:${second.doc}`,
      groupBy: 'passage',
      limit: 500,
    });
    const hit = engine.hits.find((h) => h.passageId === second.passage)!;
    const text = (await passage.textContent())!;
    const marked = await passage.locator('mark.search-match').allTextContents();
    expect(marked).toEqual(hit.matches.map(([s, e]) => text.slice(s, e)));
    // Other matching passages of the document are marked too, and the bar counts them.
    expect(await page.locator(`${testId('reader')} mark.search-match`).count()).toBe(
      engine.hits.reduce((n, h) => n + h.matches.length, 0),
    );
    expect(await page.locator(testId('reader-search-count')).textContent()).toContain(
      `in ${engine.hits.length} passage`,
    );
    await page.screenshot({ path: '/tmp/tala-search-7-reader.png' });

    // Search matches are not annotations, and Clear removes them.
    expect(await page.locator(`${testId('reader')} mark.search-match[data-annotation-ids]`).count()).toBe(0);
    await page.locator(testId('reader-search-clear')).click();
    await waitForCount(page, `${testId('reader')} mark.search-match`, 0);
    expect(page.url()).not.toContain('?q=');
  });

  it('opens the annotation a note: hit matched', async () => {
    await search('note:disputed');
    const hit = page.locator(`${testId('search-hit')}[data-doc-id="${english.id}"]`).first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('matches a note or tag');
    await hit.click();
    await page.waitForFunction((id) => window.location.hash.includes(`/a/${id}`), note.id, { timeout: 15_000 });
    // The annotation is the active one: outlined in the text (the notes panel gives way to the results
    // in a window this narrow) and listed as active in the panel.
    const mark = `[data-annotation-ids~="${note.id}"]`;
    await page.locator(mark).first().waitFor();
    await page.waitForFunction((s) => document.querySelector(s)?.classList.contains('hl--active') ?? false, mark);
    expect(
      await page.locator(`${testId('annotation-card')}[data-annotation-id="${note.id}"]`).getAttribute('class'),
    ).toContain('note-card--active');
    await page.screenshot({ path: '/tmp/tala-search-8-note.png' });
  });

  it('reindexes with a visible running state, then shows the count again', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __states: string[] };
      w.__states = [];
      const el = document.querySelector('[data-testid="index-status"]')!;
      new MutationObserver(() => w.__states.push(el.getAttribute('data-state') ?? '')).observe(el, {
        attributes: true,
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.locator(testId('reindex-button')).click();
    await page.locator('[data-testid="toast"]', { hasText: 'Search index rebuilt' }).waitFor({ timeout: 60_000 });
    const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
    expect(states).toContain('running');
    const total = (await e2e.archive.search.status()).totalPassages.toLocaleString('en');
    await page.waitForFunction(
      (t) =>
        document.querySelector('[data-testid="index-status-text"]')?.textContent === `Indexed ${t} of ${t} passages`,
      total,
      { timeout: 15_000 },
    );
    expect(await page.locator(testId('reindex-button')).isEnabled()).toBe(true);
  });

  it('counts an imported document in the index status', async () => {
    const before = (await e2e.archive.search.status()).totalPassages;
    const file = join(e2e.tmp, 'ulat-halalan.txt');
    writeFileSync(
      file,
      'Ulat tungkol sa halalan\n\nNagsalita si Bako Sahakyan sa mga botante.\n\nTahimik ang lungsod' +
        ' pagkatapos ng halalan.\n',
    );
    await page.locator(testId('file-input')).setInputFiles([file]);
    await page.locator(testId('import-summary')).waitFor({ timeout: 20_000 });
    const after = (await e2e.archive.search.status()).totalPassages;
    expect(after).toBeGreaterThan(before);
    await page.waitForFunction(
      (t) =>
        document.querySelector('[data-testid="index-status-text"]')?.textContent === `Indexed ${t} of ${t} passages`,
      after.toLocaleString('en'),
      { timeout: 15_000 },
    );
    await page.screenshot({ path: '/tmp/tala-search-9-status.png' });
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
    expect(await page.locator(testId('error-banner')).count()).toBe(0);
    expect(await page.locator(testId('crash')).count()).toBe(0);
  });
});
