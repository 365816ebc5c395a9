// Restore for an archive that cannot be opened at all (damaged, or left unreadable by an older build's failed
// restore): `tala restore <backup>` must still work, or a damaged archive's own advice would lead in a circle.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../shared/types';
import { nextBackupFile, verifyBackupFile } from './backups';

/**
 * Checks the backup, keeps the current file byte for byte as a pre-restore backup (with its WAL), then puts a
 * copy of the backup in its place. Only for a file nothing else can have open: opening it has just failed.
 */
export async function restoreUnopenable(archiveFile: string, backupFile: string): Promise<BackupInfo> {
  await verifyBackupFile(backupFile);
  const { file: kept, at } = nextBackupFile(archiveFile, 'pre-restore');
  copyFileSync(archiveFile, `${kept}.partial`);
  if (existsSync(`${archiveFile}-wal`)) copyFileSync(`${archiveFile}-wal`, `${kept}-wal`);
  renameSync(`${kept}.partial`, kept);

  const incoming = `${archiveFile}.restoring`;
  copyFileSync(backupFile, incoming);
  // The old WAL must go before the new file arrives: SQLite would otherwise replay it onto the backup.
  rmSync(`${archiveFile}-wal`, { force: true });
  rmSync(`${archiveFile}-shm`, { force: true });
  renameSync(incoming, archiveFile);
  return { file: kept, createdAt: at.toISOString(), reason: 'pre-restore', bytes: statSync(kept).size };
}
