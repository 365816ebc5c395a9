// The main window: locked-down webPreferences, no popups, no navigation away from the renderer.
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { isAllowedNavigation, type RendererLocation } from './security-policy';

export interface MainWindowOptions {
  location: RendererLocation;
  /** Absolute path of out/preload/preload.cjs. */
  preloadPath: string;
  /** Packaged builds cannot open DevTools at all. */
  isPackaged: boolean;
  /** False for the smoke run: the page loads and is checked without ever appearing on screen. */
  show: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { location, preloadPath, isPackaged, show } = options;
  const window = new BrowserWindow({
    title: 'Tala',
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
      // Middle-click must not open links in new windows (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      // The preload is reviewed: it exposes only the channel-checked invoke bridge of shared/contract.ts.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
    },
  });

  guardNavigation(window.webContents, location);
  if (show) window.once('ready-to-show', () => window.show());

  if (location.devServerOrigin) void window.loadURL(location.devServerOrigin);
  else void window.loadFile(path.join(location.rendererDir, 'index.html'));
  return window;
}

/** Popups denied; the page may only ever be our renderer (links are not followed, redirects refused). */
export function guardNavigation(contents: WebContents, location: RendererLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuseForeign = (event: Electron.Event, url: string): void => {
    if (isAllowedNavigation(url, location)) return;
    event.preventDefault();
    console.warn(`[tala] blocked navigation to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseForeign(event, event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
