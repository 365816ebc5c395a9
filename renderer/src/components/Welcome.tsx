import { plural } from '../lib/format';

/** The home page: how to start with an empty archive, or how to find things in a full one. */
export function Welcome({
  count,
  loading,
  onImport,
  onSearch,
}: {
  count: number;
  loading: boolean;
  onImport(): void;
  onSearch(): void;
}) {
  if (loading && count === 0) return null;
  if (count === 0) {
    return (
      <div className="welcome" data-testid="welcome">
        <h1>Your archive is empty</h1>
        <p>
          No documents yet — import .txt, .md, .html, .pdf, .docx or .epub files, or a whole folder. Tagalog, Russian,
          Armenian, English… each file becomes a searchable document.
        </p>
        <button type="button" className="button button--primary" onClick={onImport}>
          Import files…
        </button>
        <p className="muted">Tip: you can also drop files and folders anywhere on this window.</p>
      </div>
    );
  }
  return (
    <div className="welcome" data-testid="welcome">
      <h1>Read and search your sources</h1>
      <p>
        {plural(count, 'document')} in the archive. Open one from the library, or{' '}
        <button type="button" className="link-button" onClick={onSearch}>
          search across all of them
        </button>{' '}
        <kbd>/</kbd>. Every action is in the command palette: <kbd>Ctrl</kbd> <kbd>K</kbd>.
      </p>
    </div>
  );
}
