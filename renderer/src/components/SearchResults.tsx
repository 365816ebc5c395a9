import { useEffect, useRef } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/types';
import { plural } from '../lib/format';
import { languageLabel } from '../lib/languages';
import { Highlighted } from './Highlighted';

interface Props {
  query: string;
  result: SearchResult | null;
  loading: boolean;
  terms: string[];
  activeIndex: number;
  openKey: string | null;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  onClose(): void;
}

export const hitKey = (hit: SearchHit) => `${hit.docId}:${hit.passageId}`;
export const hitElementId = (index: number) => `search-hit-${index}`;

export function SearchResults({ query, result, loading, terms, activeIndex, openKey, onActivate, onOpen, onClose }: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.querySelector(`#${hitElementId(activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const hits = result?.hits ?? [];
  return (
    <section className="results" aria-label="Search results" data-testid="search-results">
      <header className="results__header">
        <p className="results__summary" aria-live="polite" data-testid="search-summary">
          {loading && !result ? (
            'Searching…'
          ) : result ? (
            <>
              <strong data-testid="search-total">{plural(result.total, 'result')}</strong> for “<span dir="auto">{query}</span>”
              {result.total > hits.length && <span className="muted"> · showing the best {hits.length}</span>}
            </>
          ) : null}
        </p>
        <button type="button" className="icon-button" aria-label="Close search results" title="Close (Esc)" onClick={onClose} data-testid="search-close">
          ×
        </button>
      </header>
      {result && hits.length === 0 ? (
        <div className="results__empty" data-testid="search-empty">
          <p>Nothing matches “{query}”.</p>
          <p className="muted">Try fewer words, another spelling, or the word in the document’s language.</p>
        </div>
      ) : (
        <ul id="search-results" className="hit-list" role="listbox" aria-label="Matching passages" ref={listRef}>
          {hits.map((hit, i) => {
            const key = hitKey(hit);
            return (
              <li
                key={key}
                id={hitElementId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={`hit${i === activeIndex ? ' hit--active' : ''}${key === openKey ? ' hit--open' : ''}`}
                onClick={() => onOpen(hit)}
                onMouseMove={() => i !== activeIndex && onActivate(i)}
                data-testid="search-hit"
                data-doc-id={hit.docId}
                data-passage-id={hit.passageId}
              >
                <div className="hit__head">
                  <span className="hit__title" dir="auto">
                    {hit.title}
                  </span>
                  <span className="lang-tag">{languageLabel(hit.lang)}</span>
                </div>
                <p className="hit__snippet" dir="auto" lang={hit.lang === 'und' ? undefined : hit.lang} data-testid="search-snippet">
                  <Highlighted text={hit.snippet} terms={terms} />
                </p>
                <span className="hit__where muted">¶ {hit.ordinal + 1}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
