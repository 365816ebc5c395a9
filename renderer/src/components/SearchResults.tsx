// The search view's results pane: totals, expansion switches and what ran, facets that filter, passages
// grouped by document with every match highlighted, did-you-mean, and "Load more".
import { useEffect, useMemo, useRef } from 'react';
import type { SearchHit } from '../../../shared/types';
import type { SearchState } from '../hooks/useSearch';
import { formatNumber, plural } from '../lib/format';
import { describeExpansions, stripFilters } from '../lib/search-query';
import { groupHits, hitElementId, hitKey, type HitGroupView } from '../lib/search-hits';
import { HitGroup } from './search/HitGroup';
import { Facets, FilterChip, Switch } from './search/SearchFilters';
import './search.css';

export { groupHits, hitElementId, hitKey, type HitGroupView };

interface Props {
  search: SearchState;
  activeIndex: number;
  openKey: string | null;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  onClose(): void;
  /** Runs a suggested query (did-you-mean) as if typed. */
  onSuggest(query: string): void;
}

export function SearchResults({ search, activeIndex, openKey, onActivate, onOpen, onClose, onSuggest }: Props) {
  const { query, resultQuery, result, loading, error, filters, options } = search;
  const listRef = useRef<HTMLDivElement>(null);
  const { groups } = useMemo(() => groupHits(result), [result]);
  const inDocument = filters.some((f) => f.kind === 'doc');

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.querySelector(`#${hitElementId(activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const expansions = useMemo(() => describeExpansions(result?.expansions), [result]);
  const badQuery = error?.code === 'BAD_QUERY';
  const shownDocs = groups.length;

  return (
    <section
      className="results"
      aria-label="Search results"
      data-testid="search-results"
      aria-busy={loading || undefined}
    >
      <header className="results__header">
        <p className="results__summary" aria-live="polite" data-testid="search-summary">
          {loading && !result ? (
            'Searching…'
          ) : result ? (
            <>
              <strong data-testid="search-total">{plural(result.total, 'passage')}</strong>
              {result.totalDocuments !== undefined && result.total > 0 && (
                <>
                  {' '}
                  in <span data-testid="search-documents">{plural(result.totalDocuments, 'document')}</span>
                </>
              )}{' '}
              for “<span dir="auto">{resultQuery}</span>”
            </>
          ) : badQuery ? (
            <>
              Cannot search for “<span dir="auto">{query}</span>”
            </>
          ) : null}
        </p>
        <button
          type="button"
          className="icon-button"
          aria-label="Close search results"
          title="Close (Esc)"
          onClick={onClose}
          data-testid="search-close"
        >
          ×
        </button>
      </header>

      <div className="results__scroll" ref={listRef}>
        <div className="results__controls">
          <div className="switches" role="group" aria-label="Expansions">
            <Switch
              label="Word forms"
              title="Match other forms of a word (halalan, halal; выборы, выборах) with each language’s stemmer"
              checked={options.stems}
              onChange={(stems) => search.setOptions({ stems })}
              testId="switch-stems"
            />
            <Switch
              label="Transliteration"
              title="Match names across scripts: Balasanyan finds Баласанян and Բալասանյան"
              checked={options.translit}
              onChange={(translit) => search.setOptions({ translit })}
              testId="switch-translit"
            />
            <Switch
              label="Name variants"
              title="Match a name's spellings in every script: Sahakyan finds Саакяна and Սահակյանը, Karabakh Արցախ"
              checked={options.names}
              onChange={(names) => search.setOptions({ names })}
              testId="switch-names"
            />
            {result?.tookMs !== undefined && (
              <span className="results__took muted">{result.tookMs < 1 ? '<1' : Math.round(result.tookMs)} ms</span>
            )}
          </div>
          {result && (
            <p className="expansions" data-testid="search-expansions">
              {expansions.length === 0 ? (
                <span className="muted">Matched as typed (no expansions ran).</span>
              ) : (
                <>
                  <span className="expansions__lead">Also matched:</span>{' '}
                  {expansions.map((e, i) => (
                    <span key={e.kind} className="expansion" data-kind={e.kind}>
                      {i > 0 && <span className="expansions__sep"> · </span>}
                      <span className="expansion__label">{e.label}</span>
                      <span className="expansion__details muted" dir="auto">
                        {' '}
                        ({e.details.join('; ')})
                      </span>
                    </span>
                  ))}
                </>
              )}
            </p>
          )}
          {result && (result.pendingDocuments ?? 0) > 0 && (
            <p className="results__pending" data-testid="search-pending">
              The index is catching up: {plural(result.pendingDocuments!, 'document')} not searchable yet.
            </p>
          )}
        </div>

        {filters.length > 0 && (
          <div className="filters" aria-label="Active filters" data-testid="search-filters">
            <span className="filters__lead">Only</span>
            {filters.map((f) => (
              <FilterChip key={`${f.kind}:${f.value}`} filter={f} onRemove={() => search.toggleFilter(f)} />
            ))}
          </div>
        )}

        {result && result.facets && result.total > 0 && (
          <Facets result={result} filters={filters} onToggle={search.toggleFilter} />
        )}

        {badQuery ? (
          <div className="results__empty" data-testid="search-invalid">
            <p>This search could not run: fix the query in the box above.</p>
            <p className="muted">Open “Syntax” next to the box for phrases, fields, filters and examples.</p>
          </div>
        ) : result && result.hits.length === 0 ? (
          <div className="results__empty" data-testid="search-empty">
            <p>
              No results for “<span dir="auto">{resultQuery}</span>”{filters.length > 0 ? ' with these filters' : ''}.
            </p>
            {result.didYouMean ? (
              <p className="did-you-mean" data-testid="did-you-mean">
                Did you mean{' '}
                <button
                  type="button"
                  className="link-button did-you-mean__query"
                  onClick={() => onSuggest(stripFilters(result.didYouMean!, filters))}
                  data-testid="did-you-mean-query"
                >
                  <span dir="auto">{stripFilters(result.didYouMean, filters)}</span>
                </button>
                ?
              </p>
            ) : (
              <p className="muted">
                {filters.length > 0 ? 'Remove a filter, or try ' : 'Try '}fewer words, another spelling (Saakyan~1), a
                prefix (Balasan*) or the word in the document’s language.
              </p>
            )}
          </div>
        ) : (
          <div id="search-results" className="hit-groups" role="listbox" aria-label="Matching passages">
            {groups.map((view, gi) => (
              <HitGroup
                key={view.group.docId}
                view={view}
                position={gi}
                activeIndex={activeIndex}
                openKey={openKey}
                inDocument={inDocument}
                onActivate={onActivate}
                onOpen={onOpen}
                toggleFilter={search.toggleFilter}
              />
            ))}
          </div>
        )}

        {result && search.hasMore && !badQuery && (
          <div className="results__more">
            <button
              type="button"
              className="button"
              onClick={search.loadMore}
              disabled={search.loadingMore}
              data-testid="search-load-more"
            >
              {search.loadingMore
                ? 'Loading…'
                : inDocument
                  ? `Load more passages (${formatNumber(result.total - result.hits.length)} more)`
                  : `Load more documents (${formatNumber((result.totalDocuments ?? shownDocs) - shownDocs)} more)`}
            </button>
          </div>
        )}
        {result && !search.hasMore && result.hits.length > 0 && shownDocs > 1 && (
          <p className="results__end muted" data-testid="search-end">
            End of results
          </p>
        )}
      </div>
    </section>
  );
}
