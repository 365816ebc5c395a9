// npm run screenshots: PNGs of every view (test/e2e/views.ts) at 1440×900 and 1024×700 in docs/screenshots/,
// taken in Debian's chromium (playwright-core) through the real browser bridge over a temporary archive seeded
// with the samples, an annotation, facts from two sources and a translation; the archive is deleted afterwards.
// A reviewer can look at the app without running it. Needs `npx electron-vite build` (the npm script runs it).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startE2E } from '../test/e2e/harness';
import { prepareViews, useTheme, VIEWS, type ViewIds } from '../test/e2e/views';

const OUT = resolve('docs/screenshots');
const SIZES: Array<[number, number]> = [
  [1440, 900],
  [1024, 700],
];

async function main(): Promise<void> {
  let ids: ViewIds | undefined;
  const e2e = await startE2E({
    prefix: 'tala-shots-',
    prepare: async (archive) => void (ids = await prepareViews(archive)),
  });
  try {
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(join(OUT, f));
    const { page } = e2e;
    await page.goto(e2e.bridge.url);
    await useTheme(page, 'light');
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.reload();
      for (const view of VIEWS) {
        try {
          await view.open(page, e2e.bridge.url, ids!);
        } catch (err) {
          await page.screenshot({ path: '/tmp/tala-shots-failed.png' });
          throw new Error(`${view.name} at ${width}×${height}: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
          });
        }
        // No blinking caret or running animation in the picture.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const file = join(OUT, `${view.name}-${width}x${height}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        console.log(`${file.slice(resolve('.').length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
      }
    }
    if (e2e.consoleErrors.length > 0)
      console.warn(`console errors while taking them:\n${e2e.consoleErrors.join('\n')}`);
  } finally {
    await e2e.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
