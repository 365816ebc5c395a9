// Pure security decisions for the desktop window: which URLs may be loaded, navigated to, or send IPC.
// Deliberately free of `electron` imports so every rule is unit-tested in plain Node.
import { APP_SCHEME, isAppIndexUrl, isAppUrl } from '../renderer-protocol';

/** Where the trusted renderer lives. */
export interface RendererLocation {
  /** Absolute path of the built renderer folder (out/renderer), served as app://tala/ (main/renderer-protocol.ts). */
  rendererDir: string;
  /** Origin of the `electron-vite dev` server (e.g. http://localhost:5173); undefined in builds. */
  devServerOrigin?: string;
}

/** Sent as a header too, so a page without the <meta> tag is not a hole (the window uses IPC only). */
export { RENDERER_CSP } from '../../shared/csp';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A dev server we are willing to load: http on a loopback host (never a remote machine). */
export function isLocalDevServerUrl(url: string | undefined): url is string {
  if (!url) return false;
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

function isDevServerUrl(url: string, location: RendererLocation): boolean {
  if (!location.devServerOrigin) return false;
  const parsed = parseUrl(url);
  return parsed !== null && parsed.origin === location.devServerOrigin;
}

/**
 * May a document at this URL call the archive over IPC? Only our renderer at its fixed origin app://tala (whose
 * handler serves nothing but the renderer folder's files), or the dev server. A file: page never may.
 */
export function isTrustedSenderUrl(url: string, location: RendererLocation): boolean {
  return isAppUrl(url) || isDevServerUrl(url, location);
}

/** Minimal view of Electron's WebFrameMain: enough to decide trust. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The main frame of our renderer; iframes (even same-origin ones) never get the archive. */
export function isTrustedFrame(frame: FrameLike | null | undefined, location: RendererLocation): boolean {
  if (!frame) return false;
  try {
    return frame.parent === null && isTrustedSenderUrl(frame.url, location);
  } catch {
    // A frame disposed mid-call throws on property access: treat it as untrusted.
    return false;
  }
}

/**
 * May the window navigate (or be redirected) to this URL? Only to the renderer's own app://tala/index.html
 * (a reload, a hash or query change); links elsewhere must never replace the trusted page.
 */
export function isAllowedNavigation(url: string, location: RendererLocation): boolean {
  return isAppIndexUrl(url) || isDevServerUrl(url, location);
}

/**
 * May the renderer session fetch this URL at all? No remote content ever, and no file: URL: the renderer's own
 * origin (its handler confines requests to the renderer folder), inline data/blob URLs, DevTools, and in dev the
 * local dev server (plus its HMR websocket).
 */
export function isAllowedRequestUrl(url: string, location: RendererLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(url);
    case 'data:':
    case 'blob:':
    case 'devtools:':
    case 'chrome-devtools:':
      return true;
    case 'http:':
      return isDevServerUrl(url, location);
    case 'ws:': {
      const dev = location.devServerOrigin ? parseUrl(location.devServerOrigin) : null;
      return dev !== null && parsed.host === dev.host;
    }
    default:
      return false;
  }
}

/**
 * A link the user clicked that may be handed to the system browser, after the user confirms:
 * http(s) only, no embedded credentials, a sane length. Everything else is refused outright.
 */
export function externalLinkTarget(url: string): string | null {
  if (url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
