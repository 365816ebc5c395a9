// The bar above the text when the document was opened from a search: the query, how many matches in how many
// passages, previous/next passage with matches, and clear.
import { useMemo } from 'react';
import type { DocumentDetail } from '../../../../shared/types';
import { plural } from '../../lib/format';
import type { MatchRange } from '../../lib/highlight';
import type { ReaderSearch } from './types';

/** In the reader's toolbar: “Sahakyan” · 3 matches in 3 passages, with previous/next passage and clear. */
export function SearchMatchBar({
  doc,
  search,
  matches,
  targetPassageId,
}: {
  doc: DocumentDetail;
  search: ReaderSearch;
  matches: ReadonlyMap<string, readonly MatchRange[]> | null;
  targetPassageId: string | null;
}) {
  const order = useMemo(
    () => doc.passages.map((p, i) => ({ id: p.id, i, n: matches?.get(p.id)?.length ?? 0 })).filter((x) => x.n > 0),
    [doc.passages, matches],
  );
  const total = order.reduce((sum, x) => sum + x.n, 0);
  const targetIndex = targetPassageId ? doc.passages.findIndex((p) => p.id === targetPassageId) : -1;
  const current = order.findIndex((x) => x.id === targetPassageId);
  const next = current >= 0 ? order[current + 1] : order.find((x) => x.i > targetIndex);
  const prev = current >= 0 ? order[current - 1] : [...order].reverse().find((x) => x.i < targetIndex);
  return (
    <div
      className="reader-search"
      role="status"
      aria-label="Search matches in this document"
      data-testid="reader-search"
    >
      <span className="reader-search__swatch" aria-hidden="true" title="Search matches are underlined like this" />
      <span className="reader-search__text" title={`Matches of the search “${search.query}”`}>
        <span dir="auto" className="reader-search__query">
          {search.query}
        </span>
        <span className="reader-search__count" data-testid="reader-search-count">
          {search.loading
            ? 'finding…'
            : total === 0
              ? 'matched a title, note or tag'
              : `${plural(total, 'match', 'matches')} in ${plural(order.length, 'passage')}`}
        </span>
      </span>
      <span className="reader-search__actions">
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Previous passage with matches"
          title="Previous passage with matches"
          disabled={!prev}
          onClick={() => prev && search.onStep(prev.id)}
          data-testid="reader-search-prev"
        >
          ‹
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Next passage with matches"
          title="Next passage with matches"
          disabled={!next}
          onClick={() => next && search.onStep(next.id)}
          data-testid="reader-search-next"
        >
          ›
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Clear the search highlights"
          title="Clear the search highlights"
          onClick={search.onClear}
          data-testid="reader-search-clear"
        >
          ×
        </button>
      </span>
    </div>
  );
}
