// F2 in a real browser: the printed address signs in once; the page never holds the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, type E2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-e2e-sign-in-' });
}, 90_000);

afterAll(async () => {
  await e2e?.close();
});

describe('signing in to the browser bridge', () => {
  it('asks a browser without the session for the token, signs it in, drops the token from the address', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const first = await page.goto(e2e.bridge.url);
    expect(first?.status()).toBe(401);
    expect(await page.content()).not.toContain(e2e.bridge.token);
    await page.locator('input[name="token"]').fill(e2e.bridge.token);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(e2e.bridge.url);
    await page.locator(testId('document-item')).first().waitFor();
    expect(page.url()).toBe(e2e.bridge.url);
    // HttpOnly: the page's scripts cannot read the session, and no token is anywhere in the document.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.content()).not.toContain(e2e.bridge.token);
    await context.close();
  });

  it('signs in from the printed address straight to the clean one', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.bridge.loginUrl}#/backups`);
    expect(page.url()).toBe(`${e2e.bridge.url}#/backups`);
    expect(await page.content()).not.toContain(e2e.bridge.token);
    await context.close();
  });
});
