// Reads how the desktop app was started (archive folder, smoke mode). Pure, so it is unit-tested.
import path from 'node:path';

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

/** The value of `--archive DIR` or `--archive=DIR`, if present. Throws when the flag has no value. */
export function archiveDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--archive=')) {
      const value = arg.slice('--archive='.length);
      if (value) return value;
      throw new Error('--archive needs a folder, e.g. --archive ~/tala-archive');
    }
    if (arg === '--archive') {
      const value = argv[i + 1];
      if (value && !value.startsWith('--')) return value;
      throw new Error('--archive needs a folder, e.g. --archive ~/tala-archive');
    }
  }
  return undefined;
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
