import { useCallback } from 'react';
import type { DocumentSummary } from '../../../shared/types';
import { useApi } from '../api/context';
import { useArchiveChanged, useArchiveQuery } from '../api/queries';
import { errorMessage } from '../lib/errors';

export interface DocumentsState {
  documents: DocumentSummary[];
  loading: boolean;
  error: string | null;
  remove(id: string): Promise<void>;
}

const NONE: DocumentSummary[] = [];

/** The library: every document, newest first as the archive returns them (cached as `documents.list`). */
export function useDocuments(): DocumentsState {
  const api = useApi();
  const changed = useArchiveChanged();
  const query = useArchiveQuery('documents.list', undefined);

  const remove = useCallback(
    async (id: string) => {
      await api['documents.delete']({ id });
      changed('documents');
    },
    [api, changed],
  );

  return {
    documents: query.data ?? NONE,
    loading: query.isPending,
    error: query.error ? errorMessage(query.error) : null,
    remove,
  };
}
