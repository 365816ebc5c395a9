// The annotations of each side of the parallel reader, by passage: a side's own, and those carried over from the
// other side through the alignment.
import { useMemo } from 'react';
import type { ParallelData } from '../../hooks/useParallel';
import { spansByPassage, type CarriedSpan, type OwnSpan } from '../../lib/parallel';
import { carriedSpans, ownSpans } from './annotation-spans';

export function useSideSpans(data: ParallelData) {
  const { source, target } = data;
  const ownBySide = useMemo(
    () => ({
      source: source
        ? spansByPassage(source.passages, ownSpans(source, data.sourceAnnotations))
        : new Map<string, OwnSpan[]>(),
      target: target
        ? spansByPassage(target.passages, ownSpans(target, data.targetAnnotations))
        : new Map<string, OwnSpan[]>(),
    }),
    [source, target, data.sourceAnnotations, data.targetAnnotations],
  );
  const carriedBySide = useMemo(
    () => ({
      target:
        source && target
          ? spansByPassage(target.passages, carriedSpans(source, data.sourceAnnotations, data.carriedToTarget))
          : new Map<string, CarriedSpan[]>(),
      source:
        source && target
          ? spansByPassage(source.passages, carriedSpans(target, data.targetAnnotations, data.carriedToSource))
          : new Map<string, CarriedSpan[]>(),
    }),
    [source, target, data.sourceAnnotations, data.targetAnnotations, data.carriedToTarget, data.carriedToSource],
  );
  return { ownBySide, carriedBySide };
}
