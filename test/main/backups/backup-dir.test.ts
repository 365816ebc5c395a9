// The backup folder named in Settings, on real archives: backups (manual, scheduled, before a restore) go into a
// folder of their own inside it, kept per archive across reopening; two archives sharing it never rotate each
// other's; the ones beside the archive stay listed; the main side refuses what cannot work; `default` goes back.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { KEEP_AUTOMATIC_BACKUPS } from '../../../main/backups/backups';
import { tala } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const root = tempDir('tala-backup-dir-');
const shared = join(root, 'usb', 'TalaBackups');
const open: Archive[] = [];
afterAll(async () => {
  for (const a of open) await a.close();
});
async function archiveIn(name: string): Promise<Archive> {
  const a = await openArchiveDir(join(root, name), { search: 'inline' });
  open.push(a);
  return a;
}

describe('the backup folder', () => {
  it('sends new backups into a folder of the archive’s own inside the chosen one, kept across reopening', async () => {
    let archive = await archiveIn('karabakh');
    const beside = await archive.backups.create('manual'); // before any folder was named
    expect(dirname(beside.file)).toBe(join(root, 'karabakh', 'backups'));

    const info = await archive.backups.setBackupDir(shared);
    expect(info.customDir).toBe(true);
    expect(dirname(info.dir)).toBe(shared);
    expect(info.dir).toMatch(/[/\\]karabakh-[0-9a-f]{8}$/);
    const manual = await archive.backups.create('manual');
    const scheduled = await archive.backups.create('scheduled');
    expect(dirname(manual.file)).toBe(info.dir);
    expect(dirname(scheduled.file)).toBe(info.dir);
    // Listed newest first, with the one made beside the archive before.
    expect(archive.backups.list().map((b) => b.file)).toEqual([scheduled.file, manual.file, beside.file]);
    expect((await archive.backups.schedule()).lastBackupAt).toBe(scheduled.createdAt);

    // Naming the same folder again keeps the archive's folder in it.
    expect((await archive.backups.setBackupDir(shared)).dir).toBe(info.dir);

    // Stored in the archive: the next opening uses it.
    await archive.close();
    open.splice(open.indexOf(archive), 1);
    archive = await archiveIn('karabakh');
    expect((await archive.backups.schedule()).dir).toBe(info.dir);
    const later = await archive.backups.create('manual');
    expect(dirname(later.file)).toBe(info.dir);

    // A restore takes a safety backup there too, and the restored content keeps the setting.
    const { safetyBackup } = await archive.backups.restore(manual.file);
    expect(dirname(safetyBackup.file)).toBe(info.dir);
    expect(archive.backups.dir).toBe(info.dir);
  });

  it('keeps two archives sharing a folder apart: each lists and rotates only its own', async () => {
    const a = await archiveIn('a');
    const b = await archiveIn('b');
    const dirA = (await a.backups.setBackupDir(shared)).dir;
    const dirB = (await b.backups.setBackupDir(shared)).dir;
    expect(dirA).not.toBe(dirB);
    for (let i = 0; i < KEEP_AUTOMATIC_BACKUPS + 2; i++) await a.backups.create('scheduled');
    const onlyB = await b.backups.create('scheduled');
    expect(a.backups.list()).toHaveLength(KEEP_AUTOMATIC_BACKUPS);
    expect(b.backups.list().map((x) => x.file)).toEqual([onlyB.file]);
    expect(readdirSync(dirB)).toEqual([onlyB.file.slice(dirB.length + 1)]);
  });

  it('refuses a relative path, the archive’s own folder, a file, and a folder that cannot be made', async () => {
    const archive = await archiveIn('refusals');
    const at = new Date('2030-01-01T00:00:00Z');
    const before = await archive.backups.schedule(at);
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    const cases: Array<[string, RegExp]> = [
      ['relative/backups', /full path/],
      [join(root, 'refusals'), /archive's own folder/],
      [file, /is a file, not a folder/],
      [join(file, 'below'), /cannot be written into/],
    ];
    for (const [dir, message] of cases) {
      await expect(archive.backups.setBackupDir(dir)).rejects.toThrow(message);
    }
    expect(await archive.backups.schedule(at)).toEqual(before);
    expect(before.customDir).toBe(false);
    expect(existsSync(join(root, 'relative'))).toBe(false);
  });

  it('is set through the IPC and CLI doors, never from a browser page, and goes back to the default', async () => {
    const archive = await archiveIn('doors');
    const chosen = join(root, 'elsewhere');
    mkdirSync(chosen);
    const page = await dispatch(createApi(archive, 'bridge'), 'archive.setBackupDir', { dir: chosen });
    expect(page).toMatchObject({ ok: false });
    expect(readdirSync(chosen)).toEqual([]);
    // No folder picker outside the desktop: a folder must be named.
    const unnamed = await dispatch(createApi(archive, 'ipc'), 'archive.setBackupDir', {});
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const set = await dispatch(createApi(archive, 'ipc'), 'archive.setBackupDir', { dir: chosen });
    expect(set).toMatchObject({ ok: true, value: { customDir: true } });
    const reset = await dispatch(createApi(archive, 'ipc'), 'archive.setBackupDir', { reset: true });
    expect(reset).toMatchObject({ ok: true, value: { customDir: false, dir: join(root, 'doors', 'backups') } });

    await archive.close();
    open.splice(open.indexOf(archive), 1);
    const cli = await tala('--archive', join(root, 'doors'), 'backup-dir', join(root, 'cli-backups'));
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(new RegExp(`^backups go into ${join(root, 'cli-backups')}[/\\\\]doors-[0-9a-f]{8}\\n$`));
    const back = await tala('--archive', join(root, 'doors'), 'backup-dir', 'default');
    expect(back.out).toBe(`backups go into ${join(root, 'doors', 'backups')}\n`);
  });
});
