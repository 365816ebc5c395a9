// Where archives live on disk. The default folder matches Electron's userData for productName "Tala",
// so the CLI and the desktop app open the same archive.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ARCHIVE_FILE_NAME = 'archive.sqlite';

export function defaultArchiveDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.TALA_ARCHIVE) return env.TALA_ARCHIVE;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tala');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tala');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Tala');
}

/**
 * This computer's Tala folder (the default archive's, whatever TALA_ARCHIVE says): where the list of recent
 * archives is kept, shared by the desktop app and `npm run web`.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return defaultArchiveDir({ ...env, TALA_ARCHIVE: '' }, platform);
}

export function archiveFileIn(dir: string): string {
  return join(dir, ARCHIVE_FILE_NAME);
}

// Folder names used by common sync clients. An open SQLite file (with its -wal file) being synced
// is a known cause of corruption.
const CLOUD_FOLDERS: Array<[RegExp, string]> = [
  [/^dropbox( \(.+\))?$/i, 'Dropbox'],
  [/^onedrive( - .+)?$/i, 'OneDrive'],
  [/^(google drive|my drive|googledrive)$/i, 'Google Drive'],
  [/^(icloud drive|mobile documents|icloud~.*|com~apple~clouddocs)$/i, 'iCloud Drive'],
  [/^(nextcloud|owncloud)$/i, 'Nextcloud/ownCloud'],
  [/^(pcloud drive|pclouddrive)$/i, 'pCloud'],
  [/^(mega|megasync)$/i, 'MEGA'],
  [/^(box|box sync)$/i, 'Box'],
  [/^(seafile|sync)$/i, 'a sync client'],
];

/** Name of the sync service whose folder contains `path`, if any. */
export function cloudSyncedFolder(path: string): string | undefined {
  for (const segment of path.split(/[\\/]+/)) {
    for (const [pattern, name] of CLOUD_FOLDERS) if (pattern.test(segment)) return name;
  }
  return undefined;
}
