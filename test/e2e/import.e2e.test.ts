// End to end: importing many files at once in chromium through the browser bridge — the file picker with
// eight mixed files (text, Markdown, a web page, a PDF made by the ingest tests' generator, a duplicate of a
// sample, an empty file, an unsupported type), the progress panel (counts, current file, time left), the
// grouped summary with its reasons and Open links, page marks and the original file in the reader; Cancel
// after the first request of forty files (the library then holds exactly what was done); a multi-file drop; a
// folder picked with "Import folder…". Needs `npx electron-vite build` first and /usr/bin/chromium.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import type { Bridge } from '../../main/web/bridge';
import { filesInFirstRequests, UPLOAD_BATCHES_IN_FLIGHT } from '../../renderer/src/lib/upload-window';
import type { DocumentSummary } from '../../shared/types';
import { samplePdf } from '../helpers/make-documents';
import { startE2E, testId, waitForCount, type E2E } from './harness';

let e2e: E2E;
let tmp: string;
let archive: Archive;
let bridge: Bridge;
let page: Page;
let samples: DocumentSummary[] = [];
const pdfBytes = samplePdf();

/**
 * Makes each upload request take a moment longer (the n-th n × ms), so the running panel can be watched (and
 * cancelled) on any machine, each request's answer arriving on its own.
 */
async function slowUploads(ms: number): Promise<() => Promise<void>> {
  const pattern = '**/api/documents.importBatch';
  let requests = 0;
  await page.route(pattern, async (route) => {
    const n = ++requests;
    await new Promise((r) => setTimeout(r, n * ms));
    await route.continue();
  });
  return () => page.unroute(pattern);
}

/** Records every state the progress panel shows ("count | current file"), however fast it changes. */
async function watchProgress(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[]; __progressObserver?: MutationObserver };
    w.__progressObserver?.disconnect();
    w.__progress = [];
    const record = () => {
      const panel = document.querySelector('[data-testid="import-panel"]');
      const count = panel?.querySelector('[data-testid="import-count"]')?.textContent;
      if (!count) return;
      const text = (testid: string) => panel?.querySelector(`[data-testid="${testid}"]`)?.textContent ?? '';
      const entry = `${count} | ${text('import-current')} | ${text('import-eta')}`;
      if (w.__progress[w.__progress.length - 1] !== entry) w.__progress.push(entry);
    };
    w.__progressObserver = new MutationObserver(record);
    w.__progressObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const seenProgress = () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);

async function rows(): Promise<Array<{ status: string; file: string; message: string; open: string | null }>> {
  return page.$$eval('[data-testid="import-item"]', (els) =>
    els.map((el) => ({
      status: (el as HTMLElement).dataset.status ?? '',
      file: el.querySelector('[data-testid="import-file"]')?.textContent ?? '',
      message: el.querySelector('[data-testid="import-message"]')?.textContent ?? '',
      open: el.querySelector('a[data-testid="import-open"]')?.getAttribute('href') ?? null,
    })),
  );
}

async function finished(): Promise<string> {
  await page.locator(testId('import-summary')).waitFor({ timeout: 60_000 });
  return (await page.locator(testId('import-summary')).textContent()) ?? '';
}

async function dismiss(): Promise<void> {
  await page.locator(testId('import-dismiss')).click();
  await waitForCount(page, testId('import-panel'), 0);
}

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-import-e2e-' });
  ({ tmp, archive, bridge, page } = e2e);
  samples = await archive.documents.list();
  await page.goto(bridge.url);
  await waitForCount(page, testId('document-item'), samples.length);
}, 90_000);

afterAll(async () => {
  await e2e?.close();
});

