// In-place correction of one passage (a typo, an OCR slip).
import { useLayoutEffect, useRef, useState } from 'react';

interface Props {
  text: string;
  kind: 'heading' | 'paragraph';
  busy: boolean;
  onSave(text: string): void;
  onCancel(): void;
}

export function PassageEditor({ text, kind, busy, onSave, onCancel }: Props) {
  const [value, setValue] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }, [value]);

  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);

  const changed = value.trim() !== '' && value !== text;
  return (
    <form
      className={`passage-editor passage-editor--${kind}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) onSave(value);
      }}
      data-testid="passage-editor"
    >
      <textarea
        ref={ref}
        className="passage-editor__input"
        value={value}
        dir="auto"
        aria-label="Passage text"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (changed) onSave(value);
          }
        }}
        data-testid="passage-input"
      />
      <div className="passage-editor__actions" lang="en" dir="ltr">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={!changed || busy}
          data-testid="passage-save"
        >
          {busy ? 'Saving…' : 'Save correction'}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={onCancel}
          data-testid="passage-cancel"
        >
          Cancel
        </button>
        <span className="muted passage-editor__hint">
          Annotations re-anchor to the corrected text; the previous version is kept.
        </span>
      </div>
    </form>
  );
}
