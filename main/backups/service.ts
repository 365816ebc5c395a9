// Data safety of an open archive: snapshots (manual, scheduled, before risky operations), restore,
// portable .tala files (export, merge by UUID) and the full integrity check with placement warnings.
import { copyFileSync, existsSync, linkSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError, toErrorInfo } from '../../shared/errors';
import type { ArchiveHealth, BackupInfo, BackupReason } from '../../shared/types';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { StorageError } from '../db/storage-errors';
import { sql } from '../db/sql';
import { spaceReport } from '../db/space';
import { cloudSyncedFolder } from '../archive/paths';
import { BACKUP_SCHEDULES, type BackupSchedule, type BackupScheduleInfo } from '../../shared/archives';
import {
  assertWritableFolder,
  backupDirFor,
  createBackup,
  listBackups,
  snapshotInto,
  verifyBackupFile,
} from './backups';
import { archiveDisks, diskWarning } from './disk';
import { assertNotDamaged } from './integrity';
import { readState, writeState } from '../search/indexer';
import { exportPortable, mergePortable, type MergeReport } from './portable';

const SCHEDULE_KEY = 'backup.schedule';
const BACKUP_DIR_KEY = 'backup.dir';
const HOUR_MS = 60 * 60 * 1000;
/** How long after the newest backup the next automatic one is due. */
export const SCHEDULE_INTERVAL_MS: Readonly<Record<Exclude<BackupSchedule, 'off'>, number>> = {
  hourly: HOUR_MS,
  daily: 24 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
};
export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = 'daily';

export class BackupService {
  /** The backup folder Settings named for this archive (a folder of its own inside the chosen one); null: default. */
  private customDir: string | null = null;

  constructor(private readonly db: Database) {}

