// End to end: the facts ledger in chromium through the browser bridge — the Tagalog sample's proposals
// read as sentences, accepting Bako Sahakyan's 47,000 votes, the facts table whose evidence opens the
// passage with the evidence marked, a second source (48,000 votes) that turns into a conflict shown side by
// side, marking one value preferred, the entity page listing both facts, and a fact from a selection.
// Needs `npx electron-vite build` first and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import type { Bridge } from '../../main/web/bridge';
import type { DocumentSummary } from '../../shared/types';
import { inView, startE2E, testId, selectInReader, type E2E } from './harness';

const SECOND_SOURCE = [
  'Second report on the Karabakh vote',
  '',
  'On July 19, 2012, the presidential election was held in the NKR. According to observers, 48' +
    ' thousand voters voted for the incumbent President Bako Sahakyan.',
  '',
].join('\n');

let e2e: E2E;
let archive: Archive;
let bridge: Bridge;
let page: Page;
let tagalog: DocumentSummary;
let second: DocumentSummary;
let evidenceId = '';

async function openDocument(doc: DocumentSummary): Promise<void> {
  await page.locator(`${testId('document-item')}[data-doc-id="${doc.id}"] ${testId('document-open')}`).click();
  await page.locator(`${testId('reader')}[data-doc-id="${doc.id}"]`).waitFor();
}

/** The proposal card whose sentence contains `text`. */
const proposal = (text: string) =>
  page.locator(testId('fact-proposal'), { has: page.locator(testId('fact-sentence'), { hasText: text }) });

