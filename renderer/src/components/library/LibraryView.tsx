// The home page of an archive with documents: the library table (sort, filter, collections, bulk actions).
import type { PushToast } from '../../hooks/useToasts';
import { useLibrary } from '../../hooks/useLibrary';
import { LibraryTable } from './LibraryTable';

interface Props {
  toast: PushToast;
  onOpen(id: string): void;
  onImport(): void;
}

export function LibraryView({ toast, onOpen, onImport }: Props) {
  const library = useLibrary(toast, onOpen);
  return (
    <section className="library-view" aria-labelledby="library-view-title" data-testid="library-view">
      <header className="library-view__header">
        <h1 id="library-view-title">Library</h1>
        <div className="library-view__actions">
          <button type="button" className="button button--primary" onClick={onImport}>
            Import files…
          </button>
        </div>
      </header>
      {library.error ? (
        <p role="alert">Could not load the library: {library.error}</p>
      ) : library.loading ? (
        <p className="muted">Loading the library…</p>
      ) : (
        <LibraryTable entries={library.entries} collections={library.collections} {...library.actions} />
      )}
    </section>
  );
}
