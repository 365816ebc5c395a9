// registerIpc driven by a fake ipcMain over a real archive on a temp file: channel registration,
// sender checks before anything runs, payload validation, and real results for valid calls.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, IPC_PREFIX, MAX_IMPORT_BYTES, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { createApi, type Operations } from '../../main/api/dispatch';
import type { Operation } from '../../main/api/operation';
import { OPERATIONS } from '../../main/api/registry';
import { Archive } from '../../main/archive/archive';
import { registerIpc } from '../../main/electron/ipc';
import { isTrustedFrame, type FrameLike, type RendererLocation } from '../../main/electron/security-policy';
import { FakeIpcMain } from '../helpers/fake-ipc';
import { tempDir } from '../helpers/temp';

const RENDERER_DIR = join(tempDir('tala-ipc-renderer-'), 'out', 'renderer');
const LOCATION: RendererLocation = { rendererDir: RENDERER_DIR };
/** The renderer's own files, at its fixed origin (main/renderer-protocol.ts). */
const rendererUrl = (file: string) => `app://tala/${file}`;
const TRUSTED_FRAME: FrameLike = { url: `${rendererUrl('index.html')}#/documents`, parent: null };

const utf8 = (s: string) => new TextEncoder().encode(s);
const SAMPLE_TEXT = 'Ang halalan ay gaganapin sa Mayo.\n\nMaraming botante ang pumila nang maaga sa mga presinto.\n';
const MISSING_ID = '0a0b0c0d-0e0f-4000-8000-00000000000a';

/**
 * Valid requests for some channels, so the sender tests show the refusal is not a validation error.
 * Channels not listed get `undefined`: the sender check runs before validation either way.
 */
const VALID_REQUEST: Partial<Record<Channel, unknown>> = {
  'app.info': undefined,
  'documents.list': undefined,
  'documents.get': { id: MISSING_ID },
  'documents.import': { name: 'halalan.txt', data: utf8(SAMPLE_TEXT), lang: 'tl' },
  'documents.delete': { id: MISSING_ID },
  'search.query': { query: 'halalan', limit: 5 },
};

let archive: Archive;
let ipc: FakeIpcMain;
let unregister: () => void;
const calls: Array<{ channel: Channel; request: unknown }> = [];

/** The real operations, with every call recorded so tests can prove refused requests never reached them. */
function recording(): Operations {
  const wrapped = {} as Record<Channel, Operation<Channel>>;
  for (const channel of CHANNELS) {
    const operation = OPERATIONS[channel] as unknown as Operation<Channel>;
    wrapped[channel] = {
      ...operation,
      handle: (request, ctx) => {
        calls.push({ channel, request });
        return operation.handle(request, ctx);
      },
    };
  }
  return wrapped as unknown as Operations;
}

beforeAll(async () => {
  archive = await Archive.open(join(tempDir('tala-ipc-'), 'archive.sqlite'));
  ipc = new FakeIpcMain(TRUSTED_FRAME);
  unregister = registerIpc(ipc, createApi(archive, 'ipc', { operations: recording() }), (frame) =>
    isTrustedFrame(frame, LOCATION),
  );
});

afterAll(async () => {
  await archive?.close();
});

describe('registerIpc', () => {
  it('registers exactly one tala:-prefixed handler per contract channel', () => {
    expect(ipc.handleCalls).toBe(CHANNELS.length);
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `${IPC_PREFIX}${c}`).sort());
    for (const name of ipc.handlers.keys()) expect(name.startsWith('tala:')).toBe(true);
  });

  it('the returned function removes every handler', () => {
    const other = new FakeIpcMain();
    const remove = registerIpc(other, createApi(archive, 'ipc'), () => true);
    expect(other.handlers.size).toBe(CHANNELS.length);
    remove();
    expect(other.handlers.size).toBe(0);
    expect(typeof unregister).toBe('function');
  });
});

