// What SQLite says about the storage under an archive, as sentences for a person that name the file: a full
// disk, a file another program keeps locked for writing, a file or folder that cannot be written. Other
// errors pass through unchanged (the doors log them as faults).
import { AppError } from '../../shared/errors';

export type StorageProblem = 'full' | 'busy' | 'readonly';

/** An AppError about the storage; `problem` lets callers that know better (a backup's target) re-word it. */
export class StorageError extends AppError {
  constructor(
    readonly problem: StorageProblem,
    readonly file: string,
    message: string,
  ) {
    super('ARCHIVE_ERROR', message);
  }
}

const PATTERNS: Array<[StorageProblem, RegExp]> = [
  ['full', /SQLITE_FULL|ENOSPC|database or disk is full/],
  ['busy', /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/],
  ['readonly', /SQLITE_READONLY|attempt to write a readonly database|EROFS/],
];

/** Which storage problem an error reports, if any. */
export function storageProblem(err: unknown): StorageProblem | null {
  if (err instanceof StorageError) return err.problem;
  if (err instanceof AppError) return null;
  const message = err instanceof Error ? err.message : String(err);
  for (const [problem, pattern] of PATTERNS) if (pattern.test(message)) return problem;
  return null;
}

export function diskFullError(file: string): StorageError {
  return new StorageError(
    'full',
    file,
    `The disk is full: ${file} could not be written. Nothing was changed; free some space and try again.`,
  );
}

export function busyError(file: string, waitedMs: number): StorageError {
  const waited = Math.max(1, Math.round(waitedMs / 1000));
  return new StorageError(
    'busy',
    file,
    `Another program has been writing to the archive ${file} for ${waited} s and has not finished; nothing was ` +
      'changed. Try again when it is done (a command-line import, another Tala window or a sync tool).',
  );
}

/** Why an archive cannot be written, when nothing more precise is known. */
export const CANNOT_WRITE = 'the file or its folder cannot be written';

export function readOnlyError(file: string, reason: string = CANNOT_WRITE): StorageError {
  return new StorageError(
    'readonly',
    file,
    `The archive ${file} is open read-only (${reason}): searching and reading work, changes cannot be saved. ` +
      'Nothing was changed.',
  );
}

/** The storage error of `err` naming `file`, or `err` itself when it is about something else. */
export function storageError(err: unknown, file: string, waitedMs = 0, readOnlyReason?: string): unknown {
  switch (storageProblem(err)) {
    case 'full':
      return err instanceof StorageError && err.file === file ? err : diskFullError(file);
    case 'busy':
      return err instanceof StorageError ? err : busyError(file, waitedMs);
    case 'readonly':
      return err instanceof StorageError ? err : readOnlyError(file, readOnlyReason);
    default:
      return err;
  }
}
