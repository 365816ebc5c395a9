import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export interface DocumentsState {
  documents: DocumentSummary[];
  loading: boolean;
  error: string | null;
  refresh(): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The library: every document, newest first as the archive returns them. */
export function useDocuments(): DocumentsState {
  const api = useApi();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const list = await api['documents.list']();
      if (mine === generation.current) {
        setDocuments(list);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [api]);

  const remove = useCallback(
    async (id: string) => {
      await api['documents.delete']({ id });
      setDocuments((docs) => docs.filter((d) => d.id !== id));
      void refresh();
    },
    [api, refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { documents, loading, error, refresh, remove };
}
