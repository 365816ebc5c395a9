// End to end: a new translation typed segment by segment. From the Tagalog sample's "+ Translation" menu,
// starts an English translation, types two segments with Ctrl+Enter (done, focus moves on), reloads and
// finds them kept, opens the resulting document in the reader; then machine translation: Suggest is
// disabled by default, a fake LibreTranslate server on 127.0.0.1 (started here) is configured in the
// settings dialog, and Suggest shows the notice naming it before filling the target as a draft.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import type { Bridge } from '../../main/web/bridge';
import type { DocumentSummary } from '../../shared/types';
import { startE2E, testId, waitForCount, type E2E } from './harness';

const INPUT = testId('segment-input');
const FIRST = 'Zephyrine republic proclaimed itself.';
const SECOND = 'Quixotic structure of a state.';

let e2e: E2E;
let archive: Archive;
let bridge: Bridge;
let page: Page;
let tagalog: DocumentSummary;
let server: Server;
let mtUrl: string;
const mtRequests: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-segments-' });
  ({ archive, bridge, page } = e2e);
  tagalog = (await archive.documents.list()).find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      mtRequests.push(`${req.method} ${req.url} ${body}`);
      if (req.method !== 'POST' || !req.url?.startsWith('/translate')) {
        res.writeHead(404).end();
        return;
      }
      let q: string;
      try {
        q = (JSON.parse(body) as { q?: string }).q ?? '';
      } catch {
        q = new URLSearchParams(body).get('q') ?? '';
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ translatedText: `MT says: ${q.length} chars` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mtUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const focusedIndex = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="segment-input"]')).indexOf(document.activeElement as Element),
  );

describe('a translation typed segment by segment', () => {
  let linkId = '';

  it('starts a new English translation from the reader and opens the segment editor', async () => {
    await page.goto(`${bridge.url}#/doc/${tagalog.id}`);
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    await page.locator(testId('translation-add')).click();
    await page.locator(testId('translation-start-lang')).fill('en');
    await page.locator(testId('translation-start')).click();
    await page.locator(`${testId('segments')}[data-link-id]`).waitFor();
    linkId = (await page.locator(testId('segments')).getAttribute('data-link-id'))!;
    expect(linkId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.url()).toContain(`#/segments/${linkId}`);
    expect(await page.locator(testId('segment')).count()).toBeGreaterThan(9);
    expect(await page.locator(testId('segment-source')).first().getAttribute('lang')).toBe('tl');
    expect(await page.locator(INPUT).first().getAttribute('lang')).toBe('en');
    expect(await page.locator(testId('segments-progress')).textContent()).toMatch(/^0 of \d+ done$/);
  });

  it('types two segments with Ctrl+Enter: each is done and the focus moves on', async () => {
    await page.locator(INPUT).nth(0).click();
    await page.keyboard.type(FIRST);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="segment-status"]')[0]?.textContent === 'done',
    );
    expect(await focusedIndex()).toBe(1);
    await page.keyboard.type(SECOND);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="segment-status"]')[1]?.textContent === 'done',
    );
    expect(await focusedIndex()).toBe(2);
    expect(await page.locator(testId('segments-progress')).textContent()).toMatch(/^2 of \d+ done$/);
    await page.keyboard.press('Alt+ArrowUp');
    expect(await focusedIndex()).toBe(1);
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focusedIndex()).toBe(2);
    await page.screenshot({ path: '/tmp/tala-segments-1-typed.png' });
  });

  it('keeps the text after a reload, and the translation is a document readable in the reader', async () => {
    await page.reload();
    await page.locator(`${testId('segments')}[data-link-id]`).waitFor();
    await waitForCount(page, `${testId('segment')}[data-status="done"]`, 2);
    expect(await page.locator(INPUT).nth(0).inputValue()).toBe(FIRST);
    expect(await page.locator(INPUT).nth(1).inputValue()).toBe(SECOND);
    await page.locator(testId('segments-open-doc')).click();
    const reader = page.locator(testId('reader'));
    await reader.waitFor();
    const text = await reader.textContent();
    expect(text).toContain(FIRST);
    expect(text).toContain(SECOND);
  });

  it('machine translation: Suggest is off by default; once configured it asks first, then fills a draft', async () => {
    await page.goto(`${bridge.url}#/segments/${linkId}`);
    await page.locator(`${testId('segments')}[data-link-id]`).waitFor();
    const suggest = page.locator(testId('segment-suggest')).nth(2);
    expect(await suggest.isDisabled()).toBe(true);
    expect(mtRequests).toEqual([]);

    await page.locator(testId('mt-settings-open')).click();
    await page.locator(testId('mt-settings')).waitFor();
    await page.locator(testId('mt-enabled')).check();
    await page.locator(testId('mt-endpoint')).fill(mtUrl);
    await page.locator(testId('mt-settings-save')).click();
    await page.locator(testId('mt-settings')).waitFor({ state: 'detached' });
    expect(await suggest.isDisabled()).toBe(false);

    // Cancel sends nothing.
    await suggest.click();
    const notice = page.locator(testId('mt-notice-text'));
    expect(await notice.textContent()).toBe(
      `This sends the segment’s text to ${mtUrl}. Nothing else leaves the machine.`,
    );
    await page.locator(testId('mt-notice-cancel')).click();
    expect(mtRequests).toEqual([]);

    await suggest.click();
    await page.locator(testId('mt-notice-confirm')).click();
    const source = (await page.locator(testId('segment-source')).nth(2).textContent())!;
    await page.waitForFunction(
      () =>
        (
          document.querySelectorAll('[data-testid="segment-input"]')[2] as HTMLTextAreaElement | undefined
        )?.value.startsWith('MT says') ?? false,
    );
    expect(await page.locator(INPUT).nth(2).inputValue()).toBe(`MT says: ${source.length} chars`);
    expect(await page.locator(testId('segment-status')).nth(2).textContent()).toBe('draft');
    expect(mtRequests).toHaveLength(1);
    expect(mtRequests[0]).toMatch(/^POST \/translate /);
    await page.screenshot({ path: '/tmp/tala-segments-2-mt.png' });
  });

  it('logs no console errors and no CSP violations', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
