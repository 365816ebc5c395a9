// Settings › Archive in Chromium against `npm run web`'s host (startWebHost): the open archive's folder and
// counts, switching to a recent archive and back (the library follows), the backup schedule kept in the
// archive, the backup folder shown per archive, and the browser never offered a way to name a folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../main/web/host';
import { CHROMIUM, RENDERER_DIR, testId } from './harness';

let tmp: string;
let host: WebHost;
let browser: Browser;
let page: Page;
const errors: string[] = [];
/** Opening an archive on a loaded machine can take seconds. */
const SLOW = { timeout: 20_000 };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tala-e2e-archives-'));
  host = await startWebHost({
    archiveDir: join(tmp, 'main'),
    rendererDir: RENDERER_DIR,
    samplesDir: resolve('resources/samples'),
    recentFile: join(tmp, 'config', 'recent-archives.json'),
  });
  // The person opened a second archive once (desktop or --archive), then came back to the first.
  await host.workspace.create(join(tmp, 'empty'));
  await host.workspace.switchToRecent(join(tmp, 'main'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-GB' });
  const signIn = await context.request.get(host.bridge.loginUrl, { maxRedirects: 0 });
  expect(signIn.status()).toBe(303);
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Settings › Archive', () => {
  it('shows the open archive, switches to a recent one and back, and keeps the backup schedule', async () => {
    const documents = (await host.archive.documents.list()).length;
    expect(documents).toBeGreaterThan(0);
    await page.goto(`${host.bridge.url}#/settings`);
    const path = page.locator(testId('settings-archive-path'));
    await expect.poll(() => path.textContent(), SLOW).toBe(join(tmp, 'main'));
    await expect
      .poll(() => page.locator(testId('settings-archive-summary')).textContent(), SLOW)
      .toMatch(new RegExp(`^${documents} documents, \\d+ passages, 0 annotations; .+ on disk\\.$`));
    // The browser cannot name folders: no New / Open buttons, a sentence saying how instead.
    expect(await page.locator(testId('archive-new')).count()).toBe(0);
    expect(await page.getByText('npm run web -- --archive FOLDER').count()).toBe(1);

    await page.getByRole('button', { name: `Switch to ${join(tmp, 'empty')}` }).click();
    await expect.poll(() => path.textContent(), SLOW).toBe(join(tmp, 'empty'));
    await expect
      .poll(() => page.locator(testId('settings-archive-summary')).textContent(), SLOW)
      .toMatch(/^0 documents/);
    expect(host.archive.path).toBe(join(tmp, 'empty', 'archive.sqlite'));
    await page.locator(testId('backup-schedule')).selectOption('weekly');
    await expect.poll(async () => (await host.archive.backups.schedule()).every, SLOW).toBe('weekly');
    await page.getByRole('button', { name: `Switch to ${join(tmp, 'main')}` }).click();
    await expect.poll(() => path.textContent(), SLOW).toBe(join(tmp, 'main'));
    // Each archive keeps its own schedule: the first one is still daily.
    await expect.poll(() => page.locator(testId('backup-schedule')).inputValue(), SLOW).toBe('daily');
    expect((await host.archive.documents.list()).length).toBe(documents);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows where each archive’s backups go; the folder is named in the desktop or on the command line', async () => {
    const folder = page.locator(testId('backup-folder'));
    await expect
      .poll(() => folder.textContent(), SLOW)
      .toBe(`Backups go into ${join(tmp, 'main', 'backups')} (beside the archive).`);
    expect(await page.locator(testId('backup-folder-choose')).count()).toBe(0);
    expect(await page.getByText('tala backup-dir FOLDER').count()).toBe(1);
    // Named elsewhere (as `tala backup-dir` does): the page shows it once it reloads, and only for this archive.
    const info = await host.archive.backups.setBackupDir(join(tmp, 'usb'));
    await page.reload();
    await expect.poll(() => folder.textContent(), SLOW).toBe(`Backups go into ${info.dir}.`);
    await page.getByRole('button', { name: `Switch to ${join(tmp, 'empty')}` }).click();
    await expect
      .poll(() => folder.textContent(), SLOW)
      .toBe(`Backups go into ${join(tmp, 'empty', 'backups')} (beside the archive).`);
    await page.getByRole('button', { name: `Switch to ${join(tmp, 'main')}` }).click();
    await expect.poll(() => folder.textContent(), SLOW).toBe(`Backups go into ${info.dir}.`);
    expect(errors).toEqual([]);
  }, 60_000);
});
