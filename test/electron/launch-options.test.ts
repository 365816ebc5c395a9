// How the desktop app picks its archive folder and smoke mode from argv and the environment.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDirFromArgv, readLaunchOptions } from '../../main/electron/launch-options';

const USER_DATA = '/home/ana/.config/Tala';

describe('archiveDirFromArgv', () => {
  it('reads --archive DIR and --archive=DIR, in dev (electron .) and packaged argv alike', () => {
    expect(archiveDirFromArgv(['/usr/bin/electron', '.', '--archive', '/data/a'])).toBe('/data/a');
    expect(archiveDirFromArgv(['/opt/Tala/tala', '--archive=/data/b'])).toBe('/data/b');
  });

  it('is undefined without the flag', () => {
    expect(archiveDirFromArgv(['/opt/Tala/tala', '--no-sandbox'])).toBeUndefined();
  });

  it('refuses a flag without a folder instead of silently opening the default archive', () => {
    expect(() => archiveDirFromArgv(['tala', '--archive'])).toThrow(/needs a folder/);
    expect(() => archiveDirFromArgv(['tala', '--archive', '--no-sandbox'])).toThrow(/needs a folder/);
    expect(() => archiveDirFromArgv(['tala', '--archive='])).toThrow(/needs a folder/);
  });
});

describe('readLaunchOptions', () => {
  it('defaults to Electron userData', () => {
    expect(readLaunchOptions(['tala'], {}, USER_DATA)).toEqual({
      archiveDir: USER_DATA,
      archiveDirOverridden: false,
      configDir: USER_DATA,
      smoke: false,
    });
  });

  it('keeps userData as the place of the recent archives list when --archive moves the archive', () => {
    expect(readLaunchOptions(['tala', '--archive', '/flag/dir'], {}, USER_DATA).configDir).toBe(USER_DATA);
  });

  it('TALA_ARCHIVE overrides the default; the flag overrides both', () => {
    expect(readLaunchOptions(['tala'], { TALA_ARCHIVE: '/env/dir' }, USER_DATA).archiveDir).toBe('/env/dir');
    const both = readLaunchOptions(['tala', '--archive', '/flag/dir'], { TALA_ARCHIVE: '/env/dir' }, USER_DATA);
    expect(both).toMatchObject({ archiveDir: '/flag/dir', archiveDirOverridden: true });
  });

  it('ignores an empty TALA_ARCHIVE', () => {
    expect(readLaunchOptions(['tala'], { TALA_ARCHIVE: '' }, USER_DATA).archiveDirOverridden).toBe(false);
  });

  it('resolves a relative folder against the working directory', () => {
    expect(readLaunchOptions(['tala', '--archive', 'my-archive'], {}, USER_DATA).archiveDir).toBe(
      resolve('my-archive'),
    );
  });

  it('enables smoke mode only for TALA_SMOKE=1', () => {
    expect(readLaunchOptions(['tala'], { TALA_SMOKE: '1' }, USER_DATA).smoke).toBe(true);
    expect(readLaunchOptions(['tala'], { TALA_SMOKE: 'yes' }, USER_DATA).smoke).toBe(false);
  });
});
