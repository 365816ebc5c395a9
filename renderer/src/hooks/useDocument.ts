import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export interface DocumentState {
  document: DocumentDetail | null;
  loading: boolean;
  error: string | null;
}

/** One document with its passages; null id → nothing. */
export function useDocument(id: string | null, reloadKey = 0): DocumentState {
  const api = useApi();
  const [state, setState] = useState<DocumentState>({ document: null, loading: false, error: null });

  useEffect(() => {
    if (!id) {
      setState({ document: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ document: s.document?.id === id ? s.document : null, loading: true, error: null }));
    api['documents.get']({ id }).then(
      (document) => live && setState({ document, loading: false, error: null }),
      (err: unknown) => live && setState({ document: null, loading: false, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, id, reloadKey]);

  return state;
}
