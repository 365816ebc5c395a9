// Bringing a passage into view in the windowed list, and the deep links that use it: a target passage is
// scrolled to and focused, a target annotation scrolled to and flashed, whenever a link is opened.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Annotation, DocumentDetail } from '../../../../shared/types';
import { passageElementId } from './PassageText';
import { passageIndexAt } from './spans';
import type { ReaderTarget } from './types';
import type { VirtualListHandle } from './VirtualList';

interface Options {
  doc: DocumentDetail;
  annotations: readonly Annotation[];
  target: ReaderTarget | null;
  scrollKey: number;
  /** Passages before the list (a first heading shown as the title): 0 or 1. */
  bodyOffset: number;
  articleRef: RefObject<HTMLElement | null>;
  paneRef: RefObject<HTMLElement | null>;
  listRef: RefObject<VirtualListHandle | null>;
}

export function useReveal({ doc, annotations, target, scrollKey, bodyOffset, articleRef, paneRef, listRef }: Options) {
  const [flashId, setFlashId] = useState<string | null>(null);

  /** Brings a passage into view (rendering it first if the list is windowed), then runs `then` on its element. */
  const reveal = useCallback(
    (passageIndex: number, then?: (el: HTMLElement) => void) => {
      const passage = doc.passages[passageIndex];
      if (!passage) return;
      const bodyIndex = passageIndex - bodyOffset;
      if (bodyIndex >= 0) listRef.current?.scrollToIndex(bodyIndex);
      let tries = 0;
      const step = () => {
        const el = articleRef.current?.ownerDocument.getElementById(passageElementId(passage.id));
        if (el) {
          el.scrollIntoView({ block: 'center' });
          // Measuring freshly rendered neighbours can shift the layout a little: settle once more.
          requestAnimationFrame(() => {
            const again = articleRef.current?.ownerDocument.getElementById(passageElementId(passage.id));
            if (again) {
              if (!then) again.scrollIntoView({ block: 'center' });
              then?.(again);
            }
          });
        } else if (tries++ < 30) requestAnimationFrame(step);
      };
      step();
    },
    [doc.passages, bodyOffset, articleRef, listRef],
  );

  // ---- deep links: scroll to the target passage or annotation whenever a link is opened.
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;
  const targetKey = target ? `${target.passageId ?? ''}|${target.annotationId ?? ''}` : '';
  useEffect(() => {
    const pane = paneRef.current ?? (articleRef.current?.closest('.reader-pane') as HTMLElement | null);
    if (!target) {
      pane?.scrollTo?.({ top: 0 });
      return;
    }
    if (target.passageId) {
      const index = doc.passages.findIndex((p) => p.id === target.passageId);
      if (index < 0) return;
      reveal(index, (el) => {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
      });
    } else if (target.annotationId) {
      const a = annotationsRef.current.find((x) => x.id === target.annotationId);
      if (!a || a.status === 'orphaned') return;
      const id = a.id;
      reveal(passageIndexAt(doc.passages, a.start), (el) => {
        const mark = el.ownerDocument.querySelector(`[data-annotation-ids~="${id}"]`);
        (mark ?? el).scrollIntoView({ block: 'center' });
        setFlashId(id);
      });
    }
    // Only a new link (or a new document) scrolls; edits to the text or the annotations do not.
  }, [doc.id, scrollKey, targetKey]);

  useEffect(() => {
    if (!flashId) return;
    const t = setTimeout(() => setFlashId(null), 1600);
    return () => clearTimeout(t);
  }, [flashId]);

  return { reveal, flashId };
}
