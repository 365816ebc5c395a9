// Keyboard and screen reader in Chromium, without the mouse (only keyboard.press and typing): skip links, the
// modal dialogs (focus moves in, stays in, returns to the opener; Esc closes), one Tab stop per list item with
// arrows inside lists, and a whole research session: import, search, open a hit, highlight a passage with a
// note, accept a fact proposal; then correcting an alignment side by side (select, merge, split, move a boundary,
// link by hand, reset). Needs `npx electron-vite build` first and /usr/bin/chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, waitForCount, type E2E } from './harness';

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
  'On July 19, 2012, the presidential election was held in the NKR. According to observers, 48 thousand voters ' +
    'voted for the incumbent President Bako Sahakyan.',
  '',
  'The observers noted long queues at the polling stations of Stepanakert.',
  '',
].join('\n');
const NOTE = 'Count from the observers, not the CEC';

/** The text selected in the page. */
const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '');
/** What the reader last announced to a screen reader (its polite live region). */
const announced = () => page.locator(testId('reader-announce')).textContent();
/** The focused element is a passage of the reader whose text contains `text`, with a visible focus ring. */
const passageFocused = (text: string) =>
  page.evaluate((t) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el?.hasAttribute('data-passage-start') || !el.textContent?.includes(t)) return false;
    const style = getComputedStyle(el);
    return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  }, text);
const waitPassageFocused = (text: string) =>
  page.waitForFunction(
    (t) => {
      const el = document.activeElement;
      return !!el?.hasAttribute('data-passage-start') && !!el.textContent?.includes(t);
    },
    text,
    { timeout: 20_000 },
  );

