// A full disk during a backup or an export: a clear sentence naming the file, and no partial file left behind.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { backupDirFor } from '../../../main/backups/backups';
import { archiveFileIn } from '../../../main/archive/paths';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tala } from '../../helpers/cli';
import { fillLibrary } from '../../helpers/library-fill';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];

/** A tiny tmpfs: the only way to fill a disk for real without filling the machine's. Needs root. */
function smallDisk(dir: string, size = '64k'): void {
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
  it('a reindex that runs out of space fails naming the archive and leaves the index as it was', async () => {
    const dir = join(root, 'small');
    smallDisk(dir, '6m');
    const file = archiveFileIn(dir);
    await (await openArchiveDir(dir)).close();
    await fillLibrary(file, 400);
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      await archive.search.reindex();
      const before = (await archive.search.query('halalan')).totalDocuments;
      expect(before).toBe(400);
      // Room for a few batches, not for the whole new index.
      fillDisk(join(dir, 'filler'));
      truncateSync(join(dir, 'filler'), statSync(join(dir, 'filler')).size - 256 * 1024);
      await expect(archive.search.reindex()).rejects.toThrow(`The disk is full: ${file} could not be written`);
      const after = await archive.search.query('halalan');
      expect(after.totalDocuments).toBe(before);
    } finally {
      await archive.close();
    }
  });
});
