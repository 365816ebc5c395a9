// archive.health and `tala health` on a real (tiny) disk: a full or nearly full disk is reported with the
// figures and what to do, for the archive's disk and for a backups folder on a disk of its own.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { backupDirFor } from '../../../main/backups/backups';
import { archiveFileIn } from '../../../main/archive/paths';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tala } from '../../helpers/cli';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];

/** A tmpfs of `size`: the only way to fill a disk for real without filling the machine's. Needs root. */
function smallDisk(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
}
/** Writes a file until the disk refuses more. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 14, 1 << 10, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}
afterAll(() => {
  for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
});

describe('archive health and disk space', () => {
  it('reports the free space of a roomy disk without a warning', async () => {
    const dir = join(root, 'roomy');
    const archive = await openArchiveDir(dir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    try {
      const health = await archive.backups.health();
      expect(health.warnings).toEqual([]);
      expect(health.disks).toEqual([
        expect.objectContaining({ path: dir, state: 'ok', freeBytes: expect.any(Number) }),
      ]);
      expect(health.disks![0].freeBytes).toBeGreaterThan(health.disks![0].neededBytes);
    } finally {
      await archive.close();
    }
  });
});

describe.skipIf(!isRoot)('archive health on a tiny disk (tmpfs; skipped when not root, as mounting needs it)', () => {
  it('warns of a nearly full disk, then of a full one, with what to do, in the API and `tala health`', async () => {
    const dir = join(root, 'small');
    smallDisk(dir, '24m');
    await (await openArchiveDir(dir, { seedSamples: true, samplesDir: SAMPLES_DIR })).close();

    const low = await tala('--archive', dir, 'health', '--json');
    expect(low.code).toBe(0);
    const lowHealth = JSON.parse(low.out);
    expect(lowHealth.integrity).toBe('ok');
    expect(lowHealth.disks).toEqual([expect.objectContaining({ path: dir, state: 'low' })]);
    expect(lowHealth.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^The disk holding the archive \\(${dir}\\) is nearly full: \\d+(\\.\\d)? MB free, .*backup`),
      ),
    ]);

    // The archive is open (as in the app) when the disk fills up.
    const archive = await Archive.open(archiveFileIn(dir), { search: 'inline' });
    try {
      fillDisk(join(dir, 'filler'));
      const full = await archive.backups.health();
      expect(full.integrity).toBe('ok');
      expect(full.disks).toEqual([expect.objectContaining({ path: dir, state: 'full' })]);
      expect(full.warnings).toEqual([
        expect.stringMatching(
          new RegExp(`^The disk holding the archive \\(${dir}\\) is full: \\d+(\\.\\d)? (bytes|KB) free of 24 MB\\.`),
        ),
      ]);
      expect(full.warnings[0]).toContain('delete or move files on that disk');
      // Freeing the space clears the warning.
      unlinkSync(join(dir, 'filler'));
      expect((await archive.backups.health()).disks![0].state).toBe('low');
    } finally {
      await archive.close();
    }
    const cli = await tala('--archive', dir, 'health');
    expect(cli.out).toContain('integrity: ok');
    expect(cli.out).toMatch(/disk: \d+(\.\d)? MB free of 24 MB \(low\)/);
    expect(cli.out).toContain(`warning: The disk holding the archive (${dir}) is nearly full`);
  });

  it('reports a full backups folder on a disk of its own, naming that folder', async () => {
    const dir = join(root, 'own-backups');
    const archive = await openArchiveDir(dir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    try {
      const backups = backupDirFor(archiveFileIn(dir));
      smallDisk(backups, '64k');
      fillDisk(join(backups, 'filler'));
      const health = await archive.backups.health();
      expect(health.disks!.map((d) => [d.path, d.state])).toEqual([
        [dir, 'ok'],
        [backups, 'full'],
      ]);
      expect(health.warnings).toEqual([
        expect.stringContaining(`The disk holding the archive's backups (${backups}) is full`),
      ]);
    } finally {
      await archive.close();
    }
  });
});
