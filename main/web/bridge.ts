// Browser bridge: serves the built renderer and the contract over HTTP on 127.0.0.1, so the app can be
// used (and tested) in a plain browser without Electron. Plain Node: no Electron imports.
//
// Security model: the server listens on the loopback interface only, where every local user can reach it.
// As in Jupyter, the address `npm run web` prints and opens carries the per-run token once; the server trades
// it for an HttpOnly, SameSite=Strict session cookie and redirects to the clean address. The app page and every
// API call need that cookie (scripts may send the token in a header instead); nothing embeds the token in a
// page. Host and Origin headers are checked so a web page elsewhere cannot reach the archive through DNS
// rebinding or cross-site requests.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { isChannel, MAX_IMPORT_BYTES } from '../../shared/contract';
import { RENDERER_CSP } from '../../shared/csp';
import type { ErrorCode, Result } from '../../shared/errors';
import { encodeWire, parseWire } from '../../shared/wire';
import { dispatch, type ApiSession } from '../api/dispatch';
import { contentTypeOf } from '../renderer-protocol';

export interface BridgeOptions {
  /** The archive as seen through the bridge's door (createApi(archive, 'bridge')). */
  api: ApiSession;
  /** Directory holding the built renderer (index.html + assets). */
  rendererDir: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** Secret required on every API call; absent: 32 random bytes as hex. */
  token?: string;
  /**
   * API calls wait for this before they run (the sample documents of a first start, imported while the page and
   * its scripts are already being served); a rejection does not hold them.
   */
  ready?: Promise<unknown>;
}

export interface Bridge {
  /** The clean address, e.g. http://127.0.0.1:5123/ (needs the session cookie). */
  url: string;
  /** The address that signs a browser in: `url` plus `?token=…`, to print and open once. */
  loginUrl: string;
  port: number;
  token: string;
  /** The underlying server (exposed for tests and diagnostics). */
  server: Server;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-tala-token';
export const SESSION_COOKIE = 'tala-session';
/** The query parameter of the sign-in address. */
export const TOKEN_PARAMETER = 'token';
export const HOST = '127.0.0.1';

/** Same policy as the app window (shared/csp.ts); the server sends it on every response. */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

/**
 * Largest accepted request body: a maximal import as base64 (4/3) plus room for the JSON around it (a
 * documents.importBatch request carries at most as many bytes as one file, and ≤ 64 names of ≤ 1,024 characters).
 */
export const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison (hashing first makes both sides the same length). */
function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(sha256(given), sha256(expected));
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The page a browser without a session gets: it asks for the token (and holds none). */
function signInPage(wrongToken: boolean): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tala — sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:34em;margin:4em auto;padding:0` +
    ` 1em}input{width:100%;font:inherit}</style>
</head><body><h1>Tala</h1>
<p>${
      wrongToken ? 'That token is not the one of this Tala. ' : ''
    }Open Tala at the address <code>npm run web</code> printed,
or paste the token from that address here.</p>
<form method="get" action="/"><label>Token <input name="${TOKEN_PARAMETER}" type="password"` +
    ` autocomplete="off" autofocus></label>
