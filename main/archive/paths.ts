// Where archives live on disk. The default folder matches Electron's userData for productName "Tala",
// so the CLI and the desktop app open the same archive.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ARCHIVE_FILE_NAME = 'archive.sqlite';

export function defaultArchiveDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TALA_ARCHIVE) return env.TALA_ARCHIVE;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tala');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tala');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Tala');
}

export function archiveFileIn(dir: string): string {
  return join(dir, ARCHIVE_FILE_NAME);
}
