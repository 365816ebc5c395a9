import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Annotation, DocumentDetail } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export interface DocumentData {
  document: DocumentDetail | null;
  annotations: Annotation[];
  loading: boolean;
  error: string | null;
  /** Reloads text and annotations together (after a correction both change). */
  reload(): Promise<void>;
  setDocument(doc: DocumentDetail): void;
  setAnnotations(update: (list: Annotation[]) => Annotation[]): void;
}

interface Loaded {
  document: DocumentDetail;
  annotations: Annotation[];
}

const NONE: Annotation[] = [];

/** The cache key of a document with its annotations (`documents.get` + `annotations.list`, fetched together). */
export const documentDataKey = (id: string) => ['documents.get', { id }, 'annotations.list'] as const;

/**
 * A document with its annotations. Both arrive together, so highlights are never drawn on a text they
 * were not anchored to (after an edit, offsets change with the text). While a refetch runs, the answer
 * on screen stays.
 */
export function useDocumentData(id: string): DocumentData {
  const api = useApi();
  const client = useQueryClient();
  const key = documentDataKey(id);
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<Loaded> => {
      const [document, annotations] = await Promise.all([
        api['documents.get']({ id }),
        api['annotations.list']({ docId: id }),
      ]);
      return { document, annotations };
    },
  });

  const reload = useCallback(() => client.invalidateQueries({ queryKey: documentDataKey(id) }), [client, id]);
  const setDocument = useCallback(
    (document: DocumentDetail) => client.setQueryData<Loaded>(documentDataKey(id), (d) => (d ? { ...d, document } : d)),
    [client, id],
  );
  const setAnnotations = useCallback(
    (update: (list: Annotation[]) => Annotation[]) =>
      client.setQueryData<Loaded>(documentDataKey(id), (d) => (d ? { ...d, annotations: update(d.annotations) } : d)),
    [client, id],
  );

  return {
    document: query.data?.document ?? null,
    annotations: query.data?.annotations ?? NONE,
    loading: query.isFetching,
    error: query.error ? errorMessage(query.error) : null,
    reload,
    setDocument,
    setAnnotations,
  };
}
