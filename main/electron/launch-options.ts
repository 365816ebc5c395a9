// Reads how the desktop app was started (archive folder, smoke mode). Pure, so it is unit-tested.
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface LaunchOptions {
  /** Folder holding archive.sqlite. */
  archiveDir: string;
  /** True when --archive or TALA_ARCHIVE chose the folder (instead of Electron's userData). */
  archiveDirOverridden: boolean;
  /** This computer's Tala folder (Electron's userData before --archive moves it): the recent archives list. */
  configDir: string;
  /** TALA_SMOKE=1: open the window, check the renderer and IPC, print "smoke ok", quit. */
  smoke: boolean;
}

/**
 * The value of `--archive DIR` or `--archive=DIR`, if present. Throws when the flag has no value. Read with
 * node:util parseArgs like every command line of Tala; not strictly, since Electron's and Chromium's own switches
 * (`--no-sandbox`, `--enable-features=…`) and the app path come along in argv.
 */
export function archiveDirFromArgv(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: { archive: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const value = values.archive;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.startsWith('--'))
    throw new Error('--archive needs a folder, e.g. --archive ~/tala-archive');
  return value;
}

/** Precedence: --archive flag, then TALA_ARCHIVE, then the platform default (Electron's userData). */
export function readLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultArchiveDir: string,
): LaunchOptions {
  const chosen = archiveDirFromArgv(argv) ?? (env.TALA_ARCHIVE || undefined);
  return {
    archiveDir: path.resolve(chosen ?? defaultArchiveDir),
    archiveDirOverridden: chosen !== undefined,
    configDir: path.resolve(defaultArchiveDir),
    smoke: env.TALA_SMOKE === '1',
  };
}
