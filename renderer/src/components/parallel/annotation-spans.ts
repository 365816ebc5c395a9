// The highlights each side of the parallel view draws: its own annotations (those still on their words) and the
// ones carried over from the other side through the alignment.
import type { Annotation, DocumentDetail } from '../../../../shared/types';
import type { CarriedSpan, OwnSpan } from '../../lib/parallel';

export function ownSpans(doc: DocumentDetail, annotations: readonly Annotation[]): OwnSpan[] {
  return annotations
    .filter((a) => a.status !== 'orphaned' && a.end <= doc.text.length && doc.text.slice(a.start, a.end) === a.exact)
    .map((a) => ({ id: a.id, color: a.color, start: a.start, end: a.end }));
}

export function carriedSpans(
  from: DocumentDetail,
  fromAnnotations: readonly Annotation[],
  carried: ReadonlyArray<{ annotationId: string; targetStart: number; targetEnd: number; confidence: number }>,
): CarriedSpan[] {
  const byId = new Map(fromAnnotations.map((a) => [a.id, a]));
  return carried.flatMap((c) => {
    const a = byId.get(c.annotationId);
    return a
      ? [
          {
            id: a.id,
            color: a.color,
            start: c.targetStart,
            end: c.targetEnd,
            fromLang: from.lang,
            note: a.note,
            confidence: c.confidence,
          },
        ]
      : [];
  });
}
