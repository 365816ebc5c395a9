// Paths the person handed to the desktop app: a file or folder picked in a native dialog of the main process or
// dropped on the window (the preload reports each, from Electron's webUtils, which yields a path only for a File
// the user gave the page). A renderer that is compromised can forge neither, so over IPC a request may name only
// granted paths, or what lies inside a granted folder (issue 16: it could otherwise import any file it likes and
// read it back as an original).
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** The real path of `path` (symbolic links and `..` resolved); a missing file: its real folder + its name. */
function realPath(path: string): string | null {
  if (!isAbsolute(path)) return null;
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return null;
    }
  }
}

export class PathGrants {
  private readonly granted = new Set<string>();

  /** The person gave this file or folder to the app. */
  grant(path: string): void {
    const real = realPath(resolve(path));
    if (real) this.granted.add(real);
  }

  /** Whether `path` is a granted file or folder, or inside a granted folder (judged by where it really is). */
  covers(path: string): boolean {
    const real = realPath(path);
    if (!real) return false;
    for (let at = real; ; at = dirname(at)) {
      if (this.granted.has(at)) return true;
      if (dirname(at) === at) return false;
    }
  }

  get size(): number {
    return this.granted.size;
  }
}

/** The refusal of a request over IPC naming a path the person did not give the app. */
export const PATH_NOT_GRANTED =
  'That file or folder was not chosen in this window: pick it with Import… or drop it on the window.';
