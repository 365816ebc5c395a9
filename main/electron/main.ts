// Electron entry (bundled to out/main/main.js): opens the archive, wires IPC, shows one locked-down window.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { COMMAND_CHANNEL } from '../../shared/commands';
import { createApi } from '../api/dispatch';
import { PathGrants } from '../api/path-grants';
import type { Archive } from '../archive/archive';
import { recentFileIn, Workspace, type FolderPurpose } from '../archive/workspace';
import { startMaintenance } from '../backups/schedule';
import { openArchiveDir } from '../archive/open-default';
import { SearchWorkerHost } from '../search/worker-host';
import { startTeamSync } from '../team/background';
import { keychainCredentials } from '../team/credentials';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererResponse } from '../renderer-protocol';
import { registerGrants, registerIpc } from './ipc';
import { readLaunchOptions, type LaunchOptions } from './launch-options';
import { buildMenuTemplate } from './menu';
import { isLocalDevServerUrl, isTrustedFrame, type FrameLike, type RendererLocation } from './security-policy';
import { guardSession } from './session-guards';
import { runSmokeCheck } from './smoke';
import { createMainWindow } from './window';

// The bundle sits in out/main/; preload and renderer are its siblings (also inside app.asar).
const BUNDLE_DIR = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(BUNDLE_DIR, '../preload/preload.cjs');
const RENDERER_DIR = path.join(BUNDLE_DIR, '../renderer');
const SMOKE_DEADLINE_MS = 90_000;

let workspace: Workspace | null = null;
let mainWindow: BrowserWindow | null = null;
let exitCode = 0;

/** Reports a startup failure (a dialog for people, stderr for the smoke run) and stops. */
function fail(launch: Pick<LaunchOptions, 'smoke'> | null, title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (launch?.smoke) console.error(`smoke failed: ${title}: ${message}`);
  else dialog.showErrorBox(title, message);
  app.exit(1);
}

function rendererLocation(): RendererLocation {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  // Only `electron-vite dev` sets this; a packaged app or a non-loopback URL never replaces our files.
  if (!app.isPackaged && isLocalDevServerUrl(devUrl)) {
    return { rendererDir: RENDERER_DIR, devServerOrigin: new URL(devUrl).origin };
  }
  return { rendererDir: RENDERER_DIR };
}

function samplesDir(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'samples')
    : path.join(app.getAppPath(), 'resources', 'samples');
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(launch: LaunchOptions, location: RendererLocation): BrowserWindow {
  const window = createMainWindow({
    location,
    preloadPath: PRELOAD_PATH,
    isPackaged: app.isPackaged,
    show: !launch.smoke,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

function installAppHandlers(launch: LaunchOptions): void {
  app.on('second-instance', () => focusMainWindow());
  // Any web contents (DevTools included) gets no popups and no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || launch.smoke) app.quit();
  });
  // Close the SQLite file cleanly (WAL checkpoint) before the process ends.
  app.on('will-quit', (event) => {
    if (!workspace) return;
    event.preventDefault();
    const closing = workspace;
    workspace = null;
    // Stops the scheduled backups and the team sync, then closes the open archive.
    closing
      .close()
      .catch((err: unknown) => console.error('[tala] closing the archive failed:', err))
      .finally(() => app.exit(exitCode));
  });
}

/** Asked in a native dialog, outside the page: passages will go to a server off this computer. */
async function confirmMtEndpoint(endpoint: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Use this server', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Send passages to this translation server?',
    detail: `${endpoint}\n\nIt is not on this computer: the passages you translate will be sent to it.`,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const { response } = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  return response === 0;
}

/** What runs beside an open archive in the desktop app; returns how to stop it before the archive closes. */
function attachArchive(opened: Archive, launch: LaunchOptions): () => Promise<void> {
  // A team password is kept with the OS keychain's key (Electron's safeStorage) where the system offers one.
  opened.team.useCredentials(keychainCredentials(opened.path, safeStorage));
  // Large archives finish their integrity check after the window opens; a damaged one is said at once.
  opened
    .integrityChecked()
    .catch((err: unknown) =>
      dialog.showErrorBox('Tala: the archive is damaged', err instanceof Error ? err.message : String(err)),
    );
  if (launch.smoke) return async () => undefined;
  const maintenance = startMaintenance(opened.backups);
  const teamSync = startTeamSync(opened.team);
  return async () => {
    maintenance.stop();
    await teamSync.stop();
  };
}

const FOLDER_DIALOGS: Record<FolderPurpose, { title: string; buttonLabel: string }> = {
  create: { title: 'New archive: choose an empty folder', buttonLabel: 'Create archive here' },
  open: { title: 'Open archive: choose its folder', buttonLabel: 'Open archive' },
  backups: { title: 'Backups: choose the folder to keep them in', buttonLabel: 'Keep backups here' },
  'rescue-backup': {
    title: 'This archive cannot be written: choose a folder on another disk for its backup',
    buttonLabel: 'Back up here',
  },
};

/**
 * The native folder picker for New archive… (an empty or new folder), Open archive… (a folder with one) and the
 * backup folder in Settings.
 */
async function chooseFolder(purpose: FolderPurpose): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    ...FOLDER_DIALOGS[purpose],
    properties: ['openDirectory', 'createDirectory'],
  };
  const chosen =
    mainWindow && !mainWindow.isDestroyed()
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
  return chosen.canceled || chosen.filePaths.length === 0 ? null : chosen.filePaths[0];
}

