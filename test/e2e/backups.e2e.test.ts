// End to end: the Backups page in chromium through the browser bridge — back up now, import a document,
// restore the earlier backup through the UI with its confirmation: the document is gone from the library
// and the list has a "before a restore" backup. Needs `npx electron-vite build` first and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, testId, type E2E } from './harness';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-backups-' });
  page = e2e.page;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('backups', () => {
  it('backs up, restores the earlier backup after confirmation, keeping the replaced content as a backup', async () => {
    await page.goto(`${e2e.bridge.url}#/backups`);
    await page.locator(testId('backups-page')).waitFor();
    // The path arrives with the page's first query: wait for it rather than read the placeholder.
    await expect.poll(() => page.locator(testId('backups-archive-path')).textContent()).toContain(e2e.tmp);
    const before = await page.locator(testId('backup-item')).count();

    await page.locator(testId('backup-now')).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="backup-item"]').length === n + 1,
      before,
    );
    expect(await page.locator(testId('backup-reason')).first().textContent()).toBe('you made it');

    // A new document after the backup.
    const outcome = await e2e.archive.documents.importFile({
      name: 'after-the-backup.txt',
      bytes: new TextEncoder().encode('After the backup\n\nA paragraph written after the backup.\n'),
      lang: 'en',
    });
    expect(outcome.status).toBe('imported');
    await page.reload();
    const newDoc = page.locator(testId('document-item'), { hasText: 'After the backup' });
    await newDoc.waitFor();

    // Restore the backup just made (the newest one) through the confirmation.
    await page.locator(testId('backup-restore')).first().click();
    const dialog = page.locator(testId('restore-confirm'));
    expect(await dialog.textContent()).toContain("Replace the archive's current content with the backup of");
    expect(await dialog.textContent()).toContain('so this can be undone');
    await page.locator(testId('restore-confirm-button')).click();
    await page.locator(testId('backups-notice'), { hasText: 'Restored the backup of' }).waitFor();
    expect(await page.locator(testId('backups-notice')).textContent()).toContain('before a restore');

    await newDoc.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator(testId('document-item')).count()).toBeGreaterThan(0);
    expect(await page.locator(testId('backup-reason')).allTextContents()).toContain('before a restore');
    expect(await page.locator(testId('backup-item')).count()).toBe(before + 2);
    expect((await e2e.archive.documents.list()).some((d) => d.originalName === 'after-the-backup.txt')).toBe(false);
    await page.screenshot({ path: '/tmp/tala-backups.png' });

    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  }, 60_000);
});
