// Find in document (Ctrl+F): the query, its matches by passage, the current match brought into view; a new
// query shows the first match after the current reading position.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocumentDetail, Passage } from '../../../../shared/types';
import { FindIndex, firstMatchFrom, type FindMatch } from '../../lib/find';
import type { VirtualListHandle } from './VirtualList';

interface Options {
  doc: DocumentDetail;
  /** The passages in the list (without a first heading shown as the title). */
  body: readonly Passage[];
  reveal(passageIndex: number, then?: (el: HTMLElement) => void): void;
  paneRef: RefObject<HTMLElement | null>;
  listRef: RefObject<VirtualListHandle | null>;
}

export function useFind({ doc, body, reveal, paneRef, listRef }: Options) {
  const findInputRef = useRef<HTMLInputElement>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [findQuery, setFindQuery] = useState('');
  const [findCurrent, setFindCurrent] = useState(-1);
  const findIndex = useMemo(() => new FindIndex(doc.passages), [doc.passages]);
  const matches = useMemo<FindMatch[]>(
    () => (findOpen && findQuery.trim() ? findIndex.find(findQuery) : []),
    [findOpen, findQuery, findIndex],
  );
  const findsByPassage = useMemo(() => {
    const out = new Map<string, Array<{ index: number; start: number; end: number }>>();
    matches.forEach((m, index) => {
      const id = doc.passages[m.passageIndex].id;
      const list = out.get(id) ?? [];
      list.push({ index, start: m.start, end: m.end });
      out.set(id, list);
    });
    return out;
  }, [matches, doc.passages]);

  // ---- find: show the current match
  const goToMatch = useCallback(
    (index: number) => {
      const m = matches[index];
      setFindCurrent(index);
      if (!m) return;
      reveal(m.passageIndex, (el) => {
        const hit = el.querySelector(`[data-find="${index}"]`) ?? el;
        hit.scrollIntoView({ block: 'center' });
      });
    },
    [matches, reveal],
  );

  // A new query shows the first match after the current reading position.
  useEffect(() => {
    if (matches.length === 0) {
      setFindCurrent(-1);
      return;
    }
    const pane = paneRef.current;
    let from = 0;
    const range = listRef.current?.renderedRange();
    if (pane && range && pane.scrollTop > 0) {
      const p = body[range[0]];
      if (p) from = p.start;
    }
    goToMatch(firstMatchFrom(matches, from));
  }, [matches]);

  const openFind = useCallback(() => {
    setFindOpen(true);
    requestAnimationFrame(() => {
      findInputRef.current?.focus();
      findInputRef.current?.select();
    });
  }, []);

  const closeFind = useCallback(() => {
    setFindOpen(false);
    setFindCurrent(-1);
  }, []);

  return {
    findInputRef,
    findOpen,
    findQuery,
    setFindQuery,
    findCurrent,
    setFindCurrent,
    matches,
    findsByPassage,
    goToMatch,
    openFind,
    closeFind,
  };
}
