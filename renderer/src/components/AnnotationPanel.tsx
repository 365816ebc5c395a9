// The document's annotations beside the text: reading order, quote, note, tags, status; edit, delete
// (with undo), copy link; a "Needs review" section for orphans; export and JSON-LD import.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import { EVIDENCE_TAG } from '../../../shared/facts';
import type { Annotation, DocumentDetail } from '../../../shared/types';
import { includesFolded } from '../lib/fold';
import { useRovingFocus } from '../lib/roving';
import { passageIndexAt } from './Reader';
import { AnnotationForm, type AnnotationBody } from './AnnotationForm';
import { EditIcon, LinkIcon, TrashIcon } from './icons';
import { EditedElsewhere } from './team/EditedElsewhere';
import { classNames } from '../lib/class-names';
import {
  AnnotationsExchange,
  AnnotationsFilter,
  EXPORT_LABELS,
  type AnnotationKind,
} from './annotations/AnnotationsParts';
import './annotations.css';

interface Props {
  document: DocumentDetail;
  annotations: readonly Annotation[];
  activeId: string | null;
  reattachingId: string | null;
  onOpen(a: Annotation): void;
  onUpdate(id: string, body: AnnotationBody): Promise<boolean>;
  onDelete(a: Annotation): void;
  onCopyLink(a: Annotation): void;
  onReattach(a: Annotation | null): void;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
  onClose(): void;
  /** Replaces the title (the side panel's tab strip). */
  header?: ReactNode;
}

export { EXPORT_LABELS };

