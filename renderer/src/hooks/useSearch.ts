// The search view's state: what was typed, the facet filters, the expansion switches, and the pages of
// results loaded so far (merged into one result grouped by document). Only the newest request may
// update the state, so a slow answer never replaces a newer one.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { SearchDocumentGroup, SearchHit, SearchRequest, SearchResult } from '../../../shared/types';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { useApi } from '../api/context';
import { useOnSearchableChange } from '../api/queries';
import { errorMessage } from '../lib/errors';
import { getPreferences } from '../lib/preferences';
import { composeQuery, sameFilter, type SearchFilter } from '../lib/search-query';

/** Documents per page when results are grouped by document (each with up to 3 passages). */
export const DOCUMENT_PAGE = 20;
/** Passages per page inside one document (a doc: filter). */
export const PASSAGE_PAGE = 50;

export interface SearchOptionsState {
  stems: boolean;
  translit: boolean;
  names: boolean;
}

export interface SearchError {
  code: ErrorCode;
  message: string;
  /** BAD_QUERY: where the parser stopped (0-based character), when it says. */
  position: number | null;
  /** The composed query that failed. */
  query: string;
}

export interface SearchState {
  /** The query the current results belong to, as typed ('' = no search). */
  query: string;
  filters: SearchFilter[];
  options: SearchOptionsState;
  /** What was sent to the archive: the query with the filters. */
  effectiveQuery: string;
  result: SearchResult | null;
  /** The typed query `result` answers (while a new search runs, the previous result stays on screen). */
  resultQuery: string;
  loading: boolean;
  loadingMore: boolean;
  error: SearchError | null;
  /** More documents (or passages) than loaded so far. */
  hasMore: boolean;
  run(query: string): Promise<void>;
  toggleFilter(filter: SearchFilter): void;
  setOptions(options: Partial<SearchOptionsState>): void;
  loadMore(): void;
  /** Runs the current search again (after an import, a deletion, a reindex). */
  refresh(): void;
  clear(): void;
}

interface Params {
  query: string;
  filters: SearchFilter[];
  options: SearchOptionsState;
}

const DEFAULT_OPTIONS: SearchOptionsState = { stems: true, translit: true, names: true };

function searchError(err: unknown, query: string): SearchError {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const position = err instanceof AppError ? (err.details?.position ?? null) : null;
  return { code, message: errorMessage(err), position, query };
}

function requestFor(params: Params, offset: number): SearchRequest {
  const inDocument = params.filters.some((f) => f.kind === 'doc');
  return {
    query: composeQuery(params.query, params.filters),
    groupBy: inDocument ? 'passage' : 'document',
    limit: inDocument ? PASSAGE_PAGE : DOCUMENT_PAGE,
    offset,
    stems: params.options.stems,
    translit: params.options.translit,
    names: params.options.names,
  };
}

/** Appends a page: its hits after the loaded ones, its groups merged into the loaded groups by document. */
export function mergePages(loaded: SearchResult, page: SearchResult): SearchResult {
  const hits: SearchHit[] = [...loaded.hits];
  const seen = new Set(hits.map((h) => `${h.docId}:${h.passageId}`));
  const remap = new Map<number, number>();
  page.hits.forEach((h, i) => {
    const key = `${h.docId}:${h.passageId}`;
    if (seen.has(key)) return;
    seen.add(key);
    remap.set(i, hits.length);
    hits.push(h);
  });
  const groups: SearchDocumentGroup[] = (loaded.groups ?? []).map((g) => ({ ...g, hits: [...g.hits] }));
  for (const g of page.groups ?? []) {
    const indexes = g.hits.map((i) => remap.get(i)).filter((i): i is number => i !== undefined);
    const existing = groups.find((x) => x.docId === g.docId);
    if (existing) existing.hits.push(...indexes);
    else groups.push({ ...g, hits: indexes });
  }
  return { ...loaded, hits, groups, offset: loaded.offset ?? 0 };
}

