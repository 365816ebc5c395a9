// Keyboard and screen reader in Chromium, without the mouse (only keyboard.press and typing): skip links, the
// modal dialogs (focus moves in, stays in, returns to the opener; Esc closes), one Tab stop per list item with
// arrows inside lists, and a whole research session: import, search, open a hit, highlight a passage with a
// note, accept a fact proposal. Needs `npx electron-vite build` first and /usr/bin/chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, type E2E } from './harness';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-keys-' });
  page = e2e.page;
  await page.goto(e2e.bridge.url);
  await page.locator(testId('library-table')).waitFor({ timeout: 20_000 });
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** What has focus: its test id, else its tag and accessible text; and whether it is inside a given element. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.dataset.testid ?? el.id ?? el.tagName.toLowerCase();
  });
const focusInside = (selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

/** Presses Tab until the focused element matches, at most `max` times; returns how many presses it took. */
async function tabTo(selector: string, max = 60, key = 'Tab'): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${selector} not reached in ${max} presses of ${key} (focus on ${await focused()})`);
}

/** The page as loaded, nothing focused: the next Tab starts at the top. */
async function fresh(): Promise<void> {
  await page.reload();
  await page.locator(testId('library-table')).waitFor({ timeout: 20_000 });
}

describe('skip links and dialogs', () => {
  it('offers skip links first: to the main content, the search box and the sidebar', async () => {
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-main');
    // Visible when focused (clipped to nothing otherwise).
    const box = await page.locator(testId('skip-main')).boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    expect(await page.evaluate(() => location.hash)).toBe(hash); // the address (the route) is untouched

    await fresh();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-search');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('search-input');

    await fresh();
    await tabTo(testId('skip-sidebar'), 3);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('sidebar');
  });

  it('the syntax sheet is a modal dialog: focus moves in, stays in, Esc closes it and focus returns', async () => {
    await tabTo(testId('syntax-toggle'), 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const sheet = page.locator(testId('search-syntax'));
    await sheet.waitFor();
    expect(await sheet.evaluate((d) => d.tagName === 'DIALOG' && (d as HTMLDialogElement).open)).toBe(true);
    expect(await sheet.evaluate((d) => d.matches(':modal'))).toBe(true);
    expect(await focusInside(testId('search-syntax'))).toBe(true);
    // Tab cycles inside: forty presses never leave the dialog for the page behind it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inside = await focusInside(testId('search-syntax'));
      // Chromium lets focus visit the browser's own UI after the last control; it then comes back in.
      if (!inside) expect(await focused()).toBe('body');
    }
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await focused()).toBe('syntax-toggle');
  });
});

const REPORT = [
  'Observers report on the Karabakh vote',
  '',
  'On July 19, 2012, the presidential election was held in the NKR. According to observers, 48 thousand voters voted for the incumbent President Bako Sahakyan.',
  '',
  'The observers noted long queues at the polling stations of Stepanakert.',
  '',
].join('\n');
const NOTE = 'Count from the observers, not the CEC';

describe('a research session without the mouse', () => {
  let docId = '';

  it('imports a file from the sidebar with the keyboard', async () => {
    await fresh();
    const file = join(e2e.tmp, 'observers-report.txt');
    writeFileSync(file, REPORT);
    await tabTo(testId('skip-sidebar'), 3);
    await page.keyboard.press('Enter');
    await tabTo(testId('import-button'), 10);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(file);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="document-list"]')?.textContent?.includes('Observers report'),
      null,
      { timeout: 30_000 },
    );
    const doc = (await e2e.archive.documents.list()).find((d) => d.title === 'Observers report on the Karabakh vote');
    expect(doc).toBeDefined();
    docId = doc!.id;
  });

  it('searches, moves to a hit with the arrows and opens it with Enter: the passage has focus', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    expect(await focused()).toBe('search-input');
    await page.keyboard.type('incumbent');
    await page.keyboard.press('Enter');
    await page.locator('#search-hit-0').waitFor({ timeout: 20_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash.startsWith(`#/doc/${id}`), docId, { timeout: 20_000 });
    await page.waitForFunction(
      () => document.activeElement?.textContent?.includes('48 thousand voters') ?? false,
      null,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-passage-start'))).toBe(true);
  });

  it('selects words with Shift+arrows and adds a highlight with a note (N, type, Ctrl+Enter)', async () => {
    // Ctrl+Right moves a one-word selection along; Shift+Right extends it.
    await page.keyboard.press('Control+ArrowRight'); // "On"
    await page.keyboard.press('Control+ArrowRight'); // "July"
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight'); // "July 19, 2012"
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('July 19, 2012');
    await page.keyboard.press('n');
    await page.locator(testId('note-input')).waitFor();
    expect(await focused()).toBe('note-input');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    await page.locator(testId('annotation-card')).first().waitFor();
    const [annotation] = await e2e.archive.annotations.list(docId);
    expect(annotation.exact).toBe('July 19, 2012');
    expect(annotation.note).toBe(NOTE);
    expect(await page.locator(`[data-annotation-ids~="${annotation.id}"]`).first().textContent()).toContain('July');
  });

  it('highlights with H, then reaches the fact proposals and accepts one with Enter', async () => {
    // The passages are one Tab stop: back to the text, Down to the next passage, select its first words, H.
    await tabTo('[data-passage-start]', 40, 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('long queues');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('h');
    await page.waitForFunction(async () => document.querySelectorAll('[data-testid="annotation-card"]').length === 2);
    const notes = await e2e.archive.annotations.list(docId);
    expect(notes.map((a) => a.exact).sort()).toEqual(['July 19, 2012', 'The observers']);

    await tabTo(testId('side-tab-facts'));
    await page.keyboard.press('Enter');
    await page.locator(testId('fact-proposal')).first().waitFor({ timeout: 20_000 });
    await tabTo(`${testId('fact-proposal')} *`);
    // Right moves along the card's controls to Accept.
    await tabTo(testId('fact-accept'), 5, 'ArrowRight');
    const factId = await page.evaluate(
      () => document.activeElement?.closest<HTMLElement>('[data-testid="fact-proposal"]')?.dataset.factId,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-testid="fact-proposal"][data-fact-id="${id}"]`),
      factId,
      { timeout: 20_000 },
    );
    const fact = (await e2e.archive.facts.list({ status: 'confirmed' })).find((f) => f.id === factId);
    expect(fact?.status).toBe('confirmed');
    expect(e2e.consoleErrors).toEqual([]);
  });
});
