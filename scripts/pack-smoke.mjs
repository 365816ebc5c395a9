#!/usr/bin/env node
// Packaging smoke test, fully offline: runs electron-builder (--dir --linux) with electron-builder.yml
// against a placeholder Electron "binary" (electron-builder only copies it, so nothing is downloaded),
// then inspects release/linux-unpacked: app.asar contents, the unpacked native sqlite3 addon, the
// sample documents, and the fuses electron-builder flipped in the executable.
// Needs `npm run build` (electron-vite build) first. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNPACKED = join(ROOT, 'release', 'linux-unpacked');
const RESOURCES = join(UNPACKED, 'resources');
const ASAR = join(RESOURCES, 'app.asar');
const started = Date.now();

// asar and fuses are electron-builder's own dependencies: resolve them through it, not via hoisting luck.
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const requireFromBuilderLib = createRequire(
  createRequire(requireFromRoot.resolve('electron-builder/package.json')).resolve('app-builder-lib/package.json'),
);
const asar = requireFromBuilderLib('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = requireFromBuilderLib('@electron/fuses');
// Wire format of @electron/fuses: sentinel, version byte, length byte, then one ASCII '0'/'1' per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_OFF = '0'.charCodeAt(0);
const FUSE_ON = '1'.charCodeAt(0);

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok), detail });
}

/**
 * A stand-in for the Electron dist folder: an `electron` file that refuses to run, carrying a fuse
 * wire with Electron's defaults so electron-builder's fuse flipping can be verified afterwards.
 */
function makePlaceholderElectronDist() {
  const dir = mkdtempSync(join(tmpdir(), 'tala-electron-dist-'));
  // Fuse order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity,
  // OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges ('1' on, '0' off).
  const defaults = '10110001';
  const script =
    '#!/bin/sh\necho "placeholder Electron binary from scripts/pack-smoke.mjs; not runnable" >&2\nexit 1\n';
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from(script), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'placeholder\n');
  return dir;
}

