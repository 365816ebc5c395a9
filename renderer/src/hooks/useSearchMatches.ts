// The matches of a search inside one document, for the reader: the same query run again with a doc:
// filter, so every matching passage of the document is highlighted at the engine's offsets (stems,
// transliterations and phrases included), not just the passage that was opened.
import { useEffect, useMemo, useState } from 'react';
import type { TextRange } from '../../../shared/types';
import { useApi } from '../api/context';
import type { RouteSearch } from '../lib/routes';

/** Most passages whose matches are fetched for one document (the contract's largest page). */
export const MAX_PASSAGES = 500;

export interface SearchMatchesState {
  /** Passage id → match ranges in its text; null until known (or without a search). */
  matches: ReadonlyMap<string, readonly TextRange[]> | null;
  loading: boolean;
}

/** `seed`: the opened hit's own matches, shown at once while the rest are fetched. */
export function useSearchMatches(
  docId: string,
  search: RouteSearch | undefined,
  seed?: { passageId: string; matches: readonly TextRange[] } | null,
): SearchMatchesState {
  const api = useApi();
  const [state, setState] = useState<{ key: string; matches: Map<string, TextRange[]> | null; loading: boolean }>({
    key: '',
    matches: null,
    loading: false,
  });
  const switches = search ? [search.stems, search.translit, search.names].map((on) => on !== false).join() : '';
  const key = search ? `${docId}\u0000${search.query}\u0000${switches}` : '';

  useEffect(() => {
    if (!search) {
      setState({ key: '', matches: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => (s.key === key ? s : { key, matches: null, loading: true }));
    api['search.query']({
      query: `${search.query} doc:${docId}`,
      groupBy: 'passage',
      limit: MAX_PASSAGES,
      stems: search.stems !== false,
      translit: search.translit !== false,
      names: search.names !== false,
    }).then(
      (result) => {
        if (!live) return;
        const map = new Map<string, TextRange[]>();
        for (const hit of result.hits)
          if (hit.docId === docId && hit.matches.length) map.set(hit.passageId, hit.matches);
        setState({ key, matches: map, loading: false });
      },
      () => {
        // A query that no longer runs (the document changed, a filter went away) just highlights nothing.
        if (live) setState({ key, matches: new Map(), loading: false });
      },
    );
    return () => {
      live = false;
    };
    // `key` covers docId and every field of `search` that is used.
  }, [api, key]);

  const matches = useMemo(() => {
    const fetched = state.key === key ? state.matches : null;
    if (!seed || !search || fetched?.has(seed.passageId)) return fetched;
    const merged = new Map<string, readonly TextRange[]>(fetched ?? []);
    merged.set(seed.passageId, seed.matches);
    return merged;
  }, [state, key, seed, search]);

  return { matches, loading: state.key === key ? state.loading : Boolean(search) };
}
