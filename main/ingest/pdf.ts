// PDF → passages with pdf.js (legacy build, for Node). pdf.js runs in this thread through its "fake
// worker" (the worker module is imported here and handed over on globalThis), so nothing is fetched
// and no network or eval is ever used. The text layer is read page by page, lines are rebuilt from
// the glyph positions, and paragraphs from the line geometry: vertical gaps, first-line indents,
// short last lines and font size (bigger than the body text → heading). Running headers, footers and
// page numbers (lines repeating across pages at the same place) are dropped; hyphenated line ends are
// joined; every passage keeps the page it starts on.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { Draft, DraftMeta, DraftPassage } from './draft';
import { cleanName, cleanTitle, endsWithSentencePunctuation, normalizeDate } from './metadata';
import { LINE_HYPHEN } from './hyphens';
import { cleanPassage } from './normalize';
import { reject } from './reject';
import { sequence } from '../../shared/text/regex';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js leaves some of its internal promises unobserved: on certain damaged files (an unbalanced string in
 * the info dictionary, for one) such a promise rejects after the document has been read or refused, with
 * nobody to catch it, and Node would end the process. Those strays are pdf.js's own and carry no news
 * (the file's result was already reported), so they are dropped; any other unhandled rejection is
 * rethrown, which ends the process exactly as Node's default would.
 */
function ignorePdfJsStrays(): void {
  if ((globalThis as { talaPdfStrays?: boolean }).talaPdfStrays) return;
  (globalThis as { talaPdfStrays?: boolean }).talaPdfStrays = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && /pdfjs-dist|pdf\.worker/.test(reason.stack ?? '')) return;
    throw reason;
  });
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    ignorePdfJsStrays();
    // With the worker's message handler on globalThis, pdf.js runs it in this thread instead of
    // trying to start (or fetch) a worker script.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** More pages than any real source we expect; a file claiming more is refused before reading them. */
const MAX_PAGES = 20_000;

interface Line {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** On a two-column page: 1 left, 2 right, 0 across both; undefined on other pages. */
  column?: number;
}

export async function parsePdf(name: string, bytes: Uint8Array): Promise<Draft> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) reject(name, 'this is not a PDF file (no %PDF header)');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js may take ownership of the buffer: give it a copy, never the caller's bytes.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const errName = (err as Error)?.name;
    if (errName === 'PasswordException') return reject(name, 'this PDF is encrypted; Tala cannot read it');
    if (errName === 'InvalidPDFException')
      return reject(name, 'this PDF is damaged or not a PDF file (invalid PDF structure)');
    return reject(name, `this PDF could not be read (${describe(err)})`);
  }
  try {
    if (doc.numPages > MAX_PAGES)
      reject(name, `this PDF has ${doc.numPages} pages, more than the ${MAX_PAGES} Tala reads`);
    // A few pages in flight at once: pdf.js's in-thread worker answers asynchronously, so this overlaps its waits.
    const perPage: Array<Line[] | undefined> = new Array(doc.numPages);
    let next = 1;
    let lastError: unknown;
    const readPages = async () => {
      while (next <= doc.numPages) {
        const n = next++;
        try {
          const page = await doc.getPage(n);
          const content = await page.getTextContent();
          perPage[n - 1] = linesOf(
            n,
            content.items.filter((i): i is TextItem => 'str' in i),
          );
          page.cleanup();
        } catch (err) {
          // A damaged page is skipped; a document where no page can be read is refused below.
          lastError = err;
        }
      }
    };
    await Promise.all([readPages(), readPages(), readPages(), readPages()]);
    if (perPage.every((p) => p === undefined))
      reject(name, `this PDF is damaged (${lastError === undefined ? 'no page could be read' : describe(lastError)})`);
    const lines = perPage.flatMap((p) => p ?? []);
    if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text)))
      reject(name, 'no text layer; OCR is not available (the PDF holds only images, e.g. a scan)');

    const meta = await metadataOf(doc);
    const kept = dropRunningLines(lines, doc.numPages);
    const passages = paragraphs(kept);
    if (!meta.title) {
      // No title in the file: the first heading, else the first line of text.
      const first = passages.find((p) => p.kind === 'heading')?.text ?? cleanPassage(kept[0]?.text ?? '');
      const title = cleanTitle(first.length > 150 ? `${first.slice(0, 149)}…` : first);
      if (title) meta.title = title;
    }
    return { passages, meta };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 200) || 'unknown error';
}

