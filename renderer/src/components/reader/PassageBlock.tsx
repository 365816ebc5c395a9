// A passage in the reader with its hover actions (copy link, correct, delete), its in-place editor and the
// delete confirmation.
import { memo } from 'react';
import type { Passage } from '../../../../shared/types';
import type { MatchRange } from '../../lib/highlight';
import type { HighlightSpan } from '../../lib/segments';
import { EditIcon, LinkIcon, TrashIcon } from '../icons';
import { PageMark } from './PageMark';
import { PassageEditor } from './PassageEditor';
import { PassageText } from './PassageText';
import { EditedElsewhere } from '../team/EditedElsewhere';
import { classNames } from '../../lib/class-names';

export interface PassageBlockProps {
  passage: Passage;
  as?: 'p' | 'h1' | 'h2';
  className?: string;
  annotations?: readonly HighlightSpan[];
  finds?: ReadonlyArray<{ index: number; start: number; end: number }>;
  currentFind: number;
  terms: readonly string[];
  /** Search matches in this passage (offsets into its text). */
  matches?: readonly MatchRange[];
  pending: { start: number; end: number } | null;
  activeAnnotationId: string | null;
  isTarget: boolean;
  editing: boolean;
  confirmingDelete: boolean;
  busy: boolean;
  /** Only passage of the document: it cannot be deleted. */
  lastPassage: boolean;
  onAction(action: 'link' | 'edit' | 'delete' | 'confirm-delete' | 'cancel', passageId: string): void;
  onSave(passageId: string, text: string): void;
  testId?: string;
  /** The passage starts a new page of the original (its page mark always shows; the others on hover). */
  pageStart?: boolean;
}

export const PassageBlock = memo(function PassageBlock(props: PassageBlockProps) {
  const { passage, editing, confirmingDelete, busy, lastPassage, onAction, onSave } = props;
  const id = passage.id;
  return (
    <div
      className={classNames(
        'passage-block',
        editing && 'passage-block--editing',
        confirmingDelete && 'passage-block--confirming',
      )}
      data-block-id={id}
    >
      {editing ? (
        <PassageEditor
          text={passage.text}
          kind={passage.kind}
          busy={busy}
          onSave={(text) => onSave(id, text)}
          onCancel={() => onAction('cancel', id)}
        />
      ) : (
        <PassageText
          passage={passage}
          as={props.as}
          className={props.className}
          annotations={props.annotations}
          finds={props.finds}
          currentFind={props.currentFind}
          terms={props.terms}
          matches={props.matches}
          pending={props.pending}
          activeAnnotationId={props.activeAnnotationId}
          isTarget={props.isTarget}
          testId={props.testId}
        />
      )}
      {!editing && props.as !== 'h1' && <PageMark page={passage.page} start={props.pageStart ?? true} />}
      {!editing && passage.editedElsewhere && (
        <p className="passage-block__elsewhere" lang="en" dir="ltr">
          <EditedElsewhere info={passage.editedElsewhere} compact />
        </p>
      )}
      {!editing && (
        <div className="passage-actions" lang="en" dir="ltr" data-testid="passage-actions">
          <button
            type="button"
            className="passage-actions__button"
            aria-label="Copy link to this passage"
            title="Copy link"
            onClick={() => onAction('link', id)}
            data-testid="passage-link"
          >
            <LinkIcon />
          </button>
          <button
            type="button"
            className="passage-actions__button"
            aria-label="Correct this passage"
            title="Correct the text"
            onClick={() => onAction('edit', id)}
            data-testid="passage-edit"
          >
            <EditIcon />
          </button>
          {!lastPassage && (
            <button
              type="button"
              className="passage-actions__button passage-actions__button--danger"
              aria-label="Delete this passage"
              title="Delete passage"
              onClick={() => onAction('delete', id)}
              data-testid="passage-delete"
            >
              <TrashIcon />
            </button>
          )}
        </div>
      )}
      {confirmingDelete && !editing && (
        <div
          className="passage-confirm"
          role="group"
          aria-label="Delete this passage?"
          lang="en"
          dir="ltr"
          data-testid="passage-confirm"
        >
          <span>
            Delete this passage? Annotations on it move to “Needs review”; the previous text is kept in the version
            history.
          </span>
          <span className="passage-confirm__actions">
            <button
              type="button"
              className="button button--danger button--small"
              disabled={busy}
              onClick={() => onAction('confirm-delete', id)}
              data-testid="passage-confirm-delete"
            >
              {busy ? 'Deleting…' : 'Delete passage'}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onAction('cancel', id)}
              autoFocus
            >
              Cancel
            </button>
          </span>
        </div>
      )}
    </div>
  );
});
