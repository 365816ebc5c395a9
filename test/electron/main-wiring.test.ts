// main.ts against a fake `electron` module (no Electron binary can run here): startup order, the
// window's webPreferences, IPC over a real seeded archive, session guards, quitting, failures, smoke mode.
import { EventEmitter } from 'node:events';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { RENDERER_CSP } from '../../shared/csp';
import type { Result } from '../../shared/errors';
import { REPO_ROOT, tempDir } from '../helpers/temp';

type Listener = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    appEvents: new Map<string, Listener>(),
    handlers: new Map<string, Listener>(),
    /** ipcMain.on listeners (the preload's synchronous messages). */
    listeners: new Map<string, Listener>(),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    windows: [] as Array<{ options: any; webContents: any; loaded: string; events: Map<string, Listener> }>,
    session: {} as Record<string, Listener>,
    gotLock: true,
    /** Electron's userData before --archive moves it (the recent archives list lives there). */
    userData: '/nonexistent/userData',
    /** What the native folder picker answers next. */
    pickedFolder: null as string | null,
    probe: {} as Record<string, unknown>,
    /** The application menu's template, as main.ts set it. */
    menu: [] as any[], // eslint-disable-line @typescript-eslint/no-explicit-any
    /** protocol.handle's handlers by scheme, and the schemes declared privileged. */
    protocols: new Map<string, Listener>(),
    privileged: [] as unknown[],
    exited: null as Promise<number> | null,
    resolveExit: (_code: number) => {},
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { REPO_ROOT } = await import('../helpers/temp');
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    static getFocusedWindow = () => null;
    readonly webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: (handler: Listener) => (fake.session.windowOpen = handler),
      executeJavaScript: async () => fake.probe,
      send: (channel: string, ...args: unknown[]) => fake.log.push(`send ${channel} ${args.join(' ')}`),
    });
    private readonly events = new Map<string, Listener>();
    constructor(readonly options: unknown) {
      fake.log.push('new BrowserWindow');
      fake.windows.push(this as never);
    }
    loadFile(file: string) {
      (this as unknown as { loaded: string }).loaded = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      (this as unknown as { loaded: string }).loaded = url;
      return Promise.resolve();
    }
    on(event: string, listener: Listener) {
      this.events.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    getTitle = () => 'Tala';
    setTitle = (title: string) => fake.log.push(`setTitle ${title}`);
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => fake.log.push('restore');
    show = () => fake.log.push('show');
    focus = () => fake.log.push('focus');
  }
  return {
    app: {
      isPackaged: false,
      getPath: (name: string) => (name === 'userData' ? fake.userData : `/nonexistent/${name}`),
      setPath: (name: string, value: string) => fake.log.push(`setPath ${name} ${value}`),
      enableSandbox: () => fake.log.push('enableSandbox'),
      requestSingleInstanceLock: () => (fake.log.push('requestSingleInstanceLock'), fake.gotLock),
      whenReady: () => (fake.log.push('whenReady'), Promise.resolve()),
      on: (event: string, listener: Listener) => fake.appEvents.set(event, listener),
      quit: () => {
        fake.log.push('quit');
        const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
        fake.appEvents.get('will-quit')?.(event);
        if (!event.defaultPrevented) fake.resolveExit(0);
      },
      exit: (code: number) => {
        fake.log.push(`exit ${code}`);
        fake.resolveExit(code);
      },
      getAppPath: () => REPO_ROOT,
      getVersion: () => '0.0.0-test',
      setAboutPanelOptions: () => {},
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        const options = args.at(-1) as { title: string };
        fake.log.push(`showOpenDialog ${options.title}`);
        return fake.pickedFolder
          ? { canceled: false, filePaths: [fake.pickedFolder] }
          : { canceled: true, filePaths: [] };
      },
      showErrorBox: (title: string, message: string) => fake.log.push(`showErrorBox ${title}: ${message}`),
      // The user confirms every external link in these tests.
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { detail: string };
        fake.log.push(`confirm ${options.detail.split('\n')[0]}`);
        return { response: 0 };
      },
    },
    // A desktop without a keyring: a team password would go to the owner-only file.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('no keyring in these tests');
      },
      decryptString: () => {
        throw new Error('no keyring in these tests');
      },
    },
    shell: { openExternal: async (url: string) => void fake.log.push(`openExternal ${url}`) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.handlers.set(channel, listener),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
      on: (channel: string, listener: Listener) => fake.listeners.set(channel, listener),
      removeListener: (channel: string) => fake.listeners.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.log.push('registerSchemesAsPrivileged');
        fake.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: Listener) => {
        fake.log.push(`protocol.handle ${scheme}`);
        fake.protocols.set(scheme, handler);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown[]) => {
        fake.menu = menu;
        fake.log.push('setApplicationMenu');
      },
    },
    session: {
      defaultSession: {
        on: (event: string, handler: Listener) => (fake.session[event] = handler),
        setPermissionRequestHandler: (handler: Listener) => (fake.session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (fake.session.permissionCheck = handler),
        webRequest: {
          onBeforeRequest: (handler: Listener) => (fake.session.beforeRequest = handler),
          onHeadersReceived: (handler: Listener) => (fake.session.headersReceived = handler),
        },
      },
    },
  };
});

