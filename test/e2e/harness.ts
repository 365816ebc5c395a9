// Shared setup of the browser E2E suites: a real archive on a temp dir seeded with the samples, the
// browser bridge over it, and Debian's chromium driven by playwright-core. Collects console errors, page
// errors, failed responses and CSP violations so each suite can assert there were none.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { createApi } from '../../main/api/dispatch';
import type { Archive } from '../../main/archive/archive';
import { openArchiveDir } from '../../main/archive/open-default';
import { startBridge, type Bridge } from '../../main/web/bridge';

export const RENDERER_DIR = resolve('out/renderer');
export const CHROMIUM = '/usr/bin/chromium';

export interface E2E {
  tmp: string;
  archive: Archive;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and HTTP ≥ 400 responses seen so far. */
  consoleErrors: string[];
  /** CSP violations reported in the page (securitypolicyviolation events). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startE2E(
  options: {
    prefix?: string;
    seedSamples?: boolean;
    prepare?(archive: Archive, tmp: string): Promise<void>;
    /** Opens the archive instead of a new seeded one in the temp dir (one prepared elsewhere, e.g. read-only). */
    open?(tmp: string): Promise<Archive>;
  } = {},
): Promise<E2E> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npx electron-vite build\` before the E2E tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get update && apt-get install -y chromium\`.`);
  }
  const tmp = mkdtempSync(join(tmpdir(), options.prefix ?? 'tala-e2e-'));
  const archive = options.open
    ? await options.open(tmp)
    : await openArchiveDir(join(tmp, 'archive'), {
        seedSamples: options.seedSamples ?? true,
        samplesDir: resolve('resources/samples'),
      });
  await options.prepare?.(archive, tmp);
  const bridge = await startBridge({ api: createApi(archive), rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    acceptDownloads: true,
  });
  // Signs the browser in the way a user's is: the printed address with the token, traded for the session cookie.
  const signIn = await context.request.get(bridge.loginUrl, { maxRedirects: 0 });
  if (signIn.status() !== 303) throw new Error(`signing in to the bridge answered HTTP ${signIn.status()}`);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return {
    tmp,
    archive,
    bridge,
    browser,
    page,
    consoleErrors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []),
    async close() {
      await browser.close();
      await bridge.close();
      await archive.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export const testId = (id: string) => `[data-testid="${id}"]`;

export async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([s, n]) => document.querySelectorAll(s as string).length === n,
    [selector, count] as const,
    { timeout: 10_000 },
  );
}

/** True when the element is inside the visible part of its scroll container and the window. */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    const pane = el.closest('.reader-pane')?.getBoundingClientRect();
    const top = Math.max(0, pane?.top ?? 0);
    const bottom = Math.min(window.innerHeight, pane?.bottom ?? window.innerHeight);
    return r.height > 0 && r.top < bottom && r.bottom > top;
  });
}

/**
 * Selects `quote` inside the reader with a DOM Range over the right text nodes and releases the mouse,
 * as a user's drag would. False when the quote is not on the page.
 */
export function selectInReader(page: Page, quote: string): Promise<boolean> {
  return page.evaluate((q) => {
    for (const el of Array.from(document.querySelectorAll('[data-testid="reader"] [data-passage-start]'))) {
      const at = (el.textContent ?? '').indexOf(q);
      if (at < 0) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let acc = 0;
      let start: [Node, number] | undefined;
      let end: [Node, number] | undefined;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (!start && at < acc + n.length) start = [n, at - acc];
        if (at + q.length <= acc + n.length) {
          end = [n, at + q.length - acc];
          break;
        }
        acc += n.length;
      }
      if (!start || !end) return false;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
      return true;
    }
    return false;
  }, quote);
}
