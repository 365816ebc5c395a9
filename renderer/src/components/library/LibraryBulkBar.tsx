// What can be done to the selected documents at once: tag them, put them in a collection (an existing one,
// or a new one by typing its name), delete them after a confirmation (the archive is backed up first).
import { useId, useState } from 'react';
import type { Collection } from '../../../../shared/library';
import { plural } from '../../lib/format';

interface Props {
  selected: string[];
  collections: Collection[];
  onClear(): void;
  onTag(ids: string[], tag: string): Promise<void>;
  onAddToCollection(ids: string[], name: string): Promise<void>;
  onDelete(ids: string[]): Promise<void>;
}

export function LibraryBulkBar({ selected, collections, onClear, onTag, onAddToCollection, onDelete }: Props) {
  const [tag, setTag] = useState('');
  const [collection, setCollection] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  if (selected.length === 0) return null;

  const run = async (action: () => Promise<void>, after: () => void) => {
    setBusy(true);
    try {
      await action();
      after();
    } catch {
      // Reported by the caller; the inputs keep their values so the user can try again.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library-bulk" role="region" aria-label="Selected documents" data-testid="library-bulk">
      <strong data-testid="library-selected-count">{plural(selected.length, 'document')} selected</strong>
      {confirming ? (
        <div className="library-bulk__confirm" role="group" aria-label="Confirm deletion">
          <span>
            Delete {plural(selected.length, 'document')} with their passages, notes and facts’ evidence? A backup is
            made first.
          </span>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={busy}
            onClick={() =>
              void run(
                () => onDelete(selected),
                () => setConfirming(false),
              )
            }
            data-testid="library-confirm-delete"
          >
            {busy ? 'Deleting…' : 'Delete'}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setConfirming(false)}
            autoFocus
          >
            Cancel
          </button>
        </div>
      ) : (
        <>
          <form
            className="library-bulk__form"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim())
                void run(
                  () => onTag(selected, tag.trim()),
                  () => setTag(''),
                );
            }}
          >
            <label>
              <span className="visually-hidden">Tag to add</span>
              <input
                value={tag}
                onChange={(e) => setTag(e.target.value)}
                placeholder="tag"
                maxLength={200}
                data-testid="library-bulk-tag-input"
              />
            </label>
            <button
              type="submit"
              className="button button--small"
              disabled={busy || !tag.trim()}
              data-testid="library-bulk-tag"
            >
              Add tag
            </button>
          </form>
          <form
            className="library-bulk__form"
            onSubmit={(e) => {
              e.preventDefault();
              if (collection.trim())
                void run(
                  () => onAddToCollection(selected, collection.trim()),
                  () => setCollection(''),
                );
            }}
          >
            <label>
              <span className="visually-hidden">Collection (an existing one or a new name)</span>
              <input
                value={collection}
                onChange={(e) => setCollection(e.target.value)}
                placeholder="collection"
                list={listId}
                maxLength={200}
                data-testid="library-bulk-collection-input"
              />
            </label>
            <datalist id={listId}>
              {collections.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
            <button
              type="submit"
              className="button button--small"
              disabled={busy || !collection.trim()}
              data-testid="library-bulk-collection"
            >
              Add to collection
            </button>
          </form>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => setConfirming(true)}
            data-testid="library-bulk-delete"
          >
            Delete…
          </button>
          <button type="button" className="button button--small button--quiet" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
