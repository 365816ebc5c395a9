// The library table's logic, kept pure so it can be tested and timed without a browser: filtering, sorting
// on every column, and grouping (a translation under its source, another version of a source under it).
// Everything runs on the rows already in memory: 10,000 documents sort and filter in a few milliseconds.
import type { Collection, LibraryEntry } from '../../../shared/library';
import type { DocumentSummary } from '../../../shared/types';
import { fold } from './fold';
import { languageName } from './languages';
import { mediaTypeLabel } from './search-query';
import { formatDate, formatNumber, plural } from './format';

export type SortKey = 'title' | 'lang' | 'type' | 'size' | 'published' | 'imported' | 'tags' | 'notes' | 'facts';
export type SortDirection = 'asc' | 'desc';

export interface LibrarySort {
  key: SortKey;
  direction: SortDirection;
}

export interface LibraryFilters {
  text: string;
  lang: string;
  type: string;
  tag: string;
  collection: string;
  hasNotes: boolean;
  hasFacts: boolean;
}

export const NO_FILTERS: LibraryFilters = {
  text: '',
  lang: '',
  type: '',
  tag: '',
  collection: '',
  hasNotes: false,
  hasFacts: false,
};

export function activeFilterCount(f: LibraryFilters): number {
  return [f.text.trim(), f.lang, f.type, f.tag, f.collection, f.hasNotes, f.hasFacts].filter(Boolean).length;
}

/** A row as displayed: nested rows are translations or other versions of the row above them. */
export interface LibraryRow {
  entry: LibraryEntry;
  depth: 0 | 1;
  /** Why a nested row is nested. */
  relation: 'translation' | 'version' | null;
  /** Rows nested under this one (0 for nested rows). */
  children: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Text the quick filter looks in, folded once per entry and cached. */
const haystacks = new WeakMap<LibraryEntry, string>();
function haystack(e: LibraryEntry): string {
  let text = haystacks.get(e);
  if (text === undefined) {
    text = fold([e.title, e.author ?? '', e.originalName ?? '', ...e.tags].join('\u0000'));
    haystacks.set(e, text);
  }
  return text;
}

export function matchesFilters(e: LibraryEntry, f: LibraryFilters, foldedText = fold(f.text.trim())): boolean {
  if (f.lang && e.lang !== f.lang) return false;
  if (f.type && e.mediaType !== f.type) return false;
  if (f.tag && !e.tags.includes(f.tag)) return false;
  if (f.collection && !e.collections.includes(f.collection)) return false;
  if (f.hasNotes && e.notes === 0) return false;
  if (f.hasFacts && e.facts === 0) return false;
  return !foldedText || haystack(e).includes(foldedText);
}

/**
 * Sort keys, computed once per entry and column and cached: folded text with digit runs padded (so "Ulat 2"
 * sorts before "Ulat 10") compared as plain strings, which is ~50× cheaper than Intl.Collator on 10,000 rows.
 */
type Key = string | number;
const keyCache = new WeakMap<LibraryEntry, Map<SortKey, Key>>();

/** By text, not by entry: a refetched list (new objects, mostly the same titles) reuses the keys. */
const naturalKeys = new Map<string, string>();

function naturalKey(text: string): string {
  let key = naturalKeys.get(text);
  if (key === undefined) {
    key = fold(text).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(12, '0'));
    if (naturalKeys.size > 200_000) naturalKeys.clear();
    naturalKeys.set(text, key);
  }
  return key;
}

function computeKey(e: LibraryEntry, key: SortKey): Key {
  switch (key) {
    case 'title':
      return naturalKey(e.title);
    case 'lang':
      return naturalKey(languageName(e.lang));
    case 'type':
      return naturalKey(mediaTypeLabel(e.mediaType));
    case 'size':
      return (e.pages ?? 0) * 1e7 + e.passages;
    case 'published':
      return e.publishedAt ?? e.fileCreatedAt ?? '';
    case 'imported':
      return e.importedAt;
    case 'tags':
      return naturalKey(e.tags.join(', '));
    case 'notes':
      return e.notes;
    case 'facts':
      return e.facts;
  }
}

export function sortKey(e: LibraryEntry, key: SortKey): Key {
  let keys = keyCache.get(e);
  if (!keys) keyCache.set(e, (keys = new Map()));
  let value = keys.get(key);
  if (value === undefined) keys.set(key, (value = computeKey(e, key)));
  return value;
}

const cmp = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);

/** Columns whose empty values (no date, no tags) stay at the end whichever way the column is sorted. */
const EMPTY_LAST: ReadonlySet<SortKey> = new Set(['published', 'tags']);

