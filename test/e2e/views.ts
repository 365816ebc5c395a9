// Every view of the app, reachable from an archive prepared here: the seeded samples plus an annotation,
// accepted facts from two sources (a conflict), a typed translation and the Tagalog/English pair. Shared by
// the accessibility and layout E2E tests and scripts/screenshots.ts.
import type { Page } from 'playwright-core';
import type { Archive } from '../../main/archive/archive';
import { testId } from './harness';

const SECOND_SOURCE = [
  'Second report on the Karabakh vote',
  '',
  'On July 19, 2012, the presidential election was held in the NKR. According to observers, 48' +
    ' thousand voters voted for the incumbent President Bako Sahakyan.',
  '',
].join('\n');
const QUOTE = '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan';

export interface ViewIds {
  tagalog: string;
  english: string;
  annotationId: string;
  entityId: string;
  linkId: string;
}

/** Adds what the views need to a seeded archive; returns the ids they open. */
export async function prepareViews(archive: Archive): Promise<ViewIds> {
  const second = await archive.documents.importFile({
    name: 'second-report.txt',
    bytes: new TextEncoder().encode(SECOND_SOURCE),
    lang: 'en',
  });
  if (second.status !== 'imported') throw new Error('second source not imported');
  const docs = await archive.documents.list();
  const tagalog = docs.find((d) => d.lang === 'tl' && d.originalName?.includes('halalan'))!;
  const english = docs.find((d) => d.lang === 'en' && d.originalName?.includes('halalan'))!;
  const detail = await archive.documents.get(tagalog.id);
  const start = detail.text.indexOf(QUOTE);
  const annotation = await archive.annotations.create({
    docId: tagalog.id,
    start,
    end: start + QUOTE.length,
    color: 'yellow',
    note: 'Official count',
  });
  let entityId = '';
  for (const docId of [tagalog.id, second.document.id]) {
    const report = await archive.facts.propose(docId);
    // The votes for Bako Sahakyan: 47,000 in the Tagalog sample, 48,000 in the second report (a conflict).
    const votes = report.proposals.find(
      (f) => f.object.kind === 'number' && [47_000, 48_000].includes(f.object.number),
    );
    if (votes) entityId = (await archive.facts.accept(votes.id)).subject.entityId;
  }
  const sheet = await archive.translations.startTyped(tagalog.id, 'ru');
  return { tagalog: tagalog.id, english: english.id, annotationId: annotation.id, entityId, linkId: sheet.link.id };
}

export interface View {
  name: string;
  /** Opens the view on a page already showing the app, and waits until it is drawn. */
  open(page: Page, base: string, ids: ViewIds): Promise<void>;
}

async function go(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
}

export const VIEWS: View[] = [
  { name: 'library', open: (page, base) => go(page, `${base}#/`, testId('library-table')) },
  {
    name: 'reader',
    open: async (page, base, ids) => {
      await go(page, `${base}#/doc/${ids.tagalog}/a/${ids.annotationId}`, testId('annotation-card'));
      await page.locator(`[data-annotation-ids~="${ids.annotationId}"]`).first().waitFor();
    },
  },
  {
    name: 'search',
    open: async (page, base) => {
      await go(page, `${base}#/`, testId('library-table'));
      await page.locator(testId('search-input')).fill('Sahakyan');
      await page.keyboard.press('Enter');
      await page.locator('#search-hit-0').first().waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'side-by-side',
    open: (page, base, ids) => go(page, `${base}#/parallel/${ids.tagalog}/${ids.english}`, testId('parallel-row')),
  },
  { name: 'segments', open: (page, base, ids) => go(page, `${base}#/segments/${ids.linkId}`, testId('segment')) },
  { name: 'facts', open: (page, base) => go(page, `${base}#/facts`, testId('facts-table')) },
  { name: 'entity', open: (page, base, ids) => go(page, `${base}#/entity/${ids.entityId}`, testId('entity-page')) },
  { name: 'timeline', open: (page, base) => go(page, `${base}#/timeline`, testId('timeline-fact')) },
  { name: 'conflicts', open: (page, base) => go(page, `${base}#/conflicts`, testId('conflict-group')) },
  { name: 'backups', open: (page, base) => go(page, `${base}#/backups`, testId('backups-page')) },
  { name: 'settings', open: (page, base) => go(page, `${base}#/settings`, testId('settings')) },
];

/** Switches the theme the way Settings does (stored preference), then reloads so every view starts in it. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => localStorage.setItem('tala.preferences', JSON.stringify({ theme: t })), theme);
  await page.reload();
}
