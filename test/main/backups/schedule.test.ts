// The automatic backup schedule on a real archive: the default, each choice stored in the archive's local
// settings, when the next backup is due, and the maintenance loop honouring "off".
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { openArchiveDir } from '../../../main/archive/open-default';
import { startMaintenance } from '../../../main/backups/schedule';
import { tempDir } from '../../helpers/temp';

const root = tempDir('tala-schedule-');
const HOUR = 3600_000;

describe('automatic backup schedule', () => {
  const dir = join(root, 'a');
  const opened = openArchiveDir(dir, { search: 'inline' });
  afterAll(async () => (await opened).close());

  it('is daily by default, due at once on an archive without backups, then a day after the newest', async () => {
    const archive = await opened;
    const now = new Date('2030-01-01T10:00:00.000Z');
    expect(await archive.backups.schedule(now)).toEqual({
      every: 'daily',
      lastBackupAt: null,
      nextDueAt: now.toISOString(),
      dir: join(dir, 'backups'),
      customDir: false,
    });
    expect(await archive.backups.scheduledBackupDue(now)).toBe(true);
    const made = await archive.backups.create('manual');
    const at = Date.parse(made.createdAt);
    const info = await archive.backups.schedule();
    expect(info.lastBackupAt).toBe(made.createdAt);
    expect(Date.parse(info.nextDueAt!)).toBe(at + 24 * HOUR);
    expect(await archive.backups.scheduledBackupDue(new Date(at + 23 * HOUR))).toBe(false);
    expect(await archive.backups.scheduledBackupDue(new Date(at + 25 * HOUR))).toBe(true);
  });

  it('takes each choice through the doors, keeps it across reopening, and refuses an unknown one', async () => {
    let archive = await opened;
    const api = createApi(archive, 'bridge');
    const at = Date.parse(archive.backups.list()[0].createdAt);
    const hourly = await dispatch(api, 'archive.setSchedule', { every: 'hourly' });
    expect(hourly).toMatchObject({ ok: true, value: { every: 'hourly' } });
    expect(await archive.backups.scheduledBackupDue(new Date(at + 2 * HOUR))).toBe(true);
    await dispatch(api, 'archive.setSchedule', { every: 'weekly' });
    expect(await archive.backups.scheduledBackupDue(new Date(at + 6 * 24 * HOUR))).toBe(false);
    expect(await archive.backups.scheduledBackupDue(new Date(at + 8 * 24 * HOUR))).toBe(true);
    const wrong = await dispatch(api, 'archive.setSchedule', { every: 'monthly' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/every/);

    await dispatch(api, 'archive.setSchedule', { every: 'off' });
    await archive.close();
    archive = await openArchiveDir(dir, { search: 'inline' });
    try {
      expect(await archive.backups.schedule()).toMatchObject({ every: 'off', nextDueAt: null });
      expect(await archive.backups.scheduledBackupDue(new Date(at + 365 * 24 * HOUR))).toBe(false);
    } finally {
      await archive.close();
    }
  });

  it('makes no backup while the schedule is off, and one at start when it is due', async () => {
    const fresh = await openArchiveDir(join(root, 'b'), { search: 'inline' });
    try {
      await fresh.backups.setSchedule('off');
      const quiet: string[] = [];
      let handle = startMaintenance(fresh.backups, (m) => quiet.push(m));
      await new Promise((r) => setTimeout(r, 300));
      handle.stop();
      expect(fresh.backups.list()).toEqual([]);

      await fresh.backups.setSchedule('daily');
      handle = startMaintenance(fresh.backups, (m) => quiet.push(m));
      for (let i = 0; i < 50 && fresh.backups.list().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      handle.stop();
      expect(fresh.backups.list().map((b) => b.reason)).toEqual(['scheduled']);
      expect(quiet).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
