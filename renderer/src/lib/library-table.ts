// The library table's logic, kept pure so it can be tested and timed without a browser: filtering, sorting
// on every column, and grouping (a translation under its source, another version of a source under it).
// Everything runs on the rows already in memory, over a sort index kept per entries array (each column's order
// is sorted once, its reverse derived without sorting), so re-sorting and filtering 10,000 rows walk a ready order.
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

/**
 * The sort index of one entries array: for each column and direction the entries' positions in display order,
 * built on first use and kept as long as the array lives (the query cache's arrays are never mutated). A sort
 * is then a lookup and a filter a walk over a ready order: neither sorts again while the data is unchanged.
 */
interface SortIndex {
  /** Each position's rank by title, then id: the tie-break of every column, compared as integers. */
  titleRank: Int32Array | null;
  orders: Map<string, Int32Array>;
}
const indexes = new WeakMap<readonly LibraryEntry[], SortIndex>();

function indexFor(entries: readonly LibraryEntry[]): SortIndex {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = { titleRank: null, orders: new Map() }));
  return index;
}

function titleRanks(entries: readonly LibraryEntry[], index: SortIndex): Int32Array {
  if (index.titleRank) return index.titleRank;
  const titles = entries.map((e) => sortKey(e, 'title'));
  const positions = entries.map((_, i) => i);
  positions.sort((a, b) => cmp(titles[a], titles[b]) || cmp(entries[a].id, entries[b].id));
  const rank = new Int32Array(entries.length);
  positions.forEach((p, r) => (rank[p] = r));
  return (index.titleRank = rank);
}

/** Positions of `entries` in the order of `sort` (ties by title, then id; empty dates and tags last both ways). */
export function sortedPositions(entries: readonly LibraryEntry[], sort: LibrarySort): Int32Array {
  const index = indexFor(entries);
  const name = `${sort.key}:${sort.direction}`;
  const cached = index.orders.get(name);
  if (cached) return cached;
  const rank = titleRanks(entries, index);
  const keys = entries.map((e) => sortKey(e, sort.key));
  const emptyLast = EMPTY_LAST.has(sort.key);
  let order: Int32Array;
  if (sort.direction === 'desc') {
    // The ascending order's runs of equal keys in reverse, each run kept in title order; empties stay last.
    const asc = sortedPositions(entries, { key: sort.key, direction: 'asc' });
    const runs: Array<[number, number]> = [];
    let filled = asc.length;
    while (emptyLast && filled > 0 && keys[asc[filled - 1]] === '') filled--;
    for (let start = 0; start < filled;) {
      let end = start + 1;
      while (end < filled && keys[asc[end]] === keys[asc[start]]) end++;
      runs.push([start, end]);
      start = end;
    }
    order = new Int32Array(asc.length);
    let out = 0;
    for (let r = runs.length - 1; r >= 0; r--) for (let i = runs[r][0]; i < runs[r][1]; i++) order[out++] = asc[i];
    order.set(asc.subarray(filled), out);
  } else {
    order = Int32Array.from(entries, (_, i) => i);
    order.sort((a, b) => {
      if (emptyLast && (keys[a] === '') !== (keys[b] === '')) return keys[a] === '' ? 1 : -1;
      return cmp(keys[a], keys[b]) || rank[a] - rank[b];
    });
  }
  index.orders.set(name, order);
  return order;
}

/**
 * Lets `next` (the same documents at the same positions, e.g. after tags changed in place) reuse the sort index
 * of `previous` for every column whose values did not change, so the next sort or filter does not sort again.
 */
export function carrySortIndex(
  previous: readonly LibraryEntry[],
  next: readonly LibraryEntry[],
  changed: readonly SortKey[],
): void {
  const old = indexes.get(previous);
  if (!old || previous.length !== next.length || next.some((e, i) => e.id !== previous[i].id)) return;
  const index = indexFor(next);
  const titleChanged = changed.includes('title');
  if (!titleChanged) index.titleRank ??= old.titleRank;
  for (const [name, order] of old.orders) {
    if (titleChanged || changed.some((key) => name.startsWith(`${key}:`))) continue;
    if (!index.orders.has(name)) index.orders.set(name, order);
  }
}

/** The entries sorted on one column (ties by title, then id). */
export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  return Array.from(sortedPositions(entries, sort), (p) => entries[p]);
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
  const unfiltered = activeFilterCount(filters) === 0;
  const shown: LibraryEntry[] = [];
  for (const p of sortedPositions(entries, sort)) {
    if (unfiltered || matchesFilters(entries[p], filters, folded)) shown.push(entries[p]);
  }
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