async function start(launch: LaunchOptions): Promise<void> {
  await app.whenReady();
  const location = rendererLocation();
  // The window's page and its files come from app://tala/: only files inside the renderer folder, with the CSP.
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request, location.rendererDir));
  guardSession(session.defaultSession, location);

  let archive: Archive;
  try {
    archive = await openArchiveDir(launch.archiveDir, {
      seedSamples: true,
      samplesDir: samplesDir(),
      startSearch: true,
    });
  } catch (err) {
    fail(launch, `Tala cannot open its archive in ${launch.archiveDir}`, err);
    return;
  }

  // Settings and File > New / Open archive switch archives: the main process opens the other one and closes this.
  workspace = new Workspace(archive, {
    open: (dir) => openArchiveDir(dir, { startSearch: true }),
    recentFile: launch.smoke ? undefined : recentFileIn(launch.configDir),
    attach: (opened) => attachArchive(opened, launch),
    chooseFolder,
    onSwitched: (opened) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setTitle(`Tala — ${path.dirname(opened.path)}`);
    },
  });
  const confirm = { mtEndpoint: confirmMtEndpoint };
  // Files and folders may be named over IPC only once the person gave them to the window (a pick, a drop).
  const grants = new PathGrants();
  const trusted = (frame: FrameLike | null) => isTrustedFrame(frame, location);
  registerGrants(ipcMain, grants, trusted);
  registerIpc(ipcMain, createApi(workspace, 'ipc', { confirm, grants }), trusted);
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    isDev: location.devServerOrigin !== undefined,
    // The renderer runs every command (the same list as its command palette): bring the window forward
    // and hand it the command's id.
    onCommand: (id) => {
      focusMainWindow();
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(COMMAND_CHANNEL, id);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Tala', applicationVersion: app.getVersion(), copyright: 'MIT License' });

  mainWindow = openMainWindow(launch, location);
  app.on('activate', () => {
    if (workspace && BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow(launch, location);
  });

  if (launch.smoke) {
    try {
      console.log(await runSmokeCheck(mainWindow));
    } catch (err) {
      console.error(`smoke failed: ${err instanceof Error ? err.message : String(err)}`);
      exitCode = 1;
    }
    app.quit();
  }
}

function main(): void {
  let launch: LaunchOptions;
  try {
    launch = readLaunchOptions(process.argv, process.env, app.getPath('userData'));
  } catch (err) {
    fail({ smoke: process.env.TALA_SMOKE === '1' }, 'Tala cannot start', err);
    return;
  }
  if (launch.smoke) {
    setTimeout(() => {
      console.error(`smoke failed: no result within ${SMOKE_DEADLINE_MS} ms`);
      app.exit(1);
    }, SMOKE_DEADLINE_MS).unref();
  }

  // One Chromium profile (and single-instance lock) per archive folder: a second window on the same
  // archive is refused, a different --archive may run side by side.
  if (launch.archiveDirOverridden) app.setPath('userData', launch.archiveDir);
  // The renderer's own origin, app://tala (a standard, secure scheme): declared before the app is ready.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  installAppHandlers(launch);
  // The search thread starts and loads its code while Electron gets ready; the archive opened next takes it.
  SearchWorkerHost.prestart();
  start(launch).catch((err: unknown) => fail(launch, 'Tala failed to start', err));
}

main();
