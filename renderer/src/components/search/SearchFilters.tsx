// The search pane's filter controls: the expansion switches (word forms, transliteration, name variants), the
// chips of the filters in force, and the facets (language, type, tag) that add one.
import type { FacetCount, SearchResult } from '../../../../shared/types';
import { formatNumber, plural } from '../../lib/format';
import { languageName } from '../../lib/languages';
import {
  filterLabel,
  filterSyntax,
  mediaTypeLabel,
  sameFilter,
  type FilterKind,
  type SearchFilter,
} from '../../lib/search-query';
import '../search.css';

const FACETS: Array<{ kind: FilterKind; key: 'lang' | 'mediaType' | 'tag'; name: string; max: number }> = [
  { kind: 'lang', key: 'lang', name: 'Language', max: 12 },
  { kind: 'type', key: 'mediaType', name: 'Type', max: 8 },
  { kind: 'tag', key: 'tag', name: 'Tag', max: 12 },
];

function facetLabel(kind: FilterKind, value: string): string {
  return kind === 'lang' ? languageName(value) : kind === 'type' ? mediaTypeLabel(value) : `#${value}`;
}

export function Switch({
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

export function FilterChip({ filter, onRemove }: { filter: SearchFilter; onRemove(): void }) {
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

export function Facets({
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
