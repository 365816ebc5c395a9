// The first start of `npm run web` (startWebHost on a new archive): the page is served while the sample documents
// are still being imported, and the page's API calls wait for them, so the library never shows an empty archive.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebHost } from '../../main/web/host';
import { parseWire } from '../../shared/wire';
import { SAMPLES_DIR, tempDir } from '../helpers/temp';

describe('first start of the web host', () => {
  it('serves the page before the samples are in, and answers API calls once they are', async () => {
    const tmp = tempDir('tala-first-start-');
    const rendererDir = join(tmp, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tala</title><div id="root"></div>');
    // The two samples and a long third one, so that importing them takes a while.
    const samplesDir = join(tmp, 'samples');
    mkdirSync(samplesDir);
    for (const file of ['nkr-2012-halalan.tl.txt', 'nkr-2012-halalan.en.txt'])
      copyFileSync(join(SAMPLES_DIR, file), join(samplesDir, file));
    const paragraph = (i: number) =>
      `Talata ${i}: ang ulat ng komisyon tungkol sa halalan sa lalawigan, bilang ${i * 7}, at ang mga saksi nito.`;
    writeFileSync(join(samplesDir, 'long.txt'), Array.from({ length: 4000 }, (_, i) => paragraph(i)).join('\n\n'));
    writeFileSync(
      join(samplesDir, 'samples.json'),
      JSON.stringify({
        documents: [
          { file: 'nkr-2012-halalan.tl.txt', lang: 'tl', title: 'Halalan' },
          { file: 'nkr-2012-halalan.en.txt', lang: 'en', title: 'Election', translationOf: 'nkr-2012-halalan.tl.txt' },
          { file: 'long.txt', lang: 'tl', title: 'Ulat' },
        ],
      }),
    );

    const host = await startWebHost({ archiveDir: join(tmp, 'archive'), rendererDir, samplesDir });
    let imported = false;
    void host.samplesImported.then(() => (imported = true));
    try {
      const signIn = await fetch(host.bridge.loginUrl, { redirect: 'manual' });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      const page = await fetch(host.bridge.url, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(imported).toBe(false);

      const list = await fetch(`${host.bridge.url}api/documents.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tala-Token': host.bridge.token },
        body: 'null',
      });
      const answer = parseWire(await list.text()) as { ok: boolean; value: Array<{ title: string }> };
      expect(imported).toBe(true);
      expect(answer.ok).toBe(true);
      expect(answer.value.map((d) => d.title).sort()).toEqual(['Election', 'Halalan', 'Ulat']);
    } finally {
      await host.close();
    }
  }, 60_000);
});
