// The browser bridge against a real archive: access control, static file safety, wire encoding.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/api/dispatch';
import type { Archive } from '../../main/archive/archive';
import { openArchiveDir } from '../../main/archive/open-default';
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../../main/web/bridge';
import { MAX_BATCH_FILES, MAX_BATCH_BYTES, requestValidators } from '../../shared/contract';
import type { DocumentDetail, DocumentSummary, ImportOutcome } from '../../shared/types';
import { parseWire, stringifyWire } from '../../shared/wire';

let tmp: string;
let archive: Archive;
let bridge: Bridge;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly this path and these headers (fetch would normalise both). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string | number> = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: bridge.port, method, path, headers: { Host: `127.0.0.1:${bridge.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function call(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const body = typeof payload === 'string' ? payload : stringifyWire(payload);
  return raw(
    'POST',
    `/api/${channel}`,
    { 'Content-Type': 'application/json', 'X-Tala-Token': bridge.token, ...headers },
    body,
  );
}

async function value<T>(channel: string, payload?: unknown): Promise<T> {
  const res = await call(channel, payload ?? null);
  expect(res.status).toBe(200);
  const result = parseWire(res.body) as { ok: boolean; value: T; error?: unknown };
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true });
  return result.value;
}

/** Signs in like a browser opening the printed address; returns the Cookie header to send. */
async function signIn(): Promise<string> {
  const res = await raw('GET', `/?token=${bridge.token}`);
  return String(res.headers['set-cookie']).split(';')[0];
}

const listIds = async () =>
  (await value<DocumentSummary[]>('documents.list')).map((d) => `${d.id}:${d.contentHash}`).sort();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tala-bridge-'));
  const rendererDir = join(tmp, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(tmp, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(tmp, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  archive = await openArchiveDir(join(tmp, 'archive'), { seedSamples: false });
  bridge = await startBridge({ api: createApi(archive), rendererDir });
});

afterAll(async () => {
  await bridge?.close();
  await archive?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only, with a 32-byte hex token', () => {
    const address = bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(bridge.port);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves index.html to a signed-in browser, without any token in it, with CSP and nosniff', async () => {
    const res = await raw('GET', '/', { Cookie: await signIn() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).not.toContain(bridge.token);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const js = await raw('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw('GET', '/assets/missing.js')).status).toBe(404);
    expect((await raw('POST', '/assets/app.js')).status).toBe(405);
  });

  it('keeps static requests inside the renderer folder', async () => {
    const attempts = [
      '/../../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt', // symlink pointing outside
      '/%00index.html',
      `/${encodeURIComponent(join(tmp, 'secret.txt'))}`,
    ];
    for (const path of attempts) {
      const res = await raw('GET', path);
      expect(res.body, path).not.toContain('TOP SECRET');
      expect(res.body, path).not.toContain('"name": "tala"');
      expect([400, 404], path).toContain(res.status);
    }
  });

  it(
    'trades the token of the printed address for an HttpOnly SameSite=Strict cookie once, then' +
      ' redirects to the clean address',
    async () => {
      expect(bridge.loginUrl).toBe(`${bridge.url}?token=${bridge.token}`);
      const res = await raw('GET', `/?token=${bridge.token}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^tala-session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
      expect(cookie).not.toContain(bridge.token);
      expect(res.body).toBe('');
    },
  );

  it('asks a browser without the cookie for the token, on a page that holds no token', async () => {
    for (const headers of [{}, { Cookie: 'tala-session=forged' }, { Cookie: `tala-session=${bridge.token}` }] as Array<
      Record<string, string>
    >) {
      const res = await raw('GET', '/', headers);
      expect(res.status).toBe(401);
      expect(res.body).toContain('name="token"');
      expect(res.body).not.toContain(bridge.token);
      expect(res.headers['content-security-policy']).toContain("form-action 'self'");
    }
    const wrong = await raw('GET', '/?token=wrong');
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('not the one of this Tala');
  });

  it(
    'answers API calls for a signed-in browser (cookie plus its Origin) and refuses the cookie' +
      ' alone or a forged one',
    async () => {
      const cookie = await signIn();
      const origin = `http://127.0.0.1:${bridge.port}`;
      const post = (headers: Record<string, string>) =>
        raw('POST', '/api/documents.list', { 'Content-Type': 'application/json', ...headers }, 'null');
      expect((await post({ Cookie: cookie, Origin: origin })).status).toBe(200);
      expect((await post({ Cookie: cookie })).status).toBe(403);
      expect((await post({ Cookie: 'tala-session=forged', Origin: origin })).status).toBe(403);
      expect((await post({ Origin: origin })).status).toBe(403);
      expect((await post({ Cookie: cookie, Origin: `http://127.0.0.1:${bridge.port + 1}` })).status).toBe(403);
    },
  );

  it('refuses API calls without the right token', async () => {
    for (const headers of [
      { 'X-Tala-Token': '' },
      { 'X-Tala-Token': 'wrong' },
      { 'X-Tala-Token': bridge.token.slice(0, -1) + (bridge.token.endsWith('0') ? '1' : '0') },
      { 'X-Tala-Token': bridge.token + '0' },
    ]) {
      const res = await call('documents.list', null, headers);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const missing = await raw('POST', '/api/documents.list', { 'Content-Type': 'application/json' }, 'null');
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body).error.code).toBe('FORBIDDEN');
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site calls)', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`]) {
      const res = await call('documents.list', null, { Host: host });
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN');
      expect((await raw('GET', '/', { Host: host })).status, host).toBe(403);
    }
    expect((await call('documents.list', null, { Host: `localhost:${bridge.port}` })).status).toBe(200);
    expect((await call('documents.list', null, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('documents.list', null, { Origin: 'null' })).status).toBe(403);
    expect((await call('documents.list', null, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
  });

  it('answers transport problems with the right status', async () => {
    expect((await raw('GET', '/api/documents.list', { 'X-Tala-Token': bridge.token })).status).toBe(405);
    const unknown = await call('documents.explode', null);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const form = await raw(
      'POST',
      '/api/documents.list',
      { 'Content-Type': 'text/plain', 'X-Tala-Token': bridge.token },
      'null',
    );
    expect(form.status).toBe(415);
    const huge = await raw(
      'POST',
      '/api/documents.import',
      { 'Content-Type': 'application/json', 'X-Tala-Token': bridge.token, 'Content-Length': MAX_BODY_BYTES + 1 },
      Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    );
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(/too large/i);
  });

  it('imports binary data sent as base64 and round-trips it exactly', async () => {
    const text =
      'Ulat mula sa Stepanakert\n\nAng halalan ay ginanap noong Hulyo 19, 2012. Nanalo si Bako' +
      ' Sahakyan — Բակո Սահակյան.\n\nAng mga tagamasid ay dumating mula sa Austria at Russia.\n';
    const data = new TextEncoder().encode(text);
    const outcome = await value<ImportOutcome>('documents.import', { name: 'ulat.txt', data, lang: 'tl' });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.document.contentHash).toBe(createHash('sha256').update(data).digest('hex'));
    expect(outcome.document.lang).toBe('tl');
    const detail = await value<DocumentDetail>('documents.get', { id: outcome.document.id });
    expect(detail.text).toContain('Բակո Սահակյան');
    const again = await value<ImportOutcome>('documents.import', { name: 'ulat-copy.txt', data });
    expect(again).toMatchObject({ status: 'skipped', existingId: outcome.document.id });
    const found = await value<{ total: number; hits: Array<{ docId: string }> }>('search.query', { query: 'Sahakyan' });
    expect(found.hits.map((h) => h.docId)).toContain(outcome.document.id);
  });

  it('imports a batch of files, each with its own outcome in the order sent: a bad file fails alone', async () => {
    const before = (await value<DocumentSummary[]>('documents.list')).length;
    const enc = (text: string) => new TextEncoder().encode(text);
    const good = (n: number) =>
      enc(`Ulat bilang ${n}\n\nAng pulong sa barangay ay ginanap noong Lunes, ulat na bilang ${n} ng linggo.\n`);
    const files = [
      { name: 'ulat-1.txt', data: good(1) },
      // Passes the cheap checks (a PDF by its name and first bytes) and fails in the parser.
      { name: 'sira.pdf', data: enc('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is no PDF at all\n') },
      { name: 'ulat-2.txt', data: good(2) },
      { name: 'walang-laman.txt', data: new Uint8Array(0) },
      { name: 'ulat-2-kopya.txt', data: good(2) },
      { name: 'ulat-3.txt', data: good(3) },
    ];
    type Outcome = { ok: true; value: ImportOutcome } | { ok: false; error: { code: string; message: string } };
    const outcomes = await value<Outcome[]>('documents.importBatch', { files, lang: 'tl' });
    expect(outcomes.map((o) => (o.ok ? o.value.status : o.error.code))).toEqual([
      'imported',
      'IMPORT_REJECTED',
      'imported',
      'IMPORT_REJECTED',
      'skipped',
      'imported',
    ]);
    const failed = outcomes.filter((o) => !o.ok);
    expect(failed[0].error.message).toContain('sira.pdf');
    expect(failed[1].error.message).toContain('walang-laman.txt');
    const imported = outcomes.flatMap((o) => (o.ok && o.value.status === 'imported' ? [o.value.document] : []));
    expect(imported.map((d) => d.originalName)).toEqual(['ulat-1.txt', 'ulat-2.txt', 'ulat-3.txt']);
    expect(outcomes[4]).toMatchObject({ ok: true, value: { status: 'skipped', existingId: imported[1].id } });
    // Answered means committed: the good files are in the archive (and only they), searchable.
    const docs = await value<DocumentSummary[]>('documents.list');
    expect(docs).toHaveLength(before + 3);
    expect(docs.map((d) => d.originalName)).not.toContain('sira.pdf');
    const found = await value<{ hits: Array<{ docId: string }> }>('search.query', { query: 'barangay' });
    expect(new Set(found.hits.map((h) => h.docId))).toEqual(new Set(imported.map((d) => d.id)));
  });

  it('refuses a batch outside its bounds (no file, too many files, too many bytes) and imports nothing', async () => {
    const before = await listIds();
    const one = { name: 'a.txt', data: new TextEncoder().encode('Isang maikling ulat.') };
    for (const files of [[], Array.from({ length: MAX_BATCH_FILES + 1 }, (_, i) => ({ ...one, name: `a${i}.txt` }))]) {
      const res = JSON.parse((await call('documents.importBatch', { files })).body);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', details: { path: 'request.files' } } });
    }
    const extra = JSON.parse((await call('documents.importBatch', { files: [{ ...one, path: '/etc/passwd' }] })).body);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await listIds()).toEqual(before);
    // The bytes of all files together are bounded like one file (two views of one buffer: no copy needed here).
    const buffer = new ArrayBuffer(Math.ceil(MAX_BATCH_BYTES / 2) + 1);
    const halves = [new Uint8Array(buffer), new Uint8Array(buffer)].map((data, i) => ({ name: `h${i}.txt`, data }));
    expect(() => requestValidators['documents.importBatch']({ files: halves }, 'request')).toThrow(
      /request\.files must be at most \d+ bytes in all/,
    );
    expect(requestValidators['documents.importBatch']({ files: halves.slice(0, 1) }, 'request').files).toHaveLength(1);
  });

  it('rejects malformed payloads with INVALID_REQUEST and leaves the archive unchanged', async () => {
    const before = await listIds();
    const bad = [
      '{"name": "x.txt", "data": ',
      '{"name": "x.txt", "data": "aGVsbG8="}',
      '{"name": "x.txt", "data": {"$bytes": "!!!!"}}',
      '{"name": "x.txt", "data": {"$bytes": "aGVsbG8=", "extra": 1}}',
      '{"name": "", "data": {"$bytes": "aGVsbG8="}}',
      '{"name": "x.txt", "data": {"$bytes": "aGVsbG8="}, "evil": true}',
      '{"name": "x.txt", "data": {"$bytes": "aGVsbG8="}, "lang": "Tagalog"}',
      '{"__proto__": {"name": "x.txt"}, "data": {"$bytes": "aGVsbG8="}}',
      '[]',
      '"x.txt"',
    ];
    for (const body of bad) {
      const res = await call('documents.import', body);
      expect(res.status, body).toBe(200);
      expect(JSON.parse(res.body), body).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(JSON.parse((await call('documents.get', { id: '../../etc/passwd' })).body).error.code).toBe(
      'INVALID_REQUEST',
    );
    expect(await listIds()).toEqual(before);
  });

  it('passes archive errors through in the envelope', async () => {
    const res = await call('documents.import', { name: 'empty.txt', data: new Uint8Array(0) });
    const result = JSON.parse(res.body);
    expect(result.ok).toBe(false);
    expect(['IMPORT_REJECTED', 'INVALID_REQUEST']).toContain(result.error.code);
    expect(result.error.message).toContain('empty.txt');
    const missing = JSON.parse((await call('documents.get', { id: '00000000-0000-4000-8000-000000000000' })).body);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('stops listening on close', async () => {
    const extra = await startBridge({ api: createApi(archive), rendererDir: join(tmp, 'renderer') });
    await extra.close();
    await extra.close(); // idempotent
    await expect(fetch(extra.url)).rejects.toThrow();
  });
});
