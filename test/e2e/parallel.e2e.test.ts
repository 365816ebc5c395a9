// End to end: the parallel reader on the sample article (the seeded archive links the English text as the
// translation of the Tagalog one). Opens "Side by side" from the Tagalog reader, checks every paragraph
// is paired 1-1 in order, hovers a sentence and sees its counterpart lit up, merges two rows (kept after a
// reload) and splits them back, links paragraphs by hand, and sees an annotation made on the Tagalog quote
// carried onto the English side. Needs `npx electron-vite build` first and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import type { Bridge } from '../../main/web/bridge';
import type { DocumentSummary } from '../../shared/types';
import { startE2E, testId, waitForCount, selectInReader, type E2E } from './harness';

const QUOTE = '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan';
const ROW = testId('parallel-row');

let e2e: E2E;
let archive: Archive;
let bridge: Bridge;
let page: Page;
let tagalog: DocumentSummary;
let english: DocumentSummary;

/** Selects `quote` inside the reader by a DOM Range over its text nodes, then releases the mouse. */
async function selectText(quote: string): Promise<void> {
  const ok = await selectInReader(page, quote);
  expect(ok, `"${quote}" is on the page`).toBe(true);
  await page.locator(testId('selection-toolbar')).waitFor();
}

/** [source ordinals, target ordinals] of every row, in order. */
const rowPairs = () =>
  page.$$eval('[data-testid="parallel-row"]', (rows) =>
    rows.map((r) => `${r.getAttribute('data-source')}>${r.getAttribute('data-target')}`),
  );
const diagonal = (n: number) => Array.from({ length: n }, (_, k) => `${k}>${k}`);

