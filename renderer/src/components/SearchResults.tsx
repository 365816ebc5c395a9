// The search view's results pane: totals, expansion switches and what ran, facets that filter, passages
// grouped by document with every match highlighted, did-you-mean, and "Load more".
import { useEffect, useMemo, useRef } from 'react';
import type { FacetCount, SearchDocumentGroup, SearchHit, SearchResult } from '../../../shared/types';
import type { SearchState } from '../hooks/useSearch';
import { formatDate, formatNumber, plural } from '../lib/format';
import { languageLabel, languageName } from '../lib/languages';
import {
  describeExpansions,
  filterLabel,
  filterSyntax,
  mediaTypeLabel,
  sameFilter,
  stripFilters,
  type FilterKind,
  type SearchFilter,
} from '../lib/search-query';
import { Highlighted } from './Highlighted';
import { classNames } from '../lib/class-names';
import './search.css';

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

export const hitKey = (hit: SearchHit) => `${hit.docId}:${hit.passageId}`;
export const hitElementId = (index: number) => `search-hit-${index}`;

export interface HitGroupView {
  group: SearchDocumentGroup;
  hits: Array<{ hit: SearchHit; index: number }>;
}

/**
 * The result as shown: document groups in rank order, each with its passages, and the same passages as
 * one flat list (what ↑/↓ walk through). Results without groups are grouped by consecutive document.
 */
export function groupHits(result: SearchResult | null): { groups: HitGroupView[]; hits: SearchHit[] } {
  if (!result) return { groups: [], hits: [] };
  let groups: SearchDocumentGroup[] = result.groups ?? [];
  if (!result.groups) {
    groups = [];
    result.hits.forEach((h, i) => {
      const last = groups[groups.length - 1];
      if (last?.docId === h.docId) last.hits.push(i);
      else
        groups.push({
          docId: h.docId,
          title: h.title,
          lang: h.lang,
          mediaType: h.mediaType,
          publishedAt: h.publishedAt,
          score: h.score,
          matchingPassages: 1,
          hits: [i],
        });
    });
    for (const g of groups) g.matchingPassages = g.hits.length;
  }
  const hits: SearchHit[] = [];
  const views: HitGroupView[] = [];
  for (const group of groups) {
    const entries: HitGroupView['hits'] = [];
    for (const i of group.hits) {
      const hit = result.hits[i];
      if (!hit) continue;
      entries.push({ hit, index: hits.length });
      hits.push(hit);
    }
    if (entries.length) views.push({ group, hits: entries });
  }
  return { groups: views, hits };
}

const FACETS: Array<{ kind: FilterKind; key: 'lang' | 'mediaType' | 'tag'; name: string; max: number }> = [
  { kind: 'lang', key: 'lang', name: 'Language', max: 12 },
  { kind: 'type', key: 'mediaType', name: 'Type', max: 8 },
  { kind: 'tag', key: 'tag', name: 'Tag', max: 12 },
];

