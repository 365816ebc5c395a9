// Maps each contract channel onto the archive. Validation already happened in dispatch().
import type { TalaApi } from '../../shared/contract';
import type { Archive } from '../archive/archive';

export function createApi(archive: Archive): TalaApi {
  return {
    'app.info': () => archive.info(),
    'documents.list': () => archive.listDocuments(),
    'documents.get': ({ id }) => archive.getDocument(id),
    'documents.import': ({ name, data, lang }) => archive.importFile({ name, bytes: data, lang }),
    'documents.delete': async ({ id }) => {
      await archive.deleteDocument(id);
      return { deleted: true };
    },
    'search.query': ({ query, limit }) => archive.search(query, limit),
  };
}