  /** Reads this archive's backup folder setting (on open, and after a restore replaced the settings). */
  async load(): Promise<void> {
    const row = await this.db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${BACKUP_DIR_KEY}`);
    let dir: unknown = null;
    try {
      dir = row ? (JSON.parse(row.value) as { dir?: unknown }).dir : null;
    } catch {
      /* an unreadable value counts as the default */
    }
    this.customDir = typeof dir === 'string' && isAbsolute(dir) ? dir : null;
  }

  /** Where new backups go: the folder named in Settings, else `backups` beside the archive. */
  get dir(): string {
    return this.customDir ?? backupDirFor(this.db.path);
  }

  get archivePath(): string {
    return this.db.path;
  }

  /** Takes a snapshot now (on demand, on schedule, or before a risky operation). */
  create(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    // Read-only: the folder beside the archive cannot be written, but a backup folder chosen elsewhere (another
    // disk) or a file named now (writeTo) still can.
    if (!this.canBackUp)
      return Promise.reject(
        new StorageError(
          'readonly',
          this.db.path,
          `${this.db.refusal().message} A backup can still be written to a disk you can write to: ` +
            'tala backup FILE.',
        ),
      );
    return createBackup(this.db, reason, new Date(), this.dir);
  }

  /**
   * A snapshot written to `file` only (never over an existing file), nothing in the archive's folder: what an
   * archive open read-only can still do, and what a failing disk most needs. The copy is complete or absent:
   * it is written beside the target under `.partial` and takes the name only once whole.
   */
  async writeTo(file: string): Promise<BackupInfo> {
    const target = resolve(file);
    const refused = (why: string) => new AppError('ARCHIVE_ERROR', `The backup was not written to ${file}: ${why}.`);
    if (existsSync(target)) throw refused('a file of that name already exists');
    const partial = `${target}.partial`;
    const at = new Date();
    try {
      await snapshotInto(this.db, partial, target);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw refused(code ? `the file cannot be written (${code})` : toErrorInfo(err).message);
    }
    try {
      // A hard link takes the name only if it is still free; a medium without links (FAT) gets a rename.
      linkSync(partial, target);
      rmSync(partial, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        rmSync(partial, { force: true });
        throw refused('a file of that name already exists');
      }
      renameSync(partial, target);
    }
    return { file: target, createdAt: at.toISOString(), reason: 'manual', bytes: statSync(target).size };
  }

  /** Whether backups can be made into the backup folder: the archive can be written, or the folder is elsewhere. */
  get canBackUp(): boolean {
    return this.db.readOnlyReason === undefined || this.customDir !== null;
  }

  /** Why the archive is open read-only; undefined when it can be written. */
  get readOnlyReason(): string | undefined {
    return this.db.readOnlyReason;
  }

  /** Newest first: those in the backup folder, and those left beside the archive (before a folder was named). */
  list(): BackupInfo[] {
    const own = listBackups(this.db.path);
    if (this.customDir === null) return own;
    return [...listBackups(this.db.path, this.customDir), ...own].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
  }

  /** The automatic backup schedule (kept in this archive's local settings, never merged or shared). */
  async schedule(now = new Date()): Promise<BackupScheduleInfo> {
    const row = await this.db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${SCHEDULE_KEY}`);
    let every = DEFAULT_BACKUP_SCHEDULE;
    try {
      const stored = row ? (JSON.parse(row.value) as { every?: unknown }).every : undefined;
      if ((BACKUP_SCHEDULES as readonly unknown[]).includes(stored)) every = stored as BackupSchedule;
    } catch {
      /* an unreadable value counts as the default */
    }
    const newest = this.list()[0];
    const lastBackupAt = newest?.createdAt ?? null;
    const nextDueAt =
      every === 'off'
        ? null
        : new Date(lastBackupAt ? Date.parse(lastBackupAt) + SCHEDULE_INTERVAL_MS[every] : now.getTime()).toISOString();
    const readOnly = this.db.readOnlyReason;
    return {
      every,
      lastBackupAt,
      nextDueAt,
      dir: this.dir,
      customDir: this.customDir !== null,
      ...(readOnly !== undefined ? { readOnly } : {}),
    };
  }

  async setSchedule(every: BackupSchedule): Promise<BackupScheduleInfo> {
    const value = JSON.stringify({ every });
    await this.db.transaction((tx) =>
      tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${SCHEDULE_KEY}, ${value},
        ${new Date().toISOString()})
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    );
    return this.schedule();
  }

  /**
   * Names the folder for this archive's backups (`null`: back to `backups` beside the archive). Backups go into a
   * folder of their own inside it, so archives sharing a disk never rotate each other's; naming the same folder
   * again keeps that one. Refused: a relative path, the archive's own folder, a file, a folder that cannot be
   * made or written. Backups made before stay where they are (and are still listed when beside the archive).
   */
  async setBackupDir(chosen: string | null): Promise<BackupScheduleInfo> {
    this.assertBackupDirChangeable();
    let value: string | null = null;
    if (chosen !== null) {
      if (!isAbsolute(chosen)) {
        throw new AppError('INVALID_REQUEST', `Name the backup folder with its full path (not "${chosen}").`);
      }
      const parent = resolve(chosen);
      const archiveDir = dirname(this.db.path);
      if (parent === archiveDir || parent === this.db.path) {
        throw new AppError(
          'INVALID_REQUEST',
          `${parent} is the archive's own folder: choose another one (the default keeps backups in ` +
            `${backupDirFor(this.db.path)}).`,
        );
      }
      value =
        this.customDir !== null && dirname(this.customDir) === parent
          ? this.customDir
          : join(parent, `${basename(archiveDir) || 'archive'}-${randomUUID().slice(0, 8)}`);
      assertWritableFolder(parent, value);
    }
    await this.db.transaction((tx) =>
      value === null
        ? tx.run(sql`DELETE FROM settings WHERE key = ${BACKUP_DIR_KEY}`)
        : tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${BACKUP_DIR_KEY},
            ${JSON.stringify({ dir: value })}, ${new Date().toISOString()})
                   ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    );
    this.customDir = value;
    return this.schedule();
  }

  /**
   * The backup folder is a setting kept in the archive, so an archive open read-only cannot change it: refused
   * before any picker opens or any folder is made. A backup elsewhere still works (Back up now asks for a folder;
   * `tala backup FILE`), and a folder named before the archive became read-only is still used.
   */
  assertBackupDirChangeable(): void {
    if (this.db.readOnlyReason === undefined) return;
    throw new StorageError(
      'readonly',
      this.db.path,
      `The archive ${this.db.path} is open read-only (${this.db.readOnlyReason}), so its backup folder cannot be ` +
        'changed: the choice is kept in the archive. A backup can still be written elsewhere: Back up now asks ' +
        'for a folder on another disk (command line: tala backup FILE). Nothing was changed.',
    );
  }

  /** Whether the schedule calls for an automatic backup now. */
  async scheduledBackupDue(now = new Date()): Promise<boolean> {
    const { nextDueAt } = await this.schedule(now);
    return nextDueAt !== null && Date.parse(nextDueAt) <= now.getTime();
  }

  /**
   * Replaces the archive's content with a backup. The current content is backed up first, so a
   * restore can itself be undone. The backup is brought up to date and checked on a private copy; the archive
   * then takes that copy in one step (the online backup API writes every page in one transaction), so a
   * failure at any point leaves the archive as it was, with nothing to put back.
   */
  async restore(file: string): Promise<{ safetyBackup: BackupInfo }> {
    if (this.db.readOnlyReason !== undefined) throw this.db.refusal();
    await verifyBackupFile(file);
    const safetyBackup = await createBackup(this.db, 'pre-restore', new Date(), this.dir);
    const work = mkdtempSync(join(tmpdir(), 'tala-restore-'));
    try {
      const copy = join(work, 'restore.sqlite');
      copyFileSync(file, copy);
      const epoch = await readState(this.db, 'terms_epoch');
      const staged = await Database.open(copy, { reader: false });
      try {
        await migrate(staged);
        await assertNotDamaged(staged);
        // The backup's search vocabulary may lack words the archive has now: its epoch moves past the archive's, as
        // after a rebuild, so what any process remembers of the vocabulary (the import commits' known words, the
        // search's term list) is read again instead of trusted.
        await writeState(staged, 'terms_epoch', Math.max(epoch, await readState(staged, 'terms_epoch')) + 1);
      } finally {
        await staged.close();
      }
      await this.db.exclusive(() => this.db.restoreFrom(copy));
    } catch (err) {
      throw new AppError(
        'ARCHIVE_ERROR',
        `Restoring ${file} failed (${toErrorInfo(err).message}); the archive was left as it was. ` +
          `Its content before the attempt is also kept in ${safetyBackup.file}.`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    await this.load(); // the restored content brings its own settings
    return { safetyBackup };
  }

  /** Writes the whole archive (documents, passages, annotations, versions, tags…) into one portable file. */
  exportPortable(file: string): Promise<void> {
    return exportPortable(this.db, file);
  }

  /** Merges a portable archive file into this one by UUID, without duplicates. */
  async importPortable(file: string): Promise<MergeReport> {
    if (this.db.readOnlyReason !== undefined) throw this.db.refusal();
    const { report } = await mergePortable(this.db, file);
    return report;
  }

  /** Full integrity check (slow on big archives: run it in the background) plus placement warnings. */
  async health(): Promise<ArchiveHealth> {
    // integrity_check has FTS5 check its index with the structure this connection last read: a connection kept open
    // while another merged the search index (search/index-merge.ts) would report the merged-away segments as
    // corruption. A search statement first, in the same read transaction, makes FTS5 read the current structure.
    const rows = await this.db.read(async (rd) => {
      await rd.all(sql`SELECT rowid FROM search_fts WHERE search_fts MATCH '"zzqxjhealth"' LIMIT 1`).catch(() => []);
      return rd.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    });
    const cloud = cloudSyncedFolder(this.db.path);
    const warnings = cloud
      ? [
          `This archive is inside a folder synced by ${cloud}. Sync clients can corrupt open` +
            ` databases: move the archive to a folder that is not synced and rely on Tala's backups instead.`,
        ]
      : [];
    if (this.db.readOnlyReason !== undefined)
      warnings.push(
        `This archive is open read-only (${this.db.readOnlyReason}): you can read, search and copy it out, but ` +
          'imports, edits, annotations and backups into its folder are refused, and team sync is paused, until ' +
          'it can be written (a backup to a file elsewhere still works: tala backup FILE).',
      );
    // An archive made before incremental auto-vacuum and too large to convert at open keeps what deletes free.
    const space = await spaceReport(this.db);
    if (space.autoVacuum !== 'incremental' && space.freeBytes > 0 && this.db.readOnlyReason === undefined) {
      const free = space.freeBytes / 1e6;
      if (free >= 16 || space.freeBytes >= space.fileBytes / 4)
        warnings.push(
          `${free.toFixed(1)} MB of this archive's ${(space.fileBytes / 1e6).toFixed(1)} MB is space freed by ` +
            'deletes that the file keeps for later imports: it was made before Tala gave freed space back, and ' +
            'at this size it is not rewritten when it opens. A restore of a backup (backups are compact) gives ' +
            'a file without it.',
        );
    }
    const disks = archiveDisks(this.db.path, this.dir);
    disks.forEach((disk, i) => {
      const warning = diskWarning(disk, i === 0 ? 'archive' : 'backups');
      // Running low matters only to an archive that can be written.
      if (warning && (this.db.readOnlyReason === undefined || disk.state === 'full')) warnings.push(warning);
    });
    return { integrity: rows.map((r) => r.integrity_check).join('; '), warnings, disks };
  }
}