describe('untrusted senders are refused before the API runs', () => {
  const untrusted: Array<[string, FrameLike | null]> = [
    ['no frame (destroyed)', null],
    ['a subframe showing our own page', { url: rendererUrl('index.html'), parent: TRUSTED_FRAME }],
    ['a remote https page', { url: 'https://evil.example/index.html', parent: null }],
    ['file:///etc/passwd', { url: 'file:///etc/passwd', parent: null }],
    [
      'an html file outside the renderer folder',
      { url: pathToFileURL('/tmp/elsewhere/index.html').href, parent: null },
    ],
    [
      "the renderer's own index.html as a file: URL",
      { url: pathToFileURL(join(RENDERER_DIR, 'index.html')).href, parent: null },
    ],
    ['another app: host', { url: 'app://evil/index.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['devtools', { url: 'devtools://devtools/bundled/devtools_app.html', parent: null }],
    [
      'a frame that throws on access',
      {
        get url(): string {
          throw new Error('Render frame was disposed');
        },
        parent: null,
      },
    ],
  ];

  for (const [label, frame] of untrusted) {
    it(`${label}: FORBIDDEN on every channel`, async () => {
      calls.length = 0;
      for (const channel of CHANNELS) {
        const result = await ipc.invoke(IPC_PREFIX + channel, VALID_REQUEST[channel], frame);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(calls).toEqual([]);
    });
  }
});

describe('malformed payloads are INVALID_REQUEST and never reach the API', () => {
  const bytes = utf8(SAMPLE_TEXT);
  const malformed: Array<[Channel, string, unknown]> = [
    ['app.info', 'an object where none is expected', { verbose: true }],
    ['documents.list', 'a number', 5],
    ['documents.get', 'missing id', {}],
    ['documents.get', 'id of the wrong type', { id: 42 }],
    ['documents.get', 'non-UUID id', { id: 'not-a-uuid' }],
    ['documents.get', 'SQL in the id', { id: "1' OR '1'='1" }],
    ['documents.get', 'an extra field', { id: MISSING_ID, include: 'everything' }],
    ['documents.get', 'a bare string', MISSING_ID],
    ['documents.get', 'an array', [MISSING_ID]],
    ['documents.get', 'null', null],
    ['documents.delete', 'upper-case UUID', { id: MISSING_ID.toUpperCase() }],
    ['documents.delete', 'missing id', undefined],
    ['documents.import', 'text instead of bytes', { name: 'a.txt', data: SAMPLE_TEXT }],
    ['documents.import', 'a plain array instead of bytes', { name: 'a.txt', data: [65, 66] }],
    ['documents.import', 'an empty name', { name: '', data: bytes }],
    ['documents.import', 'an oversized name', { name: `${'x'.repeat(1025)}.txt`, data: bytes }],
    ['documents.import', 'a bad language code', { name: 'a.txt', data: bytes, lang: 'Tagalog' }],
    ['documents.import', 'an extra field', { name: 'a.txt', data: bytes, path: '/etc/passwd' }],
    ['documents.import', 'too many bytes', { name: 'big.txt', data: new Uint8Array(MAX_IMPORT_BYTES + 1) }],
    ['search.query', 'an oversized query string', { query: 'a'.repeat(1001) }],
    ['search.query', 'a query of the wrong type', { query: 7 }],
    ['search.query', 'limit zero', { query: 'a', limit: 0 }],
    ['search.query', 'a fractional limit', { query: 'a', limit: 1.5 }],
    ['search.query', 'limit as a string', { query: 'a', limit: '10' }],
    ['search.query', 'an extra field', { query: 'a', sql: 'DROP TABLE documents' }],
    ['annotations.create', 'offsets as strings', { docId: MISSING_ID, start: '0', end: '5' }],
    ['annotations.create', 'a missing docId', { start: 0, end: 5 }],
    ['annotations.update', 'a non-UUID id', { id: '../../etc', note: 'x' }],
    ['documents.editPassage', 'an extra field', { docId: MISSING_ID, passageId: MISSING_ID, text: 'x', ordinal: 1 }],
    ['annotations.needsReview', 'a payload where none is expected', { all: true }],
  ];

  for (const [channel, label, payload] of malformed) {
    it(`${channel}: ${label}`, async () => {
      calls.length = 0;
      const result = await ipc.invoke(IPC_PREFIX + channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(calls).toEqual([]);
    });
  }
});

describe('valid calls from the trusted window reach the archive', () => {
  const ok = <T>(result: Result<unknown>): T => {
    if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  it('runs a full import / list / get / search / delete round trip', async () => {
    calls.length = 0;
    const info = ok<{ schemaVersion: number; archivePath: string }>(await ipc.invoke('tala:app.info', undefined));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.archivePath).toBe(archive.path);

    const imported = ok<{ status: string; document: { id: string } }>(
      await ipc.invoke('tala:documents.import', { name: 'halalan.txt', data: utf8(SAMPLE_TEXT), lang: 'tl' }),
    );
    expect(imported.status).toBe('imported');
    const id = imported.document.id;

    const list = ok<Array<{ id: string }>>(await ipc.invoke('tala:documents.list', undefined));
    expect(list.map((d) => d.id)).toContain(id);

    const detail = ok<{ id: string; text: string }>(await ipc.invoke('tala:documents.get', { id }));
    expect(detail.text).toContain('halalan');

    const found = ok<{ total: number; hits: Array<{ docId: string }> }>(
      await ipc.invoke('tala:search.query', { query: 'botante' }),
    );
    expect(found.hits.map((h) => h.docId)).toContain(id);

    expect(await ipc.invoke('tala:documents.delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(calls.map((c) => c.channel)).toEqual([
      'app.info',
      'documents.import',
      'documents.list',
      'documents.get',
      'search.query',
      'documents.delete',
    ]);
  });

  it('a well-formed id that does not exist passes validation and gets NOT_FOUND from the archive', async () => {
    calls.length = 0;
    const result = await ipc.invoke('tala:documents.get', { id: MISSING_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls).toEqual([{ channel: 'documents.get', request: { id: MISSING_ID } }]);
  });

  it('void channels accept null as well as undefined (what ipcRenderer sends for a missing argument)', async () => {
    expect((await ipc.invoke('tala:documents.list', null)).ok).toBe(true);
  });
});
