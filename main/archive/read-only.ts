// Read-only mode: an archive whose file or folder cannot be written (a read-only medium, permissions, a full
// disk) still opens, for reading and searching; every write is refused with one sentence (Database.refusal).
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import { diskSpace, FULL_BELOW_BYTES } from '../backups/disk';
import { Database } from '../db/connection';
import { storageProblem } from '../db/storage-errors';

function writeProblem(path: string): NodeJS.ErrnoException | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/**
 * Why an existing archive cannot be written (its file, or its folder, where SQLite keeps -wal/-shm); null if it
 * can.
 */
export function cannotWriteReason(file: string): string | null {
  const problem = writeProblem(file) ?? writeProblem(dirname(file));
  if (!problem) return null;
  if (problem.code === 'EROFS') return 'it is on a read-only disk';
  if (problem.code === 'EACCES' || problem.code === 'EPERM')
    return 'you may not write to the file or its folder (permissions)';
  return `the file or its folder cannot be written (${problem.code ?? 'error'})`;
}

/** A normal open failed: is the disk full? (Then the archive is opened read-only, with that reason.) */
export function fullDiskReason(file: string, err: unknown): string | null {
  const problem = storageProblem(err);
  const ioError = /SQLITE_IOERR|SQLITE_CANTOPEN|ENOSPC/.test(err instanceof Error ? err.message : String(err));
  if (problem !== 'full' && !ioError) return null;
  const disk = diskSpace(dirname(file), 0);
  return disk && disk.freeBytes < FULL_BELOW_BYTES ? 'its disk is full: free some space and open it again' : null;
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

async function probe(db: Database): Promise<Database> {
  try {
    await db.get({ text: 'SELECT count(*) AS n FROM sqlite_master', params: [] });
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Opens an archive that cannot be written. SQLite reads a WAL archive read-only when it can use (or make) the
 * -shm file; where it cannot (a read-only folder or medium, a full disk) and no write-ahead log is pending, the
 * file is opened as immutable. A pending log (the last session was not closed) needs a writable copy.
 */
export async function openReadOnly(file: string, reason: string): Promise<Database> {
  try {
    return await probe(await Database.open(file, { readOnly: true, readOnlyReason: reason }));
  } catch (err) {
    if (walBytes(file) > 0)
      throw new AppError(
        'ARCHIVE_ERROR',
        `Cannot open the archive at ${file}: ${reason}, and changes from its last session still wait in ` +
          `${file}-wal, which only a writable copy can take in. Copy the archive's folder to a disk you can write ` +
          'to and open the copy.',
      );
    return probe(await Database.open(file, { immutable: true, readOnlyReason: reason }));
  }
}
