import { forwardRef, useState, type KeyboardEvent } from 'react';
import { SearchSyntax } from './SearchSyntax';
import './search.css';

export interface QueryProblem {
  message: string;
  /** The query as sent, and the character the message points at (null: none). */
  query: string;
  position: number | null;
}

interface Props {
  value: string;
  onChange(value: string): void;
  onSubmit(value: string): void;
  onClear(): void;
  /** Arrow keys and Enter on an active hit, handled by the results list. */
  onNavigate(event: KeyboardEvent<HTMLInputElement>): boolean;
  /** The box took focus (the user is back to searching). */
  onFocus?(): void;
  busy: boolean;
  activeDescendant?: string;
  expanded: boolean;
  /** A query the archive could not understand: shown under the box until it is edited. */
  problem?: QueryProblem | null;
}

export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar(
  { value, onChange, onSubmit, onClear, onNavigate, onFocus, busy, activeDescendant, expanded, problem = null },
  ref,
) {
  const [syntaxOpen, setSyntaxOpen] = useState(false);
  const invalid = problem !== null;
  return (
    <form
      className={`search${invalid ? ' search--invalid' : ''}`}
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
        aria-controls={expanded ? 'search-results' : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeDescendant}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'search-error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
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
      <button
        type="button"
        className="search__syntax-toggle"
        aria-expanded={syntaxOpen}
        aria-haspopup="dialog"
        title="Search syntax: phrases, +required -excluded, prefix*, fuzzy~1, fields and filters"
        onClick={() => setSyntaxOpen((o) => !o)}
        data-testid="syntax-toggle"
      >
        Syntax
      </button>
      {problem && <QueryProblemNote problem={problem} />}
      {syntaxOpen && (
        <SearchSyntax
          onClose={() => setSyntaxOpen(false)}
          onPick={(example) => {
            setSyntaxOpen(false);
            onChange(example);
            onSubmit(example);
          }}
        />
      )}
    </form>
  );
});

/** The archive's message, and the query with the character it points at marked. */
function QueryProblemNote({ problem }: { problem: QueryProblem }) {
  const { query, position } = problem;
  const at = position !== null && position <= query.length ? position : null;
  const cp = at !== null ? query.codePointAt(at) : undefined;
  const ch = cp === undefined ? '' : String.fromCodePoint(cp);
  return (
    <div id="search-error" className="search__error" role="alert" data-testid="search-error">
      <p className="search__error-message">{problem.message}</p>
      {at !== null && (
        <p className="search__error-query" dir="ltr" data-testid="search-error-query">
          <code>
            {query.slice(0, at)}
            <mark className="search__error-at" data-testid="search-error-at">
              {ch || '\u00a0'}
            </mark>
            {query.slice(at + ch.length)}
          </code>
        </p>
      )}
    </div>
  );
}
