// HTML → passages with htmlparser2's streaming parser. Only text nodes ever reach a passage: attribute
// values (href, onclick, src...) are read solely for metadata, and then only as validated URLs/dates.
import { Parser } from 'htmlparser2';
import type { Draft, DraftMeta, DraftPassage } from './draft';
import { cleanName, cleanTitle, normalizeDate, normalizeHttpUrl } from './metadata';
import { collapseWhitespace } from './normalize';

/** Elements whose whole subtree is never text of the document: code, chrome, widgets, embeds. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'audio',
  'video',
  'applet',
  'noembed',
  'noframes',
  'datalist',
  'dialog',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that are one passage each. */
const PASSAGES = new Set([
  'p',
  'li',
  'blockquote',
  'pre',
  'figcaption',
  'dd',
  'dt',
  'td',
  'th',
  'caption',
  'summary',
  'legend',
]);
/** Block containers: their edges end a passage, and text directly inside them is a passage of its own. */
const CONTAINERS = new Set([
  'html',
  'head',
  'body',
  'main',
  'article',
  'section',
  'div',
  'address',
  'center',
  'details',
  'dir',
  'dl',
  'fieldset',
  'figure',
  'hgroup',
  'hr',
  'menu',
  'ol',
  'ul',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'title',
]);

/**
 * htmlparser2 keeps its open-element stack in an array it unshifts onto, so every open tag costs time
 * proportional to the nesting depth: 400 000 nested tags (2 MB) take minutes. Real pages nest a few
 * dozen levels; beyond this depth further tags are ignored (their text is kept).
 */
const MAX_DEPTH = 512;

/** A Parser that ignores open tags beyond MAX_DEPTH, except ones whose content must still be dropped. */
class DepthLimitedParser extends Parser {
  constructor(
    private readonly source: string,
    private readonly mayOpen: (name: string) => boolean,
    ...args: ConstructorParameters<typeof Parser>
  ) {
    super(...args);
  }

  override onopentagname(start: number, endIndex: number): void {
    // The whole document is written in one chunk, so the indices point into `source`.
    if (this.mayOpen(this.source.slice(start, endIndex).toLowerCase())) super.onopentagname(start, endIndex);
  }
}

interface Open {
  name: string;
  dropped: boolean;
}

export function parseHtml(html: string): Draft {
  const passages: DraftPassage[] = [];
  const stack: Open[] = [];
  let droppedDepth = 0;
  let buffer = '';
  let titleText: string | undefined;
  let titleBuffer: string | null = null;
  let firstH1: string | undefined;
  const found: Record<string, string> = {};
  const remember = (key: string, value: string | undefined): void => {
    if (value && !(key in found)) found[key] = value;
  };

  const flush = (): void => {
    const text = collapseWhitespace(buffer);
    buffer = '';
    if (!text) return;
    let owner: string | undefined;
    for (let i = stack.length - 1; i >= 0 && !owner; i--) {
      if (HEADINGS.has(stack[i].name) || PASSAGES.has(stack[i].name)) owner = stack[i].name;
    }
    const kind = owner && HEADINGS.has(owner) ? 'heading' : 'paragraph';
    if (owner === 'h1' && firstH1 === undefined) firstH1 = text;
    passages.push({ kind, text });
  };
  const isBlock = (name: string): boolean => HEADINGS.has(name) || PASSAGES.has(name) || CONTAINERS.has(name);

  // Past MAX_DEPTH only elements that start a dropped subtree may open, so <script> stays code.
  const mayOpen = (name: string): boolean => stack.length < MAX_DEPTH || (droppedDepth === 0 && DROPPED.has(name));
  const parser = new DepthLimitedParser(
    html,
    mayOpen,
    {
      onopentag(name, attribs) {
        collectMetadata(name, attribs, remember);
        const dropped = DROPPED.has(name) || isHidden(attribs);
        if (droppedDepth === 0 && (dropped || isBlock(name))) flush();
        stack.push({ name, dropped });
        if (dropped) droppedDepth++;
        if (droppedDepth > 0) return;
        if (name === 'br') buffer += ' ';
        if (name === 'title' && titleText === undefined) titleBuffer = '';
      },
      ontext(data) {
        if (droppedDepth > 0) return;
        if (titleBuffer !== null) titleBuffer += data;
        // Text sitting directly in <head> is stray whitespace; nested elements still count, because
        // pages that never close <head> are common and their body must not vanish.
        else if (stack[stack.length - 1]?.name !== 'head') buffer += data;
      },
      onclosetag(name) {
        let index = stack.length - 1;
        while (index >= 0 && stack[index].name !== name) index--;
        if (index < 0) return;
        while (stack.length > index) {
          const top = stack[stack.length - 1];
          if (droppedDepth === 0 && isBlock(top.name)) flush();
          if (top.name === 'title' && titleBuffer !== null) {
            titleText = titleBuffer;
            titleBuffer = null;
          }
          stack.pop();
          if (top.dropped) droppedDepth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  flush();

  const meta: DraftMeta = {};
  const title = cleanTitle(found['og:title']) ?? cleanTitle(titleText) ?? cleanTitle(firstH1);
  if (title) meta.title = title;
  const author = cleanName(found.author) ?? cleanName(found['article:author']);
  if (author) meta.author = author;
  const date = normalizeDate(found['article:published_time']) ?? normalizeDate(found.date) ?? normalizeDate(found.time);
  if (date) meta.publishedAt = date;
  const source = normalizeHttpUrl(found.canonical) ?? normalizeHttpUrl(found['og:url']);
  if (source) meta.source = source;
  const langHint = found['html:lang'] ?? found['content-language'] ?? found['og:locale'];
  if (langHint) meta.langHint = langHint;
  return { passages, meta };
}

const DATE_META = new Set([
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publishdate',
  'publish-date',
]);

/** Reads the few attributes that carry document metadata into `remember(key, value)`. */
function collectMetadata(
  name: string,
  attribs: Record<string, string>,
  remember: (key: string, value: string | undefined) => void,
): void {
  if (name === 'html') remember('html:lang', attribs.lang || attribs['xml:lang']);
  if (name === 'meta') {
    const key = (attribs.property || attribs.name || attribs['http-equiv'] || attribs.itemprop || '')
      .trim()
      .toLowerCase();
    const content = attribs.content;
    if (key === 'og:title' || key === 'og:url' || key === 'og:locale' || key === 'author' || key === 'article:author') {
      remember(key, content);
    } else if (key === 'article:published_time' || key === 'datepublished') {
      remember('article:published_time', content);
    } else if (DATE_META.has(key)) {
      remember('date', content);
    } else if (key === 'content-language') {
      remember('content-language', content);
    }
  }
  if (name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attribs.rel ?? '')) remember('canonical', attribs.href);
  if (name === 'time') remember('time', attribs.datetime);
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  if ((attribs['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(attribs.style ?? '');
}
