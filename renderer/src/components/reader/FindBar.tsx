// Find in document: case- and diacritic-insensitive, over every passage (rendered or not).
import { forwardRef, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronUp } from '../icons';
import { formatNumber } from '../../lib/format';

interface Props {
  query: string;
  count: number;
  current: number;
  capped: boolean;
  onChange(query: string): void;
  onStep(delta: 1 | -1): void;
  onClose(): void;
}

export const FindBar = forwardRef<HTMLInputElement, Props>(function FindBar(
  { query, count, current, capped, onChange, onStep, onClose },
  ref,
) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="find-bar" role="search" aria-label="Find in document" data-testid="find-bar">
      <input
        ref={ref}
        className="find-bar__input"
        type="search"
        value={query}
        placeholder="Find in document"
        aria-label="Find in document"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="find-input"
      />
      <span className="find-bar__count muted" aria-live="polite" data-testid="find-count">
        {query.trim() === ''
          ? ''
          : count === 0
            ? 'No matches'
            : `${current + 1} of ${formatNumber(count)}${capped ? '+' : ''}`}
      </span>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Previous match"
        title="Previous (Shift+Enter)"
        disabled={count === 0}
        onClick={() => onStep(-1)}
        data-testid="find-prev"
      >
        <ChevronUp />
      </button>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Next match"
        title="Next (Enter)"
        disabled={count === 0}
        onClick={() => onStep(1)}
        data-testid="find-next"
      >
        <ChevronDown />
      </button>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Close find"
        title="Close (Esc)"
        onClick={onClose}
        data-testid="find-close"
      >
        ×
      </button>
    </div>
  );
});
