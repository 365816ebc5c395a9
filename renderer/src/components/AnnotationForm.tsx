// The body of an annotation: colour, note and tags. Used by the selection toolbar (new annotation) and the
// sidebar (editing one).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../shared/types';
import { formatTags, parseTags } from '../lib/tags';

export interface AnnotationBody {
  color: AnnotationColor;
  note: string;
  tags: string[];
}

interface Props {
  initial: AnnotationBody;
  submitLabel: string;
  /** Which field gets the focus first. */
  focus?: 'note' | 'tags';
  busy?: boolean;
  onSubmit(body: AnnotationBody): void;
  onCancel(): void;
  lang?: string;
}

export function ColorSwatches({
  value,
  onPick,
  label = 'Colour',
}: {
  value?: AnnotationColor;
  onPick(color: AnnotationColor): void;
  label?: string;
}) {
  return (
    <div className="swatches" role="group" aria-label={label}>
      {ANNOTATION_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={`swatch swatch--${c}${value === c ? ' swatch--selected' : ''}`}
          aria-label={`${label}: ${c}`}
          aria-pressed={value === undefined ? undefined : value === c}
          title={c[0].toUpperCase() + c.slice(1)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(c)}
          data-testid={`color-${c}`}
        />
      ))}
    </div>
  );
}

export function AnnotationForm({
  initial,
  submitLabel,
  focus = 'note',
  busy = false,
  onSubmit,
  onCancel,
  lang,
}: Props) {
  const [color, setColor] = useState(initial.color);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(formatTags(initial.tags));
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (focus === 'tags' ? tagsRef.current : noteRef.current)?.focus();
  }, [focus]);

  const submit = () => onSubmit({ color, note: note.trim(), tags: parseTags(tags) });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.target === tagsRef.current)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    // Escape anywhere in the form cancels it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="annotation-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={onKeyDown}
      data-testid="annotation-form"
    >
      <ColorSwatches value={color} onPick={setColor} />
      <label className="field">
        <span className="field__label">Note</span>
        <textarea
          ref={noteRef}
          className="field__input field__input--area"
          value={note}
          rows={3}
          maxLength={100_000}
          placeholder="What matters here? (Markdown is kept as text)"
          onChange={(e) => setNote(e.target.value)}
          data-testid="note-input"
          lang={lang}
          dir="auto"
        />
      </label>
      <label className="field">
        <span className="field__label">Tags</span>
        <input
          ref={tagsRef}
          className="field__input"
          value={tags}
          placeholder="comma, separated"
          onChange={(e) => setTags(e.target.value)}
          data-testid="tags-input"
          dir="auto"
        />
      </label>
      <div className="annotation-form__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy}
          data-testid="annotation-save"
        >
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted annotation-form__hint">
          <kbd>Ctrl</kbd> <kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}
