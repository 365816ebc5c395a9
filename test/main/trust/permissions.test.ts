// F2: archives, backups, exports and their folders are readable by their owner only.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../main/backups/backups';
import { openArchiveDir } from '../../../main/archive/open-default';
import { archiveFileIn } from '../../../main/archive/paths';
import { tala } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
const mode = (path: string) => statSync(path).mode & 0o777;
let previousUmask: number;
// The usual desktop umask: without our own modes, files would be 0644 and folders 0755.
beforeAll(() => {
  previousUmask = process.umask(0o022);
  chmodSync(root, 0o755);
});
afterAll(() => void process.umask(previousUmask));

describe('F2: owner-only files', () => {
  it('creates the archive folder, the archive, its WAL, backups, portable files and exports owner-only', async () => {
    const dir = join(root, 'fresh', 'Tala');
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'Mga tala\n\nSi Bako Sahakyan ay nanalo sa halalan.');
    const imported = await tala('--archive', dir, 'import', file, '--json');
    const docId = JSON.parse(imported.out).imported[0].id as string;
    expect((await tala('--archive', dir, 'backup')).code).toBe(0);
    const portable = join(root, 'copy.tala');
    expect((await tala('--archive', dir, 'export-archive', portable)).code).toBe(0);
    const notes = join(root, 'notes.md');
    expect((await tala('--archive', dir, 'export', docId, '--format', 'md', '--out', notes)).code).toBe(0);
    const original = join(root, 'original.txt');
    expect((await tala('--archive', dir, 'original', docId, '--out', original)).code).toBe(0);

    const archive = await openArchiveDir(dir); // keeps the WAL and shared-memory files in place
    const archiveFile = archiveFileIn(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(root, 'fresh'))).toBe(0o700);
    for (const f of [archiveFile, `${archiveFile}-wal`, `${archiveFile}-shm`]) expect(mode(f), f).toBe(0o600);
    const backups = backupDirFor(archiveFile);
    expect(mode(backups)).toBe(0o700);
    const backupFiles = readdirSync(backups);
    expect(backupFiles.length).toBeGreaterThan(0);
    for (const f of backupFiles) expect(mode(join(backups, f)), f).toBe(0o600);
    for (const f of [portable, notes, original]) expect(mode(f), f).toBe(0o600);
    expect(existsSync(`${portable}.partial`)).toBe(false);

    // A second local account (the system's `nobody`, no user created) cannot read any of them.
    if (process.getuid?.() === 0) {
      for (const f of [archiveFile, join(backups, backupFiles[0]), portable, notes]) {
        const read = spawnSync('cat', [f], { uid: 65534, gid: 65534, encoding: 'utf8' });
        expect(read.status, f).not.toBe(0);
        expect(read.stderr, f).toContain('Permission denied');
      }
    }
    await archive.close();
  });

  it('narrows an archive an earlier version left readable by everyone', async () => {
    const dir = join(root, 'old');
    const archive = await openArchiveDir(dir);
    await archive.backups.create('manual');
    await archive.close();
    const archiveFile = archiveFileIn(dir);
    chmodSync(archiveFile, 0o644);
    chmodSync(backupDirFor(archiveFile), 0o755);
    await (await openArchiveDir(dir)).close();
    expect(mode(archiveFile)).toBe(0o600);
    expect(mode(backupDirFor(archiveFile))).toBe(0o700);
  });
});
