// Clean-close stamp: how an open knows the archive was closed cleanly and left alone since, so it can skip the
// whole-file quick_check. Closing writes `<archive>-closed` with the size and modification time of the archive
// and its -wal file as they are after the close; opening reads it and deletes it before anything is written.
// The check is skipped only when the stamp is there and the files still match it. So a crash (no stamp: it was
// deleted at open and never written back), another program's writes (a sync client, a failing disk, a second
// Tala still writing: the files changed after the stamp) and archives from earlier versions (no stamp) are all
// checked in full on open, as before.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

interface FileState {
  size: number;
  mtimeMs: number;
}

interface Stamp {
  archive: FileState;
  wal: FileState | null;
}

const stampPath = (file: string) => `${file}-closed`;

function fileState(path: string): FileState | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

function current(file: string): Stamp | null {
  const archive = fileState(file);
  return archive && { archive, wal: fileState(`${file}-wal`) };
}

const same = (a: FileState | null, b: FileState | null) =>
  a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs);

/**
 * True when the archive was closed cleanly and nothing touched it since. Consumes the stamp, so call it once,
 * before the archive is opened (opening may create the -wal file).
 */
export function takeCleanClose(file: string): boolean {
  const path = stampPath(file);
  if (!existsSync(path)) return false;
  let stamp: Stamp | null;
  try {
    stamp = JSON.parse(readFileSync(path, 'utf8')) as Stamp;
  } catch {
    stamp = null;
  }
  rmSync(path, { force: true });
  const now = current(file);
  return stamp !== null && now !== null && same(stamp.archive, now.archive) && same(stamp.wal, now.wal);
}

/** Records a clean close; call after every connection of this archive in this process is closed. */
export function stampCleanClose(file: string): void {
  const now = current(file);
  if (!now) return;
  try {
    writeFileSync(stampPath(file), JSON.stringify(now), { mode: 0o600 });
  } catch {
    // Without a stamp the next open simply runs the full check.
  }
}
