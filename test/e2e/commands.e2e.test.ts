// End to end: the Ctrl/Cmd+K command palette in Chromium through the bridge (browser mode, so the renderer
// honours the accelerators the native menu has in Electron): open, filter, run with Enter, Esc returns focus,
// F1 lists the shortcuts, and axe finds nothing serious in the open palette.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, type E2E } from './harness';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-commands-' });
  page = e2e.page;
  await page.goto(e2e.bridge.url);
  await page.locator(testId('library-table')).waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

describe('command palette', () => {
  it('opens with Ctrl+K, filters, runs the chosen command with Enter', async () => {
    await page.keyboard.press('Control+k');
    const input = page.locator(testId('command-input'));
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('settings');
    expect(await page.locator(testId('command-option')).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator(testId('settings')).waitFor();
    expect(new URL(page.url()).hash).toBe('#/settings');
    expect(await page.locator(testId('command-palette')).count()).toBe(0);
  });

  it('has no serious accessibility finding while open, and Esc gives focus back', async () => {
    await page.locator(testId('theme-light')).focus();
    await page.keyboard.press('Control+k');
    await page.locator(testId('command-input')).waitFor();
    const result = await new AxeBuilder({ page: page as never }).include('[data-testid="command-palette"]').analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    const active = await page.locator(testId('command-input')).getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.locator(testId('command-palette')).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('theme-light');
  });

  it('F1 lists the keyboard shortcuts; Ctrl+1 goes back to the library', async () => {
    await page.keyboard.press('F1');
    const help = page.locator(testId('shortcuts-dialog'));
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl+K');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    await page.locator(testId('library-table')).waitFor();
    expect(e2e.consoleErrors).toEqual([]);
  });
});