/** The entries sorted on one column (ties by title, then id): keys are looked up once per entry, not per comparison. */
export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const emptyLast = EMPTY_LAST.has(sort.key);
  const decorated = entries.map((e) => ({ e, k: sortKey(e, sort.key), t: sortKey(e, 'title') }));
  decorated.sort((a, b) => {
    if (emptyLast && (a.k === '') !== (b.k === '')) return a.k === '' ? 1 : -1;
    return sign * cmp(a.k, b.k) || cmp(a.t, b.t) || cmp(a.e.id, b.e.id);
  });
  return decorated.map((d) => d.e);
}

/**
 * The rows to display: entries that pass the filters, sorted; a translation or another version of a
 * document that is itself shown sits right under it (sorted the same way), unless its group is collapsed.
 */
export function libraryRows(
  entries: readonly LibraryEntry[],
  filters: LibraryFilters,
  sort: LibrarySort,
  collapsed: ReadonlySet<string> = new Set(),
): LibraryRow[] {
  const folded = fold(filters.text.trim());
  const shown = sortEntries(
    entries.filter((e) => matchesFilters(e, filters, folded)),
    sort,
  );
  const shownIds = new Set(shown.map((e) => e.id));
  const parentOf = (e: LibraryEntry): string | null => {
    const parent = e.translationOf ?? e.variantOf;
    return parent && shownIds.has(parent) ? parent : null;
  };
  // One level only: a parent that is itself nested keeps its children at the top level with it.
  const children = new Map<string, LibraryEntry[]>();
  const top: LibraryEntry[] = [];
  const byId = new Map(shown.map((e) => [e.id, e]));
  for (const e of shown) {
    const parent = parentOf(e);
    if (parent && !parentOf(byId.get(parent)!)) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(e);
    else top.push(e);
  }
  const rows: LibraryRow[] = [];
  for (const e of top) {
    const kids = children.get(e.id) ?? [];
    rows.push({ entry: e, depth: 0, relation: null, children: kids.length });
    if (collapsed.has(e.id)) continue;
    for (const k of kids)
      rows.push({ entry: k, depth: 1, relation: k.translationOf === e.id ? 'translation' : 'version', children: 0 });
  }
  return rows;
}

export interface FilterChoices {
  langs: Array<{ value: string; label: string; count: number }>;
  types: Array<{ value: string; label: string; count: number }>;
  tags: Array<{ value: string; label: string; count: number }>;
  collections: Array<{ value: string; label: string; count: number }>;
}

/** The values each filter can take, with how many documents have them. */
export function filterChoices(entries: readonly LibraryEntry[], collections: readonly Collection[]): FilterChoices {
  const count = (values: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const list = (m: Map<string, number>, label: (v: string) => string) =>
    [...m]
      .map(([value, n]) => ({ value, label: label(value), count: n }))
      .sort((a, b) => collator.compare(a.label, b.label));
  return {
    langs: list(count(entries.map((e) => e.lang)), languageName),
    types: list(count(entries.map((e) => e.mediaType)), mediaTypeLabel),
    tags: list(count(entries.flatMap((e) => e.tags)), (t) => t),
    collections: collections.map((c) => ({ value: c.id, label: c.name, count: c.documents })),
  };
}

/** "12 ¶ · 3 pp." for a PDF, "12 ¶" otherwise. */
export function sizeLabel(e: Pick<LibraryEntry, 'passages' | 'pages'>): string {
  const passages = `${formatNumber(e.passages)} ¶`;
  return e.pages ? `${passages} · ${formatNumber(e.pages)} pp.` : passages;
}

/** The ids between two row indexes (inclusive), for Shift-selection. */
export function idsBetween(rows: readonly LibraryRow[], from: number, to: number): string[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return rows.slice(Math.max(0, a), b + 1).map((r) => r.entry.id);
}

/**
 * A document in a picker (the translation picker): language, title, then what tells copies of the same text
 * apart — file type, size and date: "en · NKR report — PDF · 9 passages · published 19 Jul 2012" (a file's own
 * date is labelled as such, else the import date).
 */
export function documentChoiceLabel(
  d: Pick<
    DocumentSummary,
    'lang' | 'title' | 'mediaType' | 'passages' | 'publishedAt' | 'fileCreatedAt' | 'importedAt'
  >,
): string {
  const date = d.publishedAt
    ? `published ${formatDate(d.publishedAt)}`
    : d.fileCreatedAt
      ? `file dated ${formatDate(d.fileCreatedAt)}`
      : `imported ${formatDate(d.importedAt)}`;
  return `${d.lang} · ${d.title} — ${mediaTypeLabel(d.mediaType)} · ${plural(d.passages, 'passage')} · ${date}`;
}
