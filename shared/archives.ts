// Channels of the archive itself as a place: which archive is open (path, size, documents), the archives
// opened before, creating / opening / switching one, and the automatic backup schedule.
import { bool, none, obj, oneOf, optional, str, type Validator } from './validate';

/** The open archive, as Settings shows it. */
export interface ArchiveSummary {
  /** The archive's folder (what `--archive DIR` names). */
  dir: string;
  /** The SQLite file inside it. */
  file: string;
  /** Bytes on disk: the file with its write-ahead log. */
  bytes: number;
  documents: number;
  passages: number;
  annotations: number;
}

/** An archive opened before on this computer (kept by the desktop app and `npm run web`). */
export interface RecentArchive {
  dir: string;
  /** ISO timestamp of the last time it was opened here. */
  openedAt: string;
  /** The open one. */
  current: boolean;
  /** Whether its archive file is still there. */
  exists: boolean;
}

export const BACKUP_SCHEDULES = ['off', 'hourly', 'daily', 'weekly'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

export interface BackupScheduleInfo {
  every: BackupSchedule;
  /** When the newest backup of any kind was made (null: none yet). */
  lastBackupAt: string | null;
  /** When the next automatic backup is due (null: schedule off); a time in the past means at the next check. */
  nextDueAt: string | null;
  /** The folder new backups go into. */
  dir: string;
  /** Whether it is one named in Settings (false: `backups` beside the archive). */
  customDir: boolean;
  /** Why the archive is open read-only, when it is: the backup folder cannot be changed then. */
  readOnly?: string;
}

export interface ArchivesRequests {
  'archives.current': void;
  'archives.recent': void;
  /**
   * Desktop and CLI only (a folder on this computer): make a new, empty archive there and switch to it. Without
   * `dir`, the desktop asks with its folder picker.
   */
  'archives.create': { dir?: string };
  /** Desktop and CLI only: open the archive in a folder and switch to it; without `dir`, the folder picker. */
  'archives.open': { dir?: string };
  /** Every door: switch to one of the recent archives (the browser may name no other folder). */
  'archives.switch': { dir: string };
  /** Every door: drop an archive from the recent list (its files stay where they are). */
  'archives.forget': { dir: string };
  'archive.schedule': void;
  'archive.setSchedule': { every: BackupSchedule };
  /**
   * Desktop and CLI only (a folder on this computer): where this archive's backups go; `reset` goes back to
   * `backups` beside the archive; neither: the desktop asks with its folder picker.
   */
  'archive.setBackupDir': { dir?: string; reset?: boolean };
}

export interface ArchivesResponses {
  'archives.current': ArchiveSummary;
  'archives.recent': RecentArchive[];
  /** `null`: the person closed the folder picker without choosing. */
  'archives.create': ArchiveSummary | null;
  'archives.open': ArchiveSummary | null;
  'archives.switch': ArchiveSummary;
  'archives.forget': RecentArchive[];
  'archive.schedule': BackupScheduleInfo;
  'archive.setSchedule': BackupScheduleInfo;
  /** Unchanged when the person closed the folder picker without choosing. */
  'archive.setBackupDir': BackupScheduleInfo;
}

const DIR = str({ min: 1, max: 4096 });

export const archivesRequestValidators: { [C in keyof ArchivesRequests]: Validator<ArchivesRequests[C]> } = {
  'archives.current': none,
  'archives.recent': none,
  'archives.create': obj({ dir: optional(DIR) }),
  'archives.open': obj({ dir: optional(DIR) }),
  'archives.switch': obj({ dir: DIR }),
  'archives.forget': obj({ dir: DIR }),
  'archive.schedule': none,
  'archive.setSchedule': obj({ every: oneOf(BACKUP_SCHEDULES) }),
  'archive.setBackupDir': obj({ dir: optional(DIR), reset: optional(bool) }),
};