beforeAll(async () => {
  e2e = await startE2E({
    prefix: 'tala-facts-',
    prepare: async (a) => {
      const outcome = await a.documents.importFile({
        name: 'second-report.txt',
        bytes: new TextEncoder().encode(SECOND_SOURCE),
        lang: 'en',
      });
      if (outcome.status !== 'imported') throw new Error('second source not imported');
    },
  });
  ({ archive, bridge, page } = e2e);
  const docs = await archive.documents.list();
  tagalog = docs.find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!;
  second = docs.find((d) => d.originalName === 'second-report.txt')!;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('the facts ledger', () => {
  it('shows the Tagalog sample’s proposals as sentences and accepts the 47,000 votes', async () => {
    await page.goto(bridge.url);
    await openDocument(tagalog);
    await page.locator(testId('side-tab-facts')).click();
    const card = proposal('47,000');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator(testId('fact-sentence')).textContent()).toBe(
      'Bako Sahakyan — votes received — 47,000 — 19 Jul 2012',
    );
    expect(await card.locator('q').textContent()).toMatch(/^47 libo sa kanila ang bumoto para sa .* Bako Sahakyan$/);
    expect(await page.locator(testId('fact-proposal')).count()).toBeGreaterThan(3);
    await page.screenshot({ path: '/tmp/tala-facts-1-proposals.png' });

    await card.locator(testId('fact-accept')).click();
    const confirmed = page.locator(testId('fact-confirmed'), { hasText: '47,000' });
    await confirmed.waitFor();
    expect(await confirmed.locator(testId('fact-sentence')).textContent()).toBe(
      'Bako Sahakyan — votes received — 47,000 — 19 Jul 2012',
    );
    evidenceId = (await confirmed.locator(testId('fact-evidence')).getAttribute('data-annotation-id'))!;
    expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);
    // The evidence is an annotation drawn in the text.
    await page.locator(`[data-annotation-ids~="${evidenceId}"]`).first().waitFor();
    expect(await proposal('47,000').count()).toBe(0);
    const [stored] = await archive.facts.list({ status: 'confirmed' });
    expect(stored).toMatchObject({
      predicate: 'votes received',
      object: { kind: 'number', number: 47_000 },
      qualifiers: { date: '2012-07-19' },
    });
    await page.screenshot({ path: '/tmp/tala-facts-2-accepted.png' });
  });

  it('opens the evidence from the facts table: the reader shows the passage with the evidence marked', async () => {
    await page.locator(testId('nav-facts')).click();
    const row = page.locator(testId('facts-row'), { hasText: '47,000' });
    await row.waitFor();
    expect(await row.locator(testId('facts-row-subject')).textContent()).toBe('Bako Sahakyan');
    await page.screenshot({ path: '/tmp/tala-facts-3-table.png' });
    await row.locator(testId('fact-evidence')).click();
    await page.waitForFunction((id) => location.hash.endsWith(`/a/${id}`), evidenceId);
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    const mark = `[data-annotation-ids~="${evidenceId}"]`;
    await page.locator(mark).first().waitFor();
    await page.waitForFunction((s) => document.querySelector(s)?.classList.contains('hl--active') ?? false, mark);
    expect(await inView(page, mark)).toBe(true);
    expect(
      await page.evaluate((s) => Array.from(document.querySelectorAll(s), (m) => m.textContent).join(''), mark),
    ).toMatch(/^47 libo sa kanila/);
    await page.screenshot({ path: '/tmp/tala-facts-4-evidence.png' });
  });

  it('shows a second source’s 48,000 votes as a conflict, side by side, and marks one preferred', async () => {
    await openDocument(second);
    const card = proposal('48,000');
    await card.waitFor({ timeout: 20_000 });
    await card.locator(testId('fact-accept')).click();
    await page.locator(testId('fact-confirmed'), { hasText: '48,000' }).waitFor();
    await page.locator(`${testId('fact-confirmed')} ${testId('fact-conflict-badge')}`).waitFor();

    await page.locator(testId('conflicts-count')).waitFor();
    expect(await page.locator(testId('conflicts-count')).textContent()).toBe('1');
    await page.locator(testId('nav-conflicts')).click();
    const group = page.locator(testId('conflict-group'));
    await group.waitFor();
    expect(await group.count()).toBe(1);
    const sides = group.locator(testId('conflict-fact'));
    expect(await sides.count()).toBe(2);
    expect((await sides.locator(testId('conflict-value')).allTextContents()).sort()).toEqual(['47,000', '48,000']);
    const sources = await sides.locator(testId('fact-evidence')).allTextContents();
    expect(sources.some((s) => s.includes(tagalog.title) && s.includes('Tagalog'))).toBe(true);
    expect(
      sources.some((s) => s.includes('Second report on the Karabakh vote') && s.includes('48 thousand voters')),
    ).toBe(true);

    const official = sides.filter({ hasText: '47,000' });
    await official.locator(testId('conflict-prefer')).click();
    await official.locator(testId('conflict-reason')).fill('Official CEC figures');
    await official.locator(testId('conflict-save')).click();
    await page.locator(`${testId('conflict-fact')}[data-preferred="true"]`, { hasText: '47,000' }).waitFor();
    expect(await page.locator(testId('conflict-preferred')).textContent()).toContain('Official CEC figures');
    const preferred = (await archive.facts.conflicts())[0].facts.find((f) => f.preferred)!;
    expect(preferred).toMatchObject({ object: { number: 47_000 }, preferredReason: 'Official CEC figures' });
    await page.screenshot({ path: '/tmp/tala-facts-5-conflicts.png' });
  });

  it('lists both facts on Bako Sahakyan’s entity page, with his mentions across documents', async () => {
    await page.locator(`${testId('conflict-group')} h2 a`).click();
    await page.locator(testId('entity-page')).waitFor();
    expect(await page.locator(testId('entity-name')).textContent()).toBe('Bako Sahakyan');
    const votes = page.locator(testId('entity-fact'), { hasText: 'votes received' });
    await votes.first().waitFor();
    const sentences = await votes.locator(testId('fact-sentence')).allTextContents();
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Bako Sahakyan — votes received — 47,000 — 19 Jul 2012',
        'Bako Sahakyan — votes received — 48,000 — 19 Jul 2012',
      ]),
    );
    const mentionDocs = await page.locator(testId('entity-mention')).allTextContents();
    expect(mentionDocs.some((m) => m.includes(tagalog.title))).toBe(true);
    expect(mentionDocs.some((m) => m.includes('Second report'))).toBe(true);
    await page.screenshot({ path: '/tmp/tala-facts-6-entity.png', fullPage: false });

    // A mention opens its passage.
    await page.locator(testId('entity-mention'), { hasText: 'Second report' }).first().click();
    await page.locator(`${testId('reader')}[data-doc-id="${second.id}"]`).waitFor();
    await page.locator('[data-target="true"]').first().waitFor();
  });

  it('records a fact from a selection, pre-filled from the mentions inside it', async () => {
    await page.goto(`${bridge.url}#/doc/${tagalog.id}`);
    await page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor();
    const quote = '20 libo ang bumoto pabor kay Vitaly Balasanyan';
    const found = await selectInReader(page, quote);
    expect(found, `"${quote}" is on the page`).toBe(true);
    await page.locator(testId('add-fact')).click();
    const form = page.locator(`${testId('fact-new')} ${testId('fact-editor')}`);
    await form.waitFor();
    expect(await page.locator(testId('fact-subject-input')).inputValue()).toBe('Vitaly Balasanyan');
    expect(await page.locator(testId('fact-number-input')).inputValue()).toBe('20000');
    await page.screenshot({ path: '/tmp/tala-facts-7-from-selection.png' });
    await page.locator(testId('fact-predicate-input')).fill('votes received');
    await page.locator(testId('fact-date-qualifier')).fill('2012-07-19');
    await page.locator(testId('fact-save')).click();
    await page.locator(testId('fact-confirmed'), { hasText: '20,000' }).waitFor();
  });

  it('shows the timeline grouped by date, and reports no console errors or CSP violations', async () => {
    await page.locator(testId('nav-timeline')).click();
    const day = page.locator(`${testId('timeline-date')}[data-date="2012-07-19"]`);
    await day.waitFor();
    expect(await day.locator(testId('timeline-fact')).count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: '/tmp/tala-facts-8-timeline.png' });
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
