// The desktop window's app://tala/ handler (main/renderer-protocol.ts) on a real folder laid out as out/ is: only
// files inside the renderer folder are answered, with their content types and the CSP header; traversal in every
// spelling, symlinks out, other hosts, folders and other methods are refused (issue 16).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/csp';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  isAppIndexUrl,
  isAppUrl,
  rendererResponse,
  resolveRendererFile,
} from '../../../main/renderer-protocol';
import { tempDir } from '../../helpers/temp';

const out = tempDir('tala-app-protocol-');
const rendererDir = join(out, 'renderer');
const INDEX = '<!doctype html><title>Tala</title><script type="module" src="./assets/index-abc.js"></script>';
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), INDEX);
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export const tala = 1;\n');
writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body { color: black }\n');
writeFileSync(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(rendererDir, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
writeFileSync(join(rendererDir, 'assets', 'ulat 2012.txt'), 'halalan\n');
// Siblings the page must never read: the main bundle, a folder whose name starts like the renderer's.
mkdirSync(join(out, 'main'));
writeFileSync(join(out, 'main', 'main.js'), 'secret main-process code');
mkdirSync(join(out, 'renderer-evil'));
writeFileSync(join(out, 'renderer-evil', 'x.js'), 'evil');
symlinkSync(join(out, 'main', 'main.js'), join(rendererDir, 'assets', 'link.js'));
symlinkSync(join(out, 'main'), join(rendererDir, 'linked-folder'));

const get = (url: string, method = 'GET') => rendererResponse({ url, method }, rendererDir);

describe('app://tala/ serves the renderer folder', () => {
  it('answers index.html (also for the bare origin) with its type, the CSP header and nosniff', async () => {
    for (const url of [APP_INDEX_URL, `${APP_ORIGIN}/`, `${APP_INDEX_URL}?x=1#/doc/1`]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('gives each file its content type (unknown ones as octet-stream, never sniffed)', async () => {
    const types: Array<[string, string]> = [
      ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['assets/index-abc.css', 'text/css; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
      ['assets/data.bin', 'application/octet-stream'],
      ['assets/ulat%202012.txt', 'text/plain; charset=utf-8'],
    ];
    for (const [path, type] of types) {
      const res = await get(`${APP_ORIGIN}/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await get(`${APP_ORIGIN}/assets/index-abc.js`)).text()).toBe('export const tala = 1;\n');
  });

  it('HEAD gives the headers and no body; other methods are refused', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX)));
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await get(APP_INDEX_URL, method);
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    }
  });

  it('refuses every way out of the renderer folder, and what is not a file', async () => {
    const refused = [
      `${APP_ORIGIN}/../main/main.js`,
      `${APP_ORIGIN}/%2e%2e/main/main.js`,
      `${APP_ORIGIN}/%2E%2E/%2E%2E/etc/passwd`,
      `${APP_ORIGIN}/assets%2F..%2F..%2Fmain%2Fmain.js`,
      `${APP_ORIGIN}/..%2Fmain%2Fmain.js`,
      `${APP_ORIGIN}/..%5Cmain%5Cmain.js`,
      `${APP_ORIGIN}/assets/..%5C..%5Cmain%5Cmain.js`,
      `${APP_ORIGIN}/%2Fetc%2Fpasswd`,
      `${APP_ORIGIN}/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd`,
      `${APP_ORIGIN}/..%2Frenderer-evil%2Fx.js`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/assets/link.js`,
      `${APP_ORIGIN}/linked-folder/main.js`,
      `${APP_ORIGIN}/assets`,
      `${APP_ORIGIN}/assets/`,
      `${APP_ORIGIN}/missing.js`,
      'app://evil/index.html',
      'app://tala:1234/index.html',
      'app://user:pw@tala/index.html',
      `file://${rendererDir}/index.html`,
      'file:///etc/passwd',
      'https://tala/index.html',
    ];
    for (const url of refused) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy'), url).toBe(RENDERER_CSP);
      const body = await res.text();
      expect(body, url).not.toContain('secret');
      expect(body, url).not.toContain('evil');
    }
    const bad = await get(`${APP_ORIGIN}/%E0%A4%A`);
    expect(bad.status).toBe(400);
  });

  it('resolves to the real file, and refuses a renderer folder that does not exist', async () => {
    expect(await resolveRendererFile(`${APP_ORIGIN}/assets/index-abc.js`, 'GET', rendererDir)).toEqual({
      ok: true,
      file: join(rendererDir, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await resolveRendererFile(APP_INDEX_URL, 'GET', join(out, 'nowhere'))).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('knows its own origin and page', () => {
    expect(isAppUrl(`${APP_ORIGIN}/assets/x.js`)).toBe(true);
    expect(isAppUrl('app://tala.example/x.js')).toBe(false);
    expect(isAppIndexUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppIndexUrl(`${APP_ORIGIN}/assets/x.js`)).toBe(false);
  });
});
