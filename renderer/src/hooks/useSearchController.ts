// The search box and its results as one controller: what is typed, which hit is active (arrow keys in the
// box move it, Enter opens it), opening a hit in the reader, and a pasted Tala link opening its target.
import { useCallback, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SearchHit } from '../../../shared/types';
import { groupHits, hitKey } from '../components/SearchResults';
import { parseLink, passageRoute, type Route } from '../lib/routes';
import { useSearch } from './useSearch';

/** The matches of the hit opened last: drawn in the reader at once, before the document's other matches arrive. */
export interface OpenedHit {
  docId: string;
  passageId: string;
  matches: Array<[number, number]>;
}

export function useSearchController(navigate: (route: Route) => void, inputRef: RefObject<HTMLInputElement | null>) {
  const search = useSearch();
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [openedHit, setOpenedHit] = useState<OpenedHit | null>(null);
  const hits = useMemo(() => groupHits(search.result).hits, [search.result]);

  // Fresh results: the first hit is active, so Enter opens it ("Load more" keeps the active hit).
  const firstHitKey = hits.length > 0 ? hitKey(hits[0]) : '';
  const { stems, translit } = search.options;
  const resetKey = `${firstHitKey}\u0000${search.effectiveQuery}\u0000${stems}${translit}`;
  const [seenReset, setSeenReset] = useState(resetKey);
  if (seenReset !== resetKey) {
    setSeenReset(resetKey);
    setActiveIndex(firstHitKey ? 0 : -1);
  }

  const { effectiveQuery, options } = search;
  const openHit = useCallback(
    (hit: SearchHit) => {
      setOpenedHit({ docId: hit.docId, passageId: hit.passageId, matches: hit.matches });
      const { stems, translit, names } = options;
      navigate(passageRoute(hit.docId, hit.passageId, { query: effectiveQuery, stems, translit, names }));
    },
    [navigate, effectiveQuery, options],
  );

  const openFromList = (hit: SearchHit) => {
    setActiveIndex(hits.findIndex((h) => hitKey(h) === hitKey(hit)));
    openHit(hit);
  };

  /** Arrow keys and Enter in the search box; true when the key was used. */
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (hits.length === 0) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((i) => Math.max(0, Math.min(hits.length - 1, i + delta)));
      return true;
    }
    if (e.key === 'Enter' && activeIndex >= 0 && !search.loading && text.trim() === search.query) {
      openHit(hits[activeIndex]);
      return true;
    }
    return false;
  };

  const submit = (q: string) => {
    // A pasted Tala link opens its target instead of searching for it.
    const link = parseLink(q);
    if (link) {
      setText('');
      search.clear();
      navigate(link);
      return;
    }
    void search.run(q);
  };

  const clear = () => {
    setText('');
    search.clear();
  };

  const runSuggestion = (q: string) => {
    setText(q);
    void search.run(q);
    inputRef.current?.focus();
  };

  const focusBox = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [inputRef]);

  const problem =
    search.error?.code === 'BAD_QUERY' && text.trim() === search.query
      ? { message: search.error.message, query: search.error.query, position: search.error.position }
      : null;

  return {
    search,
    hits,
    text,
    setText,
    activeIndex,
    setActiveIndex,
    openedHit,
    openFromList,
    onBoxKey,
    submit,
    clear,
    runSuggestion,
    focusBox,
    problem,
  };
}

export type SearchController = ReturnType<typeof useSearchController>;
