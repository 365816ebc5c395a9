// A full disk during a backup or an export: a clear sentence naming the file, and no partial file left behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../main/backups/backups';
import { archiveFileIn } from '../../../main/archive/paths';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tala } from '../../helpers/cli';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];

/** A tiny tmpfs: the only way to fill a disk for real without filling the machine's. Needs root. */
function smallDisk(dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  mounted.push(dir);
}
afterAll(() => {
  for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
});

describe.skipIf(!isRoot)('a full disk (tmpfs of 64 KiB; skipped when not root, as mounting needs it)', () => {
  it('fails a backup and a portable export with a sentence naming the file, leaving no partial file', async () => {
    const dir = join(root, 'archive');
    const archive = await openArchiveDir(dir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    await archive.close();
    smallDisk(backupDirFor(archiveFileIn(dir)));

    const backup = await tala('--archive', dir, 'backup');
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(
      /The disk is full: .*backups\/tala-\d{8}T\d+Z-manual\.sqlite could not be written\. Nothing was changed/,
    );
    expect(readdirSync(backupDirFor(archiveFileIn(dir)))).toEqual([]);

    const exportDir = join(root, 'usb');
    smallDisk(exportDir);
    const exported = await tala('--archive', dir, 'export-archive', join(exportDir, 'copy.tala'));
    expect(exported.code).toBe(1);
    expect(exported.err).toContain(`The disk is full: ${join(exportDir, 'copy.tala')} could not be written`);
    expect(readdirSync(exportDir)).toEqual([]);
    expect((await tala('--archive', dir, 'list')).code).toBe(0);
  });
});
