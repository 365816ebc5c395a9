// Archives, backups, exports and their temporary files are readable by their owner only: on a machine with
// several accounts, the default umask (0644 files in 0755 folders) would hand every archive to every user.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and missing parents) owner-only; an existing folder keeps its mode. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates an empty owner-only file for SQLite to fill (VACUUM INTO accepts an empty target; a new database
 * takes it over, and SQLite gives its -wal and -shm files the same mode).
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
}

/** Writes a file the user asked for (an export, an original) owner-only; `wx` refuses to overwrite. */
export function writePrivateFile(file: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  writeFileSync(file, data, { flag, mode: PRIVATE_FILE_MODE });
}

/** Narrows files and folders this user owns that an earlier version created readable by everyone. */
export function tightenExisting(paths: Array<{ path: string; dir?: boolean }>): void {
  const uid = process.getuid?.();
  if (uid === undefined) return; // Windows: modes do not apply
  for (const { path, dir } of paths) {
    try {
      if (!existsSync(path)) continue;
      const stat = statSync(path);
      const mode = dir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
      if (stat.uid === uid && (stat.mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
    } catch {
      // A read-only file system or medium: nothing to tighten there, and nothing to fail for.
    }
  }
}
