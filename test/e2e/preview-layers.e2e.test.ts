// End to end: the search preview (with hits listed, the main pane shows the active hit's passage, not the
// welcome text; arrow keys move the active hit, Enter opens the reader there; the results column closes on
// other pages) and evidence vs notes as two layers (a fact's evidence is underlined and never hides the user's
// highlight on the same words). Needs `npx electron-vite build` first and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '../../shared/types';
import { startE2E, testId, type E2E } from './harness';

let e2e: E2E;
let page: Page;
let tagalog: DocumentSummary;
let mine: Annotation;
let evidenceId: string;

const input = () => page.locator(testId('search-input'));

beforeAll(async () => {
  e2e = await startE2E({
    prefix: 'tala-preview-',
    prepare: async (archive) => {
      tagalog = (await archive.documents.list()).find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!;
      const doc = await archive.documents.get(tagalog.id);
      // The user's own highlight on the name, inside the sentence a fact will cite.
      const at = doc.text.indexOf('Bako Sahakyan', doc.text.indexOf('47 libo'));
      mine = await archive.annotations.create({
        docId: doc.id,
        start: at,
        end: at + 'Bako Sahakyan'.length,
        color: 'yellow',
        note: 'ang nanalo',
      });
      const { proposals } = await archive.facts.propose(doc.id);
      const votes = proposals.find((p) => p.object.kind === 'number' && p.object.number === 47_000)!;
      const fact = await archive.facts.accept(votes.id);
      evidenceId = fact.evidence[0].annotationId;
    },
  });
  page = e2e.page;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('the search preview', () => {
  it('previews the active hit in the main pane, moves with the arrow keys, opens the reader with Enter', async () => {
    await page.goto(e2e.bridge.url);
    await page.locator(testId('library-view')).waitFor();
    await input().fill('Sahakyan');
    await input().press('Enter');
    const hits = page.locator(testId('search-hit'));
    await hits.first().waitFor({ timeout: 15_000 });
    expect(await hits.count()).toBeGreaterThan(1);
    const preview = page.locator(testId('search-preview'));
    await preview.waitFor();
    expect(await page.locator(testId('welcome')).count()).toBe(0);
    expect(await page.locator(testId('library-view')).count()).toBe(0);

    const first = await hits.nth(0).getAttribute('data-passage-id');
    const second = await hits.nth(1).getAttribute('data-passage-id');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="search-preview"]')?.getAttribute('data-passage-id') === id,
      first,
    );
    await page.locator(testId('search-preview-hit')).waitFor();
    expect(await page.locator(`${testId('search-preview-hit')} mark`).allTextContents()).toContain('Sahakyan');
    await page.screenshot({ path: '/tmp/tala-preview-1.png' });

    await input().press('ArrowDown');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="search-preview"]')?.getAttribute('data-passage-id') === id,
      second,
    );
    const docOfSecond = await hits.nth(1).getAttribute('data-doc-id');
    await input().press('Enter');
    await page.waitForFunction(([d, p]) => location.hash.startsWith(`#/doc/${d}/p/${p}`), [
      docOfSecond,
      second,
    ] as const);
    await page.locator(`${testId('reader')}[data-doc-id="${docOfSecond}"]`).waitFor();
    expect(await page.locator(testId('search-results')).count()).toBe(1);
  });

  it('keeps snippet highlights opaque enough to read (text on the mark ≥ 4.5:1)', async () => {
    const colours = await page.$eval(`${testId('search-snippet')} mark`, (m) => {
      const s = getComputedStyle(m);
      return { color: s.color, background: s.backgroundColor };
    });
    const rgb = (c: string) => c.match(/[\d.]+/g)!.map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = rgb(colours.background);
    expect(bg[3] ?? 1).toBe(1); // opaque: the page behind cannot wash it out
    const [l1, l2] = [lum(rgb(colours.color)), lum(bg)].sort((a, b) => b - a);
    expect((l1 + 0.05) / (l2 + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('closes the results column on other pages and brings it back beside the library', async () => {
    await page.locator(testId('nav-facts')).click();
    await page.waitForFunction(() => location.hash === '#/facts');
    expect(await page.locator(testId('search-results')).count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/'));
    await page.locator(testId('search-results')).waitFor();
    await page.locator(testId('search-preview')).waitFor();
  });
});

describe('evidence and notes as two layers', () => {
  it('underlines the evidence and keeps the user’s highlight on the same words', async () => {
    await page.evaluate((id) => (location.hash = `#/doc/${id}`), tagalog.id);
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    const overlap = page.locator(`mark[data-annotation-ids~="${mine.id}"][data-annotation-ids~="${evidenceId}"]`);
    await overlap.first().waitFor();
    expect(await overlap.first().textContent()).toBe('Bako Sahakyan');
    const style = await overlap.first().evaluate((m) => {
      const s = getComputedStyle(m);
      return { classes: m.className, background: s.backgroundColor, underline: s.textDecorationLine };
    });
    expect(style.classes).toContain('hl--yellow');
    expect(style.classes).toContain('evidence');
    expect(style.underline).toContain('underline');
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');

    // The rest of the cited sentence: underlined only, no colour of its own over the text.
    const only = page.locator(`mark.evidence:not(.hl)[data-annotation-ids~="${evidenceId}"]`);
    expect(await only.count()).toBeGreaterThan(0);
    const bare = await only.first().evaluate((m) => ({
      background: getComputedStyle(m).backgroundColor,
      underline: getComputedStyle(m).textDecorationLine,
    }));
    expect(bare).toEqual({ background: 'rgba(0, 0, 0, 0)', underline: 'underline' });
    await page.screenshot({ path: '/tmp/tala-layers-1.png' });
  });

  it('kept the console clean', async () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
