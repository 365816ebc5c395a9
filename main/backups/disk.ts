// Free space on the disk(s) under an archive, for the health report: a full disk makes every import, edit and
// backup fail, so the report says so, with the figures and what to do, before the user meets the failures.
import { existsSync, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiskSpace } from '../../shared/types';

const MiB = 1024 * 1024;
/** Below this a disk counts as full: SQLite cannot be sure to commit even a small change. */
export const FULL_BELOW_BYTES = 8 * MiB;
/** Working room wanted beside one backup's worth (the archive's size): imports, the WAL, a reindex. */
export const WORKING_ROOM_BYTES = 256 * MiB;

/** Bytes in a human unit (1 decimal below 10). */
export function sizeWords(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The archive's size on disk: the database and its write-ahead log (a backup copies both). */
export function archiveBytes(archiveFile: string): number {
  return fileSize(archiveFile) + fileSize(`${archiveFile}-wal`);
}

/** Free and total space of the file system holding `dir`; null where the system cannot tell. */
export function diskSpace(dir: string, neededBytes: number): DiskSpace | null {
  try {
    const s = statfsSync(dir);
    const freeBytes = Number(s.bavail) * Number(s.bsize);
    const totalBytes = Number(s.blocks) * Number(s.bsize);
    const state = freeBytes < FULL_BELOW_BYTES ? 'full' : freeBytes < neededBytes ? 'low' : 'ok';
    return { path: dir, freeBytes, totalBytes, neededBytes, state };
  } catch {
    return null;
  }
}

/**
 * The space under an archive: its folder's disk, and the backups folder's when that is another disk. Each
 * wants room for one more backup (the archive's size) plus working room.
 */
export function archiveDisks(archiveFile: string, backupDir: string): DiskSpace[] {
  const needed = archiveBytes(archiveFile) + WORKING_ROOM_BYTES;
  const dir = dirname(archiveFile);
  const out: DiskSpace[] = [];
  const main = diskSpace(dir, needed);
  if (main) out.push(main);
  if (existsSync(backupDir)) {
    try {
      if (statSync(backupDir).dev !== statSync(dir).dev) {
        const other = diskSpace(backupDir, needed);
        if (other) out.push(other);
      }
    } catch {
      // a folder that vanished meanwhile has no disk to report
    }
  }
  return out;
}

/** The health warning for a disk that is full or nearly full: the figures and what to do; null when fine. */
export function diskWarning(disk: DiskSpace, what: 'archive' | 'backups'): string | null {
  const holder = what === 'archive' ? `the archive (${disk.path})` : `the archive's backups (${disk.path})`;
  const free = sizeWords(disk.freeBytes);
  if (disk.state === 'full')
    return (
      `The disk holding ${holder} is full: ${free} free of ${sizeWords(disk.totalBytes)}. Imports, edits and ` +
      'backups fail until space is freed: delete or move files on that disk and empty the trash, or move the ' +
      'archive to a disk with more room. Everything saved so far is safe.'
    );
  if (disk.state === 'low')
    return (
      `The disk holding ${holder} is nearly full: ${free} free, while a backup needs about ` +
      `${sizeWords(disk.neededBytes - WORKING_ROOM_BYTES)} plus room for imports (${sizeWords(disk.neededBytes)} ` +
      'in all). Free space on that disk, or move the archive to a larger one, before it fills up.'
    );
  return null;
}
