// Small, pure helpers that turn loosely written metadata into the archive's formats.
import { collapseWhitespace } from './normalize';

const MAX_TITLE = 300;
const MAX_FIELD = 500;

/** Trimmed single-line value, or undefined when nothing is left. */
export function cleanField(value: string | null | undefined, max = MAX_FIELD): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = collapseWhitespace(value.normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' '));
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function cleanTitle(value: string | null | undefined): string | undefined {
  return cleanField(value, MAX_TITLE);
}

/**
 * Dates as YYYY-MM-DD, or YYYY-MM / YYYY when that is all the file says. Accepts ISO strings with a
 * time part and, as a fallback, anything Date.parse understands ("July 19, 2012").
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = cleanField(value, 100);
  if (!text) return undefined;
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    if (!m) return y;
    const month = Number(m);
    if (month < 1 || month > 12) return y;
    const mm = String(month).padStart(2, '0');
    if (!d) return `${y}-${mm}`;
    const day = Number(d);
    const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return `${y}-${mm}`;
    return `${y}-${mm}-${String(day).padStart(2, '0')}`;
  }
  // Only try the lenient parser on text that names a year, so "yesterday" or "5" never become dates.
  if (!/\b\d{4}\b/.test(text)) return undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const y = parsed.getFullYear();
  if (y < 1 || y > 9999) return undefined;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/** An http(s) URL in canonical form; anything else (javascript:, data:, relative paths) is dropped. */
export function normalizeHttpUrl(value: string | null | undefined): string | undefined {
  const text = cleanField(value, 2000);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Metadata meant to hold a name (author) sometimes holds a profile URL; we keep names only. */
export function cleanName(value: string | null | undefined): string | undefined {
  const text = cleanField(value, 200);
  if (!text || /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(javascript|data|vbscript):/i.test(text)) return undefined;
  return text;
}

/** "nkr-2012-halalan.tl.txt" → "nkr 2012 halalan": drop the extension and a language suffix. */
export function titleFromFileName(name: string): string {
  let base = name.split(/[\\/]/).pop() ?? '';
  base = base.replace(/\.[^.]*$/, ''); // extension
  base = base.replace(/\.[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i, ''); // language suffix: .tl, .en-US
  return cleanTitle(base.replace(/[-_]+/g, ' ')) ?? 'Untitled';
}

/** Ends like a sentence (so a line is prose, not a heading). Closing quotes/brackets are skipped. */
export function endsWithSentencePunctuation(text: string): boolean {
  return /[.!?…;:։。！？।؟]["'”’»)\]]*$/.test(text);
}

/** A short first line without final punctuation reads as the title of what follows. */
export function looksLikeHeading(line: string): boolean {
  return line.length > 0 && line.length <= 120 && !endsWithSentencePunctuation(line);
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const LABEL = String.raw`(?:(?:published|posted|dated?|petsa|inilathala|опубликовано|дата)\s*(?:on\s*)?:?\s*)?`;
const DATELINE = [
  new RegExp(String.raw`^${LABEL}(\d{4}-\d{2}-\d{2})$`, 'iu'),
  new RegExp(String.raw`^${LABEL}((?:${MONTHS})\s+\d{1,2},?\s+\d{4})$`, 'iu'),
  new RegExp(String.raw`^${LABEL}(\d{1,2}\s+(?:${MONTHS})\s+\d{4})$`, 'iu'),
];

/**
 * A publication date the text itself states on a line of its own near the top ("July 19, 2012",
 * "Published: 2012-07-19"). Only whole-line dates count, so a date inside a sentence is never taken.
 */
export function datelineOf(passages: ReadonlyArray<{ text: string }>): string | undefined {
  for (const { text } of passages.slice(0, 6)) {
    if (text.length > 60) continue;
    const line = text.trim().replace(/[.\s]+$/, '');
    for (const pattern of DATELINE) {
      const match = pattern.exec(line);
      if (match) return normalizeDate(match[1]);
    }
  }
  return undefined;
}
