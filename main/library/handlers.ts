// The library channels of the contract, mapped onto the archive's LibraryService (main/api/handlers.ts spreads
// them into the API). Validation already happened in dispatch().
import type { LibraryRequests, LibraryResponses } from '../../shared/library';
import type { Archive } from '../archive/archive';

type LibraryApi = { [C in keyof LibraryRequests]: (request: LibraryRequests[C]) => Promise<LibraryResponses[C]> };

export function libraryHandlers(archive: Archive): LibraryApi {
  const library = archive.library;
  return {
    'library.list': () => library.list(),
    'collections.list': () => library.collections(),
    'collections.create': ({ name }) => library.createCollection(name),
    'collections.rename': ({ id, name }) => library.renameCollection(id, name),
    'collections.delete': async ({ id }) => {
      await library.deleteCollection(id);
      return { deleted: true };
    },
    'collections.add': ({ id, docIds }) => library.addToCollection(id, docIds),
    'collections.remove': ({ id, docIds }) => library.removeFromCollection(id, docIds),
    'documents.bulkTag': ({ ids, add, remove }) => library.bulkTag(ids, add, remove),
    'documents.bulkDelete': ({ ids }) => library.bulkDelete(ids),
    'documents.resolveNearDuplicate': ({ id, of, choice }) => library.resolveNearDuplicate(id, of, choice),
  };
}