export function AnnotationPanel(props: Props) {
  const { document: doc, annotations, activeId, reattachingId } = props;
  const [filter, setFilter] = useState('');
  /** Notes are the user's own annotations; facts are the evidence annotations made for facts. */
  const [kind, setKind] = useState<AnnotationKind>('all');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  // One Tab stop per list of cards: Up/Down between annotations, Left/Right between a card's actions.
  const rovingRef = useRovingFocus({ items: 'li[data-testid="annotation-card"]' });
  const lang = doc.lang && doc.lang !== 'und' ? doc.lang : undefined;

  const matchesFilter = (a: Annotation) =>
    !filter.trim() || includesFolded([a.note, a.exact, ...a.tags, ...a.tags.map((t) => `#${t}`)].join('\n'), filter);
  const placed = useMemo(
    () => annotations.filter((a) => a.status !== 'orphaned').sort((a, b) => a.start - b.start || a.end - b.end),
    [annotations],
  );
  const orphans = useMemo(() => annotations.filter((a) => a.status === 'orphaned'), [annotations]);
  const matchesKind = (a: Annotation) => kind === 'all' || a.tags.includes(EVIDENCE_TAG) === (kind === 'facts');
  const shown = placed.filter((a) => matchesKind(a) && matchesFilter(a));
  const shownOrphans = orphans.filter(matchesFilter);

  // The active card (from a link, a click on a highlight, [ / ]) scrolls into view.
  useEffect(() => {
    if (!activeId) return;
    const card = listRef.current?.querySelector(`[data-annotation-id="${activeId}"]`);
    card?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const save = async (id: string, body: AnnotationBody) => {
    setBusy(true);
    try {
      if (await props.onUpdate(id, body)) setEditingId(null);
    } finally {
      setBusy(false);
    }
  };

  // A quote is listed once: the next card on exactly the same words shows only its own note and tags.
  const sameQuoteAsPrevious = (a: Annotation, i: number, list: readonly Annotation[]) =>
    i > 0 && list[i - 1].start === a.start && list[i - 1].end === a.end && list[i - 1].exact === a.exact;

  const card = (a: Annotation, i = 0, list: readonly Annotation[] = []) => {
    const repeat = sameQuoteAsPrevious(a, i, list);
    const paragraph = a.status === 'orphaned' ? null : passageIndexAt(doc.passages, a.start) + 1;
    const editing = editingId === a.id;
    return (
      <li
        key={a.id}
        className={classNames(
          'note-card',
          `note-card--${a.color}`,
          a.id === activeId && 'note-card--active',
          a.status === 'orphaned' && 'note-card--orphan',
        )}
        data-testid="annotation-card"
        data-annotation-id={a.id}
        data-status={a.status}
      >
        {repeat ? (
          <button
            type="button"
            className="note-card__quote note-card__quote--same"
            onClick={() => props.onOpen(a)}
            title="Show in the text"
          >
            <span className="muted">Same words as above</span>
          </button>
        ) : (
          <button
            type="button"
            className="note-card__quote"
            onClick={() => props.onOpen(a)}
            title={a.status === 'orphaned' ? 'Its text is gone: re-attach it or delete it' : 'Show in the text'}
          >
            <q lang={lang} dir="auto" data-testid="annotation-quote">
              {a.exact.length > 280 ? `${a.exact.slice(0, 279)}…` : a.exact}
            </q>
          </button>
        )}
        {editing ? (
          <AnnotationForm
            initial={a}
            submitLabel="Save"
            busy={busy}
            onSubmit={(body) => void save(a.id, body)}
            onCancel={() => setEditingId(null)}
          />
        ) : (
          <>
            {a.note && (
              <p className="note-card__note" dir="auto" data-testid="annotation-note">
                {a.note}
              </p>
            )}
            <EditedElsewhere info={a.editedElsewhere} />
            {a.tags.length > 0 && (
              <ul className="tag-list" aria-label="Tags" data-testid="annotation-tags">
                {a.tags.map((t) => (
                  <li key={t} className="tag" dir="auto">
                    {t}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="note-card__foot">
          {a.status === 'moved' && (
            <span
              className="badge badge--moved"
              title="The text changed; this annotation followed its quote"
              data-testid="annotation-status"
            >
              moved
            </span>
          )}
          {a.status === 'orphaned' && (
            <span className="badge badge--orphan" data-testid="annotation-status">
              needs review
            </span>
          )}
          {paragraph !== null && <span className="muted note-card__where">¶ {paragraph}</span>}
          <span className="note-card__actions">
            {a.status === 'orphaned' && (
              <button
                type="button"
                className={`button button--small${reattachingId === a.id ? ' button--primary' : ''}`}
                onClick={() => props.onReattach(reattachingId === a.id ? null : a)}
                data-testid="reattach"
              >
                {reattachingId === a.id ? 'Selecting…' : 'Re-attach'}
              </button>
            )}
            {!editing && (
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label="Edit annotation"
                title="Edit note, tags, colour"
                onClick={() => setEditingId(a.id)}
                data-testid="annotation-edit"
              >
                <EditIcon />
              </button>
            )}
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Copy link to annotation"
              title="Copy link"
              onClick={() => props.onCopyLink(a)}
              data-testid="annotation-link"
            >
              <LinkIcon />
            </button>
            <button
              type="button"
              className="icon-button icon-button--small icon-button--danger"
              aria-label="Delete annotation"
              title="Delete (you can undo)"
              onClick={() => props.onDelete(a)}
              data-testid="annotation-delete"
            >
              <TrashIcon />
            </button>
          </span>
        </div>
      </li>
    );
  };

  return (
    <aside className="notes" aria-label="Annotations" lang="en" dir="ltr" data-testid="annotation-panel">
      <header className="notes__header">
        {props.header ?? (
          <h2 className="notes__title">
            Annotations <span className="count">{annotations.length}</span>
          </h2>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Hide annotations"
          title="Hide"
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      {annotations.length > 0 && (
        <AnnotationsFilter filter={filter} onFilter={setFilter} kind={kind} onKind={setKind} />
      )}
      <div className="notes__scroll" ref={listRef}>
        {orphans.length > 0 && (
          <section className="notes__review" aria-label="Needs review" data-testid="needs-review">
            <h3>
              Needs review <span className="count">{orphans.length}</span>
            </h3>
            <p className="muted notes__hint">
              The text these were attached to has changed. Re-attach them to a new selection, or delete them.
            </p>
            <ul className="note-list" ref={rovingRef}>
              {shownOrphans.map((a) => card(a))}
            </ul>
          </section>
        )}
        {annotations.length === 0 ? (
          <div className="notes__empty" data-testid="annotations-empty">
            <p>Select text in the document to highlight it, add a note or tags.</p>
            <p className="muted">
              <kbd>H</kbd> highlight · <kbd>N</kbd> note · <kbd>[</kbd> <kbd>]</kbd> previous/next · <kbd>?</kbd> all
              shortcuts
            </p>
          </div>
        ) : (
          <ul className="note-list" ref={rovingRef} data-testid="annotation-list">
            {shown.map((a, i, list) => card(a, i, list))}
          </ul>
        )}
        {(filter.trim() || kind !== 'all') && shown.length + shownOrphans.length === 0 && (
          <p className="muted notes__none">No annotation matches “{filter}”.</p>
        )}
      </div>
      <AnnotationsExchange empty={annotations.length === 0} onExport={props.onExport} onImport={props.onImport} />
    </aside>
  );
}
