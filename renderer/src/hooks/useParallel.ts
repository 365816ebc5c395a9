// Two documents side by side: both texts with their annotations, the alignment of the first with the
// second, the annotations carried across it (both ways), and the corrections that change the alignment.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlignRequests } from '../../../shared/align-contract';
import type { Alignment, CarriedAnnotation } from '../../../shared/translations';
import type { Annotation, DocumentDetail } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export type Correction = Omit<AlignRequests['align.correct'], 'docId' | 'otherDocId'>;

export interface ParallelData {
  source: DocumentDetail | null;
  target: DocumentDetail | null;
  sourceAnnotations: Annotation[];
  targetAnnotations: Annotation[];
  alignment: Alignment | null;
  /** Source annotations as they land on the target, and target annotations on the source. */
  carriedToTarget: CarriedAnnotation[];
  carriedToSource: CarriedAnnotation[];
  loading: boolean;
  /** A correction or re-alignment is running. */
  busy: boolean;
  error: string | null;
  correct(c: Correction): Promise<Alignment>;
  realign(): Promise<Alignment>;
  reloadAnnotations(): Promise<void>;
}

export function useParallel(docId: string, otherDocId: string): ParallelData {
  const api = useApi();
  const [source, setSource] = useState<DocumentDetail | null>(null);
  const [target, setTarget] = useState<DocumentDetail | null>(null);
  const [sourceAnnotations, setSourceAnnotations] = useState<Annotation[]>([]);
  const [targetAnnotations, setTargetAnnotations] = useState<Annotation[]>([]);
  const [alignment, setAlignment] = useState<Alignment | null>(null);
  const [carriedToTarget, setCarriedToTarget] = useState<CarriedAnnotation[]>([]);
  const [carriedToSource, setCarriedToSource] = useState<CarriedAnnotation[]>([]);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const loadCarried = useCallback(async () => {
    const mine = generation.current;
    const [toTarget, toSource] = await Promise.all([
      api['annotations.carried']({ docId, translationDocId: otherDocId }),
      api['annotations.carried']({ docId: otherDocId, translationDocId: docId }),
    ]);
    if (mine !== generation.current) return;
    setCarriedToTarget(toTarget);
    setCarriedToSource(toSource);
  }, [api, docId, otherDocId]);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setAlignment(null);
    void (async () => {
      try {
        const [s, t, sa, ta] = await Promise.all([
          api['documents.get']({ id: docId }),
          api['documents.get']({ id: otherDocId }),
          api['annotations.list']({ docId }),
          api['annotations.list']({ docId: otherDocId }),
        ]);
        if (mine !== generation.current) return;
        setSource(s);
        setTarget(t);
        setSourceAnnotations(sa);
        setTargetAnnotations(ta);
        const a = await api['align.get']({ docId, otherDocId });
        if (mine !== generation.current) return;
        setAlignment(a);
        await loadCarried();
      } catch (err) {
        if (mine === generation.current) setError(errorMessage(err));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    })();
  }, [api, docId, otherDocId, loadCarried]);

  const apply = useCallback(
    async (run: () => Promise<Alignment>): Promise<Alignment> => {
      setBusy(true);
      try {
        const a = await run();
        setAlignment(a);
        // Carry-over follows the alignment.
        await loadCarried().catch(() => undefined);
        return a;
      } finally {
        setBusy(false);
      }
    },
    [loadCarried],
  );

  const correct = useCallback(
    (c: Correction) => apply(() => api['align.correct']({ docId, otherDocId, ...c })),
    [api, apply, docId, otherDocId],
  );
  const realign = useCallback(
    () => apply(() => api['align.get']({ docId, otherDocId, recompute: true })),
    [api, apply, docId, otherDocId],
  );

  const reloadAnnotations = useCallback(async () => {
    const [sa, ta] = await Promise.all([
      api['annotations.list']({ docId }),
      api['annotations.list']({ docId: otherDocId }),
    ]);
    setSourceAnnotations(sa);
    setTargetAnnotations(ta);
    await loadCarried();
  }, [api, docId, otherDocId, loadCarried]);

  return {
    source,
    target,
    sourceAnnotations,
    targetAnnotations,
    alignment,
    carriedToTarget,
    carriedToSource,
    loading,
    busy,
    error,
    correct,
    realign,
    reloadAnnotations,
  };
}
