// `npm run bench:reader`: the reader's budget (issue 13: a 5,000-paragraph document opens in ≤ 300 ms in-app),
// measured in Debian's chromium (playwright-core) through the real browser bridge and main-process services,
// beside the same paragraphs as one static HTML page loaded from disk (the browser's own floor for showing them).
// The sides take turns in each round: in-app open (hash navigation from the library to the document, to its
// first paragraph painted), static page (navigation start to first contentful paint, and to its load event),
// cold deep link to the document (navigation start to its first paragraph on screen). Medians of the rounds.
// Needs `npx electron-vite build` (the npm script runs it).
//   npm run bench:reader [-- --rounds N]   (default 7)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startE2E, testId } from '../test/e2e/harness';
import { codeVersion } from './bench/code-version';
import { longParagraphs, longText, LONG_PARAGRAPHS, timeInAppOpen } from '../test/e2e/long-document';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number');

const TARGET_MS = 300;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same paragraphs as one static page: the title as a heading, every paragraph a <p>, no script but the clock. */
function staticPage(): string {
  const [title, ...paragraphs] = longParagraphs();
  return [
    '<!doctype html><html lang="tl"><head><meta charset="utf-8"><title>static</title>',
    '<style>body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto}</style></head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('\n');
}

async function main(): Promise<void> {
  const loadBefore = load();
  let docId = '';
  const e2e = await startE2E({
    prefix: 'tala-bench-reader-',
    seedSamples: false,
    prepare: async (archive) => {
      const outcome = await archive.documents.importFile({
        name: 'mahabang-ulat.txt',
        bytes: new TextEncoder().encode(longText()),
        lang: 'tl',
      });
      if (outcome.status !== 'imported') throw new Error('the long document was not imported');
      docId = outcome.document.id;
    },
  });
  const staticFile = join(e2e.tmp, 'static-reader.html');
  writeFileSync(staticFile, staticPage());
  const { page } = e2e;
  const firstPassage = `${testId('reader')}[data-doc-id="${docId}"] [data-passage-start]`;
  const inApp: number[] = [];
  const staticPaint: number[] = [];
  const staticLoad: number[] = [];
  const coldLink: number[] = [];
  try {
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in the page's code in __name().
    await page.addInitScript('window.__name = (fn) => fn');
    await page.addInitScript(() => {
      const w = window as unknown as { __firstPassage?: number };
      new MutationObserver(() => {
        if (w.__firstPassage === undefined && document.querySelector('[data-testid="reader"] [data-passage-start]'))
          w.__firstPassage = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    // One warm-up of each side: the first open of a session also loads the page's code and the bridge.
    await page.goto(`${e2e.bridge.url}#/doc/${docId}`);
    await page.locator(firstPassage).first().waitFor({ timeout: 60_000 });
    await page.goto(pathToFileURL(staticFile).href);

    for (let round = 0; round < rounds; round++) {
      // In-app: from the library to the document.
      await page.goto(`${e2e.bridge.url}#/`);
      await page.locator(testId('library-view')).waitFor();
      inApp.push(await timeInAppOpen(page, docId));

      // Static: the browser alone showing the same paragraphs from a file.
      await page.goto('about:blank');
      await page.goto(pathToFileURL(staticFile).href, { waitUntil: 'load' });
      const figures = await page.evaluate(async () => {
        // The paint entry can arrive after the load event: wait for it (buffered), at most two seconds.
        const paint = await new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(NaN), 2000);
        });
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { paint, load: nav.loadEventEnd };
      });
      if (Number.isNaN(figures.paint)) throw new Error('the static page reported no first contentful paint');
      staticPaint.push(figures.paint);
      staticLoad.push(figures.load);

      // Cold deep link: page, scripts and document from navigation start.
      await page.goto('about:blank');
      await page.goto(`${e2e.bridge.url}#/doc/${docId}`);
      await page.locator(firstPassage).first().waitFor();
      coldLink.push(await page.evaluate(() => (window as unknown as { __firstPassage: number }).__firstPassage));
    }
    const rendered = await page.locator(`${testId('reader')} [data-passage-start]`).count();
    const round1 = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    const code = codeVersion();
    console.log(`bench:reader — code ${code}, ${cpus().length} CPUs, load ${loadBefore} → ${load()}`);
    console.log(`document: ${LONG_PARAGRAPHS} paragraphs; ${rendered} passages in the reader's DOM; ${rounds} rounds`);
    console.log(`in-app open → first paragraph painted: median ${Math.round(median(inApp))} ms (${round1(inApp)})`);
    console.log(
      `static HTML, same paragraphs: first contentful paint median ${Math.round(median(staticPaint))} ms` +
        ` (${round1(staticPaint)}); load event ${Math.round(median(staticLoad))} ms (${round1(staticLoad)})`,
    );
    console.log(
      `cold deep link → first paragraph on screen: median ${Math.round(median(coldLink))} ms (${round1(coldLink)})`,
    );
    const ratio = median(inApp) / median(staticPaint);
    console.log(
      `in-app ÷ static first paint ${ratio.toFixed(2)}×; cold deep link ÷ static first paint` +
        ` ${(median(coldLink) / median(staticPaint)).toFixed(2)}×; target in-app ≤ ${TARGET_MS} ms:` +
        ` ${median(inApp) <= TARGET_MS ? 'met' : 'missed'}`,
    );
    if (e2e.consoleErrors.length) console.warn(`console errors:\n${e2e.consoleErrors.join('\n')}`);
  } finally {
    await e2e.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
