// One row of the library table: title (with its group expander and relation), language, type, size, dates,
// tags, counts. Positioned absolutely at its index (fixed row height) inside the virtualised grid.
import type { MouseEvent } from 'react';
import { classNames } from '../../lib/class-names';
import { formatDate } from '../../lib/format';
import { languageLabel, languageName } from '../../lib/languages';
import { sizeLabel, type LibraryRow as Row } from '../../lib/library-table';
import { mediaTypeLabel } from '../../lib/search-query';
import { ROW_HEIGHT, rowId } from './columns';

export interface RowProps {
  row: Row;
  index: number;
  active: boolean;
  selected: boolean;
  collapsed: boolean;
  collectionNames: Map<string, string>;
  onClick(e: MouseEvent, index: number): void;
  onOpen(id: string): void;
  onToggleGroup(id: string): void;
}

export function LibraryRow({
  row,
  index,
  active,
  selected,
  collapsed,
  collectionNames,
  onClick,
  onOpen,
  onToggleGroup,
}: RowProps) {
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
