// The renderer's only way to reach the archive. In Electron the preload exposes `window.talaIpc`;
// in a plain browser the app talks to the HTTP bridge (main/web/bridge.ts). Both unwrap the result
// envelope and throw AppError on failure, so callers never see the transport.
import { CHANNELS, type Channel, type IpcBridge, type TalaApi } from '../../../shared/contract';
import { AppError, isErrorCode, type ErrorDetails, type Result } from '../../../shared/errors';
import { parseWire, stringifyWire } from '../../../shared/wire';
import { reportArchiveDamaged } from '../lib/backups';

declare global {
  interface Window {
    talaIpc?: IpcBridge;
  }
}

type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error?.message === 'string';
}

/** Keeps only the detail fields of the documented types: the envelope crossed a process boundary. */
function plainDetails(value: unknown): ErrorDetails | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const details: ErrorDetails = {};
  if (typeof v.position === 'number' && Number.isInteger(v.position) && v.position >= 0) details.position = v.position;
  for (const key of ['token', 'path', 'logRef'] as const) if (typeof v[key] === 'string') details[key] = v[key];
  return Object.keys(details).length > 0 ? details : undefined;
}

function unwrap(result: unknown): unknown {
  if (!isResult(result)) throw new AppError('INTERNAL', 'The archive sent an unexpected answer.');
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  // A damaged archive is shown in the health banner, whichever call noticed it.
  if (code === 'ARCHIVE_DAMAGED') reportArchiveDamaged(result.error.message);
  throw new AppError(code, result.error.message, plainDetails(result.error.details));
}

/** Builds the typed API from any invoke function. */
export function createApiFromInvoke(invoke: Invoke): TalaApi {
  const api = {} as Record<Channel, (request: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    api[channel] = async (request: unknown) => {
      let result: Result<unknown>;
      try {
        result = await invoke(channel, request);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError(
          'INTERNAL',
          `Could not reach the archive: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      return unwrap(result);
    };
  }
  return api as unknown as TalaApi;
}

/**
 * Invoke over HTTP: POST /api/<channel> with the wire-encoded JSON body. The browser's HttpOnly session cookie
 * (set when it opened the address `npm run web` printed) authorises the call; the page never sees a token.
 */
export function httpInvoke(base = '', fetchImpl: typeof fetch = (...args) => fetch(...args)): Invoke {
  return async (channel, request) => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stringifyWire(request),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new AppError('INTERNAL', 'Lost connection to Tala. Is `npm run web` still running?');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = parseWire(text);
    } catch {
      throw new AppError('INTERNAL', `The archive answered with HTTP ${response.status} and an unreadable body.`);
    }
    if (!isResult(parsed)) throw new AppError('INTERNAL', `The archive answered with HTTP ${response.status}.`);
    return parsed;
  };
}

let cached: TalaApi | undefined;

/** The API for this window: Electron IPC when available, the HTTP bridge otherwise. */
export function getApi(): TalaApi {
  if (!cached) {
    const ipc = typeof window !== 'undefined' ? window.talaIpc : undefined;
    cached = ipc
      ? createApiFromInvoke((channel, request) => ipc.invoke(channel, request))
      : createApiFromInvoke(httpInvoke());
  }
  return cached;
}
