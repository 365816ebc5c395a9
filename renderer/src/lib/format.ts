// The one place where dates, times, numbers and sizes become text for the user, in the user's locale (the
// browser's or Electron's language; `setFormatLocale` pins one, e.g. in tests). Every date in the app has the
// same shape: the locale's medium date ("19 Jul 2012" in en-GB, "Jul 19, 2012" in en-US, "19.07.2012" in de).

let userLocale: string | undefined;
let formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** Pins the locale (undefined = the runtime's own). */
export function setFormatLocale(locale: string | undefined): void {
  userLocale = locale;
  formatters = new Map();
}

function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(`d:${key}`) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(`d:${key}`, (f = new Intl.DateTimeFormat(userLocale, options)));
  return f;
}

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatters.get(`n:${key}`) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(`n:${key}`, (f = new Intl.NumberFormat(userLocale, options)));
  return f;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

/**
 * A date: "2012-07-19" → the locale's medium date (a date-only value is never shifted by the time zone),
 * "2012-07" → "July 2012", "2012" stays, a timestamp → its local date. Anything else is returned as written.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}$/.test(iso)) return iso;
  const month = MONTH_ONLY.exec(iso);
  if (month) {
    const d = new Date(Date.UTC(+month[1], +month[2] - 1, 1));
    return dateFormat('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  const day = DATE_ONLY.exec(iso);
  const date = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return day
    ? dateFormat('date-utc', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
    : dateFormat('date', { dateStyle: 'medium' }).format(date);
}

/** A timestamp in local time: the medium date and the time ("19 Jul 2012, 14:05"); `seconds` adds them. */
export function formatDateTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return options.seconds
    ? dateFormat('datetime-s', { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
    : dateFormat('datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A number with the locale's grouping and decimal sign: 47000 → "47,000" (en), "47.000" (de). */
export function formatNumber(n: number): string {
  return numberFormat('number', { maximumFractionDigits: 6 }).format(n);
}

/** A file size: "512 B", "1.2 KB", "4.0 MB" (1024-based, as file managers show them), in the locale's digits. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) {
    return `${fixed(n / 1024, n < 10 * 1024 ? 1 : 0)} KB`;
  }
  return `${fixed(n / 1024 / 1024, 1)} MB`;
}

function fixed(n: number, digits: number): string {
  return numberFormat(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** "1 passage", "12,400 passages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
