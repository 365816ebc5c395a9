// The built command line (out/main/cli.js, made by `npm run build`, which `npm test` runs first): plain
// JavaScript run by node, through bin/tala.js as `npx tala` does, loading heavy modules only for the
// commands that need them. Which modules load is recorded by an ESM resolve hook and a CommonJS resolve wrapper
// in the child process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLES_DIR, tempDir } from '../../helpers/temp';

const BIN = join(REPO_ROOT, 'bin', 'tala.js');
const dir = tempDir('tala-cli-build-');
const archive = join(dir, 'archive');
let n = 0;

/** A module registered by --import: every URL the child resolves is appended to TALA_LOAD_LOG. */
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.TALA_LOAD_LOG, resolved.url + '\\n');
  return resolved;
}`;
/** …and every file it requires (CommonJS: sqlite3, lunr), which the ESM hook does not see. */
const REGISTER = `import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (file.startsWith('/')) appendFileSync(process.env.TALA_LOAD_LOG, pathToFileURL(file).href + '\\n');
  return file;
};`;

/** Runs the built CLI; returns its exit code, output and the packages it loaded. */
function tala(...args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
  packages: Set<string>;
  chunks: Set<string>;
  urls: string[];
} {
  const log = join(dir, `loaded-${n++}.txt`);
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, BIN, ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, TALA_LOAD_LOG: log, TALA_DEBUG: '' },
    },
  );
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  rmSync(log, { force: true });
  const packages = new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? []));
  const chunks = new Set(urls.flatMap((url) => /\/out\/main\/([^/]+)\.js$/.exec(url)?.[1] ?? []));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, packages, chunks, urls };
}

const HEAVY_FOR_SEARCH = [
  'pdfjs-dist',
  'mammoth',
  'linkedom',
  '@mozilla/readability',
  'fflate',
  'htmlparser2',
  'franc',
];

/** Our own modules a search does not need (bundle chunks are named after them: extract-<hash>.js). */
const OWN_HEAVY_FOR_SEARCH = ['extract', 'aligner', 'sync'];

describe('the built CLI', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js')))
      throw new Error('out/main/cli.js is missing: run `npm run build` first');
    expect(tala('--archive', archive, 'import', SAMPLES_DIR, '--json').status).toBe(0);
  });

  it('is declared as the package bin and runs with plain node (no tsx)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ tala: 'bin/tala.js' });
    expect(pkg.scripts.tala).not.toContain('tsx');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints --help without loading any dependency', () => {
    const help = tala('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: tala');
    expect([...help.packages]).toEqual([]);
  });

  // sqlite3 and lunr are CommonJS, required (the hook above records them too).
  it('searches with SQLite, without the document parsers', () => {
    const search = tala('--archive', archive, 'search', 'Sahakyan', '--json');
    expect(search.status, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).total).toBeGreaterThan(0);
    expect(search.stderr).toBe('');
    expect(search.packages).toContain('sqlite3');
    for (const heavy of HEAVY_FOR_SEARCH) expect(search.packages, heavy).not.toContain(heavy);
  });

  it('searches without the fact extractor, the aligner or the team sync engine', () => {
    const built = readdirSync(join(REPO_ROOT, 'out', 'main'));
    const search = tala('--archive', archive, 'search', 'Sahakyan', '--json');
    expect(search.status, search.stderr).toBe(0);
    expect(search.chunks.has('cli')).toBe(true);
    for (const own of OWN_HEAVY_FOR_SEARCH) {
      expect(
        built.some((file) => file.startsWith(`${own}-`)),
        `${own} is a chunk of its own`,
      ).toBe(true);
      expect(
        [...search.chunks].filter((chunk) => chunk.startsWith(`${own}-`)),
        own,
      ).toEqual([]);
    }
  });

  // The first file is read and parsed while the archive opens (import-ahead.ts); the import takes that parse only
  // for the same input, and one it does not take (the file is already here) is stopped, not waited for.
  it('imports the file parsed ahead as given (language included); the same file again is skipped', () => {
    const file = join(dir, 'ulat-maaga.txt');
    writeFileSync(file, 'Unang talata ng ulat.\n\nIkalawang talata tungkol sa bayan at sa dagat.');
    const first = tala('--archive', archive, 'import', file, '--lang', 'tl', '--json');
    expect(first.status, first.stderr).toBe(0);
    const imported = JSON.parse(first.stdout);
    expect(imported.imported).toMatchObject([{ title: 'ulat maaga', lang: 'tl', passages: 2 }]);
    expect(imported.failed).toEqual([]);
    const again = tala('--archive', archive, 'import', file, '--json');
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: [], skipped: [{ reason: expect.any(String) }] });
  });

  // The import's start: what this thread (and the parse worker) load before the first row is written. The search
  // engine runs in a worker or on first use (not in an import); lunr-languages' support only with its first plugin.
  it('imports a Tagalog .txt into a new archive without the search engine or the lunr-languages support', () => {
    const file = join(dir, 'ulat-bago.txt');
    writeFileSync(file, 'Unang talata ng bagong ulat.\n\nIkalawang talata tungkol sa bayan, sa ilog at sa dagat.');
    const imported = tala('--archive', join(dir, 'new-archive'), 'import', file, '--lang', 'tl', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).imported).toMatchObject([{ lang: 'tl', passages: 2 }]);
    expect(imported.chunks.has('cli')).toBe(true);
    expect(imported.packages).toContain('lunr');
    expect([...imported.chunks].filter((chunk) => chunk.startsWith('engine-'))).toEqual([]);
    expect(imported.urls.filter((url) => url.includes('lunr.stemmer.support'))).toEqual([]);
  });

  it('refuses extra arguments with exit code 2', () => {
    const extra = tala('--archive', archive, 'list', 'extra-arg');
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain('extra: "extra-arg"');
  });
});
