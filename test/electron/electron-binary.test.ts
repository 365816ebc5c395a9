// The smoke test's "is Electron runnable here?" decision, on fake electron package folders.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { findDisplay, findElectronBinary } from '../../scripts/electron-binary';

function fakePackage(options: { pathTxt?: string; binary?: 'executable' | 'plain' }): string {
  const dir = tempDir('tala-fake-electron-');
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary && options.pathTxt) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    const file = join(dir, 'dist', options.pathTxt);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, options.binary === 'executable' ? 0o755 : 0o644);
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('reports an offline install (no path.txt) instead of triggering a download', () => {
    const found = findElectronBinary({}, fakePackage({}));
    expect(found).toMatchObject({ ok: false, reason: expect.stringMatching(/path\.txt is missing/) });
  });

  it('reports a path.txt whose binary is gone', () => {
    expect(findElectronBinary({}, fakePackage({ pathTxt: 'electron' }))).toMatchObject({
      ok: false,
      reason: /does not exist/,
    });
  });

  it.skipIf(process.platform === 'win32')('reports a binary without the executable bit', () => {
    expect(findElectronBinary({}, fakePackage({ pathTxt: 'electron', binary: 'plain' }))).toMatchObject({
      ok: false,
      reason: /not executable/,
    });
  });

  it('finds dist/<path.txt>', () => {
    const dir = fakePackage({ pathTxt: 'electron', binary: 'executable' });
    expect(findElectronBinary({}, dir)).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH even without path.txt, like electron/index.js', () => {
    const dist = tempDir('tala-electron-dist-');
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, fakePackage({}))).toEqual({
      ok: true,
      path: join(dist, 'electron'),
    });
  });

  it('says so when the electron package itself is missing', () => {
    expect(findElectronBinary({}, null)).toMatchObject({ ok: false, reason: /not installed/ });
  });
});

describe('findDisplay', () => {
  it('uses the screen directly when there is one, or off Linux', () => {
    expect(findDisplay({ DISPLAY: ':0' }, 'linux')).toEqual({ ok: true, wrapper: [] });
    expect(findDisplay({}, 'darwin')).toEqual({ ok: true, wrapper: [] });
  });

  it('wraps in xvfb-run -a on a headless Linux box that has it', () => {
    const bin = tempDir('tala-path-');
    writeFileSync(join(bin, 'xvfb-run'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findDisplay({ PATH: bin }, 'linux')).toEqual({ ok: true, wrapper: [join(bin, 'xvfb-run'), '-a'] });
  });

  it('gives a reason when neither exists', () => {
    expect(findDisplay({ PATH: tempDir('tala-empty-path-') }, 'linux')).toMatchObject({
      ok: false,
      reason: /xvfb-run/,
    });
  });
});
