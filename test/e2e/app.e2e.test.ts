// End to end: the built renderer in Debian's chromium, through the browser bridge, on a real archive.
// Needs `npx electron-vite build` first (npm test builds) and /usr/bin/chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import type { Bridge } from '../../main/web/bridge';
import type { DocumentSummary } from '../../shared/types';
import { inView as inViewOn, startE2E, testId, waitForCount as waitForCountOn, type E2E } from './harness';

const SCREENSHOT = '/tmp/tala-e2e.png';
const DISTINCTIVE = 'Marikudyong';

let e2e: E2E;
let tmp: string;
let archive: Archive;
let bridge: Bridge;
let page: Page;
let samples: DocumentSummary[] = [];

/** The passage the reader marks (a paragraph, a heading, or the title when the hit is the title heading). */
const MARKED = '[data-testid="reader"] [data-target="true"]';

const waitForCount = (selector: string, count: number) => waitForCountOn(page, selector, count);
const inView = (selector: string) => inViewOn(page, selector);

async function search(query: string): Promise<void> {
  const input = page.locator(testId('search-input'));
  await input.fill(query);
  await input.press('Enter');
  await page.waitForFunction(
    (q) => document.querySelector('[data-testid="search-summary"]')?.textContent?.includes(`“${q}”`) ?? false,
    query,
    { timeout: 10_000 },
  );
}

beforeAll(async () => {
  e2e = await startE2E();
  ({ tmp, archive, bridge, page } = e2e);
  samples = await archive.documents.list();
}, 90_000);

afterAll(async () => {
  await e2e?.close();
});

