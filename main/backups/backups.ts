// Automatic rotating backups of an archive, taken with VACUUM INTO (a consistent snapshot even while
// the archive is in use), and restore through SQLite's online backup API.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupReason } from '../../shared/types';
import { Database } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { readShape, schemaDifferences } from '../db/schema-shape';
import { sql } from '../db/sql';
import { diskFullError, storageProblem } from '../db/storage-errors';
import { createPrivateFile, makePrivateDir } from './private-files';

export const BACKUP_DIR_NAME = 'backups';
/** Automatic backups kept per archive; manual ones are never deleted by rotation. */
export const KEEP_AUTOMATIC_BACKUPS = 10;
export const SCHEDULED_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const NAME_PATTERN = /^tala-(\d{8}T\d{6}(?:\d{3})?Z)-(scheduled|manual|pre-migration|pre-restore|pre-delete)\.sqlite$/;

export function backupDirFor(archiveFile: string): string {
  return join(dirname(archiveFile), BACKUP_DIR_NAME);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z$/.exec(s)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ?? '000'}Z`;
}

/** The backups of an archive in `dir` (its own backups folder unless Settings named another). */
export function listBackups(archiveFile: string, dir = backupDirFor(archiveFile)): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME_PATTERN.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    out.push({ file: path, createdAt: parseStamp(m[1]), reason: m[2] as BackupReason, bytes: statSync(path).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Makes `folder` (a backup folder inside `parent`, the one the person chose) and checks a file can be written in
 * it; refuses with a sentence that names the chosen folder otherwise.
 */
export function assertWritableFolder(parent: string, folder: string): void {
  if (existsSync(parent) && !statSync(parent).isDirectory()) {
    throw new AppError('INVALID_REQUEST', `${parent} is a file, not a folder: choose a folder for the backups.`);
  }
  try {
    makePrivateDir(folder);
    const probe = join(folder, `.tala-write-test-${process.pid}`);
    createPrivateFile(probe);
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AppError('INVALID_REQUEST', `Backups cannot be written into ${parent} (${code}): choose another folder.`);
  }
}

/** A new backup file name for `reason` (the folder is created), one millisecond later while the name is taken. */
export function nextBackupFile(
  archiveFile: string,
  reason: BackupReason,
  now = new Date(),
  dir = backupDirFor(archiveFile),
): { file: string; at: Date } {
  makePrivateDir(dir);
  let at = now;
  let file = join(dir, `tala-${stamp(at)}-${reason}.sqlite`);
  while (existsSync(file)) {
    at = new Date(at.getTime() + 1);
    file = join(dir, `tala-${stamp(at)}-${reason}.sqlite`);
  }
  return { file, at };
}

/** Writes a snapshot of `db` into the backup folder (the archive's own by default) and rotates old automatic ones. */
export async function createBackup(
  db: Database,
  reason: BackupReason,
  now = new Date(),
  dir = backupDirFor(db.path),
): Promise<BackupInfo> {
  const { file, at } = nextBackupFile(db.path, reason, now, dir);
  const partial = `${file}.partial`;
  // VACUUM INTO writes a complete, compact copy; renaming afterwards means a crash never leaves a
  // half-written file that looks like a backup.
  await snapshotInto(db, partial, file);
  renameSync(partial, file);
  rotateBackups(db.path, KEEP_AUTOMATIC_BACKUPS, dir);
  return { file, createdAt: at.toISOString(), reason, bytes: statSync(file).size };
}

/**
 * Writes a consistent copy of `db` into `partial` (owner-only). If that fails, no partial file is left behind,
 * and a full disk is named as such, with the file the user asked for (`target`).
 */
export async function snapshotInto(db: Database, partial: string, target: string): Promise<void> {
  rmSync(partial, { force: true });
  try {
    createPrivateFile(partial);
    await db.exclusive(() => db.run(sql`VACUUM INTO ${partial}`));
  } catch (err) {
    rmSync(partial, { force: true });
    throw diskError(err, target);
  }
}

/** SQLITE_FULL / ENOSPC as a sentence that names the file; other errors unchanged. */
export function diskError(err: unknown, file: string): unknown {
  return storageProblem(err) === 'full' ? diskFullError(file) : err;
}

export function rotateBackups(
  archiveFile: string,
  keep = KEEP_AUTOMATIC_BACKUPS,
  dir = backupDirFor(archiveFile),
): void {
  const automatic = listBackups(archiveFile, dir).filter((b) => b.reason !== 'manual');
  for (const old of automatic.slice(keep)) rmSync(old.file, { force: true });
}

/** True when no backup is younger than the interval (the scheduler calls this at start and hourly). */
export function scheduledBackupDue(
  archiveFile: string,
  now = new Date(),
  interval = SCHEDULED_BACKUP_INTERVAL_MS,
): boolean {
  const newest = listBackups(archiveFile)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= interval;
}

/**
 * Opens a would-be backup read-only and checks it is a healthy Tala archive this build can read. `ignoreCode`
 * accepts extra views and triggers (a portable file's merge reads tables only and drops them from its copy).
 */
export async function verifyBackupFile(
  file: string,
  options: { ignoreCode?: boolean } = {},
): Promise<{ schemaVersion: number }> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `No backup file at ${file}.`);
  let db: Database | undefined;
  try {
    db = await Database.open(file, { readOnly: true });
    const check = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    if (check[0]?.integrity_check !== 'ok')
      throw new AppError('ARCHIVE_DAMAGED', `${basename(file)} is damaged: ${check[0]?.integrity_check}`);
    const version = await schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION)
      throw new AppError('ARCHIVE_ERROR', `${basename(file)} was written by a newer version of Tala.`);
    // Known version, and exactly the tables, columns, views and triggers our migrations give that version.
    const differences =
      version < 1 ? ['no schema version'] : await schemaDifferences(await readShape(db), version, options);
    if (differences.length > 0) {
      const shown =
        differences.slice(0, 5).join(', ') + (differences.length > 5 ? `, and ${differences.length - 5} more` : '');
      throw new AppError('INVALID_REQUEST', `${basename(file)} is not a Tala archive (${shown}); nothing was changed.`);
    }
    return { schemaVersion: version };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'INVALID_REQUEST',
      `${basename(file)} cannot be read as a Tala archive: ${(err as Error).message}`,
    );
  } finally {
    await db?.close();
  }
}
