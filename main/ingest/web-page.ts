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
/**
 * Pages nested deeper than this are parsed whole: Readability's cost grows steeply with depth (20,000
 * nested <div>s took 94 s), while real pages stay well under 100 levels.
 */
const MAX_DEPTH = 200;

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
    if (nestingDepth(document.documentElement as unknown as Element | null) > MAX_DEPTH) return undefined;
    const reader = new Readability(document as unknown as Document, {
      maxElemsToParse: MAX_ELEMENTS,
      charThreshold: MIN_ARTICLE_CHARS,
      keepClasses: false,
    });
    const article = reader.parse();
    return article?.content ?? undefined;
  } catch {
    // Too big, or a DOM edge case Readability trips on: the whole-page extraction still works.
    return undefined;
  }
}

/** Deepest element nesting, walked iteratively (a recursive walk would overflow on hostile input). */
function nestingDepth(root: Element | null): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}
