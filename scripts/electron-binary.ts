// Finds a runnable Electron binary the way node_modules/electron/index.js does, but without ever
// requiring that file: requiring it starts a download when the binary is missing.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export type Found = { ok: true; path: string } | { ok: false; reason: string };
type Env = Readonly<Record<string, string | undefined>>;

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Electron executable installed for this project (or ELECTRON_OVERRIDE_DIST_PATH), if it can run. */
export function findElectronBinary(env: Env = process.env, packageDir: string | null = electronPackageDir()): Found {
  if (!packageDir) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;

  let binary: string;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  } else if (!relative) {
    return { ok: false, reason: `${pathFile} is missing: the Electron download never ran (offline install)` };
  } else {
    binary = join(packageDir, 'dist', relative);
  }
  if (!existsSync(binary)) return { ok: false, reason: `${binary} does not exist` };
  if (!executable(binary)) return { ok: false, reason: `${binary} is not executable` };
  return { ok: true, path: binary };
}

function onPath(command: string, env: Env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** How to give Electron a screen: directly, or through xvfb-run on a headless Linux box. */
export function findDisplay(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
): { ok: true; wrapper: string[] } | { ok: false; reason: string } {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true, wrapper: [] };
  const xvfbRun = onPath('xvfb-run', env);
  if (xvfbRun) return { ok: true, wrapper: [xvfbRun, '-a'] };
  return { ok: false, reason: 'no DISPLAY and no xvfb-run (apt-get install xvfb)' };
}
