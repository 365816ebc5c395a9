// End to end: a team member's archive on a read-only disk, served by the bridge to Chromium. The sidebar's team
// line says sync is paused and why, and Sync now cannot be pressed; the library still lists the documents;
// Settings says the backup folder cannot be changed now.
// Needs `npx electron-vite build`, /usr/bin/chromium, PostgreSQL's server programs and root (a tmpfs mount).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../main/archive/open-default';
import { TeamService } from '../../main/team/service';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres';
import { SAMPLES_DIR, tempDir } from '../helpers/temp';
import { startE2E, testId, type E2E } from './harness';

const isRoot = process.getuid?.() === 0;
const unavailable = !isRoot ? 'mounting a read-only disk needs root' : postgresUnavailable();
if (unavailable) console.log(`read-only team line E2E skipped: ${unavailable}`);

let pg: TestPostgres | undefined;
let e2e: E2E | undefined;
let disk: string | undefined;
let mounted = false;

describe.skipIf(unavailable !== null)('a team archive open read-only, in the browser', () => {
  beforeAll(async () => {
    pg = startPostgres();
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }]);
    disk = join(tempDir('tala-e2e-ro-'), 'disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', disk]);
    mounted = true;
    const writable = await openArchiveDir(disk, { seedSamples: true, samplesDir: SAMPLES_DIR });
    try {
      await writable.team.join(pg.urlFor('alice', db));
    } finally {
      await writable.close();
    }
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    e2e = await startE2E({ prefix: 'tala-e2e-ro-', open: () => openArchiveDir(disk!) });
  }, 180_000);

  afterAll(async () => {
    await e2e?.close();
    if (mounted) execFileSync('umount', [disk!]);
    if (disk) rmSync(disk, { recursive: true, force: true });
    pg?.stop();
  });

  it('the sidebar says team sync is paused, and why; Sync now is disabled; Settings explains backups', async () => {
    const { page, archive, bridge } = e2e!;
    expect(archive.readOnlyReason).toBe('it is on a read-only disk');
    await page.goto(bridge.url);
    const line = page.locator(testId('team-status'));
    await line.waitFor({ timeout: 20_000 });
    await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^Team: sync paused/);
    expect(await page.locator(testId('team-error')).innerText()).toBe(
      'Team sync is paused: this archive is open read-only (it is on a read-only disk), so nothing can be ' +
        'received into it. Changes made here before wait until it can be written again.',
    );
    expect(await page.locator(testId('team-sync-now')).isDisabled()).toBe(true);
    // Reading still works: the library lists the seeded documents.
    expect((await archive.documents.list()).length).toBeGreaterThan(0);
    await expect.poll(() => page.locator(testId('library-row')).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Settings says the backup folder cannot be changed now, and how to back up instead.
    await page.goto(`${bridge.url}#/settings`);
    const readOnlyLine = page.locator(testId('backup-folder-read-only'));
    await readOnlyLine.waitFor({ timeout: 20_000 });
    expect(await readOnlyLine.innerText()).toBe(
      'This archive is open read-only (it is on a read-only disk), so its backup folder cannot be changed now. ' +
        'To back it up, run tala backup FILE with a file on another disk.',
    );
    expect(e2e!.consoleErrors).toEqual([]);
    expect(await e2e!.cspViolations()).toEqual([]);
  });
});