function runElectronBuilder(electronDist) {
  const cli = requireFromRoot.resolve('electron-builder/cli.js');
  const args = [cli, '--dir', '--linux', '--publish', 'never', `-c.electronDist=${electronDist}`];
  console.log(`$ electron-builder ${args.slice(1).join(' ')}`);
  const env = { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  return result.status === 0;
}

function inspectAsar() {
  const files = new Set(asar.listPackage(ASAR, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
  for (const required of [
    '/package.json',
    '/out/main/main.js',
    '/out/preload/preload.cjs',
    '/out/renderer/index.html',
  ]) {
    check(`app.asar contains ${required}`, files.has(required));
  }
  const maps = [...files].filter((f) => f.endsWith('.map'));
  check('app.asar contains no source maps', maps.length === 0, maps.slice(0, 3).join(', '));

  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const packedPackage = JSON.parse(asar.extractFile(ASAR, 'package.json').toString('utf8'));
  check(
    'packed package.json points at out/main/main.js',
    packedPackage.main === 'out/main/main.js',
    String(packedPackage.main),
  );
  const missing = Object.keys(packageJson.dependencies ?? {}).filter(
    (name) => !files.has(`/node_modules/${name}/package.json`),
  );
  check('every production dependency is packed', missing.length === 0, missing.join(', '));
  const devOnly = ['electron', 'vite', 'typescript', 'vitest', 'electron-builder'].filter((name) =>
    files.has(`/node_modules/${name}/package.json`),
  );
  check('no development tool is packed', devOnly.length === 0, devOnly.join(', '));
  const stray = [...files].filter((f) => /^\/(main|renderer|shared|test|scripts|src)\//.test(f));
  check('no TypeScript sources are packed', stray.length === 0, stray.slice(0, 3).join(', '));
  return files;
}

/**
 * Extracts app.asar (unpacked files included) to a temp folder and imports, with plain Node, every
 * package out/main/main.js imports: proves the packed node_modules tree is complete (transitive
 * dependencies such as sqlite3 -> bindings) and the native addon loads. Only `electron` is skipped.
 */
function loadPackedImports() {
  const dir = mkdtempSync(join(tmpdir(), 'tala-asar-'));
  try {
    asar.extractAll(ASAR, dir);
    // Every bundle in out/main (workers and lazily loaded chunks too), static and dynamic imports.
    const bundles = readdirSync(join(dir, 'out/main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, 'out/main', f), 'utf8'));
    const found = bundles.flatMap((code) => [
      ...[...code.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["']/gm)].map((m) => m[1]),
      ...[...code.matchAll(/\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]),
    ]);
    const specifiers = [...new Set(found)];
    const packages = specifiers.filter(
      (s) => !s.startsWith('node:') && s !== 'electron' && !builtinModules.includes(s),
    );
    const script = `for (const s of ${JSON.stringify(packages)}) {
      try { await import(s); } catch (e) { console.log(s + ': ' + e.message.split('\\n')[0]); process.exitCode = 1; }
    }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(dir, 'out/main'),
      encoding: 'utf8',
    });
    check(
      `packed main bundle's imports load from the package (${packages.join(', ')})`,
      result.status === 0,
      (result.stdout + result.stderr).trim(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inspectFuses() {
  const executable = join(UNPACKED, 'tala');
  check('executable release/linux-unpacked/tala exists', existsSync(executable));
  if (!existsSync(executable)) return;
  return getCurrentFuseWire(executable).then((wire) => {
    const expect = (option, state, label) =>
      check(`fuse ${label}`, wire[option] === state, `got ${String.fromCharCode(wire[option])}`);
    expect(FuseV1Options.RunAsNode, FUSE_OFF, 'RunAsNode off');
    expect(FuseV1Options.EnableNodeOptionsEnvironmentVariable, FUSE_OFF, 'NODE_OPTIONS off');
    expect(FuseV1Options.EnableNodeCliInspectArguments, FUSE_OFF, '--inspect off');
    expect(FuseV1Options.OnlyLoadAppFromAsar, FUSE_ON, 'OnlyLoadAppFromAsar on');
    expect(FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FUSE_ON, 'asar integrity validation on');
    expect(FuseV1Options.EnableCookieEncryption, FUSE_ON, 'cookie encryption on');
    expect(
      FuseV1Options.GrantFileProtocolExtraPrivileges,
      FUSE_OFF,
      'file:// privileges off (the renderer is loaded from app://tala/)',
    );
  });
}

async function main() {
  const built = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'].filter(
    (f) => !existsSync(join(ROOT, f)),
  );
  if (built.length > 0) {
    console.error(`FAIL: ${built.join(', ')} missing. Run \`npm run build\` (electron-vite build) first.`);
    process.exit(1);
  }

  rmSync(UNPACKED, { recursive: true, force: true });
  const electronDist = makePlaceholderElectronDist();
  let builderOk;
  try {
    builderOk = runElectronBuilder(electronDist);
  } finally {
    rmSync(electronDist, { recursive: true, force: true });
  }
  check('electron-builder --dir --linux succeeded', builderOk);

  if (builderOk) {
    check('resources/app.asar exists', existsSync(ASAR));
    if (existsSync(ASAR)) {
      inspectAsar();
      loadPackedImports();
    }
    const addon = join(RESOURCES, 'app.asar.unpacked/node_modules/sqlite3/build/Release/node_sqlite3.node');
    check('sqlite3 native addon is unpacked next to app.asar', existsSync(addon));
    check(
      'sample documents are in resources/samples',
      existsSync(join(RESOURCES, 'samples/nkr-2012-halalan.tl.txt')) &&
        existsSync(join(RESOURCES, 'samples/samples.json')),
    );
    await inspectFuses();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log('\nPackaging smoke test');
  for (const r of results)
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${!r.ok && r.detail ? ` (${r.detail})` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  const size = existsSync(ASAR) ? ` app.asar ${(statSync(ASAR).size / 1024 / 1024).toFixed(1)} MB,` : '';
  console.log(
    `\n${failed === 0 ? 'PASS' : 'FAIL'}: ${results.length - failed}/${results.length} checks` +
      ` passed,${size} ${seconds} s`,
  );
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error('FAIL: pack smoke test crashed:', err);
  process.exit(1);
});
