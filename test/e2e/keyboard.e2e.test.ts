// Keyboard and screen reader in Chromium, without the mouse (only keyboard.press and typing): skip links, the
// modal dialogs (focus moves in, stays in, returns to the opener; Esc closes), one Tab stop per list item with
// arrows inside lists, and a whole research session: import, search, open a hit, highlight a passage with a
// note, accept a fact proposal. Needs `npx electron-vite build` first and /usr/bin/chromium.
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
