// Local paths the desktop window hands to the main process: the folder a `webkitdirectory` pick came from (the
// renderer imports that folder; the preload grants it, see main/api/path-grants.ts), and the IPC channel on
// which the preload reports what the person gave the window.

/** The preload's synchronous message: [path of a File the person picked or dropped, the folder it was picked in?]. */
export const GRANT_CHANNEL = 'tala-grant:paths';

/**
 * The folder a `webkitdirectory` pick came from, as a local path: the file's path minus its path inside the
 * folder, plus the folder's name. Null when the paths do not line up (then the files are uploaded).
 */
export function pickedFolderPath(localPath: string, relativePath: string): { folder: string; base: string } | null {
  const parts = relativePath.split('/');
  if (parts.length < 2) return null;
  const sep = localPath.includes('\\') && !localPath.includes('/') ? '\\' : '/';
  const inside = parts.slice(1).join(sep);
  if (!localPath.endsWith(sep + inside)) return null;
  const folder = localPath.slice(0, localPath.length - inside.length - 1);
  if (!folder.endsWith(sep + parts[0]) && folder !== parts[0]) return null;
  return { folder, base: folder.slice(0, folder.length - parts[0].length) };
}
