// Optional machine translation through a LibreTranslate-compatible server the user configures. Off by
// default; when on, every call says that the text left the machine and is logged (mt_requests). This is
// the only code in Tala that talks to a network.
import { randomUUID } from 'node:crypto';
import { MT_NOTICE } from '../../shared/align-contract';
import { AppError } from '../../shared/errors';
import type { MtResult, MtSettings } from '../../shared/translations';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

interface StoredMtSettings {
  enabled: boolean;
  endpoint: string;
  apiKey: string | null;
}

const KEY = 'mt';
const DEFAULTS: StoredMtSettings = { enabled: false, endpoint: '', apiKey: null };
const TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

async function read(db: Database): Promise<StoredMtSettings> {
  const row = await db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${KEY}`);
  if (!row) return { ...DEFAULTS };
  try {
    return { ...DEFAULTS, ...(JSON.parse(row.value) as Partial<StoredMtSettings>) };
  } catch {
    return { ...DEFAULTS };
  }
}

function publicView(s: StoredMtSettings): MtSettings {
  return { enabled: s.enabled, endpoint: s.endpoint, apiKeySet: !!s.apiKey, notice: MT_NOTICE };
}

/** A base URL we are willing to post text to: http(s), a host, no user:password part. */
export function checkEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw new AppError(
      'INVALID_REQUEST',
      `“${endpoint.slice(0, 200)}” is not a web address (e.g. http://127.0.0.1:5000).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('INVALID_REQUEST', 'The translation server must be an http:// or https:// address.');
  if (url.username || url.password)
    throw new AppError('INVALID_REQUEST', 'Put the API key in its own field, not in the address.');
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}

/** Refusal of a remote translation server set from the browser bridge. */
export const MT_REMOTE_REFUSED =
  'From the browser, the translation server can only be one on this computer (localhost, 127.0.0.1 or ::1). ' +
  'A server on another machine receives the passages you translate: set it in the desktop app or on the ' +
  'command line (tala call mt.settings.set).';

/** The person said no to a remote translation server in the desktop app's dialog. */
export const MT_REMOTE_DECLINED = 'The translation server was not changed: you did not confirm it.';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An endpoint (as checkEndpoint returns it) on this computer: passages sent there do not leave it. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(endpoint).hostname);
}

export async function getMtSettings(db: Database): Promise<MtSettings> {
  return publicView(await read(db));
}

export async function setMtSettings(
  db: Database,
  changes: { enabled: boolean; endpoint?: string; apiKey?: string | null },
): Promise<MtSettings> {
  const current = await read(db);
  const next: StoredMtSettings = {
    enabled: changes.enabled,
    endpoint:
      changes.endpoint !== undefined
        ? changes.endpoint.trim()
          ? checkEndpoint(changes.endpoint)
          : ''
        : current.endpoint,
    apiKey: changes.apiKey !== undefined ? changes.apiKey || null : current.apiKey,
  };
  if (next.enabled && !next.endpoint)
    throw new AppError(
      'INVALID_REQUEST',
      'Give the address of a LibreTranslate-compatible server before turning machine translation on.',
    );
  await db.transaction((tx) =>
    tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${KEY}, ${JSON.stringify(next)},
      ${new Date().toISOString()})
               ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
  );
  return publicView(next);
}

/** Sends `text` to the configured server (only when the user turned it on) and logs that it did. */
export async function machineTranslate(
  db: Database,
  request: { text: string; source: string; target: string },
): Promise<MtResult> {
  const settings = await read(db);
  if (!settings.enabled || !settings.endpoint) {
    throw new AppError(
      'FORBIDDEN',
      'Machine translation is off. Turn it on in the settings (the text will then be sent to the server you choose).',
    );
  }
  const url = settings.endpoint.endsWith('/translate') ? settings.endpoint : `${settings.endpoint}/translate`;
  const log = (ok: boolean, error: string | null) =>
    db.transaction((tx) =>
      tx.run(sql`INSERT INTO mt_requests (id, at, endpoint, source_lang, target_lang, characters, ok, error)
                 VALUES (${randomUUID()}, ${new Date().toISOString()}, ${settings.endpoint}, ${request.source},
                   ${request.target},
                         ${request.text.length}, ${ok ? 1 : 0}, ${error})`),
    );
  let translatedText: string;
  try {
    translatedText = await post(url, {
      q: request.text,
      source: request.source,
      target: request.target,
      format: 'text',
      ...(settings.apiKey ? { api_key: settings.apiKey } : {}),
    });
  } catch (err) {
    const message =
      err instanceof AppError
        ? err.message
        : `The translation server could not be reached (${(err as Error).message}).`;
    await log(false, message.slice(0, 500));
    throw err instanceof AppError ? err : new AppError('INTERNAL', message);
  }
  await log(true, null);
  return { translatedText, notice: MT_NOTICE, endpoint: settings.endpoint, characters: request.text.length };
}

async function post(url: string, body: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const raw = await readLimited(response);
  let parsed: { translatedText?: unknown; error?: unknown };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    throw new AppError(
      'INTERNAL',
      `The translation server answered ${response.status} with something that is not JSON.`,
    );
  }
  if (!response.ok || typeof parsed.translatedText !== 'string') {
    const reason = typeof parsed.error === 'string' ? parsed.error : `status ${response.status}`;
    throw new AppError('INTERNAL', `The translation server refused: ${reason.slice(0, 300)}`);
  }
  return parsed.translatedText;
}

async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new AppError('INTERNAL', 'The translation server sent too much data.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
