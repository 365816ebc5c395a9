// `npm run bench:library`: the library table at volume in Debian's chromium (playwright-core) through the real
// browser bridge and main-process services, over a temporary archive of generated documents (test/helpers/
// library-fill.ts, 10,000 by default) plus the samples. Times each user step from the act (click, input, key)
// to the changed rows painted (mutation + two animation frames), i.e. after the data arrived, and a bulk tag
// from the click to the tag on screen (write + reading the tagged rows + render) and from the tagged rows'
// arrival. Target (issue 14): every step ≤ 200 ms after the data arrives. Needs `npx electron-vite build`.
//   npm run bench:library [-- --count N] [--rounds N]   (defaults 10000, 3)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startE2E, testId } from '../test/e2e/harness';
import { timedBulkTag, timedSelectAll, timedStep } from '../test/e2e/library-steps';
import { fillLibrary } from '../test/helpers/library-fill';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1)
  throw new Error('--count and --rounds must be whole numbers');

const COLUMNS = ['title', 'lang', 'type', 'size', 'published', 'imported', 'tags', 'notes', 'facts'];
const timings: Record<string, number[]> = {};
let refetchedAll = false;
const record = (step: string, ms: number) => (timings[step] ??= []).push(Math.round(ms * 10) / 10);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const loadBefore = load();
  const e2e = await startE2E({
    prefix: 'tala-bench-library-',
    prepare: async (archive) => void (await fillLibrary(archive.path, count)),
  });
  const { page } = e2e;
  try {
    const t0 = Date.now();
    await page.goto(e2e.bridge.url);
    await page.locator(testId('library-grid')).waitFor({ timeout: 120_000 });
    record('load: request to table on screen', Date.now() - t0);
    const text = (value: string) => `${testId('library-filter-text')}\u0000${value}`;
    const select = (filter: string, value: string) => `${testId(`library-filter-${filter}`)}\u0000${value}`;
    const collection = (await e2e.archive.library.collections()).find((c) => c.name === 'Press')!.id;

    for (let round = 0; round < rounds; round++) {
      // Each column ascending, then descending (the first click sorts a column its natural way).
      for (const key of COLUMNS) {
        for (let click = 0; click < 2; click++)
          record(`sort ${key}`, await timedStep(page, 'click', testId(`sort-${key}`)));
      }
      await timedStep(page, 'click', testId('sort-title'));
      record('filter text “Halalan 12”', await timedStep(page, 'text', text('Halalan 12')));
      record('filter text cleared', await timedStep(page, 'text', text('')));
      record('filter language', await timedStep(page, 'select', select('lang', 'ru')));
      record('filter tag (with language)', await timedStep(page, 'select', select('tag', 'korte')));
      await page.locator(testId('library-filter-clear')).click();
      record('filter type', await timedStep(page, 'select', select('type', 'application/pdf')));
      await page.locator(testId('library-filter-clear')).click();
      record('filter collection', await timedStep(page, 'select', select('collection', collection)));
      await page.locator(testId('library-filter-clear')).click();

      // Bulk tag a filtered selection, then every document.
      for (const scope of ['filtered', 'all'] as const) {
        if (scope === 'filtered') {
          await page.selectOption(testId('library-filter-lang'), 'en');
          await page.locator(testId('library-filter-text')).fill('Court 1');
        }
        await page.locator(testId('library-grid')).focus();
        const ms = await timedSelectAll(page);
        if (scope === 'all') record('select all 10,000 (Ctrl+A)', ms);
        const selected = await page.locator(testId('library-selected-count')).textContent();
        const tag = `bench-${scope}-${round}`;
        await page.locator(testId('library-bulk-tag-input')).fill(tag);
        const result = await timedBulkTag(page, tag);
        if (result.fetched.includes('library.list')) refetchedAll = true;
        record(`bulk tag ${scope} (${selected}): click to tag on screen`, result.total);
        record(`bulk tag ${scope}: tagged rows arrived to tag on screen`, result.afterData);
        await page.locator(testId('library-grid')).press('Escape');
        if (scope === 'filtered') await page.locator(testId('library-filter-clear')).click();
      }
    }
    if (e2e.consoleErrors.length) throw new Error(`console errors: ${e2e.consoleErrors.join('; ')}`);
  } finally {
    await e2e.close();
  }

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  console.log(
    `\nlibrary of ${count.toLocaleString('en')} documents + samples, ${rounds} round(s), ${cpus().length} CPUs`,
  );
  console.log(`load average before: ${loadBefore}; after: ${load()}`);
  console.log(`a bulk tag read the whole library again (library.list): ${refetchedAll ? 'yes' : 'no'}\n`);
  console.log('| step | median ms | p90 ms | max ms | n |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [step, ms] of Object.entries(timings)) {
    console.log(`| ${step} | ${pct(ms, 50)} | ${pct(ms, 90)} | ${sorted(ms).pop()} | ${ms.length} |`);
  }
  writeFileSync('/tmp/tala-bench-library.json', JSON.stringify({ count, rounds, timings }, null, 2));
  console.log('\nall figures: /tmp/tala-bench-library.json');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
