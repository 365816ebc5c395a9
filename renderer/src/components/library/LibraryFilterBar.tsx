// Filters above the library table: a quick text filter and one choice per column that has a few values.
import { useMemo } from 'react';
import type { Collection, LibraryEntry } from '../../../../shared/library';
import { activeFilterCount, filterChoices, NO_FILTERS, type LibraryFilters } from '../../lib/library-table';
import { formatNumber } from '../../lib/format';

interface Props {
  filters: LibraryFilters;
  onChange(filters: LibraryFilters): void;
  entries: LibraryEntry[];
  collections: Collection[];
  shown: number;
}

type ChoiceKey = 'lang' | 'type' | 'tag' | 'collection';

export function LibraryFilterBar({ filters, onChange, entries, collections, shown }: Props) {
  const choices = useMemo(() => filterChoices(entries, collections), [entries, collections]);
  const selects: Array<{ key: ChoiceKey; label: string; all: string; options: typeof choices.langs }> = [
    { key: 'lang', label: 'Language', all: 'All languages', options: choices.langs },
    { key: 'type', label: 'Type', all: 'All types', options: choices.types },
    { key: 'tag', label: 'Tag', all: 'All tags', options: choices.tags },
    { key: 'collection', label: 'Collection', all: 'All collections', options: choices.collections },
  ];
  const active = activeFilterCount(filters);
  return (
    <div className="library-filters" role="search" aria-label="Filter the library" data-testid="library-filters">
      <label className="library-filters__text">
        <span className="visually-hidden">Filter by title, author, file name or tag</span>
        <input
          type="search"
          value={filters.text}
          placeholder="Filter titles, authors, tags…"
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
          data-testid="library-filter-text"
        />
      </label>
      {selects.map((s) => (
        <label key={s.key} className="library-filters__choice">
          <span className="visually-hidden">{s.label}</span>
          <select
            value={filters[s.key]}
            onChange={(e) => onChange({ ...filters, [s.key]: e.target.value })}
            data-testid={`library-filter-${s.key}`}
          >
            <option value="">{s.all}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label} ({formatNumber(o.count)})
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="library-filters__check">
        <input
          type="checkbox"
          checked={filters.hasNotes}
          onChange={(e) => onChange({ ...filters, hasNotes: e.target.checked })}
          data-testid="library-filter-notes"
        />
        Has notes
      </label>
      <label className="library-filters__check">
        <input
          type="checkbox"
          checked={filters.hasFacts}
          onChange={(e) => onChange({ ...filters, hasFacts: e.target.checked })}
          data-testid="library-filter-facts"
        />
        Has facts
      </label>
      <span className="library-filters__count" aria-live="polite" data-testid="library-shown">
        {active > 0
          ? `${formatNumber(shown)} of ${formatNumber(entries.length)} shown`
          : `${formatNumber(entries.length)} documents`}
      </span>
      {active > 0 && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => onChange(NO_FILTERS)}
          data-testid="library-filter-clear"
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
