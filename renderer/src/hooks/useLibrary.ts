// The library table's data (library.list, collections.list through the query cache) and its bulk actions;
// every write invalidates what it changed (a bulk tag updates the tagged rows in place), and failures reach the
// user as a notice.
import { useCallback } from 'react';
import type { Collection, LibraryEntry } from '../../../shared/library';
import { useApi } from '../api/context';
import { useArchiveChanged, useArchiveQuery, useUpdateCachedRows, type ArchiveChange } from '../api/queries';
import type { LibraryActions } from '../components/library/LibraryTable';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import { applyTagChanges } from '../lib/tags';
import type { PushToast } from './useToasts';

const NO_ENTRIES: LibraryEntry[] = [];
const NO_COLLECTIONS: Collection[] = [];

export function useLibrary(toast: PushToast, onOpen: (id: string) => void) {
  const api = useApi();
  const changed = useArchiveChanged();
  const updateRows = useUpdateCachedRows();
  const entries = useArchiveQuery('library.list', undefined);
  const collections = useArchiveQuery('collections.list', undefined);

  /** Runs a write; afterwards, what it changed is read again (everything about documents if it failed). */
  const attempt = useCallback(
    async (what: string, run: () => Promise<string>, change: ArchiveChange = 'documents') => {
      try {
        toast({ text: await run() }, 6000);
        changed(change);
      } catch (err) {
        changed('documents');
        toast({ text: `Could not ${what}: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
        throw err;
      }
    },
    [toast, changed],
  );

  const actions: LibraryActions = {
    onOpen,
    // The tagged rows are changed in place from the answer (the tags as the archive spells them): no list is
    // read again, and the other rows and their sort order stay.
    onTag: (ids, tag) =>
      attempt(
        'tag the documents',
        async () => {
          const { added, removed } = await api['documents.bulkTag']({ ids, add: [tag] });
          updateRows(ids, (row) => ({ ...row, tags: applyTagChanges(row.tags, added, removed) }), ['tags']);
          return `Tagged ${plural(ids.length, 'document')} “${added[0] ?? tag}”.`;
        },
        'tags',
      ),
    onAddToCollection: (ids, name) =>
      attempt('add to the collection', async () => {
        const existing = (collections.data ?? []).find((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
        const target = existing ?? (await api['collections.create']({ name }));
        const after = await api['collections.add']({ id: target.id, docIds: ids });
        return `${
          existing ? 'Added' : 'New collection: added'
        } ${plural(ids.length, 'document')} to “${after.name}” (${plural(after.documents, 'document')}).`;
      }),
    onDelete: (ids) =>
      attempt('delete the documents', async () => {
        const report = await api['documents.bulkDelete']({ ids });
        return `Deleted ${plural(report.deleted, 'document')}. A backup was made first (Backups page).`;
      }),
  };

  return {
    entries: entries.data ?? NO_ENTRIES,
    collections: collections.data ?? NO_COLLECTIONS,
    loading: entries.isPending,
    error: entries.error ? errorMessage(entries.error) : null,
    actions,
  };
}