<p><button type="submit">Open Tala</button></p></form></body></html>`
  );
}

/** The sign-in page may submit its form (the app's policy allows no forms) and nothing else. */
const SIGN_IN_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  if (!TOKEN_PATTERN.test(token)) throw new Error('Bridge token must be 16–256 characters of [A-Za-z0-9_-].');
  // What the cookie holds: not the token itself, so a leaked cookie value cannot be pasted as a token.
  const session = randomBytes(32).toString('hex');
  const hasSession = (req: IncomingMessage) => tokenMatches(cookieValue(req, SESSION_COOKIE), session);
  const rendererRoot = await realpath(resolve(options.rendererDir)).catch(() => {
    throw new Error(`Renderer directory not found: ${options.rendererDir} (run \`npx electron-vite build\` first).`);
  });
  const api = options.api;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[tala:web] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'Internal error in the browser bridge.'));
      else res.destroy();
    });
  });
  // An upload of ~133 MB on a slow machine must not be cut off, but idle sockets should not linger.
  server.requestTimeout = 10 * 60_000;
  server.headersTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.includes(host)) {
      return reject(req, res, new HttpError(403, 'FORBIDDEN', 'Forbidden: unexpected Host header.'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return reject(req, res, new HttpError(403, 'FORBIDDEN', 'Forbidden: cross-origin request.'));
    }

    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return reject(req, res, new HttpError(400, 'INVALID_REQUEST', 'Bad request URL.'));
    }
    const pathname = url.pathname;

    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (url.searchParams.has(TOKEN_PARAMETER) && (req.method === 'GET' || req.method === 'HEAD'))
      return signIn(req, res, url);
    return handleStatic(req, res, pathname);
  }

  /** `?token=…` once: a session cookie in exchange, and a redirect to the same address without the token. */
  function signIn(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!tokenMatches(url.searchParams.get(TOKEN_PARAMETER) ?? undefined, token))
      return sendSignIn(req, res, 403, true);
    url.searchParams.delete(TOKEN_PARAMETER);
    setSecurityHeaders(res);
    res.writeHead(303, {
      Location: `${url.pathname}${url.search}`,
      'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      'Cache-Control': 'no-store',
      'Content-Length': 0,
    });
    res.end();
  }

  function sendSignIn(req: IncomingMessage, res: ServerResponse, status: number, wrongToken: boolean): void {
    const html = signInPage(wrongToken);
    setSecurityHeaders(res);
    res.setHeader('Content-Security-Policy', SIGN_IN_CSP);
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? '' : html);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return reject(req, res, new HttpError(405, 'INVALID_REQUEST', 'Method not allowed: API calls use POST.'));
    }
    const given = req.headers[TOKEN_HEADER];
    // A browser's session cookie counts only with its own Origin: browsers send one on every POST.
    const byCookie = hasSession(req) && req.headers.origin !== undefined;
    if (!byCookie && !tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
      return reject(
        req,
        res,
        new HttpError(
          403,
          'FORBIDDEN',
          'Forbidden: this browser is not signed in to Tala. Open Tala at the address `npm run web` printed.',
        ),
      );
    }
    if (!isChannel(channel)) {
      return reject(req, res, new HttpError(404, 'NOT_FOUND', `Unknown API channel: ${channel.slice(0, 80)}`));
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      return reject(
        req,
        res,
        new HttpError(415, 'INVALID_REQUEST', 'API calls must send Content-Type: application/json.'),
      );
    }

    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof HttpError) return reject(req, res, err);
      throw err;
    }

    let result: Result<unknown>;
    try {
      const payload = body.trim() === '' ? undefined : parseWire(body);
      if (options.ready) await options.ready.catch(() => undefined);
      result = await dispatch(api, channel, payload);
    } catch (err) {
      // parseWire only throws AppError(INVALID_REQUEST); keep the envelope shape for the caller.
      const message = err instanceof Error ? err.message : String(err);
      result = failure('INVALID_REQUEST', message);
    }
    let json: string;
    try {
      json = JSON.stringify(encodeWire(result));
    } catch (err) {
      console.error(`[tala:web] cannot encode the answer to ${channel}:`, err);
      json = JSON.stringify(failure('INTERNAL', 'The answer could not be encoded.'));
    }
    sendText(res, 200, 'application/json; charset=utf-8', json);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return reject(req, res, new HttpError(405, 'INVALID_REQUEST', 'Method not allowed.'));
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return reject(req, res, new HttpError(400, 'INVALID_REQUEST', 'Bad request path.'));
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return notFound(req, res);
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const candidate = resolve(rendererRoot, relative);
    if (!isInside(rendererRoot, candidate)) return notFound(req, res);

    let file: string;
    try {
      file = await realpath(candidate); // follows symlinks: the real file must be inside too
      if (!isInside(rendererRoot, file) || !(await stat(file)).isFile()) return notFound(req, res);
    } catch {
      return notFound(req, res);
    }

    const type = contentTypeOf(file);
    if (file === resolve(rendererRoot, 'index.html')) {
      if (!hasSession(req)) return sendSignIn(req, res, 401, false);
      const html = await readFile(file, 'utf8');
      res.setHeader('Cache-Control', 'no-store');
      return sendText(res, 200, type, req.method === 'HEAD' ? '' : html, Buffer.byteLength(html));
    }
    const size = (await stat(file)).size;
    setSecurityHeaders(res);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((done, fail) => {
      const stream = createReadStream(file);
      stream.on('error', fail);
      res.on('close', () => {
        stream.destroy();
        done();
      });
      stream.pipe(res);
    });
  }

  function notFound(req: IncomingMessage, res: ServerResponse): void {
    reject(req, res, new HttpError(404, 'NOT_FOUND', 'Not found.'));
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/`,
    loginUrl: `http://${HOST}:${port}/?${TOKEN_PARAMETER}=${token}`,
    port,
    token,
    server,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function sendText(
  res: ServerResponse,
  status: number,
  type: string,
  text: string,
  length = Buffer.byteLength(text),
): void {
  setSecurityHeaders(res);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': length });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Answers a transport-level problem with the error envelope, without reading a (possibly huge) body. */
function reject(req: IncomingMessage, res: ServerResponse, err: HttpError): void {
  if (!req.complete) {
    // Discard the unwanted upload so the client can read the answer (closing at once would reset the
    // connection under it), but give up on it after a short grace period.
    res.setHeader('Connection', 'close');
    const timer = setTimeout(() => req.destroy(), 2_000);
    timer.unref();
    req.on('end', () => clearTimeout(timer));
    req.on('close', () => clearTimeout(timer));
    req.resume();
  }
  sendJson(res, err.status, failure(err.code, err.message));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(
      413,
      'INVALID_REQUEST',
      `Request too large: the limit is ${Math.floor(MAX_IMPORT_BYTES / 1024 / 1024)} MB per file.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        req.pause();
        fail(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) done(Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!failed) {
        failed = true;
        fail(err);
      }
    });
  });
}
