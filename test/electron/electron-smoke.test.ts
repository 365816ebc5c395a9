// Starts the built desktop app for real (TALA_SMOKE=1) on a temp archive and expects "smoke ok":
// window loaded from app://tala/ with the CSP header (a path out of the renderer folder answered 404), preload
// bridge present, IPC answered from the seeded archive, clean exit.
// Skipped, with the reason, where no Electron binary can run (offline installs, headless boxes).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { findDisplay, findElectronBinary } from '../../scripts/electron-binary';

const electron = findElectronBinary();
const display = findDisplay();
const skipReason = !electron.ok
  ? `Electron smoke test skipped: no Electron binary on this machine (${electron.reason})`
  : !display.ok
    ? `Electron smoke test skipped: Electron cannot open a window here (${display.reason})`
    : null;
if (skipReason) console.log(skipReason);

const BUILT_FILES = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('Electron smoke', () => {
  it.skipIf(skipReason !== null)(
    'the built app opens its window, answers IPC from a fresh seeded archive and exits 0',
    async () => {
      if (!electron.ok || !display.ok) return;
      const missing = BUILT_FILES.filter((file) => !existsSync(join(REPO_ROOT, file)));
      expect(missing, 'run `npm run build` (electron-vite build) first').toEqual([]);

      const archiveDir = join(tempDir('tala-smoke-'), 'archive');
      // Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer sandbox stays on.
      const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      const [command, ...args] = [...display.wrapper, electron.path, REPO_ROOT, '--archive', archiveDir, ...rootOnly];
      const env: NodeJS.ProcessEnv = { ...process.env, TALA_SMOKE: '1' };
      delete env.ELECTRON_RUN_AS_NODE;
      delete env.ELECTRON_RENDERER_URL;

      const result = await run(command, args, env, 120_000);
      const output = `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
      expect(result.code, output).toBe(0);
      const match = /smoke ok: title="(.*)" documents=(\d+)/.exec(result.stdout);
      expect(match, output).not.toBeNull();
      console.log(match![0]);
      expect(match![1]).toBe('Tala');
      expect(Number(match![2]), 'a new archive is seeded with the sample documents').toBeGreaterThan(0);
      expect(existsSync(join(archiveDir, 'archive.sqlite'))).toBe(true);
    },
    150_000,
  );
});