describe('importing many files', () => {
  it('imports eight mixed files from the picker with progress, then lists each outcome with its reason', async () => {
    const dir = join(tmp, 'picked');
    mkdirSync(dir);
    const files: Record<string, string | Uint8Array> = {
      'balita-1.txt':
        'Balita mula sa Stepanakert\n\nNagsimula ang botohan nang alas-otso ng umaga sa lahat ng presinto.\n',
      'balita-2.txt': 'Pangalawang ulat\n\nAyon sa komisyon, tahimik ang halalan sa mga lalawigan ng rehiyon.\n',
      'tala.md':
        '# Mga tala sa halalan\n\nAng **resulta** ay inilabas makalipas ang dalawang araw.\n\n##' +
        ' Sanggunian\n\nUlat ng komisyon, 2012.\n',
      'pahina.html':
        '<!doctype html><html lang="tl"><head><meta charset="utf-8"><title>Baha sa Maynila |' +
        ' Balita</title><meta name="author" content="Maria Santos"></head>' +
        '<body><nav><a href="/">Home</a> · <a href="/world">Mundo</a></nav><article><h1>Baha sa Maynila</h1>' +
        '<p>Umapaw ang Ilog Pasig noong Agosto 2012 matapos ang ilang araw na malakas na ulan.</p>' +
        '<p>Libu-libong pamilya ang inilikas sa mga paaralan at gymnasium ng lungsod.</p></article>' +
        '<footer>© 2012 Balita. Lahat ng karapatan ay nakalaan.</footer></body></html>',
      'ulat-halalan.pdf': pdfBytes,
      'kopya-ng-sample.txt': readFileSync(resolve('resources/samples/nkr-2012-halalan.en.txt')),
      'walang-laman.txt': '',
      'talaan.xyz': 'not a format Tala reads',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

    const restore = await slowUploads(250);
    await watchProgress();
    await page.locator(testId('file-input')).setInputFiles(Object.keys(files).map((name) => join(dir, name)));

    // The panel appears with counts and the file being read; it can be looked at while it runs.
    await page.locator(testId('import-count')).waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => /^[1-6] of 7$/.test(document.querySelector('[data-testid="import-count"]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: '/tmp/tala-import-progress.png' });
    expect(await page.locator(testId('import-cancel')).isEnabled()).toBe(true);

    const summary = await finished();
    await restore();
    expect(summary).toBe('5 imported · 2 skipped · 1 failed');
    const seen = await seenProgress();
    // Seven files to read (the unsupported one is skipped without being uploaded), sent 1, 2, then 4 in a request;
    // the last file sent was shown by name each time.
    expect(seen.some((s) => s.startsWith('0 of 7 | Reading '))).toBe(true);
    for (const name of ['balita-1.txt', 'tala.md', 'walang-laman.txt'])
      expect(seen.some((s) => s.includes(`Reading ${name}`))).toBe(true);
    // A time-left estimate after the first file.
    expect(seen.some((s) => /^[1-6] of 7 \| .* \| (about|a few)/.test(s))).toBe(true);

    const listed = await rows();
    expect(listed.map((r) => [r.status, r.file])).toEqual([
      ['imported', 'balita-1.txt'],
      ['imported', 'balita-2.txt'],
      ['imported', 'tala.md'],
      ['imported', 'pahina.html'],
      ['imported', 'ulat-halalan.pdf'],
      ['skipped', 'kopya-ng-sample.txt'],
      ['skipped', 'talaan.xyz'],
      ['failed', 'walang-laman.txt'],
    ]);
    const english = samples.find((d) => d.lang === 'en')!;
    expect(listed[5].message).toMatch(/already in the archive/);
    expect(listed[5].open).toBe(`#/doc/${english.id}`);
    expect(listed[6].message).toMatch(/unsupported file type “\.xyz”/i);
    expect(listed[7].message).toMatch(/empty/i);
    const docs = await archive.documents.list();
    expect(docs).toHaveLength(samples.length + 5);
    const byName = new Map(docs.map((d) => [d.originalName, d]));
    for (const row of listed.slice(0, 5)) expect(row.open).toBe(`#/doc/${byName.get(row.file)!.id}`);
    expect(byName.get('pahina.html')!.title).toContain('Baha sa Maynila');
    await waitForCount(page, testId('document-item'), samples.length + 5);
    await page.screenshot({ path: '/tmp/tala-import-summary.png' });

    // Groups collapse and open again.
    const failedGroup = page.locator(`${testId('import-group')}[data-kind="failed"]`);
    await failedGroup.locator('summary').click();
    expect(await failedGroup.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await failedGroup.locator('summary').click();
    expect(await failedGroup.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  }, 120_000);

  it('opens an imported PDF from the summary, with page marks and its original file', async () => {
    const pdf = (await archive.documents.list()).find((d) => d.originalName === 'ulat-halalan.pdf')!;
    // With problems to show, the list of imported files starts collapsed: open it.
    const importedGroup = page.locator(`${testId('import-group')}[data-kind="imported"]`);
    expect(await importedGroup.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await importedGroup.locator('summary').click();
    await page
      .locator(`${testId('import-item')}[data-status="imported"]`, { hasText: 'ulat-halalan.pdf' })
      .locator(testId('import-open'))
      .click();
    await page.locator(`${testId('reader')}[data-doc-id="${pdf.id}"]`).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/doc/${pdf.id}`);
    const marks = await page.$$eval('[data-testid="page-mark"]', (els) =>
      els.map((el) => [el.textContent, el.classList.contains('page-mark--start')]),
    );
    const starts = marks.filter(([, start]) => start).map(([text]) => text);
    expect(starts).toEqual(['p. 1', 'p. 2', 'p. 3']);
    // The mark beside the passage that crosses onto page 3 still says where it starts; the last one is on p. 3.
    const detail = await archive.documents.get(pdf.id);
    const last = detail.passages[detail.passages.length - 1];
    expect(last.page).toBe(3);
    expect(await page.locator(`[data-block-id="${last.id}"] ${testId('page-mark')}`).textContent()).toBe('p. 3');
    await page.locator(testId('import-dismiss')).click();
    await page.screenshot({ path: '/tmp/tala-import-reader-pdf.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.locator(testId('original-file')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ulat-halalan.pdf');
    const saved = readFileSync((await download.path())!);
    expect(Buffer.compare(saved, Buffer.from(pdfBytes))).toBe(0);
  }, 60_000);

  it('cancels after the first request of forty files, keeping exactly what was done; the UI stays usable', async () => {
    await page.evaluate(() => (location.hash = '#/'));
    const before = await archive.documents.list();
    const dir = join(tmp, 'forty');
    mkdirSync(dir);
    const total = 40;
    const names = Array.from({ length: total }, (_, i) => `ulat-${String(i + 1).padStart(2, '0')}.txt`);
    names.forEach((name, i) =>
      writeFileSync(
        join(dir, name),
        `Ulat bilang ${i + 1}\n\nIsang maikling ulat, bilang ${i + 1} sa apatnapu, tungkol sa halalan.\n`,
      ),
    );

    // The first request (one file) goes through; the later ones wait until the test lets them go (no timing
    // involved). UPLOAD_BATCHES_IN_FLIGHT requests are kept in flight: once the first is answered, one more is sent.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const requests = UPLOAD_BATCHES_IN_FLIGHT + 1;
    const sent = filesInFirstRequests(requests);
    expect(sent).toBeLessThan(total);
    let uploads = 0;
    let allSent!: () => void;
    const windowRefilled = new Promise<void>((r) => (allSent = r));
    const pattern = '**/api/documents.importBatch';
    await page.route(pattern, async (route) => {
      if (++uploads === requests) allSent();
      if (uploads >= 2) await gate;
      await route.continue();
    });
    await page.locator(testId('file-input')).setInputFiles(names.map((n) => join(dir, n)));
    await page.waitForFunction(
      (last) =>
        document.querySelector('[data-testid="import-count"]')?.textContent === '1 of 40' &&
        document.querySelector('[data-testid="import-current"]')?.textContent === `Reading ${last}`,
      names[sent - 1],
      { timeout: 30_000 },
    );
    await windowRefilled;
    expect(uploads).toBe(requests);
    await page.locator(testId('import-cancel')).click();
    expect(await page.locator(testId('import-panel')).getAttribute('data-phase')).toBe('cancelling');
    expect(await page.locator(testId('import-cancel')).isDisabled()).toBe(true);
    expect(await page.locator(testId('import-eta')).textContent()).toBe('stopping after the files being read');
    await page.screenshot({ path: '/tmp/tala-import-cancelling.png' });

    // While a file is being imported the window works: open a document, type in the search box.
    const english = samples.find((d) => d.lang === 'en')!;
    await page.locator(`${testId('document-item')}[data-doc-id="${english.id}"] ${testId('document-open')}`).click();
    await page.locator(`${testId('reader')}[data-doc-id="${english.id}"]`).waitFor();
    await page.locator(testId('search-input')).fill('halalan');
    expect(await page.locator(testId('search-input')).inputValue()).toBe('halalan');
    await page.locator(testId('search-input')).fill('');
    expect(await page.locator(testId('import-panel')).getAttribute('data-phase')).toBe('cancelling');

    // The files being read when Cancel was pressed complete; nothing after them starts.
    release();
    const summary = await finished();
    await page.unroute(pattern);
    expect(summary).toBe(`Cancelled: ${sent} of ${total} imported`);
    expect(uploads).toBe(requests);
    expect(await page.locator(testId('import-not-reached')).textContent()).toContain(
      `${total - sent} files were not read`,
    );
    await page.screenshot({ path: '/tmp/tala-import-cancelled.png' });

    // The summary lists the files that were done, in order; the library holds exactly them.
    const listed = await rows();
    expect(listed.map((r) => [r.status, r.file])).toEqual(names.slice(0, sent).map((n) => ['imported', n]));
    const after = await archive.documents.list();
    const added = after.filter((d) => !before.some((b) => b.id === d.id));
    expect(added.map((d) => d.originalName).sort()).toEqual(names.slice(0, sent));
    await waitForCount(page, testId('document-item'), before.length + sent);
    await dismiss();
    await page.evaluate(() => (location.hash = '#/'));
  }, 120_000);

  it('imports several files dropped on the window at once', async () => {
    const before = (await archive.documents.list()).length;
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(
        new File(['Unang ibinagsak\n\nTungkol sa pagbaha sa Marikina noong 2012.\n'], 'ibinagsak-1.txt', {
          type: 'text/plain',
        }),
      );
      dt.items.add(
        new File(['# Pangalawang ibinagsak\n\nTungkol sa bagyong Pablo.\n'], 'ibinagsak-2.md', {
          type: 'text/markdown',
        }),
      );
      dt.items.add(
        new File(
          [
            '<html><head><title>Ikatlo</title></head><body><p>Ikatlong pahina tungkol sa lindol sa' +
              ' Bohol.</p></body></html>',
          ],
          'ibinagsak-3.html',
          { type: 'text/html' },
        ),
      );
      dt.items.add(new File(['binary?'], 'larawan.png', { type: 'image/png' }));
      return dt;
    });
    await page.dispatchEvent('.app', 'dragenter', { dataTransfer });
    await page.locator(testId('drop-overlay')).waitFor();
    expect(await page.locator(testId('drop-overlay')).textContent()).toContain('Drop files or folders to import');
    await page.screenshot({ path: '/tmp/tala-import-drop.png' });
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
    await waitForCount(page, testId('drop-overlay'), 0);
    expect(await finished()).toBe('3 imported · 1 skipped');
    expect((await rows()).map((r) => [r.status, r.file])).toEqual([
      ['imported', 'ibinagsak-1.txt'],
      ['imported', 'ibinagsak-2.md'],
      ['imported', 'ibinagsak-3.html'],
      ['skipped', 'larawan.png'],
    ]);
    await waitForCount(page, testId('document-item'), before + 3);
    await dismiss();
  }, 60_000);

  it('imports a folder picked with "Import folder…", recursively, leaving hidden files out', async () => {
    const before = (await archive.documents.list()).length;
    const root = join(tmp, 'Mga Ulat');
    mkdirSync(join(root, '2012', 'Hulyo'), { recursive: true });
    mkdirSync(join(root, '.cache'));
    writeFileSync(join(root, 'buod.md'), '# Buod\n\nAng buod ng mga ulat tungkol sa halalan sa Karabakh.\n');
    writeFileSync(
      join(root, '2012', 'Hulyo', 'ulat-hulyo.txt'),
      'Ulat para sa Hulyo\n\nAng halalan ay ginanap noong Hulyo 19.\n',
    );
    writeFileSync(join(root, '2012', 'talaan.csv'), 'a,b\n1,2\n');
    writeFileSync(join(root, '.cache', 'luma.txt'), 'hidden');
    writeFileSync(join(root, '.DS_Store'), 'hidden');

    expect(await page.locator(testId('import-folder-button')).getAttribute('aria-label')).toBe('Import folder…');
    await page.locator(testId('folder-input')).setInputFiles(root);
    expect(await finished()).toBe('2 imported · 1 skipped');
    expect((await rows()).map((r) => [r.status, r.file])).toEqual([
      ['imported', 'Mga Ulat/2012/Hulyo/ulat-hulyo.txt'],
      ['imported', 'Mga Ulat/buod.md'],
      ['skipped', 'Mga Ulat/2012/talaan.csv'],
    ]);
    await waitForCount(page, testId('document-item'), before + 2);
    await dismiss();
  }, 60_000);

  it('logged no console errors and no CSP violations', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
    expect(await page.locator(testId('error-banner')).count()).toBe(0);
    expect(await page.locator(testId('crash')).count()).toBe(0);
  });
});