/** How many units (documents or passages, per the grouping) the loaded pages cover. */
function loadedUnits(result: SearchResult): number {
  return result.groupBy === 'passage' ? result.hits.length : (result.groups?.length ?? 0);
}

function totalUnits(result: SearchResult): number {
  return result.groupBy === 'passage' ? result.total : (result.totalDocuments ?? result.groups?.length ?? 0);
}

export function useSearch(): SearchState {
  const api = useApi();
  const [params, setParams] = useState<Params>(() => {
    const { searchStems, searchTranslit, searchNames } = getPreferences();
    return {
      query: '',
      filters: [],
      options: { ...DEFAULT_OPTIONS, stems: searchStems, translit: searchTranslit, names: searchNames },
    };
  });
  const [current, setCurrent] = useState<{ query: string; result: SearchResult } | null>(null);
  const result = current?.result ?? null;
  const [loading, setLoading] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<SearchError | null>(null);
  const generation = useRef(0);
  const paramsRef = useRef(params);
  const resultRef = useRef(result);
  resultRef.current = result;

  const execute = useCallback(
    async (next: Params) => {
      const mine = ++generation.current;
      paramsRef.current = next;
      setParams(next);
      setError(null);
      setLoadingMore(false);
      if (!next.query.trim()) {
        setCurrent(null);
        setLoading(false);
        return;
      }
      setLoading(true);
      const request = requestFor(next, 0);
      try {
        const found = await api['search.query'](request);
        if (mine === generation.current) setCurrent({ query: next.query, result: found });
      } catch (err) {
        if (mine === generation.current) {
          setCurrent(null);
          setError(searchError(err, request.query));
        }
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api],
  );

  const run = useCallback((text: string) => execute({ ...paramsRef.current, query: text.trim() }), [execute]);

  const toggleFilter = useCallback(
    (filter: SearchFilter) => {
      const current = paramsRef.current;
      const on = current.filters.some((f) => sameFilter(f, filter));
      const filters = on ? current.filters.filter((f) => !sameFilter(f, filter)) : [...current.filters, filter];
      void execute({ ...current, filters });
    },
    [execute],
  );

  const setOptions = useCallback(
    (options: Partial<SearchOptionsState>) => {
      const current = paramsRef.current;
      void execute({ ...current, options: { ...current.options, ...options } });
    },
    [execute],
  );

  const loadMore = useCallback(() => {
    const loaded = resultRef.current;
    if (!loaded || loadedUnits(loaded) >= totalUnits(loaded)) return;
    const mine = generation.current;
    const current = paramsRef.current;
    setLoadingMore(true);
    api['search.query'](requestFor(current, loadedUnits(loaded))).then(
      (page) => {
        if (mine !== generation.current) return;
        setCurrent((c) => (c ? { ...c, result: mergePages(c.result, page) } : c));
        setLoadingMore(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setLoadingMore(false);
        setError(searchError(err, composeQuery(current.query, current.filters)));
      },
    );
  }, [api]);

  const refresh = useCallback(() => {
    if (paramsRef.current.query) void execute(paramsRef.current);
  }, [execute]);
  // An import, a deletion, an edit or a restore changes what the current search finds.
  useOnSearchableChange(refresh);

  const clear = useCallback(() => {
    generation.current++;
    const next = { query: '', filters: [], options: paramsRef.current.options };
    paramsRef.current = next;
    setParams(next);
    setCurrent(null);
    setError(null);
    setLoading(false);
    setLoadingMore(false);
  }, []);

  const effectiveQuery = useMemo(() => composeQuery(params.query, params.filters), [params]);
  const hasMore = result !== null && loadedUnits(result) < totalUnits(result);

  return {
    query: params.query,
    filters: params.filters,
    options: params.options,
    effectiveQuery,
    result,
    resultQuery: current?.query ?? '',
    loading,
    loadingMore,
    error,
    hasMore,
    run,
    toggleFilter,
    setOptions,
    loadMore,
    refresh,
    clear,
  };
}