describe('a research session without the mouse', () => {
  let docId = '';

  it('imports a file from the sidebar with the keyboard', async () => {
    await fresh();
    const file = join(e2e.tmp, 'observers-report.txt');
    writeFileSync(file, REPORT);
    // Listening first turns on the interception of the file picker before any key is pressed.
    const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
    await tabTo(testId('skip-sidebar'), 3);
    await page.keyboard.press('Enter');
    await tabTo(testId('import-button'), 10);
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(file);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="document-list"]')?.textContent?.includes('Observers report'),
      null,
      { timeout: 20_000 },
    );
    const doc = (await e2e.archive.documents.list()).find((d) => d.title === 'Observers report on the Karabakh vote');
    expect(doc).toBeDefined();
    docId = doc!.id;
  });

  it('finds “Sahakyan”, arrows to the report’s hit, opens it with Enter: its passage has visible focus', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-input');
    await page.keyboard.type('Sahakyan');
    await page.keyboard.press('Enter');
    await page.locator(`${testId('search-hit')}[data-doc-id="${docId}"]`).waitFor({ timeout: 20_000 });
    // The box keeps focus; Down moves the active option (aria-activedescendant) to the report's hit.
    const activeDoc = () =>
      page.evaluate(() => {
        const id = document.activeElement?.getAttribute('aria-activedescendant');
        return id ? document.getElementById(id)?.getAttribute('data-doc-id') : null;
      });
    for (let i = 0; i < 20 && (await activeDoc()) !== docId; i++) await page.keyboard.press('ArrowDown');
    expect(await activeDoc()).toBe(docId);
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash.startsWith(`#/doc/${id}`), docId, { timeout: 20_000 });
    await waitPassageFocused('Bako Sahakyan');
    expect(await passageFocused('Bako Sahakyan')).toBe(true);
  });

  it('selects words with Ctrl/Shift+arrows (announced), adds a note with N; focus comes back to the text', async () => {
    await page.keyboard.press('Control+ArrowRight'); // "On"
    await page.keyboard.press('Control+ArrowRight'); // "July"
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight'); // "July 19, 2012"
    expect(await selected()).toBe('July 19, 2012');
    expect(await announced()).toContain('“July 19, 2012” selected');
    await page.keyboard.press('n');
    await page.locator(testId('note-input')).waitFor();
    expect(await focused()).toBe('note-input');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    await page.locator(testId('reader-announce')).filter({ hasText: 'Note added' }).waitFor({ state: 'attached' });
    const [annotation] = await e2e.archive.annotations.list(docId);
    expect(annotation.exact).toBe('July 19, 2012');
    expect(annotation.note).toBe(NOTE);
    expect(await page.locator(`[data-annotation-ids~="${annotation.id}"]`).first().textContent()).toContain('July');
    await waitPassageFocused('Bako Sahakyan');
    expect(await passageFocused('Bako Sahakyan')).toBe(true);
    expect(await announced()).toBe('Note added to “July 19, 2012”.');
  });

  it('selects the vote count, highlights it with H and records a fact from the same words with F', async () => {
    // Ctrl+Right from the kept selection walks word by word: "the" "presidential" … "observers" "48" (12 words on).
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+ArrowRight');
    expect(await selected()).toBe('48');
    await page.keyboard.press('Shift+End'); // to the end of the passage
    const quote = '48 thousand voters voted for the incumbent President Bako Sahakyan';
    expect(await selected()).toBe(quote);
    await page.keyboard.press('h');
    await page.locator(testId('reader-announce')).filter({ hasText: 'Highlighted' }).waitFor({ state: 'attached' });
    expect(await announced()).toBe(`Highlighted “${quote}”.`);
    expect((await e2e.archive.annotations.list(docId)).map((a) => a.exact).sort()).toEqual([quote, 'July 19, 2012']);
    // The words stay selected (and focus on the passage) for the next command.
    expect(await selected()).toBe(quote);
    expect(await passageFocused('Bako Sahakyan')).toBe(true);

    await page.keyboard.press('f');
    const subject = page.locator(`${testId('fact-new')} ${testId('fact-subject-input')}`);
    await subject.waitFor({ timeout: 20_000 });
    expect(await focused()).toBe('fact-subject-input');
    // The form is filled from the names and numbers in the words: check, correct the predicate, Enter saves.
    expect(await subject.inputValue()).toBe('Bako Sahakyan');
    await tabTo(testId('fact-predicate-input'), 3);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('votes (observers)');
    await page.keyboard.press('Enter');
    await page.locator(testId('fact-new')).waitFor({ state: 'detached', timeout: 20_000 });
    const fact = (await e2e.archive.facts.list({ status: 'confirmed' })).find(
      (f) => f.predicate === 'votes (observers)',
    );
    expect(fact?.subject.name).toBe('Bako Sahakyan');
    expect(fact?.evidence.map((e) => e.quote)).toEqual([quote]);
    // Focus returns to the passage the fact rests on.
    await waitPassageFocused('Bako Sahakyan');
    expect(await passageFocused('Bako Sahakyan')).toBe(true);
  });

  it('reaches the fact proposals and accepts one with Enter', async () => {
    await tabTo(testId('side-tab-facts'));
    expect(await page.locator(testId('side-tab-facts')).getAttribute('aria-selected')).toBe('true');
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

describe('correcting an alignment side by side without the mouse', () => {
  const ROW = testId('parallel-row');
  /** [source ordinals, target ordinals] of every row, in order. */
  const rowPairs = () =>
    page.$$eval(ROW, (rows) => rows.map((r) => `${r.getAttribute('data-source')}>${r.getAttribute('data-target')}`));
  const diagonal = (n: number) => Array.from({ length: n }, (_, k) => `${k}>${k}`);
  /** The row (0-based) whose select button has focus, with a visible focus ring; -1 otherwise. */
  const focusedRow = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el?.dataset.testid !== 'row-select') return -1;
      const style = getComputedStyle(el);
      if (!el.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
        return -2;
      return Number(el.closest('[data-testid="parallel-row"]')?.getAttribute('data-bead'));
    });
  const waitFocusedRow = (bead: number) =>
    page.waitForFunction(
      (b) =>
        document.activeElement?.closest('[data-testid="parallel-row"]')?.getAttribute('data-bead') === String(b) &&
        (document.activeElement as HTMLElement).dataset.testid === 'row-select' &&
        // The correction has finished (its carry-over reloaded): until then the action bar's buttons are disabled.
        !document.querySelector('[data-testid="parallel"].parallel--busy'),
      bead,
      { timeout: 20_000 },
    );
  /** Moves along the focused row's controls with Right (then Left) until one matches. */
  async function arrowTo(selector: string): Promise<void> {
    const at = () => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    for (const key of ['ArrowRight', 'ArrowLeft'])
      for (let i = 0; i < 8 && !(await at()); i++) await page.keyboard.press(key);
    if (!(await at())) throw new Error(`${selector} not reached along the row (focus on ${await focused()})`);
  }
  const stored = async (tl: string, en: string) =>
    (await e2e.archive.translations.getAlignment(tl, en)).beads.map(
      (b) => `${b.source.join(',')}>${b.target.join(',')}`,
    );

  let tl = '';
  let en = '';

  it('the rows are one Tab stop; arrows move between rows and show a row’s boundary tools', async () => {
    const docs = await e2e.archive.documents.list();
    tl = docs.find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!.id;
    en = docs.find((d) => d.lang === 'en' && d.originalName?.includes('halalan'))!.id;
    await page.goto(`${e2e.bridge.url}#/parallel/${tl}/${en}`);
    await page.reload(); // a fresh page: nothing focused, the next Tab starts at the top
    await waitForCount(page, ROW, 9);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-main');
    await page.keyboard.press('Enter');
    await tabTo(testId('row-select'), 15);
    expect(await focusedRow()).toBe(0);
    // One more Tab leaves the rows; Shift+Tab comes back to the same row.
    await page.keyboard.press('Tab');
    expect(await focusInside('.parallel__grid')).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRow()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(2);
    // The boundary tools of the row with focus are shown (on hover only for the mouse).
    await page.waitForFunction(
      () =>
        Array.from(
          document.activeElement!.closest('[data-testid="parallel-row"]')!.querySelectorAll('.ppassage__tools'),
        ).every((t) => getComputedStyle(t).opacity === '1'),
      null,
      { timeout: 20_000 },
    );
  });

  it('selects two rows with Enter and Space, merges them from the action bar, then splits them back', async () => {
    await page.keyboard.press('Enter');
    expect(await page.locator(`${ROW}[data-bead="2"] ${testId('row-select')}`).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    expect(await page.locator(testId('parallel-actionbar')).textContent()).toContain('Rows 3 and 4 selected');
    await tabTo(testId('merge-rows'), 5, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitForCount(page, ROW, 8);
    expect((await rowPairs())[2]).toBe('2,3>2,3');
    // Focus comes back to the merged row, not to the page's start.
    await waitFocusedRow(2);
    expect(await focusedRow()).toBe(2);

    await page.keyboard.press('Enter');
    await tabTo(testId('split-row'), 5, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitForCount(page, ROW, 9);
    expect(await rowPairs()).toEqual(diagonal(9));
    await waitFocusedRow(2);
    expect(await stored(tl, en)).toEqual(diagonal(9));
  });

  it('moves an English paragraph up a row with its boundary tool', async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(4);
    await arrowTo(`[data-side="target"] ${testId('move-up')}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="parallel-row"]')[3]?.getAttribute('data-target') === '3,4',
      null,
      { timeout: 20_000 },
    );
    expect((await rowPairs()).slice(3, 5)).toEqual(['3>3,4', '4>']);
    // Focus follows the paragraph to its new row.
    await waitFocusedRow(3);
    expect((await stored(tl, en)).slice(3, 5)).toEqual(['3>3,4', '4>']);
  });

  it('links paragraphs by hand: picks one on each side with Enter, then Link', async () => {
    await page.keyboard.press('ArrowDown');
    await arrowTo(`[data-side="source"] [data-ordinal="4"] ${testId('pick-passage')}`);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await page.keyboard.press('ArrowUp');
    await arrowTo(`[data-side="target"] [data-ordinal="4"] ${testId('pick-passage')}`);
    await page.keyboard.press('Enter');
    expect(await page.locator(testId('parallel-actionbar')).textContent()).toContain('Link Tagalog ¶5 with English ¶5');
    await tabTo(testId('link-apply'), 5, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="parallel-row"]')).some(
          (r) => r.getAttribute('data-source') === '4' && r.getAttribute('data-target') === '4',
        ),
      null,
      { timeout: 20_000 },
    );
    expect(await rowPairs()).toEqual(diagonal(9));
    await waitFocusedRow(4);
    expect(await stored(tl, en)).toEqual(diagonal(9));
  });

  it('forgets the corrections with Reset in the toolbar', async () => {
    await tabTo(testId('parallel-reset'), 15, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid="parallel-row"][data-fixed]'), null, {
      timeout: 20_000,
    });
    expect((await e2e.archive.translations.getAlignment(tl, en)).corrections).toBe(0);
    expect(e2e.consoleErrors).toEqual([]);
  });
});
