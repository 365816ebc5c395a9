import { useCallback, useEffect, useRef, useState } from 'react';
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
  reloadAnnotations(): Promise<void>;
  setDocument(doc: DocumentDetail): void;
  setAnnotations(update: (list: Annotation[]) => Annotation[]): void;
}

/**
 * A document with its annotations. Both arrive together, so highlights are never drawn on a text they
 * were not anchored to (after an edit, offsets change with the text).
 */
export function useDocumentData(id: string | null): DocumentData {
  const api = useApi();
  const [document, setDocumentState] = useState<DocumentDetail | null>(null);
  const [annotations, setAnnotationsState] = useState<Annotation[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (docId: string, keepCurrent: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      if (!keepCurrent) {
        setDocumentState((d) => (d?.id === docId ? d : null));
        setAnnotationsState((list) => (list.length > 0 && list[0].docId !== docId ? [] : list));
      }
      try {
        const [doc, list] = await Promise.all([api['documents.get']({ id: docId }), api['annotations.list']({ docId })]);
        if (mine !== generation.current) return;
        setDocumentState(doc);
        setAnnotationsState(list);
      } catch (err) {
        if (mine !== generation.current) return;
        setError(errorMessage(err));
        if (!keepCurrent) setDocumentState(null);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    if (!id) {
      generation.current++;
      setDocumentState(null);
      setAnnotationsState([]);
      setLoading(false);
      setError(null);
      return;
    }
    void load(id, false);
  }, [id, load]);

  const reload = useCallback(async () => {
    if (id) await load(id, true);
  }, [id, load]);

  const reloadAnnotations = useCallback(async () => {
    if (!id) return;
    const mine = generation.current;
    try {
      const list = await api['annotations.list']({ docId: id });
      if (mine === generation.current) setAnnotationsState(list);
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    }
  }, [api, id]);

  const setDocument = useCallback((doc: DocumentDetail) => setDocumentState(doc), []);
  const setAnnotations = useCallback((update: (list: Annotation[]) => Annotation[]) => setAnnotationsState(update), []);

  return { document: document && document.id === id ? document : null, annotations, loading, error, reload, reloadAnnotations, setDocument, setAnnotations };
}
