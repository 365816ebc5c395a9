// Every annotation whose text is gone, across the archive. Nothing is ever dropped silently: from here the
// user opens the document to re-attach an annotation, or deletes it.
import type { Annotation, DocumentSummary } from '../../../shared/types';
import { TrashIcon } from './icons';
import './review.css';

interface Props {
  items: Annotation[];
  documents: DocumentSummary[];
  onOpen(a: Annotation): void;
  onDelete(a: Annotation): void;
}

export function ReviewPage({ items, documents, onOpen, onDelete }: Props) {
  const byDoc = new Map<string, Annotation[]>();
  for (const a of items) byDoc.set(a.docId, [...(byDoc.get(a.docId) ?? []), a]);
  const title = (id: string) => documents.find((d) => d.id === id)?.title ?? 'Unknown document';
  const lang = (id: string) => {
    const l = documents.find((d) => d.id === id)?.lang;
    return l && l !== 'und' ? l : undefined;
  };

  return (
    <div className="review" data-testid="review-page">
      <h1>Needs review</h1>
      {items.length === 0 ? (
        <p className="muted" data-testid="review-empty">
          Every annotation is attached to its text.
        </p>
      ) : (
        <>
          <p className="muted">
            The text these annotations were attached to was corrected or deleted, and they could not be placed again
            with confidence. They keep their quote and note. Open the document to re-attach each one to a new selection,
            or delete it.
          </p>
          {[...byDoc.entries()].map(([docId, list]) => (
            <section key={docId} className="review__doc">
              <h2 dir="auto">{title(docId)}</h2>
              <ul className="note-list">
                {list.map((a) => (
                  <li
                    key={a.id}
                    className={`note-card note-card--${a.color} note-card--orphan`}
                    data-testid="review-item"
                    data-annotation-id={a.id}
                  >
                    <q className="note-card__quote-text" lang={lang(docId)} dir="auto">
                      {a.exact}
                    </q>
                    {a.note && (
                      <p className="note-card__note" dir="auto">
                        {a.note}
                      </p>
                    )}
                    {a.tags.length > 0 && (
                      <ul className="tag-list">
                        {a.tags.map((t) => (
                          <li key={t} className="tag" dir="auto">
                            {t}
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="note-card__foot">
                      <span className="badge badge--orphan">needs review</span>
                      <span className="note-card__actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => onOpen(a)}
                          data-testid="review-open"
                        >
                          Open to re-attach
                        </button>
                        <button
                          type="button"
                          className="icon-button icon-button--small icon-button--danger"
                          aria-label="Delete annotation"
                          onClick={() => onDelete(a)}
                          data-testid="review-delete"
                        >
                          <TrashIcon />
                        </button>
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