async function openSideBySide(): Promise<void> {
  await page.locator(`${testId('document-item')}[data-doc-id="${tagalog.id}"] ${testId('document-open')}`).click();
  await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
  await page.locator(testId('side-by-side')).click();
  await page.locator(testId('parallel')).waitFor();
}

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-parallel-' });
  ({ archive, bridge, page } = e2e);
  const docs = await archive.documents.list();
  tagalog = docs.find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!;
  english = docs.find((d) => d.lang === 'en' && d.originalName?.includes('halalan'))!;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('the parallel reader', () => {
  it('annotates the Tagalog quote in the reader first', async () => {
    await page.goto(bridge.url);
    await page.locator(`${testId('document-item')}[data-doc-id="${tagalog.id}"] ${testId('document-open')}`).click();
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    await selectText(QUOTE);
    await page.locator(`${testId('selection-toolbar')} ${testId('color-green')}`).click();
    await page.locator(testId('annotation-card')).waitFor();
    expect((await archive.annotations.list(tagalog.id)).map((a) => a.exact)).toEqual([QUOTE]);
  });

  it('opens Side by side: 9 rows, every paragraph paired 1-1 in order, each side in its language', async () => {
    await page.goto(bridge.url);
    await openSideBySide();
    expect(page.url()).toContain(`#/parallel/${tagalog.id}/${english.id}`);
    await waitForCount(page, ROW, 9);
    expect(await rowPairs()).toEqual(diagonal(9));
    expect(await page.locator(`${ROW} [data-side="source"]`).first().getAttribute('lang')).toBe('tl');
    expect(await page.locator(`${ROW} [data-side="target"]`).first().getAttribute('lang')).toBe('en');
    const tl = await archive.documents.get(tagalog.id);
    const en = await archive.documents.get(english.id);
    for (let i = 0; i < 9; i++) {
      const row = page.locator(ROW).nth(i);
      expect(
        await row.locator('[data-side="source"] [data-testid="parallel-passage"] .ppassage__text').textContent(),
      ).toBe(tl.passages[i].text);
      expect(
        await row.locator('[data-side="target"] [data-testid="parallel-passage"] .ppassage__text').textContent(),
      ).toBe(en.passages[i].text);
    }
    expect(await page.locator(testId('parallel-head-source')).textContent()).toContain('Tagalog');
  });

  it('hovering a Tagalog sentence lights up its English counterpart', async () => {
    const tlSentence = page.locator('[data-side="source"] [data-testid="parallel-sentence"]', { hasText: '47 libo' });
    const enSentence = page.locator('[data-side="target"] [data-testid="parallel-sentence"]', {
      hasText: '47 thousand of them voted',
    });
    expect(await enSentence.getAttribute('data-hot')).toBeNull();
    await tlSentence.hover();
    await page.waitForFunction(() => !!document.querySelector('[data-side="target"] [data-hot="true"]'));
    expect(await enSentence.getAttribute('data-hot')).toBe('true');
    expect(await tlSentence.getAttribute('data-hot')).toBe('true');
    // Only that pair: no other English sentence is lit.
    const lit = await page.$$eval('[data-side="target"] [data-hot="true"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(lit).toHaveLength(1);
    expect(lit[0]).toContain('47 thousand of them voted');
    // And the other way round, in a row with two sentences: the second English sentence ↔ the second Tagalog one.
    await page
      .locator('[data-side="target"] [data-testid="parallel-sentence"]', {
        hasText: 'However, Vitaly Balasanyan did not congratulate',
      })
      .hover();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-side="source"] [data-hot="true"]')
          ?.textContent?.includes('hindi binati ni Vitaly Balasanyan') ?? false,
    );
    await tlSentence.hover();
    await page.screenshot({ path: '/tmp/tala-parallel-1-hover.png' });
  });

  it('shows the Tagalog annotation carried onto the English side', async () => {
    const carried = page.locator(`[data-side="target"] ${testId('carried')}`);
    await carried.first().waitFor();
    const text = (await carried.allTextContents()).join('');
    expect(text).toContain('47 thousand of them voted for the incumbent head of the republic');
    expect(await carried.first().getAttribute('title')).toMatch(/^carried from Tagalog \(tl\)/);
    expect(await carried.first().getAttribute('class')).toContain('carried--green');
    // On its own side it is a normal highlight.
    expect(await page.locator(`[data-side="source"] ${testId('highlight')}`).allTextContents()).toEqual([QUOTE]);
  });

  it('merges two rows (kept after a reload), then splits them back', async () => {
    await page.locator(ROW).nth(2).locator(testId('row-select')).click();
    await page.locator(ROW).nth(3).locator(testId('row-select')).click();
    await page.locator(testId('merge-rows')).click();
    await waitForCount(page, ROW, 8);
    expect((await rowPairs())[2]).toBe('2,3>2,3');
    expect(await page.locator(ROW).nth(2).getAttribute('data-fixed')).toBe('true');
    expect(await page.locator(ROW).nth(2).locator(testId('row-fixed')).textContent()).toBe('corrected');
    await page.screenshot({ path: '/tmp/tala-parallel-2-merged.png' });

    await page.reload();
    await page.locator(testId('parallel')).waitFor();
    await waitForCount(page, ROW, 8);
    expect((await rowPairs())[2]).toBe('2,3>2,3');

    // Re-aligning keeps the correction.
    await page.locator(testId('parallel-realign')).click();
    await page.locator(testId('toast-text'), { hasText: 'Re-aligned' }).waitFor();
    await waitForCount(page, ROW, 8);

    await page.locator(ROW).nth(2).locator(testId('row-select')).click();
    await page.locator(testId('split-row')).click();
    await waitForCount(page, ROW, 9);
    expect(await rowPairs()).toEqual(diagonal(9));
    const stored = await archive.translations.getAlignment(tagalog.id, english.id);
    expect(stored.beads.map((b) => `${b.source.join(',')}>${b.target.join(',')}`)).toEqual(diagonal(9));
  });

  it('shifts a boundary and links paragraphs by hand, then resets the corrections', async () => {
    // Move the English paragraph 5 up into row 4 (rows are 1-based on screen).
    const row5en = page.locator(ROW).nth(4).locator('[data-side="target"] [data-testid="parallel-passage"]');
    await row5en.hover();
    await row5en.locator(testId('move-up')).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="parallel-row"]')[3]?.getAttribute('data-target') === '3,4',
    );
    expect((await rowPairs()).slice(3, 5)).toEqual(['3>3,4', '4>']);
    await page.screenshot({ path: '/tmp/tala-parallel-3-shifted.png' });

    // Link Tagalog ¶5 with English ¶5 again by hand.
    const tl5 = page.locator('[data-side="source"] [data-testid="parallel-passage"][data-ordinal="4"]');
    await tl5.hover();
    await tl5.locator(testId('pick-passage')).click();
    const en4 = page.locator('[data-side="target"] [data-testid="parallel-passage"][data-ordinal="4"]');
    await en4.hover();
    await en4.locator(testId('pick-passage')).click();
    await page.locator(testId('link-apply')).click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="parallel-row"]')).some(
        (r) => r.getAttribute('data-source') === '4' && r.getAttribute('data-target') === '4',
      ),
    );
    expect(await rowPairs()).toEqual(diagonal(9));

    await page.locator(testId('parallel-reset')).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="parallel-row"][data-fixed]'));
    expect(await rowPairs()).toEqual(diagonal(9));
    expect((await archive.translations.getAlignment(tagalog.id, english.id)).corrections).toBe(0);
  });

  it('a search hit in the translation shows its aligned source passage in the reader', async () => {
    await page.goto(`${bridge.url}#/`);
    await page.locator(testId('search-input')).fill('Pallone');
    await page.locator(testId('search-input')).press('Enter');
    const hit = page.locator(`${testId('search-hit')}[data-doc-id="${english.id}"]`).first();
    await hit.waitFor();
    await hit.click();
    await page.locator(`${testId('reader')}[data-doc-id="${english.id}"]`).waitFor();
    const card = page.locator(testId('counterpart'));
    await card.waitFor();
    expect(await card.getAttribute('data-doc-id')).toBe(tagalog.id);
    expect(await card.locator(testId('counterpart-text')).textContent()).toContain(
      'ang mga co-chair ng Armenian Group ng US Congress na Frank Pallone at Ed Royce',
    );
    expect(await card.textContent()).toContain('Source · Tagalog ¶6');
    await page.screenshot({ path: '/tmp/tala-parallel-4-counterpart.png' });
    await card.locator(testId('counterpart-open')).click();
    await page.locator(testId('parallel')).waitFor();
    expect(page.url()).toContain(`#/parallel/${english.id}/${tagalog.id}`);
    await waitForCount(page, ROW, 9);
    expect(await page.locator(`${ROW} [data-side="source"]`).first().getAttribute('lang')).toBe('en');
  });

  it('imports a file as a translation of the open document; Side by side then offers both', async () => {
    await page.goto(`${bridge.url}#/doc/${tagalog.id}`);
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    await page.locator(testId('translation-add')).click();
    await page.locator(testId('translation-file')).setInputFiles({
      name: 'halalan.ru.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'Нагорно-Карабахская Республика самопровозглашена.\n\n19 июля 2012 года в НКР прошли президентские выборы.\n',
        'utf8',
      ),
    });
    await page.locator(testId('toast-text'), { hasText: 'Imported as a translation' }).waitFor();
    const links = await archive.translations.list(tagalog.id);
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.source.id === tagalog.id)).toBe(true);
    expect(links.map((l) => l.translation.id)).toContain(english.id);
    await page.locator(testId('side-by-side')).click();
    await waitForCount(page, testId('side-by-side-item'), 2);
    await page.screenshot({ path: '/tmp/tala-parallel-5-menu.png' });
  });

  it('logs no console errors and no CSP violations', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