const configDir = tempDir('tala-main-config-');
const originalArgv = process.argv;
const originalEnv = { ...process.env };

beforeEach(() => {
  vi.resetModules();
  fake.log = [];
  fake.appEvents = new Map();
  fake.handlers = new Map();
  fake.listeners = new Map();
  fake.windows = [];
  fake.session = {};
  fake.gotLock = true;
  fake.userData = configDir;
  fake.pickedFolder = null;
  fake.menu = [];
  fake.protocols = new Map();
  fake.privileged = [];
  fake.exited = new Promise((resolve) => (fake.resolveExit = resolve));
  delete process.env.TALA_SMOKE;
  delete process.env.TALA_ARCHIVE;
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(async () => {
  process.argv = originalArgv;
  process.env = { ...originalEnv };
  // Close the archive the scenario opened, through the same path as a real quit.
  if (fake.appEvents.has('will-quit')) {
    const { app } = await import('electron');
    app.quit();
    await fake.exited;
  }
});

/** Imports main.ts (it starts on import) and waits until the window exists or startup gave up. */
async function startApp(archiveDir: string, env: Record<string, string> = {}): Promise<void> {
  process.argv = ['/usr/bin/electron', '.', '--archive', archiveDir];
  Object.assign(process.env, env);
  await import('../../main/electron/main');
  await vi.waitFor(() => expect(fake.windows.length > 0 || fake.log.some((l) => l.startsWith('exit'))).toBe(true), {
    timeout: 10_000,
  });
}

const mainWindow = () => fake.windows[0];
const trustedFrame = () => ({ url: mainWindow().loaded, parent: null });
const invoke = (channel: string, payload: unknown, frame: unknown = trustedFrame()) =>
  fake.handlers.get(channel)!({ senderFrame: frame }, payload) as Promise<Result<unknown>>;

describe('main.ts startup', () => {
  it('sets the profile, sandbox and single-instance lock before ready, in that order', async () => {
    const dir = join(tempDir('tala-main-'), 'archive');
    await startApp(dir);
    expect(fake.log.slice(0, 6)).toEqual([
      `setPath userData ${dir}`,
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
      'whenReady',
      'protocol.handle app',
    ]);
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
  });

  it('creates one window with the locked-down webPreferences, loading the renderer from app://tala/', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    expect(fake.windows).toHaveLength(1);
    const prefs = mainWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.preload).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(mainWindow().loaded).toBe('app://tala/index.html');
    expect(fake.session.windowOpen({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.session.windowOpen({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.log.filter((l) => l.startsWith('confirm') || l.startsWith('openExternal'))).toEqual([]);
    expect(fake.session.windowOpen({ url: 'https://example.org/halalan' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.log.filter((l) => l.startsWith('confirm') || l.startsWith('openExternal'))).toEqual([
      'confirm https://example.org/halalan',
      'openExternal https://example.org/halalan',
    ]);
  });

  it('opens (and seeds) the archive in --archive and serves it over IPC to the trusted window only', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    expect([...fake.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `tala:${c}`).sort());
    const list = await invoke('tala:documents.list', undefined);
    expect(list.ok && (list.value as unknown[]).length).toBeGreaterThan(0);
    const forbidden = await invoke('tala:documents.list', undefined, { url: 'https://evil.example/', parent: null });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('asks in a native dialog before the renderer points machine translation at a server elsewhere', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const local = await invoke('tala:mt.settings.set', { enabled: true, endpoint: 'http://127.0.0.1:5000' });
    expect(local).toMatchObject({ ok: true });
    expect(fake.log.filter((l) => l.startsWith('confirm'))).toEqual([]);
    const remote = await invoke('tala:mt.settings.set', { enabled: true, endpoint: 'https://translate.example.org' });
    expect(remote).toMatchObject({ ok: true, value: { endpoint: 'https://translate.example.org' } });
    expect(fake.log.filter((l) => l.startsWith('confirm'))).toEqual(['confirm https://translate.example.org']);
  });

  it('New archive… asks with the native folder picker, reopens in the main process, and remembers both', async () => {
    const root = tempDir('tala-main-');
    const first = join(root, 'archive');
    await startApp(first);
    // Cancelling the picker changes nothing.
    expect(await invoke('tala:archives.create', {})).toEqual({ ok: true, value: null });
    fake.pickedFolder = join(root, 'second');
    const created = await invoke('tala:archives.create', {});
    expect(created).toMatchObject({ ok: true, value: { dir: join(root, 'second'), documents: 0 } });
    expect(fake.log.filter((l) => l.startsWith('showOpenDialog'))).toEqual([
      'showOpenDialog New archive: choose an empty folder',
      'showOpenDialog New archive: choose an empty folder',
    ]);
    expect(fake.log).toContain(`setTitle Tala — ${join(root, 'second')}`);
    expect(await invoke('tala:documents.list', undefined)).toEqual({ ok: true, value: [] });
    const recent = await invoke('tala:archives.recent', undefined);
    expect(recent.ok && (recent.value as Array<{ dir: string }>).map((r) => r.dir).slice(0, 2)).toEqual([
      join(root, 'second'),
      first,
    ]);
    // Back to the first archive, from the recent list.
    const back = await invoke('tala:archives.switch', { dir: first });
    expect(back.ok && (back.value as { documents: number }).documents).toBeGreaterThan(0);
  });

  it('File › New / Open archive… hand the command to the window, whose request reaches the same picker', async () => {
    const root = tempDir('tala-main-');
    const first = join(root, 'archive');
    await startApp(first);
    const item = (id: string) =>
      fake.menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.id === id);
    const fileMenu = fake.menu.find((m) => m.label === '&File');
    expect(fileMenu.submenu.map((i: { id?: string }) => i.id)).toEqual(
      expect.arrayContaining(['archive.new', 'archive.open']),
    );
    expect(item('archive.new').accelerator).toBe('CmdOrCtrl+Shift+N');

    // The click brings the window forward and sends it the command; the renderer asks as Settings does.
    item('archive.new').click();
    expect(fake.log.slice(-3)).toEqual(['show', 'focus', 'send tala:command archive.new']);
    fake.pickedFolder = join(root, 'second');
    expect(await invoke('tala:archives.create', {})).toMatchObject({ ok: true, value: { dir: join(root, 'second') } });

    item('archive.open').click();
    expect(fake.log.slice(-3)).toEqual(['show', 'focus', 'send tala:command archive.open']);
    fake.pickedFolder = first;
    const reopened = await invoke('tala:archives.open', {});
    expect(reopened).toMatchObject({ ok: true, value: { dir: first } });
    expect(fake.log.filter((l) => l.startsWith('showOpenDialog'))).toEqual([
      'showOpenDialog New archive: choose an empty folder',
      'showOpenDialog Open archive: choose its folder',
    ]);
    expect(fake.log.filter((l) => l.startsWith('setTitle'))).toEqual([
      `setTitle Tala — ${join(root, 'second')}`,
      `setTitle Tala — ${first}`,
    ]);
    const docs = await invoke('tala:documents.list', undefined);
    expect(docs.ok && (docs.value as unknown[]).length).toBeGreaterThan(0);
  });

  it('Settings › backup folder asks with the native folder picker; the choice is checked and kept', async () => {
    const root = tempDir('tala-main-');
    await startApp(join(root, 'archive'));
    const before = await invoke('tala:archive.schedule', undefined);
    expect(before).toMatchObject({ ok: true, value: { customDir: false, dir: join(root, 'archive', 'backups') } });
    // Cancelled: nothing changes.
    expect(await invoke('tala:archive.setBackupDir', {})).toMatchObject({
      ok: true,
      value: { customDir: false, dir: join(root, 'archive', 'backups') },
    });
    // A file is refused with a sentence.
    fake.pickedFolder = join(root, 'a-file');
    writeFileSync(fake.pickedFolder, 'not a folder');
    const refused = await invoke('tala:archive.setBackupDir', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    fake.pickedFolder = join(root, 'usb');
    const chosen = await invoke('tala:archive.setBackupDir', {});
    expect(chosen).toMatchObject({ ok: true, value: { customDir: true } });
    expect(fake.log.filter((l) => l.startsWith('showOpenDialog'))).toEqual(
      Array(3).fill('showOpenDialog Backups: choose the folder to keep them in'),
    );
    const made = await invoke('tala:archive.backup', undefined);
    expect(made.ok && (made.value as { file: string }).file.startsWith(join(root, 'usb'))).toBe(true);
  });

  it('imports over IPC only files and folders the preload reported as given to the window', async () => {
    const root = tempDir('tala-main-grants-');
    await startApp(join(root, 'archive'));
    const picked = join(root, 'picked');
    const other = join(root, 'other');
    for (const dir of [picked, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'tala.txt'), `Isang tala sa ${dir.endsWith('picked') ? 'Stepanakert' : 'Shushi'}.\n`);
    }
    const refused = await invoke('tala:documents.importPaths', { paths: [other], lang: 'tl' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // What the preload sends when the page asks for the path of a File picked in a folder (webkitRelativePath).
    const sendSync = (frame: unknown, paths: string[]) => {
      const event = { senderFrame: frame, returnValue: undefined as unknown };
      fake.listeners.get('tala-grant:paths')!(event, paths);
      return event.returnValue;
    };
    expect(sendSync({ url: 'https://example.org/', parent: null }, [join(other, 'tala.txt'), other])).toBe(false);
    expect(await invoke('tala:documents.importPaths', { paths: [other], lang: 'tl' })).toMatchObject({ ok: false });
    expect(sendSync(trustedFrame(), [join(picked, 'tala.txt'), picked])).toBe(true);
    expect(await invoke('tala:documents.importPaths', { paths: [picked], lang: 'tl' })).toMatchObject({ ok: true });
    expect(await invoke('tala:documents.importPaths', { paths: [join(picked, '..', 'other')] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('registers the app: handler: nothing outside the renderer is answered, refusals carry the CSP', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const handler = fake.protocols.get('app')!;
    for (const url of ['app://tala/..%2F..%2F..%2Fpackage.json', 'app://tala/..%2Fmain%2Fmain.js', 'app://x/']) {
      const res = (await handler({ url, method: 'GET' })) as Response;
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    }
    expect(((await handler({ url: 'app://tala/index.html', method: 'POST' })) as Response).status).toBe(405);
  });

  it('guards the session: permissions denied, remote requests cancelled, renderer files allowed', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const permission = vi.fn();
    fake.session.permissionRequest({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
    expect(fake.session.permissionCheck()).toBe(false);
    const decide = (url: string) => {
      let response: unknown;
      fake.session.beforeRequest({ url }, (r: unknown) => (response = r));
      return response;
    };
    expect(decide('https://evil.example/x.js')).toEqual({ cancel: true });
    expect(decide(mainWindow().loaded)).toEqual({ cancel: false });
    expect(decide('app://tala/assets/index.js')).toEqual({ cancel: false });
    // No file: URL at all now, not even the renderer's own files.
    expect(decide(pathToFileURL(join(REPO_ROOT, 'out', 'renderer', 'index.html')).href)).toEqual({ cancel: true });
    let headers: unknown;
    fake.session.headersReceived(
      { responseHeaders: {} },
      (r: { responseHeaders: unknown }) => (headers = r.responseHeaders),
    );
    expect(headers).toHaveProperty('Content-Security-Policy');
  });

  it('makes a finished download (an export saved from the window) owner-only; others are left alone', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const folder = tempDir('tala-main-downloads-');
    const download = (name: string, state: string) => {
      const file = join(folder, name);
      writeFileSync(file, 'Petsa,Tala\n');
      chmodSync(file, 0o644); // what Chromium leaves under the usual umask
      const item = Object.assign(new EventEmitter(), { getSavePath: () => file });
      fake.session['will-download']({}, item, mainWindow().webContents);
      item.emit('done', {}, state);
      return statSync(file).mode & 0o777;
    };
    expect(download('notes.csv', 'completed')).toBe(0o600);
    expect(download('stopped.csv', 'cancelled')).toBe(0o644);
  });

  it('blocks navigation away from the renderer', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const contents = mainWindow().webContents as EventEmitter;
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = { url: `${mainWindow().loaded}#/documents`, preventDefault: vi.fn() };
    const fileUrl = {
      url: pathToFileURL(join(REPO_ROOT, 'out', 'renderer', 'index.html')).href,
      preventDefault: vi.fn(),
    };
    contents.emit('will-navigate', fileUrl);
    expect(fileUrl.preventDefault).toHaveBeenCalled();
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('quitting closes the archive first, then exits 0', async () => {
    await startApp(join(tempDir('tala-main-'), 'archive'));
    const { app } = await import('electron');
    app.quit();
    expect(await fake.exited).toBe(0);
    fake.appEvents.delete('will-quit');
  });

  it('an archive that cannot be opened shows the reason and exits 1', async () => {
    const notADir = join(tempDir('tala-main-'), 'file');
    writeFileSync(notADir, 'not a folder');
    await startApp(notADir);
    expect(await fake.exited).toBe(1);
    expect(fake.log.find((l) => l.startsWith('showErrorBox'))).toMatch(/cannot open its archive/);
    expect(fake.windows).toHaveLength(0);
  });

  it('a second instance does not start: it quits before ready', async () => {
    fake.gotLock = false;
    process.argv = ['/usr/bin/electron', '.', '--archive', join(tempDir('tala-main-'), 'archive')];
    await import('../../main/electron/main');
    expect(fake.log).toContain('quit');
    expect(fake.log).not.toContain('whenReady');
  });

  it('TALA_SMOKE=1 checks the loaded page, prints "smoke ok" and exits 0', async () => {
    fake.probe = {
      title: 'Tala',
      rendered: true,
      hasBridge: true,
      nodeGlobals: false,
      documents: 2,
      unknownChannelRejected: true,
      url: 'app://tala/index.html',
      csp: RENDERER_CSP,
      traversalStatus: 404,
    };
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
    await startApp(join(tempDir('tala-main-'), 'archive'), { TALA_SMOKE: '1' });
    expect(mainWindow().options.show).toBe(false);
    (mainWindow().webContents as EventEmitter).emit('did-finish-load');
    expect(await fake.exited).toBe(0);
    expect(printed).toHaveBeenCalledWith('smoke ok: title="Tala" documents=2');
    fake.appEvents.delete('will-quit');
  });

  it('TALA_SMOKE=1 exits 1 when the page shows Node globals', async () => {
    fake.probe = {
      title: 'Tala',
      rendered: true,
      hasBridge: true,
      nodeGlobals: true,
      documents: 2,
      unknownChannelRejected: true,
      url: 'app://tala/index.html',
      csp: RENDERER_CSP,
      traversalStatus: 404,
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startApp(join(tempDir('tala-main-'), 'archive'), { TALA_SMOKE: '1' });
    (mainWindow().webContents as EventEmitter).emit('did-finish-load');
    expect(await fake.exited).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^smoke failed: .*Node globals/));
    fake.appEvents.delete('will-quit');
  });

  it('TALA_SMOKE=1 exits 1 when the page is from file://, lacks the CSP or reads outside its folder', async () => {
    fake.probe = {
      title: 'Tala',
      rendered: true,
      hasBridge: true,
      nodeGlobals: false,
      documents: 2,
      unknownChannelRejected: true,
      url: 'file:///opt/Tala/resources/app.asar/out/renderer/index.html',
      csp: null,
      traversalStatus: 200,
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    errors.mockClear();
    await startApp(join(tempDir('tala-main-'), 'archive'), { TALA_SMOKE: '1' });
    (mainWindow().webContents as EventEmitter).emit('did-finish-load');
    expect(await fake.exited).toBe(1);
    const failed = errors.mock.calls.map((c) => String(c[0])).find((m) => m.startsWith('smoke failed'));
    expect(failed).toContain('the page is not served from app://tala/');
    expect(failed).toContain('sent no Content-Security-Policy header');
    expect(failed).toContain('a file outside the renderer folder was answered (HTTP 200)');
    fake.appEvents.delete('will-quit');
  });
});