function facetLabel(kind: FilterKind, value: string): string {
  return kind === 'lang' ? languageName(value) : kind === 'type' ? mediaTypeLabel(value) : `#${value}`;
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
            {groups.map(({ group, hits }, gi) => {
              const titleMatches = hits[0]?.hit.titleMatches ?? [];
              const more = group.matchingPassages - hits.length;
              return (
                <div
                  key={group.docId}
                  className="hit-group"
                  role="group"
                  aria-labelledby={`hit-group-${gi}`}
                  data-testid="search-group"
                  data-doc-id={group.docId}
                >
                  <div className="hit-group__head" id={`hit-group-${gi}`}>
                    <span className="hit-group__title" dir="auto" data-testid="search-group-title">
                      <Highlighted text={group.title} ranges={titleMatches} />
                    </span>
                    <span className="hit-group__meta">
                      <span className="lang-tag">{languageLabel(group.lang)}</span>
                      <span className="muted">{mediaTypeLabel(group.mediaType)}</span>
                      {group.publishedAt && <span className="muted">{formatDate(group.publishedAt)}</span>}
                      <span className="muted" data-testid="search-group-count">
                        {plural(group.matchingPassages, 'passage')}
                      </span>
                    </span>
                  </div>
                  {hits.map(({ hit, index }) => {
                    const key = hitKey(hit);
                    const where =
                      hit.matches.length > 0
                        ? null
                        : hit.titleMatches.length > 0
                          ? 'matches the title'
                          : 'matches a note or tag here';
                    return (
                      // A listbox option driven by the search box (aria-activedescendant): the keys live there.
                      /* eslint-disable-next-line jsx-a11y/click-events-have-key-events,
                         jsx-a11y/interactive-supports-focus */
                      <div
                        key={key}
                        id={hitElementId(index)}
                        role="option"
                        aria-selected={index === activeIndex}
                        className={classNames(
                          'hit',
                          index === activeIndex && 'hit--active',
                          key === openKey && 'hit--open',
                        )}
                        onClick={() => onOpen(hit)}
                        onMouseMove={() => index !== activeIndex && onActivate(index)}
                        data-testid="search-hit"
                        data-doc-id={hit.docId}
                        data-passage-id={hit.passageId}
                        data-lang={hit.lang}
                      >
                        <p
                          className="hit__snippet"
                          dir="auto"
                          lang={hit.lang === 'und' ? undefined : hit.lang}
                          data-testid="search-snippet"
                        >
                          <Highlighted text={hit.snippet} ranges={hit.snippetMatches} />
                        </p>
                        <span className="hit__where muted">
                          ¶ {hit.ordinal + 1}
                          {where && <span className="hit__why"> · {where}</span>}
                        </span>
                      </div>
                    );
                  })}
                  {more > 0 && !inDocument && (
                    <button
                      type="button"
                      className="hit-group__more link-button"
                      onClick={() => search.toggleFilter({ kind: 'doc', value: group.docId, label: group.title })}
                      data-testid="search-group-more"
                    >
                      All {plural(group.matchingPassages, 'matching passage')} in this document
                    </button>
                  )}
                </div>
              );
            })}
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

function Switch({
  label,
  title,
  checked,
  onChange,
  testId,
}: {
  label: string;
  title: string;
  checked: boolean;
  onChange(value: boolean): void;
  testId: string;
}) {
  return (
    <label className="switch" title={title}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="switch__label">{label}</span>
    </label>
  );
}

function FilterChip({ filter, onRemove }: { filter: SearchFilter; onRemove(): void }) {
  const label = filterLabel(filter);
  return (
    <span
      className="filter-chip"
      data-testid="filter-chip"
      data-kind={filter.kind}
      data-value={filter.value}
      title={filterSyntax(filter)}
    >
      <span className="filter-chip__kind">
        {filter.kind === 'lang' ? 'language' : filter.kind === 'doc' ? 'document' : filter.kind}
      </span>
      <span className="filter-chip__value" dir="auto">
        {label}
      </span>
      <button
        type="button"
        className="filter-chip__remove"
        aria-label={`Remove the filter ${label}`}
        onClick={onRemove}
        data-testid="filter-remove"
      >
        ×
      </button>
    </span>
  );
}

function Facets({
  result,
  filters,
  onToggle,
}: {
  result: SearchResult;
  filters: SearchFilter[];
  onToggle(filter: SearchFilter): void;
}) {
  const facets = result.facets!;
  const rows = FACETS.map((f) => ({ ...f, values: facets[f.key] ?? [] })).filter((f) => f.values.length > 0);
  if (rows.length === 0) return null;
  return (
    <div className="facets" aria-label="Narrow the results" data-testid="search-facets">
      {rows.map((row) => (
        <div key={row.kind} className="facet" data-facet={row.kind}>
          <span className="facet__name">{row.name}</span>
          <span className="facet__values">
            {row.values.slice(0, row.max).map((v: FacetCount) => {
              const filter: SearchFilter = { kind: row.kind, value: v.value };
              const active = filters.some((f) => sameFilter(f, filter));
              return (
                <button
                  key={v.value}
                  type="button"
                  className={`facet-value${active ? ' facet-value--active' : ''}`}
                  aria-pressed={active}
                  title={
                    `${plural(v.passages, 'passage')} in ${plural(v.documents, 'document')} · ` +
                    (active ? 'click to remove the filter' : `click to show only these (${filterSyntax(filter)})`)
                  }
                  onClick={() => onToggle(filter)}
                  data-testid="facet-value"
                  data-facet={row.kind}
                  data-value={v.value}
                >
                  <span className="facet-value__label" dir="auto">
                    {facetLabel(row.kind, v.value)}
                  </span>
                  <span className="facet-value__count">{formatNumber(v.passages)}</span>
                </button>
              );
            })}
          </span>
        </div>
      ))}
    </div>
  );
}