/** Glyph runs → lines: runs on the same baseline join, in stream order (which is reading order in well-made PDFs). */
function linesOf(page: number, items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let endsLine = true;
  for (const item of items) {
    const [a, b, , , x, y] = item.transform as number[];
    const size = Math.hypot(a, b) || Math.abs(item.height) || 1;
    const text = item.str;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (text.trim() === '') {
      if (current && text.length > 0 && !current.text.endsWith(' ')) current.text += ' ';
      if (item.hasEOL) endsLine = true;
      continue;
    }
    // Same baseline and close by: the same line. A wide gap on the same baseline is a column gutter (or a table).
    const sameLine =
      current &&
      !endsLine &&
      Math.abs(current.y - y) <= Math.max(current.size, size) * 0.35 &&
      x - current.right < Math.max(current.size, size) * 2.5;
    if (current && sameLine) {
      const gap = x - current.right;
      if (gap > Math.min(current.size, size) * 0.15 && !current.text.endsWith(' ') && !text.startsWith(' '))
        current.text += ' ';
      current.text += text;
      current.right = Math.max(current.right, x + item.width);
      current.size = Math.max(current.size, size);
    } else {
      current = { page, text, x, right: x + item.width, y, size };
      lines.push(current);
    }
    endsLine = item.hasEOL;
  }
  // LINE_HYPHEN is ours (a noncharacter): never taken from a file.
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').replaceAll(LINE_HYPHEN, '').trim();
  return orderColumns(lines.filter((l) => l.text !== ''));
}

/**
 * Reading order on a two-column page: lines that fit left or right of a common gutter are read column by
 * column, within the bands that lines spanning both columns (titles, wide figures' captions) cut the page
 * into. Pages without two clear columns keep the order of their content stream.
 */
function orderColumns(lines: Line[]): Line[] {
  if (lines.length < 6) return lines;
  const left = Math.min(...lines.map((l) => l.x));
  const width = Math.max(...lines.map((l) => l.right)) - left;
  if (!(width > 0)) return lines;
  const narrow = lines.filter((l) => l.right - l.x < width * 0.6);
  const rightStarts = narrow.filter((l) => l.x > left + width * 0.3).map((l) => l.x);
  if (rightStarts.length < 3) return lines;
  const gutter = Math.min(...rightStarts);
  const leftColumn = new Set(narrow.filter((l) => l.right <= gutter));
  const rightColumn = new Set(narrow.filter((l) => l.x >= gutter));
  if (leftColumn.size < 3 || rightColumn.size < 3 || leftColumn.size + rightColumn.size < narrow.length * 0.9)
    return lines;
  const span = (set: Set<Line>) => [Math.min(...[...set].map((l) => l.y)), Math.max(...[...set].map((l) => l.y))];
  const [lLow, lHigh] = span(leftColumn);
  const [rLow, rHigh] = span(rightColumn);
  if (Math.min(lHigh, rHigh) - Math.max(lLow, rLow) <= 0) return lines; // one above the other: not side by side

  const across = lines.filter((l) => !leftColumn.has(l) && !rightColumn.has(l)).sort((a, b) => b.y - a.y);
  const band = (l: Line) => across.filter((a) => a.y > l.y).length;
  const byY = (a: Line, b: Line) => b.y - a.y;
  const out: Line[] = [];
  for (let k = 0; k <= across.length; k++) {
    out.push(
      ...[...leftColumn]
        .filter((l) => band(l) === k)
        .sort(byY)
        .map((l) => ({ ...l, column: 1 })),
    );
    out.push(
      ...[...rightColumn]
        .filter((l) => band(l) === k)
        .sort(byY)
        .map((l) => ({ ...l, column: 2 })),
    );
    if (k < across.length) out.push({ ...across[k], column: 0 });
  }
  return out;
}

