// The library table's data (library.list, collections.list through the query cache) and its bulk actions;
// every write invalidates what it changed, and failures reach the user as a notice.
import { useCallback } from 'react';
import type { Collection, LibraryEntry } from '../../../shared/library';
import { useApi } from '../api/context';
import { useArchiveChanged, useArchiveQuery } from '../api/queries';
import type { LibraryActions } from '../components/library/LibraryTable';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import type { PushToast } from './useToasts';

const NO_ENTRIES: LibraryEntry[] = [];
const NO_COLLECTIONS: Collection[] = [];

export function useLibrary(toast: PushToast, onOpen: (id: string) => void) {
  const api = useApi();
  const changed = useArchiveChanged();
  const entries = useArchiveQuery('library.list', undefined);
  const collections = useArchiveQuery('collections.list', undefined);

  const attempt = useCallback(
    async (what: string, run: () => Promise<string>) => {
      try {
        toast({ text: await run() }, 6000);
      } catch (err) {
        toast({ text: `Could not ${what}: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
        throw err;
      } finally {
        changed('documents');
      }
    },
    [toast, changed],
  );

  const actions: LibraryActions = {
    onOpen,
    onTag: (ids, tag) =>
      attempt('tag the documents', async () => {
        await api['documents.bulkTag']({ ids, add: [tag] });
        return `Tagged ${plural(ids.length, 'document')} “${tag}”.`;
      }),
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
