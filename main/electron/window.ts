// The main window: locked-down webPreferences, no popups, no navigation away from the renderer.
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { APP_INDEX_URL } from '../renderer-protocol';
import { externalLinkTarget, isAllowedNavigation, type RendererLocation } from './security-policy';

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

  // Builds load app://tala/index.html (main.ts serves the renderer folder there), never a file: URL.
  void window.loadURL(location.devServerOrigin ?? APP_INDEX_URL);
  return window;
}

/**
 * Popups denied; the page may only ever be our renderer at app://tala (links are not followed, redirects refused).
 * A clicked http(s) link (a document's source URL) is offered to the system browser after the user confirms.
 */
export function guardNavigation(
  contents: WebContents,
  location: RendererLocation,
  offerExternal: (url: string) => void = confirmAndOpenExternal,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) offerExternal(target);
    return { action: 'deny' };
  });
  const refuseForeign = (event: Electron.Event, url: string): void => {
    if (isAllowedNavigation(url, location)) return;
    event.preventDefault();
    console.warn(`[tala] blocked navigation to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => {
    refuseForeign(event, event.url);
    const target = event.defaultPrevented ? externalLinkTarget(event.url) : null;
    if (target) offerExternal(target);
  });
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseForeign(event, event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Asks before anything leaves the app: Tala itself never loads remote content. */
function confirmAndOpenExternal(url: string): void {
  const parent = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nThe page will load in your browser, outside Tala.`,
  };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).then(({ response }) => {
    // Reviewed: url passed externalLinkTarget (http/https only, no credentials) and the user confirmed it.
    if (response === 0) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  });
}
