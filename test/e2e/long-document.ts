// The long-document fixture of the reader's budget (issue 13: 5,000 paragraphs open ≤ 300 ms), shared by the
// annotate E2E and `npm run bench:reader` so both time the same text and the same way.
import type { Page } from 'playwright-core';

export const LONG_PARAGRAPHS = 5000;
/** A word that appears only in paragraph FIND_AT (find-in-document far down). */
export const FIND_WORD = 'Kalamansi';
export const FIND_AT = 4000;

/** The long document's paragraphs: a title, then LONG_PARAGRAPHS - 1 Tagalog-like paragraphs of 20–110 words. */
export function longParagraphs(): string[] {
  const words =
    'ang mga sa ng halalan bayan republika botante pangulo ulat lungsod kalsada tubig ilog bundok' +
    ' paaralan guro aklat balita tao'.split(' ');
  const out = ['Mahabang ulat ng lalawigan'];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 1; i <= LONG_PARAGRAPHS - 1; i++) {
    const n = 20 + Math.floor(rand() * 90);
    const ws = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]);
    if (i === FIND_AT) ws.splice(5, 0, FIND_WORD);
    out.push(`Talata ${i}: ${ws.join(' ')}.`);
  }
  return out;
}

/** The long document as a plain-text file: paragraphs separated by blank lines. */
export function longText(): string {
  return longParagraphs().join('\n\n') + '\n';
}

/**
 * One in-app open, as from the library or a link: the hash changes to the document; milliseconds until its first
 * paragraph is in the reader and the next frame has run. The page must be showing another view.
 */
export function timeInAppOpen(page: Page, docId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const t0 = performance.now();
    location.hash = `#/doc/${id}`;
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector(`[data-testid="reader"][data-doc-id="${id}"] [data-passage-start]`)
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  }, docId);
}
