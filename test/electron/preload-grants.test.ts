// The sandboxed preload against a fake `electron` module: the path of a File the page holds is reported to the
// main process as given (with the folder of a folder pick) before the page gets it; a File without a path (made
// up by the page) grants nothing, and a path the main process would not take is not handed out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcBridge } from '../../shared/contract';

const fake = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  sent: [] as Array<[string, unknown]>,
  paths: new Map<object, string>(),
  accept: true,
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (fake.exposed[name] = api) },
  ipcRenderer: {
    invoke: async () => ({ ok: true, value: null }),
    on: () => undefined,
    removeListener: () => undefined,
    sendSync: (channel: string, payload: unknown) => {
      fake.sent.push([channel, payload]);
      return fake.accept;
    },
  },
  webUtils: { getPathForFile: (file: object) => fake.paths.get(file) ?? '' },
}));

type Bridge = IpcBridge & { pathForFile(file: unknown): string };

describe('preload: paths of picked and dropped files', () => {
  let bridge: Bridge;
  beforeEach(async () => {
    vi.resetModules();
    fake.sent = [];
    fake.accept = true;
    (process as { contextIsolated?: boolean }).contextIsolated = true;
    await import('../../main/electron/preload');
    bridge = fake.exposed.talaIpc as Bridge;
  });

  it('reports a dropped file, and a folder pick with its folder, before handing the path out', () => {
    const dropped = { name: 'a.txt', webkitRelativePath: '' };
    fake.paths.set(dropped, '/home/ana/a.txt');
    expect(bridge.pathForFile(dropped)).toBe('/home/ana/a.txt');
    const inFolder = { name: '0.pdf', webkitRelativePath: 'Reports/sub/0.pdf' };
    fake.paths.set(inFolder, '/home/ana/Reports/sub/0.pdf');
    expect(bridge.pathForFile(inFolder)).toBe('/home/ana/Reports/sub/0.pdf');
    expect(fake.sent).toEqual([
      ['tala-grant:paths', ['/home/ana/a.txt']],
      ['tala-grant:paths', ['/home/ana/Reports/sub/0.pdf', '/home/ana/Reports']],
    ]);
  });

  it('a File the page made up has no path and grants nothing', () => {
    expect(bridge.pathForFile({ name: 'id_rsa', webkitRelativePath: '.ssh/id_rsa' })).toBe('');
    expect(fake.sent).toEqual([]);
  });

  it('a path the main process did not take is not handed out', () => {
    fake.accept = false;
    const file = { name: 'a.txt', webkitRelativePath: '' };
    fake.paths.set(file, '/home/ana/a.txt');
    expect(bridge.pathForFile(file)).toBe('');
  });
});