/** Text of a line with its numbers blanked, so "Page 3 of 9" and "Page 4 of 9" compare equal. */
const runningKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
const PAGE_NUMBER = new RegExp(
  sequence([
    /^(?:(?:page|p\.|pahina|стр\.?|страница|էջ)\s*)?/, // "Page", "p.", "стр.", "էջ"…
    /[-–—]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—]?/, // the number, Arabic or Roman, maybe between dashes
    /(?:\s*(?:of|\/|из|ng)\s*\d{1,5})?$/, // "of 9", "/ 9", "из 9", "ng 9"
  ]),
  'i',
);

/**
 * Drops running headers and footers: among the two top and two bottom lines of each page, the short ones
 * whose text (numbers aside) recurs at about the same height on at least two pages and 40% of them; and
 * page numbers standing alone at the top or bottom.
 */
function dropRunningLines(lines: Line[], pageCount: number): Line[] {
  const byPage = groupBy(lines, (l) => l.page);
  const edges = new Set<Line>();
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((p, q) => q.y - p.y);
    for (const l of [...sorted.slice(0, 2), ...sorted.slice(-2)]) edges.add(l);
  }
  const groups = groupBy([...edges], (l) => runningKey(l.text));
  const drop = new Set<Line>();
  for (const [key, group] of groups) {
    // Running heads are short; a full line of body text that happens to repeat is kept.
    if (key.length > 100) continue;
    const ys = group.map((l) => l.y).sort((p, q) => p - q);
    const median = ys[Math.floor(ys.length / 2)];
    const aligned = group.filter((l) => Math.abs(l.y - median) <= 3);
    const pages = new Set(aligned.map((l) => l.page));
    if (pages.size >= 2 && pages.size >= pageCount * 0.4) for (const l of aligned) drop.add(l);
  }
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((p, q) => q.y - p.y);
    for (const l of [sorted[0], sorted[sorted.length - 1]]) if (l && PAGE_NUMBER.test(l.text)) drop.add(l);
  }
  return lines.filter((l) => !drop.has(l));
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The most frequent value, each value counting `weight(value)` times. */
function mode(values: number[], weight: (index: number) => number = () => 1): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  values.forEach((v, i) => {
    const c = (counts.get(v) ?? 0) + weight(i);
    counts.set(v, c);
    if (c > (counts.get(best) ?? 0)) best = v;
  });
  return best;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (v: number, step: number) => Math.round(v / step) * step;

/** Lines → heading and paragraph passages, each with the page it starts on. */
function paragraphs(lines: Line[]): DraftPassage[] {
  if (lines.length === 0) return [];
  // Body text: the font size carrying the most characters.
  const bodySize = mode(
    lines.map((l) => round(l.size, 0.5)),
    (i) => Math.min(lines[i].text.length, 200),
  );
  const isHeading = (l: Line) => l.size >= bodySize * 1.15 && l.text.length <= 200;
  const body = lines.filter((l) => !isHeading(l));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [p, q] = [lines[i - 1], lines[i]];
    const gap = p.y - q.y;
    if (p.page === q.page && !isHeading(p) && !isHeading(q) && gap > bodySize * 0.8 && gap < bodySize * 3)
      gaps.push(gap);
  }
  const lineGap = gaps.length ? percentile(gaps, 0.5) : bodySize * 1.2;
  // Margins per page and column: where lines start, and how far a full line reaches.
  const blockOf = (l: Line) => `${l.page}:${l.column ?? 0}`;
  const leftOf = new Map<string, number>();
  const fullRightOf = new Map<string, number>();
  for (const [block, blockLines] of groupBy(body, blockOf)) {
    leftOf.set(block, mode(blockLines.map((l) => round(l.x, 1))));
    fullRightOf.set(
      block,
      percentile(
        blockLines.map((l) => l.right),
        0.9,
      ),
    );
  }
  const documentRight = percentile(
    body.map((l) => l.right),
    0.9,
  );

  const out: Array<DraftPassage & { lines: Line[] }> = [];
  let open: (DraftPassage & { lines: Line[] }) | undefined;
  for (const line of lines) {
    const heading = isHeading(line);
    const prev = open?.lines[open.lines.length - 1];
    let startsNew = !open || !prev || (open.kind === 'heading') !== heading;
    if (!startsNew && open && prev) {
      const left = leftOf.get(blockOf(line)) ?? line.x;
      // In a column its own width counts; elsewhere the whole document's (a page has too few lines to judge alone).
      const fullRight = prev.column ? (fullRightOf.get(blockOf(prev)) ?? documentRight) : documentRight;
      if (heading)
        startsNew = Math.abs(prev.size - line.size) > 0.5 || prev.page !== line.page || prev.y - line.y > line.size * 2;
      else if (prev.page !== line.page || (prev.column === 1 && line.column === 2)) {
        // A paragraph runs on across the page break (or to the next column) unless it visibly ended there.
        startsNew = endsWithSentencePunctuation(prev.text) || line.x - left > bodySize * 0.8;
      } else {
        const gap = prev.y - line.y;
        const indented =
          line.x - left > bodySize * 0.8 && Math.abs(prev.x - (leftOf.get(blockOf(prev)) ?? prev.x)) <= 1.5;
        const shortLast = prev.right < fullRight - bodySize * 4 && endsWithSentencePunctuation(prev.text);
        startsNew = gap < 0 || gap > lineGap * 1.4 || indented || shortLast;
      }
    }
    if (startsNew) {
      open = { kind: heading ? 'heading' : 'paragraph', text: '', page: line.page, lines: [line] };
      out.push(open);
    } else if (open) {
      open.lines.push(line);
    }
  }
  return out
    .map(({ kind, lines: parts, page }) => ({ kind, text: cleanPassage(joinAll(parts.map((l) => l.text))), page }))
    .filter((p) => p.text !== '');
}

