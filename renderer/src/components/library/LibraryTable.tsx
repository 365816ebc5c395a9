// The library as a table that holds thousands of documents: only the rows in view are in the DOM (fixed row
// height), every column sorts, filters narrow the rows, translations and other versions sit under their
// source. One tab stop: arrow keys move the active row, Space/Shift/Ctrl+A select, Enter opens.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Collection, LibraryEntry } from '../../../../shared/library';
import { formatDate } from '../../lib/format';
import { languageLabel, languageName } from '../../lib/languages';
import {
  idsBetween,
  libraryRows,
  sizeLabel,
  sortedPositions,
  type LibraryFilters,
  type LibraryRow,
  type LibrarySort,
  type SortKey,
  NO_FILTERS,
} from '../../lib/library-table';
import { mediaTypeLabel } from '../../lib/search-query';
import { LibraryBulkBar } from './LibraryBulkBar';
import { LibraryFilterBar } from './LibraryFilterBar';
import { classNames } from '../../lib/class-names';
import './library.css';

export const ROW_HEIGHT = 36;
const OVERSCAN_ROWS = 8;

const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Title' },
  { key: 'lang', label: 'Language' },
  { key: 'type', label: 'Type' },
  { key: 'size', label: 'Size', numeric: true },
  { key: 'published', label: 'Published' },
  { key: 'imported', label: 'Imported' },
  { key: 'tags', label: 'Tags' },
  { key: 'notes', label: 'Notes', numeric: true },
  { key: 'facts', label: 'Facts', numeric: true },
];

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

const rowId = (id: string) => `library-row-${id}`;

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
              <Row
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

/**
 * Builds every column's order (both ways) while the browser is idle, one per idle slice, after the entries
 * arrive or change: the first click on a column header is then a lookup, not a sort of every row.
 */
function useWarmSortIndex(entries: readonly LibraryEntry[]): void {
  useEffect(() => {
    const pending = COLUMNS.flatMap((c) => [
      { key: c.key, direction: 'asc' as const },
      { key: c.key, direction: 'desc' as const },
    ]);
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 2000 })
        : (setTimeout(run, 50) as unknown as number);
    const cancel = (handle: number) =>
      typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);
    let handle = 0;
    const next = () => {
      const sort = pending.shift();
      if (!sort) return;
      sortedPositions(entries, sort);
      handle = idle(next);
    };
    handle = idle(next);
    return () => cancel(handle);
  }, [entries]);
}

interface RowProps {
  row: LibraryRow;
  index: number;
  active: boolean;
  selected: boolean;
  collapsed: boolean;
  collectionNames: Map<string, string>;
  onClick(e: MouseEvent, index: number): void;
  onOpen(id: string): void;
  onToggleGroup(id: string): void;
}

function Row({ row, index, active, selected, collapsed, collectionNames, onClick, onOpen, onToggleGroup }: RowProps) {
  const e = row.entry;
  const inCollections = e.collections
    .map((c) => collectionNames.get(c))
    .filter(Boolean)
    .join(', ');
  return (
    // The grid takes the keys (arrows, Space, Enter) for its active row: rows are reachable, not tab stops.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      id={rowId(e.id)}
      role="row"
      tabIndex={-1}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classNames(
        'library-grid__row',
        active && 'library-grid__row--active',
        selected && 'library-grid__row--selected',
        row.depth && 'library-grid__row--nested',
      )}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      onClick={(ev) => onClick(ev, index)}
      onDoubleClick={() => onOpen(e.id)}
      data-testid="library-row"
      data-doc-id={e.id}
    >
      <div role="gridcell" className="library-grid__cell library-grid__cell--title">
        {row.children > 0 && (
          <button
            type="button"
            tabIndex={-1}
            className="library-grid__expander"
            aria-label={
              `${collapsed ? 'Show' : 'Hide'} ${row.children} ` +
              (row.children === 1 ? 'translation or version' : 'translations or versions')
            }
            aria-expanded={!collapsed}
            onClick={(ev) => {
              ev.stopPropagation();
              onToggleGroup(e.id);
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        )}
        {row.relation && (
          <span className={`library-grid__relation library-grid__relation--${row.relation}`}>
            {row.relation === 'translation' ? 'translation' : 'version'}
          </span>
        )}
        <a
          href={`#/doc/${e.id}`}
          tabIndex={-1}
          className="library-grid__title"
          dir="auto"
          lang={e.lang === 'und' ? undefined : e.lang}
          title={inCollections ? `${e.title} — in ${inCollections}` : e.title}
          onClick={(ev) => {
            if (ev.shiftKey || ev.ctrlKey || ev.metaKey) ev.preventDefault();
          }}
          data-testid="library-title"
        >
          {e.title}
        </a>
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--lang" title={languageName(e.lang)}>
        {languageLabel(e.lang)}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--type" title={e.originalName ?? undefined}>
        {mediaTypeLabel(e.mediaType)}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--size">
        {sizeLabel(e)}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--published">
        {e.publishedAt ? (
          formatDate(e.publishedAt)
        ) : e.fileCreatedAt ? (
          <span className="muted" title="The date the file was created, not a publication date">
            file {formatDate(e.fileCreatedAt)}
          </span>
        ) : (
          <span className="muted" aria-label="unknown">
            —
          </span>
        )}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--imported">
        {formatDate(e.importedAt.slice(0, 10))}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--tags" data-testid="library-tags">
        {e.tags.map((t) => (
          <span key={t} className="tag-chip">
            {t}
          </span>
        ))}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--notes">
        {e.notes || ''}
      </div>
      <div role="gridcell" className="library-grid__cell library-grid__cell--facts">
        {e.facts || ''}
      </div>
    </div>
  );
}
