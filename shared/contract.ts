// The one contract between the renderer and the main process. Every door (Electron IPC, the HTTP
// bridge, tests) uses these channel names, request validators and response types.
import type { AppInfo, DocumentDetail, DocumentSummary, ImportOutcome, SearchResult } from './types';
import { bytes, int, matching, none, obj, optional, str, type Validator } from './validate';

/** Largest file the archive accepts in one import (also enforced by the ingest service). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export const DOC_ID = matching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a document id (UUID)');
export const LANG_CODE = matching(/^[a-z]{2,3}$/, 'a language code such as "tl", "en" or "ru"');

export interface Requests {
  'app.info': void;
  'documents.list': void;
  'documents.get': { id: string };
  'documents.import': { name: string; data: Uint8Array; lang?: string };
  'documents.delete': { id: string };
  'search.query': { query: string; limit?: number };
}

export interface Responses {
  'app.info': AppInfo;
  'documents.list': DocumentSummary[];
  'documents.get': DocumentDetail;
  'documents.import': ImportOutcome;
  'documents.delete': { deleted: true };
  'search.query': SearchResult;
}

export type Channel = keyof Requests;

export const requestValidators: { [C in Channel]: Validator<Requests[C]> } = {
  'app.info': none,
  'documents.list': none,
  'documents.get': obj({ id: DOC_ID }),
  'documents.import': obj({
    name: str({ min: 1, max: 1024 }),
    data: bytes({ max: MAX_IMPORT_BYTES }),
    lang: optional(LANG_CODE),
  }),
  'documents.delete': obj({ id: DOC_ID }),
  'search.query': obj({ query: str({ max: 1000 }), limit: optional(int({ min: 1, max: 500 })) }),
};

export const CHANNELS = Object.keys(requestValidators) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestValidators, name);
}

/** Prefix of every Electron IPC channel name (the main process ignores everything else). */
export const IPC_PREFIX = 'tala:';

/** What the renderer sees: one async method per channel; failures reject with an AppError. */
export type TalaApi = { [C in Channel]: (request: Requests[C]) => Promise<Responses[C]> };

/** Shape the preload exposes on window.talaIpc: a single invoke that returns the result envelope. */
export interface IpcBridge {
  invoke(channel: Channel, request: unknown): Promise<import('./errors').Result<unknown>>;
}
