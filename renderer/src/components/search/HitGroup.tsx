// One document's passages in the search results: a head (title with its matches highlighted, language, type, date,
// count), the passages as listbox options, and a link to all of the document's matching passages.
import type { SearchHit } from '../../../../shared/types';
import type { SearchState } from '../../hooks/useSearch';
import { classNames } from '../../lib/class-names';
import { formatDate, plural } from '../../lib/format';
import { languageLabel } from '../../lib/languages';
import { hitElementId, hitKey, hitWhere, type HitGroupView } from '../../lib/search-hits';
import { mediaTypeLabel } from '../../lib/search-query';
import { Highlighted } from '../Highlighted';

interface Props {
  view: HitGroupView;
  /** Position of the group in the results, for its heading's id. */
  position: number;
  activeIndex: number;
  openKey: string | null;
  /** Searching inside one document already: no link to all of its passages. */
  inDocument: boolean;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  toggleFilter: SearchState['toggleFilter'];
}

export function HitGroup({
  view,
  position,
  activeIndex,
  openKey,
  inDocument,
  onActivate,
  onOpen,
  toggleFilter,
}: Props) {
  const { group, hits } = view;
  const titleMatches = hits[0]?.hit.titleMatches ?? [];
  const more = group.matchingPassages - hits.length;
  return (
    <div
      className="hit-group"
      role="group"
      aria-labelledby={`hit-group-${position}`}
      data-testid="search-group"
      data-doc-id={group.docId}
    >
      <div className="hit-group__head" id={`hit-group-${position}`}>
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
        const where = hitWhere(hit);
        return (
          // A listbox option driven by the search box (aria-activedescendant): the keys live there.
          /* eslint-disable-next-line jsx-a11y/click-events-have-key-events,
             jsx-a11y/interactive-supports-focus */
          <div
            key={key}
            id={hitElementId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={classNames('hit', index === activeIndex && 'hit--active', key === openKey && 'hit--open')}
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
          onClick={() => toggleFilter({ kind: 'doc', value: group.docId, label: group.title })}
          data-testid="search-group-more"
        >
          All {plural(group.matchingPassages, 'matching passage')} in this document
        </button>
      )}
    </div>
  );
}