describe('Tala in a browser', () => {
  it('shows the sample documents in the library', async () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
    const response = await page.goto(bridge.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitForCount(testId('document-item'), samples.length);
    const titles = await page.locator(`${testId('document-item')} .doc-item__title`).allTextContents();
    expect(titles.sort()).toEqual(samples.map((d) => d.title).sort());
    const langs = await page.locator(testId('document-lang')).allTextContents();
    expect(langs).toContain('Tagalog (tl)');
    expect(langs).toContain('English (en)');
    await page.locator(testId('library-view')).waitFor();
  });

  it('imports files one by one and reports each outcome', async () => {
    const good = join(tmp, 'ulat-marikudyong.txt');
    writeFileSync(
      good,
      `Ulat mula sa baybayin ng Marikudyong\n\nAyon sa mga mangingisda ng ${DISTINCTIVE}, ang bagyo` +
        ` ay tumama noong Setyembre 7. ` +
        `The fishermen of ${DISTINCTIVE} said the storm reached the coast on 7 September.\n\n` +
        'Hindi pa nakukumpirma ng mga awtoridad ang bilang ng nasira na bahay.\n',
    );
    const empty = join(tmp, 'walang-laman.txt');
    writeFileSync(empty, '');
    await page.locator(testId('file-input')).setInputFiles([good, empty]);

    await page.locator(testId('import-summary')).waitFor({ timeout: 20_000 });
    expect(await page.locator(testId('import-summary')).textContent()).toBe('1 imported · 1 failed');
    const statuses = await page
      .locator(testId('import-item'))
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.status));
    expect(statuses).toEqual(['imported', 'failed']);
    const failure = await page.locator(`${testId('import-item')}[data-status="failed"]`).textContent();
    expect(failure).toContain('walang-laman.txt');
    expect(failure).toMatch(/empty/i);

    await waitForCount(testId('document-item'), samples.length + 1);
    const titles = await page.locator(`${testId('document-item')} .doc-item__title`).allTextContents();
    expect(titles.some((t) => t.includes('Marikudyong'))).toBe(true);
    await page.screenshot({ path: '/tmp/tala-e2e-import.png' });
    await page.locator(testId('import-dismiss')).click();
    await waitForCount(testId('import-panel'), 0);
  });

  it('imports files dropped on the window, skipping duplicates', async () => {
    const before = await page.locator(testId('document-item')).count();
    const good = readFileSync(join(tmp, 'ulat-marikudyong.txt'), 'utf8');
    const dataTransfer = await page.evaluateHandle((duplicate) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File(['# Tala sa pagbaha\n\nAng Ilog Pasig ay umapaw noong Agosto 2012.\n'], 'pagbaha.md', {
          type: 'text/markdown',
        }),
      );
      dt.items.add(new File([duplicate], 'kopya.txt', { type: 'text/plain' }));
      return dt;
    }, good);
    await page.dispatchEvent('.app', 'dragenter', { dataTransfer });
    await page.locator(testId('drop-overlay')).waitFor();
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
    await waitForCount(testId('drop-overlay'), 0);
    await page.locator(testId('import-summary')).waitFor({ timeout: 20_000 });
    expect(await page.locator(testId('import-summary')).textContent()).toBe('1 imported · 1 skipped');
    const skipped = page.locator(`${testId('import-item')}[data-status="skipped"]`);
    expect(await skipped.textContent()).toContain('kopya.txt');
    expect((await skipped.locator(testId('import-message')).textContent())?.length).toBeGreaterThan(0);
    await waitForCount(testId('document-item'), before + 1);
    await page.locator(testId('import-dismiss')).click();
  });

  it('searches across documents and opens a hit at its passage', async () => {
    const tagalog = samples.find((d) => d.lang === 'tl');
    expect(tagalog).toBeDefined();
    await search('Sahakyan');
    const hits = page.locator(testId('search-hit'));
    expect(await hits.count()).toBeGreaterThan(0);
    const total = Number((await page.locator(testId('search-total')).textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(await hits.count());
    const tlHit = page.locator(`${testId('search-hit')}[data-doc-id="${tagalog!.id}"]`).first();
    expect(await tlHit.count()).toBe(1);
    expect(await tlHit.locator(testId('search-snippet')).textContent()).toContain('Sahakyan');
    expect(await tlHit.locator('mark').first().textContent()).toBe('Sahakyan');

    // Keyboard: the first hit is active; ↓ then ↑ come back to it; Enter opens it.
    const first = await hits
      .first()
      .evaluate((el) => ({ doc: (el as HTMLElement).dataset.docId, passage: (el as HTMLElement).dataset.passageId }));
    await page.locator(testId('search-input')).press('ArrowDown');
    await page.locator(testId('search-input')).press('ArrowUp');
    await page.locator(testId('search-input')).press('Enter');
    await page.locator(`${testId('reader')}[data-doc-id="${first.doc}"]`).waitFor();
    expect(await page.locator(MARKED).getAttribute('id')).toBe(`p-${first.passage}`);

    // Mouse: the Tagalog hit opens the Tagalog document with that passage marked and in view.
    const passageId = await tlHit.getAttribute('data-passage-id');
    await tlHit.click();
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog!.id}"]`).waitFor();
    const target = page.locator(MARKED);
    await target.waitFor();
    expect(await target.getAttribute('id')).toBe(`p-${passageId}`);
    expect(await target.getAttribute('data-target')).toBe('true');
    expect(await target.textContent()).toContain('Sahakyan');
    await page.waitForFunction((id) => document.activeElement?.id === id, `p-${passageId}`);
    expect(await inView(`#p-${passageId}`)).toBe(true);
    expect(await page.locator(testId('reader')).getAttribute('lang')).toBe('tl');
    // The document's language and direction on the text (per passage dir="auto" handles mixed scripts).
    expect(await page.locator(testId('reader')).getAttribute('dir')).toBe('ltr');
    expect(await page.locator(`#p-${passageId}`).getAttribute('dir')).toBe('auto');
    expect(await page.locator(testId('reader-title')).textContent()).toBe(tagalog!.title);
    expect(await page.locator(testId('reader-meta')).textContent()).toContain('Tagalog (tl)');
    await page.screenshot({ path: SCREENSHOT });
  });

  it('finds the newly imported document by its distinctive word', async () => {
    await search(DISTINCTIVE);
    const hits = page.locator(testId('search-hit'));
    expect(await hits.count()).toBeGreaterThan(0);
    const docs = await archive.documents.list();
    const imported = docs.find((d) => d.title.includes('Marikudyong'));
    expect(imported).toBeDefined();
    const hit = page.locator(`${testId('search-hit')}[data-doc-id="${imported!.id}"]`).first();
    const passageId = await hit.getAttribute('data-passage-id');
    await hit.click();
    await page.locator(`${testId('reader')}[data-doc-id="${imported!.id}"]`).waitFor();
    expect(await page.locator(MARKED).getAttribute('id')).toBe(`p-${passageId}`);
    expect(await page.locator(MARKED).textContent()).toContain(DISTINCTIVE);
    expect(await inView(`#p-${passageId}`)).toBe(true);
  });

  it('opens a document from the library at its top', async () => {
    const english = samples.find((d) => d.lang === 'en')!;
    await page.locator(`${testId('document-item')}[data-doc-id="${english.id}"] ${testId('document-open')}`).click();
    await page.locator(`${testId('reader')}[data-doc-id="${english.id}"]`).waitFor();
    expect(await page.locator(MARKED).count()).toBe(0);
    expect(await page.locator(testId('reader')).getAttribute('lang')).toBe('en');
    expect(await page.locator(testId('reader-title')).textContent()).toBe(english.title);
    const meta = await page.locator(testId('reader-meta')).textContent();
    expect(meta).toContain('English (en)');
    if (english.author) expect(meta).toContain(english.author);
    expect(await inView(testId('reader-title'))).toBe(true);
    const paragraphs = await page.locator(`${testId('reader')} p.passage`).count();
    const headings = await page
      .locator(
        `${testId('reader')} h2.passage, ${testId('reader')} h3.passage, ${testId('reader')} h1[data-passage-id]`,
      )
      .count();
    expect(paragraphs + headings).toBe(english.passages);
    await page.screenshot({ path: '/tmp/tala-e2e-reader.png' });
  });

  it('deletes a document after confirmation', async () => {
    const docs = await archive.documents.list();
    const imported = docs.find((d) => d.title.includes('Marikudyong'))!;
    const count = await page.locator(testId('document-item')).count();
    const item = page.locator(`${testId('document-item')}[data-doc-id="${imported.id}"]`);
    await item.hover();
    await item.locator(testId('delete-button')).click();
    await item.locator(testId('confirm-delete')).click();
    await waitForCount(testId('document-item'), count - 1);
    expect((await archive.documents.list()).map((d) => d.id)).not.toContain(imported.id);
    expect(await page.locator(testId('reader')).count()).toBe(1); // another document is open: it stays
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
    expect(await page.locator(testId('error-banner')).count()).toBe(0);
    expect(await page.locator(testId('crash')).count()).toBe(0);
  });

  it('runs under a CSP that blocks inline script', async () => {
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inlineRan?: boolean; __csp: string[] };
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 50));
      return { ran: w.__inlineRan === true, violations: w.__csp };
    });
    expect(ran.ran).toBe(false);
    expect(ran.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });
});
