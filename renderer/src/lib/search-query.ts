// The search view's request: the words the user typed plus the facet filters they clicked (kept apart so
// the box shows exactly what was typed, and each filter is a removable chip), composed into one query in
// the archive's syntax (main/search/query-parser.ts). Pure string work, no React.
import type { SearchExpansion, SearchExpansionKind } from '../../../shared/types';
import { languageName } from './languages';

export type FilterKind = 'lang' | 'type' | 'tag' | 'doc';

export interface SearchFilter {
  kind: FilterKind;
  value: string;
  /** How the chip names it when the value alone is not readable (a document's title). */
  label?: string;
}

export const sameFilter = (a: SearchFilter, b: SearchFilter) => a.kind === b.kind && a.value === b.value;

/** The query syntax of one filter. A tag is a field (`tag:`), not a filter, so it is a required phrase. */
export function filterSyntax(f: SearchFilter): string {
  switch (f.kind) {
    case 'lang':
      return `lang:${f.value}`;
    case 'type':
      return `type:${f.value}`;
    case 'doc':
      return `doc:${f.value}`;
    case 'tag':
      return `+tag:"${f.value.replace(/"/g, ' ').trim()}"`;
  }
}

/** Splits a query into its space-separated items, keeping a "quoted phrase" (and what is glued to it) whole. */
export function queryItems(query: string): string[] {
  const items: string[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/.test(query[i])) i++;
    if (i >= query.length) break;
    const start = i;
    let quoted = false;
    while (i < query.length && (quoted || !/\s/.test(query[i]))) {
      if (query[i] === '"') quoted = !quoted;
      i++;
    }
    items.push(query.slice(start, i));
  }
  return items;
}

const FILTER_ITEM = /^-?(lang|doc|type|date):/i;

/**
 * The same search with its words made required as a group. Without a required word, optional words only
 * rank, so adding `+tag:"x"` alone would turn "a b" into "anything tagged x"; `+a OR b +tag:"x"` keeps
 * "(a or b) and tagged x". Queries that already require something are returned as they are.
 */
export function requireWords(query: string): string {
  const items = queryItems(query);
  const optional: string[] = [];
  const rest: string[] = [];
  for (const item of items) {
    if (item === 'OR') continue;
    if (item.startsWith('+')) return query.trim();
    if (item.startsWith('-') || FILTER_ITEM.test(item)) rest.push(item);
    else optional.push(item);
  }
  if (optional.length === 0) return query.trim();
  return [`+${optional.join(' OR ')}`, ...rest].join(' ');
}

/** The query sent to the archive: what was typed, then the filters. */
export function composeQuery(query: string, filters: readonly SearchFilter[]): string {
  const typed = query.trim();
  if (filters.length === 0) return typed;
  const base = filters.some((f) => f.kind === 'tag') ? requireWords(typed) : typed;
  return [base, ...filters.map(filterSyntax)].join(' ');
}

/** A did-you-mean for the composed query, without the filters (which stay chips). */
export function stripFilters(suggestion: string, filters: readonly SearchFilter[]): string {
  if (filters.length === 0) return suggestion;
  const suffix = ` ${filters.map(filterSyntax).join(' ')}`;
  return suggestion.toLowerCase().endsWith(suffix.toLowerCase()) ? suggestion.slice(0, -suffix.length) : suggestion;
}

const MEDIA_TYPES: Record<string, string> = {
  'text/plain': 'Plain text',
  'text/markdown': 'Markdown',
  'text/html': 'Web page',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/epub+zip': 'EPUB',
  'application/xml': 'XML',
  'text/xml': 'XML',
};

export function mediaTypeLabel(type: string): string {
  return MEDIA_TYPES[type] ?? type;
}

export function filterLabel(f: SearchFilter): string {
  switch (f.kind) {
    case 'lang':
      return languageName(f.value);
    case 'type':
      return mediaTypeLabel(f.value);
    case 'tag':
      return `#${f.value}`;
    case 'doc':
      return f.label ?? 'one document';
  }
}

// ---- which expansions ran -----------------------------------------------------------------------

const KIND_LABELS: Record<SearchExpansionKind, string> = {
  translit: 'transliteration',
  name: 'name variants',
  stem: 'word forms',
  fuzzy: 'near spellings',
  prefix: 'prefix',
  wildcard: 'wildcard',
  fold: 'case and accents',
  stopword: 'common words ignored',
  split: 'split into a phrase',
};
/** Order of the expansions line: what widens the search most first. */
const KIND_ORDER: SearchExpansionKind[] = [
  'name',
  'translit',
  'stem',
  'fuzzy',
  'prefix',
  'wildcard',
  'split',
  'stopword',
  'fold',
];
const MAX_TERMS = 4;

export interface ExpansionLine {
  kind: SearchExpansionKind;
  label: string;
  /** "halalan → halal", "saakyan → saakyana, sahakyan"; for transliteration the words that crossed scripts. */
  details: string[];
}

/** The expansions of a result grouped by kind, each with readable "word → forms" details. */
export function describeExpansions(expansions: readonly SearchExpansion[] | undefined): ExpansionLine[] {
  const byKind = new Map<SearchExpansionKind, string[]>();
  for (const e of expansions ?? []) {
    const list = byKind.get(e.kind) ?? [];
    const others = e.to.filter((t) => t !== e.term);
    let detail: string;
    if (e.kind === 'stopword' || e.kind === 'fold' || (e.kind === 'translit' && others.length === 0)) detail = e.term;
    else if (e.to.length === 0) detail = `${e.term} → nothing`;
    else {
      const shown = e.to.slice(0, MAX_TERMS).join(', ');
      const more = e.to.length - MAX_TERMS;
      detail = `${e.term} → ${shown}${more > 0 ? ` +${more}` : ''}${e.truncated ? '…' : ''}`;
    }
    if (!list.includes(detail)) list.push(detail);
    byKind.set(e.kind, list);
  }
  return KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    details: byKind.get(kind)!,
  }));
}

/**
 * The words a query looks for in annotation notes and tags (`note:word`, `+tag:"two words"`), without
 * operators; null when it has no such field.
 */
export function annotationFieldWords(query: string): string[] | null {
  let found = false;
  const words: string[] = [];
  for (const item of queryItems(query)) {
    const m = /^\+?(note|tag):(.*)$/is.exec(item);
    if (!m) continue;
    found = true;
    const text = m[2]
      .replace(/^"|"(\^\d+)?$/g, '')
      .replace(/[~^]\d*$/, '')
      .replace(/\*/g, '')
      .trim();
    if (text) words.push(text);
  }
  return found ? words : null;
}
