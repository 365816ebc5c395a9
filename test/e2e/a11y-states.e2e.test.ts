// axe-core on the states the views pass through, not only as they open: the library with rows selected (bulk
// actions), the command palette and the keyboard shortcuts (modal dialogs), the reader with words selected
// (selection toolbar, the fact form) and with its annotations panel opened from its toggle, the side-by-side
// view with a row selected (action bar, boundary tools shown), the bulk-delete confirmation, the import panel
// with its near-duplicate choices after an import, and the fact editor on an accepted fact; light and dark,
// at 1024×700 and 1440×900.
// Fails on any serious or critical finding. Needs `npx electron-vite build` first and /usr/bin/chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectInReader, startE2E, testId, type E2E } from './harness';
import { prepareViews, useTheme, VIEWS, type ViewIds } from './views';

let e2e: E2E;
let page: Page;
let ids: ViewIds;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-a11y-states-', prepare: async (a) => void (ids = await prepareViews(a)) });
  page = e2e.page;
  await page.goto(e2e.bridge.url);
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function seriousFindings(): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 4).map((n) => {
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.fgColor ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}` : '';
        return `${n.target.join(' ')}${colours}`;
      });
      return `${v.id} (${v.impact}): ${v.help} — ${where.join(' | ')}`;
    });
}

const view = (name: string) => VIEWS.find((v) => v.name === name)!;

/** The Tagalog sample with a line of its own added: a near-duplicate of it, and never the same bytes twice. */
let copies = 0;
function nearCopyOfSample(): string {
  const text = readFileSync(resolve('resources/samples/nkr-2012-halalan.tl.txt'), 'utf8');
  const file = join(e2e.tmp, `halalan-kopya-${++copies}.txt`);
  writeFileSync(file, `${text}\n\nKopya bilang ${copies}.\n`);
  return file;
}

/** The reader's side panel shown (narrow windows start with it folded away), on the tab `tab`. */
async function readerSideTab(tab: string): Promise<void> {
  await page.goto(`${e2e.bridge.url}#/doc/${ids.tagalog}`);
  const toggle = page.locator(testId('panel-toggle'));
  await toggle.waitFor({ timeout: 20_000 });
  if ((await toggle.getAttribute('aria-pressed')) === 'false') await toggle.click();
  await page.locator(testId(`side-tab-${tab}`)).click();
}

interface State {
  name: string;
  /** Brings the page into the state, from anywhere. */
  enter(): Promise<void>;
}

const STATES: State[] = [
  {
    name: 'library with two rows selected',
    enter: async () => {
      await view('library').open(page, e2e.bridge.url, ids);
      const rows = page.locator(testId('library-row'));
      await rows.nth(0).click();
      await rows.nth(1).click({ modifiers: ['Shift'] });
      await page.locator(testId('library-bulk')).waitFor();
    },
  },
  {
    name: 'command palette',
    enter: async () => {
      await view('library').open(page, e2e.bridge.url, ids);
      await page.keyboard.press('Control+k');
      await page.locator(testId('command-palette')).waitFor();
    },
  },
  {
    name: 'keyboard shortcuts',
    enter: async () => {
      await view('library').open(page, e2e.bridge.url, ids);
      await page.keyboard.press('F1');
      await page.locator(testId('shortcuts-dialog')).waitFor();
    },
  },
  {
    name: 'reader with words selected',
    enter: async () => {
      await view('reader').open(page, e2e.bridge.url, ids);
      expect(await selectInReader(page, 'Bako Sahakyan')).toBe(true);
      await page.locator(testId('selection-toolbar')).waitFor();
    },
  },
  {
    name: 'reader with the fact form open on selected words',
    enter: async () => {
      await view('reader').open(page, e2e.bridge.url, ids);
      expect(await selectInReader(page, 'Bako Sahakyan')).toBe(true);
      await page.locator(`${testId('selection-toolbar')} ${testId('add-fact')}`).click();
      await page.locator(testId('fact-new')).waitFor();
    },
  },
  {
    name: 'reader with the annotations panel shown from its toggle',
    enter: async () => {
      await page.goto(`${e2e.bridge.url}#/doc/${ids.tagalog}`);
      const toggle = page.locator(testId('panel-toggle'));
      await toggle.waitFor({ timeout: 20_000 });
      // Narrow windows start with the panel folded away; wide ones show it.
      if ((await toggle.getAttribute('aria-pressed')) === 'false') await toggle.click();
      await page.locator(testId('annotation-card')).first().waitFor();
    },
  },
  {
    name: 'library asking to confirm a bulk delete',
    enter: async () => {
      await view('library').open(page, e2e.bridge.url, ids);
      const rows = page.locator(testId('library-row'));
      await rows.nth(0).click();
      await rows.nth(1).click({ modifiers: ['Shift'] });
      await page.locator(testId('library-bulk-delete')).click();
      await page.locator(testId('library-confirm-delete')).waitFor();
    },
  },
  {
    name: 'import panel with a near-duplicate to decide on',
    enter: async () => {
      await view('library').open(page, e2e.bridge.url, ids);
      await page.locator(testId('file-input')).setInputFiles(nearCopyOfSample());
      await page.locator(testId('import-summary')).waitFor({ timeout: 60_000 });
      await page.locator(testId('near-duplicate')).first().waitFor();
      await page.locator(testId('near-dup-keep')).first().waitFor();
    },
  },
  {
    name: 'fact editor on an accepted fact',
    enter: async () => {
      await readerSideTab('facts');
      const card = page.locator(testId('fact-confirmed')).first();
      await card.waitFor({ timeout: 20_000 });
      await card.locator(testId('fact-edit')).click();
      await page.locator(`${testId('fact-confirmed')} ${testId('fact-editor')}`).waitFor();
    },
  },
  {
    name: 'side by side with a row selected',
    enter: async () => {
      await view('side-by-side').open(page, e2e.bridge.url, ids);
      await page.locator(testId('row-select')).nth(1).click();
      await page.locator(testId('parallel-actionbar')).waitFor();
    },
  },
];

describe.each([
  ['light', 1024, 700],
  ['dark', 1024, 700],
  ['light', 1440, 900],
  ['dark', 1440, 900],
] as const)('axe-core, %s theme at %i×%i', (theme, width, height) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height });
    await useTheme(page, theme);
  });
  it.each(STATES.map((s) => [s.name, s] as const))('%s: no serious or critical finding', async (_name, state) => {
    await page.reload(); // nothing left open from the state before
    await state.enter();
    expect(await seriousFindings()).toEqual([]);
  });
});
