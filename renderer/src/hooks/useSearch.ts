import { useCallback, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export const SEARCH_LIMIT = 100;

export interface SearchState {
  /** The query the current results belong to ('' = no search). */
  query: string;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
  run(query: string): Promise<void>;
  clear(): void;
}

export function useSearch(): SearchState {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const run = useCallback(
    async (text: string) => {
      const q = text.trim();
      const mine = ++generation.current;
      setQuery(q);
      setError(null);
      if (!q) {
        setResult(null);
        setLoading(false);
        return;
      }
      setLoading(true);
      try {
        const found = await api['search.query']({ query: q, limit: SEARCH_LIMIT });
        if (mine === generation.current) setResult(found);
      } catch (err) {
        if (mine === generation.current) {
          setResult(null);
          setError(errorMessage(err));
        }
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api],
  );

  const clear = useCallback(() => {
    generation.current++;
    setQuery('');
    setResult(null);
    setError(null);
    setLoading(false);
  }, []);

  return { query, result, loading, error, run, clear };
}
