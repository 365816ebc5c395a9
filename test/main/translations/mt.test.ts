// Optional machine translation against a fake LibreTranslate server on 127.0.0.1, started by this test:
// off by default, a notice with every result, a log of what left the machine, errors reported plainly.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { checkEndpoint } from '../../../main/translations/mt';
import { MT_NOTICE } from '../../../shared/align-contract';
import { tempDir } from '../../helpers/temp';

interface Received {
  path: string;
  body: Record<string, string>;
}

const received: Received[] = [];
let server: Server;
let base: string;
let archive: Archive;

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, string>;
    received.push({ path: req.url ?? '', body });
    res.setHeader('content-type', 'application/json');
    if (req.url !== '/translate' || req.method !== 'POST') {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'Not Found' }));
    } else if (body.q === 'fail please') {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: `${body.source} is not supported` }));
    } else if (body.q === 'garbage please') {
      res.end('<html>not json</html>');
    } else {
      res.end(JSON.stringify({ translatedText: `[${body.source}→${body.target}] ${body.q.toUpperCase()}` }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  archive = await openArchiveDir(join(tempDir(), 'mt'), { search: 'inline' });
});

afterAll(async () => {
  await archive.close();
  await new Promise((resolve) => server.close(resolve));
});

async function logRows(): Promise<
  Array<{
    endpoint: string;
    source_lang: string;
    target_lang: string;
    characters: number;
    ok: number;
    error: string | null;
  }>
> {
  const db = await Database.open(archive.path, { readOnly: true });
  try {
    return await db.all(
      sql`SELECT endpoint, source_lang, target_lang, characters, ok, error FROM mt_requests ORDER BY at, rowid`,
    );
  } finally {
    await db.close();
  }
}

describe('machine translation', () => {
  it('is off by default and sends nothing while off', async () => {
    expect(await archive.translations.mtSettings()).toEqual({
      enabled: false,
      endpoint: '',
      apiKeySet: false,
      notice: MT_NOTICE,
    });
    await expect(archive.translations.translate({ text: 'Halalan', source: 'tl', target: 'en' })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(received).toEqual([]);
    expect(await logRows()).toEqual([]);
  });

  it('accepts only an http(s) address, and needs one to be switched on', async () => {
    await expect(archive.translations.setMtSettings({ enabled: true })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(
      archive.translations.setMtSettings({ enabled: true, endpoint: 'file:///etc/passwd' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(
      archive.translations.setMtSettings({ enabled: true, endpoint: 'http://user:pw@127.0.0.1:5000' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(checkEndpoint(' https://mt.example.org/ ')).toBe('https://mt.example.org');
    expect((await archive.translations.mtSettings()).enabled).toBe(false);
  });

  it('translates through the configured server, says the text left the machine, and logs it', async () => {
    const settings = await archive.translations.setMtSettings({ enabled: true, endpoint: `${base}/`, apiKey: 'k-123' });
    expect(settings).toEqual({ enabled: true, endpoint: base, apiKeySet: true, notice: MT_NOTICE });
    const result = await archive.translations.translate({
      text: 'Ang halalan ay ginanap.',
      source: 'tl',
      target: 'en',
    });
    expect(result).toEqual({
      translatedText: '[tl→en] ANG HALALAN AY GINANAP.',
      notice: MT_NOTICE,
      endpoint: base,
      characters: 23,
    });
    expect(received.at(-1)).toEqual({
      path: '/translate',
      body: { q: 'Ang halalan ay ginanap.', source: 'tl', target: 'en', format: 'text', api_key: 'k-123' },
    });
    expect((await logRows()).at(-1)).toEqual({
      endpoint: base,
      source_lang: 'tl',
      target_lang: 'en',
      characters: 23,
      ok: 1,
      error: null,
    });
    // The key is never handed back to the renderer.
    expect(JSON.stringify(await archive.translations.mtSettings())).not.toContain('k-123');
  });

  it('reports the server’s refusal and an unreadable answer, and logs them as failures', async () => {
    await expect(archive.translations.translate({ text: 'fail please', source: 'xx', target: 'en' })).rejects.toThrow(
      /xx is not supported/,
    );
    await expect(
      archive.translations.translate({ text: 'garbage please', source: 'tl', target: 'en' }),
    ).rejects.toThrow(/not JSON/);
    expect((await logRows()).slice(-2).map((r) => r.ok)).toEqual([0, 0]);
  });

  it('reports a server that is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await archive.translations.setMtSettings({ enabled: true, endpoint: `http://127.0.0.1:${port}` });
    await expect(archive.translations.translate({ text: 'Halalan', source: 'tl', target: 'en' })).rejects.toThrow(
      /could not be reached/,
    );
    expect((await logRows()).at(-1)).toMatchObject({ ok: 0, error: expect.stringContaining('could not be reached') });
  });

  it('switched off again, sends nothing', async () => {
    await archive.translations.setMtSettings({ enabled: true, endpoint: base });
    await archive.translations.setMtSettings({ enabled: false });
    const before = received.length;
    await expect(archive.translations.translate({ text: 'Halalan', source: 'tl', target: 'en' })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(received.length).toBe(before);
    expect(await archive.translations.mtSettings()).toMatchObject({ enabled: false, endpoint: base, apiKeySet: true });
    expect((await archive.translations.setMtSettings({ enabled: false, apiKey: null })).apiKeySet).toBe(false);
  });
});
