// Web pages saved from a browser: the main content is found with Mozilla's Readability (Firefox's
// Reader View) on a linkedom DOM, so menus, sidebars, related links and footers stay out of the
// archive. Metadata still comes from the whole page (<meta>, Open Graph, canonical link). When
// Readability finds no article of substance, the whole-page extraction is used as before.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Draft } from './draft';
import { parseHtml } from './html';

/** Readability's own threshold: below this many characters an "article" is not trusted. */
const MIN_ARTICLE_CHARS = 500;
/** Pages with more elements than this are parsed whole (Readability's scoring is quadratic-ish). */
const MAX_ELEMENTS = 200_000;

export function parseWebPage(html: string): Draft {
  const whole = parseHtml(html);
  const article = mainContent(html);
  if (!article) return whole;
  const passages = parseHtml(article).passages;
  const chars = passages.reduce((n, p) => n + p.text.length, 0);
  if (passages.length === 0 || chars < MIN_ARTICLE_CHARS) return whole;
  return { passages, meta: whole.meta };
}

/** The article's HTML as Readability sees it, or undefined. */
function mainContent(html: string): string | undefined {
  try {
    const { document } = parseHTML(html);
    const reader = new Readability(document as unknown as Document, { maxElemsToParse: MAX_ELEMENTS, charThreshold: MIN_ARTICLE_CHARS, keepClasses: false });
    const article = reader.parse();
    return article?.content ?? undefined;
  } catch {
    // Too big, or a DOM edge case Readability trips on: the whole-page extraction still works.
    return undefined;
  }
}
