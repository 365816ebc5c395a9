// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createApiFromInvoke, httpInvoke } from '../../renderer/src/api/transport';
import { AppError, type Result } from '../../shared/errors';
import { parseWire } from '../../shared/wire';

describe('renderer transport', () => {
  it('unwraps results and throws AppError on failures', async () => {
    const api = createApiFromInvoke(async (channel) =>
      channel === 'documents.list'
        ? { ok: true, value: [] }
        : { ok: false, error: { code: 'IMPORT_REJECTED', message: 'empty.txt: the file is empty.' } },
    );
    await expect(api['documents.list']()).resolves.toEqual([]);
    const err = await api['documents.import']({ name: 'empty.txt', data: new Uint8Array() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'IMPORT_REJECTED', message: 'empty.txt: the file is empty.' });
  });

  it('keeps structured details, maps unknown codes to INTERNAL and drops detail fields it does not know', async () => {
    const details = { position: 3, token: '"Bako', script: '<b>' };
    // What arrives over the wire is untyped: a newer main process may send codes or fields this renderer lacks.
    const fromWire = (value: unknown) => value as Result<unknown>;
    const api = createApiFromInvoke(async (channel) =>
      channel === 'search.query'
        ? fromWire({ ok: false, error: { code: 'BAD_QUERY', message: 'Cannot understand the search.', details } })
        : fromWire({ ok: false, error: { code: 'SOMETHING_NEW', message: 'odd' } }),
    );
    const bad = await api['search.query']({ query: 'x "Bako' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'BAD_QUERY', details: { position: 3, token: '"Bako' } });
    expect((bad as AppError).details).not.toHaveProperty('script');
    await expect(api['documents.list']()).rejects.toMatchObject({ code: 'INTERNAL', message: 'odd' });
  });

  it('posts wire-encoded JSON with the session cookie and no token of its own', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { status: 'skipped', reason: 'dup', existingId: 'x' } }), {
        status: 200,
      });
    }) as unknown as typeof fetch;
    const api = createApiFromInvoke(httpInvoke('', fakeFetch));
    await api['documents.import']({ name: 'a.txt', data: new Uint8Array([0, 1, 255]) });
    expect(calls[0].url).toBe('/api/documents.import');
    expect(calls[0].init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ name: 'a.txt', data: { $bytes: 'AAH/' } });
    expect(parseWire(calls[0].init.body as string)).toEqual({ name: 'a.txt', data: new Uint8Array([0, 1, 255]) });
  });

  it('turns transport failures into readable AppErrors', async () => {
    const down = createApiFromInvoke(
      httpInvoke('', (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch),
    );
    await expect(down['documents.list']()).rejects.toThrow(/Lost connection/);
    const forbidden = createApiFromInvoke(
      httpInvoke(
        '',
        (async () =>
          new Response(
            JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden: wrong token.' } }),
            { status: 403 },
          )) as unknown as typeof fetch,
      ),
    );
    await expect(forbidden['documents.list']()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
