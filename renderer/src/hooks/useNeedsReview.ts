import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

/** Orphaned annotations across the archive (they are never dropped; the user re-attaches or deletes them). */
export function useNeedsReview(): { items: Annotation[]; error: string | null; refresh(): Promise<void> } {
  const api = useApi();
  const [items, setItems] = useState<Annotation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const list = await api['annotations.needsReview']();
      if (mine === generation.current) {
        setItems(list);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, error, refresh };
}
