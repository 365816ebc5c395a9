// Accessibility and layout of every view (test/e2e/views.ts) in Chromium: axe-core in the light and the dark
// theme, and again at 1024×700 and 2560×1440, failing on any serious or critical finding; and at 1024×700,
// 1440×900, 1920×1080 and 2560×1440 (light theme; the dark one at the first three), with the reader's side panel
// open on each of its tabs and then its find bar, failing if the page overflows the window, a control lies
// outside the viewport with no scroll path to it, or a toolbar control is covered by something else (an overlay
// panel) so that a click at its centre would not reach it.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, type E2E } from './harness';
import { prepareViews, useTheme, VIEWS, type ViewIds } from './views';

let e2e: E2E;
let page: Page;
let ids: ViewIds;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-a11y-', prepare: async (archive) => void (ids = await prepareViews(archive)) });
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
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map(describeNode).join(' | ')}`);
}

/** Where, and for contrast the colours and ratio found, so a failure says what to fix. */
function describeNode(node: { target: unknown[]; any: Array<{ data?: unknown }> }): string {
  const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  const colours = data?.fgColor ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}` : '';
  return `${node.target.join(' ')}${colours}`;
}

/** Horizontal overflow of the page, and controls that cannot be reached (off-screen with no scroll path). */
function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const doc = document.documentElement;
    if (doc.scrollWidth > vw + 1) problems.push(`page is ${doc.scrollWidth}px wide in a ${vw}px window`);
    if (document.body.scrollWidth > vw + 1)
      problems.push(`body is ${document.body.scrollWidth}px wide in a ${vw}px window`);
    const scrolls = (el: Element, axis: 'x' | 'y') => {
      const style = getComputedStyle(el);
      const overflow = axis === 'x' ? style.overflowX : style.overflowY;
      const more = axis === 'x' ? el.scrollWidth > el.clientWidth : el.scrollHeight > el.clientHeight;
      return (overflow === 'auto' || overflow === 'scroll') && more;
    };
    const reachable = (el: Element, axis: 'x' | 'y') => {
      for (let a = el.parentElement; a; a = a.parentElement) if (scrolls(a, axis)) return true;
      return false;
    };
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered
      if (el.closest('[hidden], [aria-hidden="true"]')) continue;
      const testid = el.dataset.testid ? `[${el.dataset.testid}]` : '';
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      const name = `${el.tagName.toLowerCase()}${testid} "${label}"`;
      if ((r.right > vw + 1 || r.left < -1) && !reachable(el, 'x'))
        problems.push(`${name} at x ${Math.round(r.left)}–${Math.round(r.right)} outside a ${vw}px window`);
      if ((r.bottom > vh + 1 || r.top < -1) && !reachable(el, 'y'))
        problems.push(`${name} at y ${Math.round(r.top)}–${Math.round(r.bottom)} outside a ${vh}px window`);
    }
    return problems;
  });
}

/** Toolbar controls on screen that a click at their centre would not reach (an overlay covers them). */
function coveredControls(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const toolbars = '.topbar, .reader__toolbar, [role="toolbar"], .notes__header, .find-bar';
    const controls = document.querySelectorAll<HTMLElement>(
      ['a[href]', 'button', 'input:not([type="hidden"])', 'select', '[tabindex]:not([tabindex="-1"])']
        .map((c) => `:is(${toolbars}) ${c}`)
        .join(', '),
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not rendered
      if (el.closest('[hidden], [aria-hidden="true"]')) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue; // scrolled away
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) continue;
      const testid = el.dataset.testid ? `[${el.dataset.testid}]` : '';
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      const over = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing';
      problems.push(`${el.tagName.toLowerCase()}${testid} "${label}" is covered by ${over}`);
    }
    return problems;
  });
}

/** A view with a side panel (the reader: annotations, facts) has it open, so a panel that overlays is checked. */
async function openPanel(): Promise<void> {
  const toggle = page.locator(testId('panel-toggle'));
  if ((await toggle.count()) === 0) return;
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.locator('.workspace > .notes').waitFor();
}

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (theme) => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await useTheme(page, theme);
  });
  it.each(VIEWS.map((v) => [v.name, v] as const))('%s has no serious or critical finding', async (_name, view) => {
    await view.open(page, e2e.bridge.url, ids);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    expect(await seriousFindings()).toEqual([]);
  });
});

// Narrow windows fold panels into toggles and overlays, wide ones show everything at once: axe again at both
// ends (light theme; the dark one is covered above at 1440×900).
describe.each([
  [1024, 700],
  [2560, 1440],
])('axe-core at %i×%i', (width, height) => {
  beforeAll(async () => {
    await useTheme(page, 'light');
    await page.setViewportSize({ width, height });
  });
  it.each(VIEWS.map((v) => [v.name, v] as const))('%s has no serious or critical finding', async (_name, view) => {
    await view.open(page, e2e.bridge.url, ids);
    expect(await seriousFindings()).toEqual([]);
  });
});

describe.each([
  [1024, 700, 'light'],
  [1440, 900, 'light'],
  [1920, 1080, 'light'],
  [2560, 1440, 'light'],
  [1024, 700, 'dark'],
  [1440, 900, 'dark'],
  [1920, 1080, 'dark'],
] as const)('layout at %i×%i, %s theme', (width, height, theme) => {
  beforeAll(async () => {
    await useTheme(page, theme);
    await page.setViewportSize({ width, height });
  });
  it.each(VIEWS.map((v) => [v.name, v] as const))(
    '%s fits the window, every control reachable',
    async (_name, view) => {
      await view.open(page, e2e.bridge.url, ids);
      expect(await layoutProblems()).toEqual([]);
      await openPanel();
      expect(await coveredControls()).toEqual([]);
      // Every tab of the side panel (annotations, facts) in turn.
      const tabs = await page.locator('.notes [role="tab"]').all();
      for (const tab of tabs) {
        await tab.click();
        expect(await coveredControls()).toEqual([]);
      }
      await tabs[0]?.click(); // back to the annotations, where the next visit expects them
      // The reader's find bar, which sits under its toolbar, beside the panel.
      const find = page.locator(testId('find-toggle'));
      if ((await find.count()) > 0) {
        await find.click();
        await page.locator(testId('find-bar')).waitFor();
        expect(await coveredControls()).toEqual([]);
        await find.click();
      }
    },
  );
});
