// Checks on the electron-vite output that no unit test sees: the sandboxed preload requires nothing
// but electron, and every package the main bundle imports resolves under Node's ESM rules and ships
// in the packaged app (electron-builder copies `dependencies`, never `devDependencies`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp';

const MAIN = join(REPO_ROOT, 'out/main/main.js');
/** main.js, the worker entries and the chunks they share: every file the main process may load. */
const mainFiles = () =>
  readdirSync(join(REPO_ROOT, 'out/main'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(REPO_ROOT, 'out/main', f));
const isLocal = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const PRELOAD = join(REPO_ROOT, 'out/preload/preload.cjs');
const built = existsSync(MAIN) && existsSync(PRELOAD);
if (!built) console.log('Bundle checks skipped: out/ is not built (run `npm run build`)');

/** Bare specifiers of the static imports at the top level of an ES module bundle. */
function importedSpecifiers(code: string): string[] {
  const found = [...code.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["']/gm)].map((m) => m[1]);
  return [...new Set(found)];
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

describe.skipIf(!built)('built bundles', () => {
  it('the preload requires only electron (a sandboxed preload can load nothing else)', () => {
    const requires = [...readFileSync(PRELOAD, 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('the main bundle imports only built-ins, electron and production dependencies', () => {
    const { dependencies = {} } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const external = mainFiles()
      .flatMap((f) => importedSpecifiers(readFileSync(f, 'utf8')))
      .filter((s) => !isBuiltin(s) && !isLocal(s) && s !== 'electron');
    expect(external.filter((s) => !(packageName(s) in dependencies))).toEqual([]);
  });

  it('every package the main bundle imports loads under Node ESM resolution from out/main', () => {
    const external = [...new Set(mainFiles().flatMap((f) => importedSpecifiers(readFileSync(f, 'utf8'))))].filter(
      (s) => !isBuiltin(s) && !isLocal(s) && s !== 'electron',
    );
    const script = `for (const s of ${JSON.stringify(external)}) {
      try { await import(s); } catch (e) { console.log(s + ': ' + e.message); process.exitCode = 1; }
    }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(REPO_ROOT, 'out/main'),
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
