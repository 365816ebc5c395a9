// The desktop window's renderer comes from app://tala/…, a custom scheme with one fixed origin, instead of file://:
// a page there can reach no other local file, and the origin is the same on every machine (IPC trust, CSP 'self').
// This module answers those requests from the built renderer folder only. Plain Node (the global fetch Response):
// main/electron/main.ts just registers it with Electron's protocol.handle; the unit tests call it directly.
import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tala';
/** The renderer's origin in the desktop app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Electron's privileges for the scheme (protocol.registerSchemesAsPrivileged, before the app is ready): a standard,
 * secure origin (relative URLs, ES modules, a secure context) whose own files the page may fetch. Not bypassCSP,
 * not service workers, not streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

/** Content types by extension: the renderer folder's files (and the browser bridge's, the same folder). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Sent with every answer, files and refusals alike. */
export const RENDERER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** app://tala/… exactly: no other host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window's own page: app://tala/index.html (a reload, a hash or query change), or its folder. */
export function isAppIndexUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/index.html' || pathname === '/' || pathname === '';
}

export type RendererFile =
  { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 | 405; reason: string };

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Which file of `rendererDir` answers a request, or why none does: only GET/HEAD of app://tala/…, the path decoded
 * once, no NUL or backslash, resolved inside the folder, and the real file (symlinks followed) inside it as well.
 */
export async function resolveRendererFile(url: string, method: string, rendererDir: string): Promise<RendererFile> {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: 'method not allowed' };
  if (!isAppUrl(url)) return { ok: false, status: 404, reason: 'not a renderer address' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 404, reason: 'bad path' };
  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  let root: string;
  let file: string;
  try {
    // fs.promises is looked up at call time: inside app.asar, Electron's patched functions read the archive.
    root = await fs.realpath(resolve(rendererDir));
    const candidate = resolve(root, relative);
    if (!isInside(root, candidate) || candidate === root) return { ok: false, status: 404, reason: 'outside' };
    file = await fs.realpath(candidate);
    if (!isInside(root, file) || file === root) return { ok: false, status: 404, reason: 'outside' };
    if (!(await fs.stat(file)).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true, file, contentType: contentTypeOf(file) };
}

/** The answer to one app:// request (Electron's protocol.handle takes it as is). */
export async function rendererResponse(
  request: { url: string; method: string },
  rendererDir: string,
): Promise<Response> {
  const found = await resolveRendererFile(request.url, request.method, rendererDir);
  if (!found.ok) {
    const headers: Record<string, string> = { ...RENDERER_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
    if (found.status === 405) headers.Allow = 'GET, HEAD';
    const text = found.status === 405 ? 'Method not allowed.' : found.status === 400 ? 'Bad request.' : 'Not found.';
    return new Response(text, { status: found.status, headers });
  }
  let body: Buffer;
  try {
    body = await fs.readFile(found.file);
  } catch {
    return new Response('Not found.', {
      status: 404,
      headers: { ...RENDERER_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const headers = { ...RENDERER_HEADERS, 'Content-Type': found.contentType, 'Content-Length': String(body.length) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