/** Joins a paragraph's lines (each join looks only at the line ends, so long paragraphs stay linear). */
function joinAll(lines: string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (parts.length === 0) parts.push(line);
    else {
      const joined = joinLines(previous, line, true);
      // joinLines(previous, line) = previous' + glue + line: keep only what changed at the seam.
      parts[parts.length - 1] = joined.slice(0, joined.length - line.length);
      parts.push(line);
    }
    previous = line;
  }
  return parts.join('');
}

/**
 * Joins a line onto the text before it: hyphenated word breaks close up, a soft hyphen vanishes.
 * With `mark`, a hyphen before a lower-case letter is kept with LINE_HYPHEN after it, for resolveLineHyphens
 * to decide once the document's language and vocabulary are known (Tagalog keeps pang-internasyonal).
 */
export function joinLines(before: string, next: string, mark = false): string {
  const tail = before.slice(-2);
  if (tail.endsWith('\u00AD')) return before.slice(0, -1) + next;
  if (/\p{L}[-\u2010]$/u.test(tail)) {
    // "pangu-" + "lo" → "pangulo"; "Nagorno-" + "Karabakh" keeps its hyphen.
    if (!/^\p{Ll}/u.test(next)) return before + next;
    return mark ? before + LINE_HYPHEN + next : before.slice(0, -1) + next;
  }
  return `${before} ${next}`;
}

/** PDF dates: "D:20120721093000+04'00'" → "2012-07-21". */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  return normalizeDate([y, m, d].filter(Boolean).join('-'));
}

async function metadataOf(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<DraftMeta> {
  const meta: DraftMeta = {};
  let info: Record<string, unknown>;
  try {
    info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
  } catch {
    return meta;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  // Word's PDF export titles files "Microsoft Word - report.docx": that is a file name, not a title.
  const rawTitle = str(info.Title)?.replace(/^Microsoft Word - /, '');
  const title =
    rawTitle && !/^(untitled|unknown|\s*)$|\.(docx?|pdf|odt|rtf|txt)$/i.test(rawTitle.trim())
      ? cleanTitle(rawTitle)
      : undefined;
  if (title) meta.title = title;
  const author = cleanName(str(info.Author));
  if (author) meta.author = author;
  // CreationDate says when the file was written (often by a converter), not when the text was published.
  const created = pdfDate(info.CreationDate);
  if (created) meta.fileCreatedAt = created;
  const lang = str(info.Language);
  if (lang) meta.langHint = lang;
  return meta;
}
