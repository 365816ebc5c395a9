// The small toolbar over a text selection: highlight in a colour, add a note or tags, or — while an
// orphaned annotation is being re-attached — "Attach here".
import type { AnnotationColor } from '../../../../shared/types';
import { AnnotationForm, ColorSwatches, type AnnotationBody } from '../AnnotationForm';
import { FactIcon, NoteIcon, TagIcon } from '../icons';
import { classNames } from '../../lib/class-names';

export interface ToolbarPosition {
  /** Pixels inside the article (the toolbar is absolutely positioned in it). */
  top: number;
  left: number;
  /** Shown below the selection (not enough room above). */
  below: boolean;
}

interface Props {
  position: ToolbarPosition;
  form: 'note' | 'tags' | null;
  defaultColor: AnnotationColor;
  busy: boolean;
  reattaching: boolean;
  lang?: string;
  onHighlight(color: AnnotationColor): void;
  onOpenForm(focus: 'note' | 'tags'): void;
  onSubmit(body: AnnotationBody): void;
  onAttach(): void;
  onCancel(): void;
  /** Records a fact with the selection as its evidence (the facts panel opens with a pre-filled form). */
  onFact?(): void;
}

export function SelectionToolbar({
  position,
  form,
  defaultColor,
  busy,
  reattaching,
  lang,
  onHighlight,
  onOpenForm,
  onSubmit,
  onAttach,
  onCancel,
  onFact,
}: Props) {
  return (
    <div
      className={classNames(
        'selection-toolbar',
        form && 'selection-toolbar--form',
        position.below && 'selection-toolbar--below',
      )}
      style={{ top: position.top, left: position.left }}
      role="toolbar"
      aria-label="Annotate the selection"
      lang="en"
      dir="ltr"
      data-testid="selection-toolbar"
      onMouseDown={(e) => {
        // Keep the text selection while clicking buttons (not while typing in the form).
        if (!(e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement)) e.preventDefault();
      }}
      onMouseUp={(e) => e.stopPropagation()}
    >
      {reattaching ? (
        <>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={onAttach}
            data-testid="attach-here"
          >
            Attach here
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : form ? (
        <AnnotationForm
          initial={{ color: defaultColor, note: '', tags: [] }}
          submitLabel="Save"
          focus={form}
          busy={busy}
          onSubmit={onSubmit}
          onCancel={onCancel}
          lang={lang}
        />
      ) : (
        <>
          <ColorSwatches onPick={onHighlight} label="Highlight" />
          <span className="selection-toolbar__divider" aria-hidden="true" />
          <button
            type="button"
            className="toolbar-button"
            onClick={() => onOpenForm('note')}
            title="Add a note (N)"
            data-testid="add-note"
          >
            <NoteIcon /> Note
          </button>
          <button
            type="button"
            className="toolbar-button"
            onClick={() => onOpenForm('tags')}
            title="Add tags"
            data-testid="add-tags"
          >
            <TagIcon /> Tags
          </button>
          {onFact && (
            <button
              type="button"
              className="toolbar-button"
              onClick={onFact}
              title="Record a fact from this passage"
              data-testid="add-fact"
            >
              <FactIcon /> Fact
            </button>
          )}
        </>
      )}
    </div>
  );
}
