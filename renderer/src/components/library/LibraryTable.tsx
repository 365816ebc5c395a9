// The library as a table that holds thousands of documents: only the rows in view are in the DOM (fixed row
// height), every column sorts, filters narrow the rows, translations and other versions sit under their
// source. One tab stop: arrow keys move the active row, Space/Shift/Ctrl+A select, Enter opens.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Collection, LibraryEntry } from '../../../../shared/library';
import {
  idsBetween,
  libraryRows,
  type LibraryFilters,
  type LibrarySort,
  type SortKey,
  NO_FILTERS,
} from '../../lib/library-table';
import { COLUMNS, ROW_HEIGHT, rowId } from './columns';
import { LibraryBulkBar } from './LibraryBulkBar';
import { LibraryFilterBar } from './LibraryFilterBar';
import { LibraryRow } from './LibraryRow';
import { useWarmSortIndex } from './useWarmSortIndex';
import './library.css';

export { ROW_HEIGHT };

const OVERSCAN_ROWS = 8;

export interface LibraryActions {
  onOpen(id: string): void;
  /** Each rejects with an error the caller has already reported. */
  onTag(ids: string[], tag: string): Promise<void>;
  onAddToCollection(ids: string[], collectionName: string): Promise<void>;
  onDelete(ids: string[]): Promise<void>;
}

interface Props extends LibraryActions {
  entries: LibraryEntry[];
  collections: Collection[];
}

export function LibraryTable({ entries, collections, onOpen, onTag, onAddToCollection, onDelete }: Props) {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<LibrarySort>({ key: 'imported', direction: 'desc' });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeIndex, setActive] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const rows = useMemo(() => libraryRows(entries, filters, sort, collapsed), [entries, filters, sort, collapsed]);
  useWarmSortIndex(entries);

  // Fewer rows after a filter or a delete: the active row stays within them.
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));

  const body = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // The header (sticky, one row high) scrolls with the rows: a row's top is ROW_HEIGHT × index below it.
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN_ROWS);

  const scrollIntoView = (index: number) => {
    const el = body.current;
    if (!el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + 2 * ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + 2 * ROW_HEIGHT - el.clientHeight;
  };

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    if (extend) setSelected(new Set(idsBetween(rows, anchor, next)));
    else setAnchor(next);
    scrollIntoView(next);
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1, e.shiftKey),
      ArrowUp: () => moveTo(active - 1, e.shiftKey),
      PageDown: () => moveTo(active + page, e.shiftKey),
      PageUp: () => moveTo(active - page, e.shiftKey),
      Home: () => moveTo(0, e.shiftKey),
      End: () => moveTo(rows.length - 1, e.shiftKey),
      ' ': () => rows[active] && toggle(rows[active].entry.id),
      Enter: () => rows[active] && onOpen(rows[active].entry.id),
      Escape: () => setSelected(new Set()),
    };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setSelected(new Set(rows.map((r) => r.entry.id)));
      return;
    }
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };

  const onRowClick = (e: MouseEvent, index: number) => {
    const id = rows[index].entry.id;
    body.current?.focus({ preventScroll: true });
    setActive(index);
    if (e.shiftKey) setSelected(new Set(idsBetween(rows, anchor, index)));
    else {
      setAnchor(index);
      if (e.ctrlKey || e.metaKey) toggle(id);
      else setSelected(new Set([id]));
    }
  };

  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'title' || key === 'lang' || key === 'type' || key === 'tags' ? 'asc' : 'desc' },
    );

  // Derived from the entries, so documents deleted meanwhile drop out of the selection by themselves.
  const selectedIds = useMemo(() => entries.filter((e) => selected.has(e.id)).map((e) => e.id), [entries, selected]);
  const activeRow = rows[active];
  const collectionNames = useMemo(() => new Map(collections.map((c) => [c.id, c.name])), [collections]);

  return (
    <div className="library-table" data-testid="library-table">
      <LibraryFilterBar
        filters={filters}
        onChange={setFilters}
        entries={entries}
        collections={collections}
        shown={rows.length}
      />
      <LibraryBulkBar
        selected={selectedIds}
        collections={collections}
        onClear={() => setSelected(new Set())}
        onTag={onTag}
        onAddToCollection={onAddToCollection}
        onDelete={async (ids) => {
          await onDelete(ids);
          setSelected(new Set());
        }}
      />
      <div
        ref={body}
        className="library-grid"
        role="grid"
        tabIndex={0}
        aria-label="Documents"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={activeRow ? rowId(activeRow.entry.id) : undefined}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 600 })}
        onKeyDown={onKeyDown}
        data-testid="library-grid"
      >
        <div className="library-grid__head" role="rowgroup">
          <div className="library-grid__headrow" role="row" aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                className={`library-grid__cell library-grid__cell--${c.key}`}
                aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  tabIndex={-1}
                  className="library-grid__sort"
                  onClick={() => sortBy(c.key)}
                  data-testid={`sort-${c.key}`}
                >
                  {c.label}
                  <span aria-hidden="true" className="library-grid__arrow">
                    {sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
        </div>
        {rows.length === 0 ? (
          <p className="library-grid__empty muted" data-testid="library-no-match">
            No document matches these filters.
          </p>
        ) : (
          <div
            role="rowgroup"
            className="library-grid__rows"
            style={{ height: rows.length * ROW_HEIGHT }}
            data-testid="library-rows"
          >
            {rows.slice(first, last).map((row, i) => (
              <LibraryRow
                key={row.entry.id}
                row={row}
                index={first + i}
                active={first + i === active}
                selected={selected.has(row.entry.id)}
                collapsed={collapsed.has(row.entry.id)}
                collectionNames={collectionNames}
                onClick={onRowClick}
                onOpen={onOpen}
                onToggleGroup={(id) =>
                  setCollapsed((c) => {
                    const next = new Set(c);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
                }
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
