// One annotation in the side panel: its quote (or "Same words as above"), note and tags, or the form that edits
// them; its status, paragraph and actions (re-attach, edit, copy link, delete).
import type { Annotation } from '../../../../shared/types';
import { classNames } from '../../lib/class-names';
import { AnnotationForm, type AnnotationBody } from '../AnnotationForm';
import { EditIcon, LinkIcon, TrashIcon } from '../icons';
import { EditedElsewhere } from '../team/EditedElsewhere';

interface Props {
  a: Annotation;
  /** Same words as the card before it: the quote is not repeated. */
  repeat: boolean;
  /** 1-based paragraph of the quote; null for an orphan. */
  paragraph: number | null;
  /** The document's language, for the quote. */
  lang: string | undefined;
  active: boolean;
  editing: boolean;
  busy: boolean;
  /** A new selection is being made to re-attach this orphan. */
  reattaching: boolean;
  onOpen(a: Annotation): void;
  onEdit(): void;
  onCancelEdit(): void;
  onSave(body: AnnotationBody): void;
  onReattach(a: Annotation | null): void;
  onCopyLink(a: Annotation): void;
  onDelete(a: Annotation): void;
}

export function AnnotationCard(props: Props) {
  const { a, repeat, paragraph, lang, active, editing, busy, reattaching } = props;
  const { onOpen, onEdit, onCancelEdit, onSave, onReattach, onCopyLink, onDelete } = props;
  return (
    <li
      className={classNames(
        'note-card',
        `note-card--${a.color}`,
        active && 'note-card--active',
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
          onClick={() => onOpen(a)}
          title="Show in the text"
        >
          <span className="muted">Same words as above</span>
        </button>
      ) : (
        <button
          type="button"
          className="note-card__quote"
          onClick={() => onOpen(a)}
          title={a.status === 'orphaned' ? 'Its text is gone: re-attach it or delete it' : 'Show in the text'}
        >
          <q lang={lang} dir="auto" data-testid="annotation-quote">
            {a.exact.length > 280 ? `${a.exact.slice(0, 279)}…` : a.exact}
          </q>
        </button>
      )}
      {editing ? (
        <AnnotationForm initial={a} submitLabel="Save" busy={busy} onSubmit={onSave} onCancel={onCancelEdit} />
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
              className={`button button--small${reattaching ? ' button--primary' : ''}`}
              onClick={() => onReattach(reattaching ? null : a)}
              data-testid="reattach"
            >
              {reattaching ? 'Selecting…' : 'Re-attach'}
            </button>
          )}
          {!editing && (
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Edit annotation"
              title="Edit note, tags, colour"
              onClick={onEdit}
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
            onClick={() => onCopyLink(a)}
            data-testid="annotation-link"
          >
            <LinkIcon />
          </button>
          <button
            type="button"
            className="icon-button icon-button--small icon-button--danger"
            aria-label="Delete annotation"
            title="Delete (you can undo)"
            onClick={() => onDelete(a)}
            data-testid="annotation-delete"
          >
            <TrashIcon />
          </button>
        </span>
      </div>
    </li>
  );
}
