// The document's annotations beside the text: reading order, quote, note, tags, status; edit, delete
// (with undo), copy link; a "Needs review" section for orphans; export and JSON-LD import.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import { EVIDENCE_TAG } from '../../../shared/facts';
import type { Annotation, DocumentDetail } from '../../../shared/types';
import { includesFolded } from '../lib/fold';
import { useRovingFocus } from '../lib/roving';
import { passageIndexAt } from './Reader';
import type { AnnotationBody } from './AnnotationForm';
import { AnnotationCard } from './annotations/AnnotationCard';
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

  const card = (a: Annotation, i = 0, list: readonly Annotation[] = []) => (
    <AnnotationCard
      key={a.id}
      a={a}
      repeat={sameQuoteAsPrevious(a, i, list)}
      paragraph={a.status === 'orphaned' ? null : passageIndexAt(doc.passages, a.start) + 1}
      lang={lang}
      active={a.id === activeId}
      editing={editingId === a.id}
      busy={busy}
      reattaching={reattachingId === a.id}
      onOpen={props.onOpen}
      onEdit={() => setEditingId(a.id)}
      onCancelEdit={() => setEditingId(null)}
      onSave={(body) => void save(a.id, body)}
      onReattach={props.onReattach}
      onCopyLink={props.onCopyLink}
      onDelete={props.onDelete}
    />
  );

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
