import { forwardRef, type KeyboardEvent } from 'react';

interface Props {
  value: string;
  onChange(value: string): void;
  onSubmit(value: string): void;
  onClear(): void;
  /** Arrow keys and Enter on an active hit, handled by the results list. */
  onNavigate(event: KeyboardEvent<HTMLInputElement>): boolean;
  busy: boolean;
  activeDescendant?: string;
  expanded: boolean;
}

export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar(
  { value, onChange, onSubmit, onClear, onNavigate, busy, activeDescendant, expanded },
  ref,
) {
  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <label htmlFor="search-input" className="visually-hidden">
        Search all documents
      </label>
      <svg className="search__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.6 10.6 3.6 3.6" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        id="search-input"
        className="search__input"
        type="search"
        value={value}
        placeholder="Search all documents — e.g. Sahakyan, halalan, выборы"
        autoComplete="off"
        spellCheck={false}
        maxLength={1000}
        role="combobox"
        aria-expanded={expanded}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={activeDescendant}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onClear();
            return;
          }
          if (onNavigate(e)) e.preventDefault();
        }}
        data-testid="search-input"
      />
      {busy && <span className="search__spinner" aria-label="Searching" />}
      <kbd className="search__hint" aria-hidden="true">
        Enter
      </kbd>
    </form>
  );
});
