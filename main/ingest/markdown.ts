// Markdown (CommonMark-ish, line based): enough structure to get headings and paragraphs right.
// Lists give one passage per item, blockquotes keep their text, fenced code is kept verbatim.
import type { Draft, DraftMeta, DraftPassage } from './draft';
import { stripInlineMarkdown } from './markdown-inline';
import { cleanName, cleanTitle, looksLikeHeading, normalizeDate, normalizeHttpUrl } from './metadata';
import { collapseWhitespace } from './normalize';

type Origin = 'paragraph' | 'list' | 'code' | 'table';

interface Block {
  kind: 'heading' | 'paragraph';
  origin: Origin;
  lines: string[];
}

// Block patterns run on the trimmed line (indentation is measured separately) and are written so
// that no two quantifiers compete for the same characters: lines are untrusted and may be megabytes long.
const ATX_OPEN = /^#{1,6}(?=[ \t]|$)/;
const SETEXT = /^(?:=+|-+)$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}$/;
const FENCE = /^(`{3,}|~{3,})/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+([^]*))?$/;
const TASK = /^\[[ xX]\][ \t]+/;
const REF_DEFINITION = /^\[[^\]]+\]:[ \t]*\S/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?$/;
const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)+/;
const RAW_HTML_OPEN = /^<(script|style|noscript|template|iframe|textarea)\b/i;

export function parseMarkdown(text: string): Draft {
  const { body, fields } = splitFrontMatter(text);
  const blocks = parseBlocks(body);
  const passages: DraftPassage[] = [];
  const origins: Array<{ origin: Origin; lines: number }> = [];
  for (const block of blocks) {
    const raw = block.lines.join('\n');
    const content = collapseWhitespace(block.origin === 'code' ? raw : stripInlineMarkdown(raw));
    if (!content) continue;
    passages.push({ kind: block.kind, text: content });
    origins.push({ origin: block.origin, lines: block.lines.length });
  }

  const meta = metaFromFrontMatter(fields);
  if (!meta.title) {
    const heading = passages.find((p) => p.kind === 'heading');
    if (heading) {
      meta.title = heading.text;
    } else if (
      passages.length > 1 &&
      origins[0].origin === 'paragraph' &&
      origins[0].lines === 1 &&
      looksLikeHeading(passages[0].text)
    ) {
      // Same rule as plain text: a short unpunctuated first line is the heading.
      passages[0] = { kind: 'heading', text: passages[0].text };
      meta.title = passages[0].text;
    }
  }
  return { passages, meta };
}

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let currentQuoted = false;
  let fence: { char: string; length: number; lines: string[] } | null = null;
  let rawHtmlEnd: RegExp | null = null;

  const flush = (): void => {
    if (current && current.lines.length) blocks.push(current);
    current = null;
  };
  const start = (block: Block, quoted: boolean): void => {
    flush();
    current = block;
    currentQuoted = quoted;
  };

  for (const sourceLine of text.split('\n')) {
    if (fence) {
      const inner = sourceLine.replace(QUOTE_PREFIX, '');
      if (isClosingFence(inner, fence.char, fence.length)) {
        blocks.push({ kind: 'paragraph', origin: 'code', lines: fence.lines });
        fence = null;
      } else {
        fence.lines.push(inner);
      }
      continue;
    }
    if (rawHtmlEnd) {
      // Script/style/comment blocks are skipped whole, including their blank lines.
      if (rawHtmlEnd.test(sourceLine)) rawHtmlEnd = null;
      continue;
    }

    const quoted = QUOTE_PREFIX.test(sourceLine);
    const line = quoted ? sourceLine.replace(QUOTE_PREFIX, '') : sourceLine;
    if (current && quoted !== currentQuoted) flush();

    const body = line.trim();
    if (body === '') {
      flush();
      continue;
    }
    const shallow = line.length - line.trimStart().length <= 3; // 4+ spaces: not a block marker
    const fenceOpen = shallow ? FENCE.exec(body) : null;
    if (fenceOpen) {
      flush();
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length, lines: [] };
      continue;
    }
    const rawHtml = RAW_HTML_OPEN.exec(body);
    if (rawHtml) {
      flush();
      const end = new RegExp(`</${rawHtml[1]}\\s*>`, 'i');
      if (!end.test(body)) rawHtmlEnd = end;
      continue;
    }
    if (body.startsWith('<!--') && !body.includes('-->')) {
      flush();
      rawHtmlEnd = /-->/;
      continue;
    }
    if (shallow && ATX_OPEN.test(body)) {
      flush();
      blocks.push({ kind: 'heading', origin: 'paragraph', lines: [atxHeadingText(body)] });
      continue;
    }
    // "Text\n===" or "Text\n---": the paragraph so far is a heading (checked before thematic breaks).
    const open = current as Block | null;
    const underline = shallow && SETEXT.test(body);
    if (underline && open && open.origin === 'paragraph' && open.kind === 'paragraph') {
      open.kind = 'heading';
      flush();
      continue;
    }
    if (underline || (shallow && (THEMATIC.test(body) || REF_DEFINITION.test(body))) || TABLE_DELIMITER.test(body)) {
      flush();
      continue;
    }
    if (body.length > 1 && body.startsWith('|') && body.endsWith('|')) {
      const cells = body
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean);
      start({ kind: 'paragraph', origin: 'table', lines: [cells.join(' | ')] }, quoted);
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(body);
    if (item) {
      start({ kind: 'paragraph', origin: 'list', lines: [(item[1] ?? '').replace(TASK, '')] }, quoted);
      continue;
    }
    // Anything else continues the open paragraph or list item (lazy continuation), or starts one.
    if (open) open.lines.push(body);
    else start({ kind: 'paragraph', origin: 'paragraph', lines: [body] }, quoted);
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (fence) blocks.push({ kind: 'paragraph', origin: 'code', lines: fence.lines });
  flush();
  return blocks;
}

/** "## Title ##" → "Title" (the closing run of # is optional and must follow a space). */
function atxHeadingText(body: string): string {
  let text = body.replace(ATX_OPEN, '').trim();
  let cut = text.length;
  while (cut > 0 && text[cut - 1] === '#') cut--;
  if (cut < text.length && (cut === 0 || text[cut - 1] === ' ' || text[cut - 1] === '\t'))
    text = text.slice(0, cut).trimEnd();
  return text;
}

function isClosingFence(line: string, char: string, length: number): boolean {
  const body = line.trim();
  if (line.length - line.trimStart().length > 3 || body.length < length) return false;
  for (const c of body) if (c !== char) return false;
  return true;
}

/** YAML-style front matter limited to flat `key: value` pairs; anything fancier is ignored. */
function splitFrontMatter(text: string): { body: string; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, fields };
  const lines = match[1].split('\n');
  // Only a block that reads like YAML is metadata; prose between two rules is text and must stay.
  if (!lines.every((l) => l.trim() === '' || /^(?:[A-Za-z_][\w-]*[ \t]*:|\s+\S|\s*#|-\s)/.test(l)))
    return { body: text, fields };
  for (let i = 0; i < lines.length; i++) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(lines[i]);
    if (!pair) continue;
    const key = pair[1].toLowerCase();
    let value = pair[2].trim();
    // `author:` followed by a "- name" list: take the first entry.
    if (!value && i + 1 < lines.length) value = /^\s+-\s+(.*)$/.exec(lines[i + 1])?.[1]?.trim() ?? '';
    value = value.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value && !fields.has(key)) fields.set(key, value);
  }
  return { body: text.slice(match[0].length), fields };
}

function metaFromFrontMatter(fields: Map<string, string>): DraftMeta {
  const first = (...keys: string[]): string | undefined => keys.map((k) => fields.get(k)).find((v) => v !== undefined);
  const meta: DraftMeta = {};
  const title = cleanTitle(first('title'));
  if (title) meta.title = title;
  const author = cleanName(first('author', 'authors', 'creator', 'by'));
  if (author) meta.author = author;
  const date = normalizeDate(first('date', 'published', 'publishedat', 'published_at', 'pubdate'));
  if (date) meta.publishedAt = date;
  const source = normalizeHttpUrl(first('source', 'url', 'link', 'canonical', 'canonical_url'));
  if (source) meta.source = source;
  const lang = first('lang', 'language', 'locale');
  if (lang) meta.lang = lang;
  return meta;
}
