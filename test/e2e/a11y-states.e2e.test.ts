// axe-core on the states the views pass through, not only as they open: the library with rows selected (bulk
// actions), the command palette and the keyboard shortcuts (modal dialogs), the reader with words selected
// (selection toolbar, the fact form) and with its annotations panel opened from its toggle, the side-by-side
// view with a row selected (action bar, boundary tools shown); light and dark, at 1024×700 and 1440×900.
// Fails on any serious or critical finding. Needs `npx electron-vite build` first and /usr/bin/chromium.
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
