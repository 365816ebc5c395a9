// Maps each contract channel onto the archive. Validation already happened in dispatch().
import type { TalaApi } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Archive } from '../archive/archive';
import { factHandlers } from '../facts/handlers';
import { translationHandlers } from '../translations/handlers';
import { libraryHandlers } from '../library/handlers';
import { ImportJobs } from '../archive/import-jobs';

export interface ApiOptions {
  /**
   * Whether this door may name local files for the main process to read (`documents.importPaths`):
   * Electron's IPC, where paths come from the user's own dialog or drop, but not the browser bridge.
   */
  localPaths?: boolean;
}

export function createApi(archive: Archive, options: ApiOptions = {}): TalaApi {
  const annotations = archive.annotations;
  const jobs = new ImportJobs(archive);
  return {
    ...factHandlers(archive),
    ...translationHandlers(archive),
    ...libraryHandlers(archive),
    'app.info': () => archive.info(),
    'documents.list': () => archive.listDocuments(),
    'documents.get': ({ id }) => archive.getDocument(id),
    'documents.import': ({ name, data, lang, nearDuplicates }) => archive.importFile({ name, bytes: data, lang }, { nearDuplicates }),
    'documents.delete': async ({ id }) => {
      await archive.deleteDocument(id);
      return { deleted: true };
    },
    'documents.updateMeta': ({ id, ...changes }) => archive.updateDocumentMeta(id, changes),
    'documents.editPassage': ({ docId, passageId, text }) => annotations.editPassage(docId, passageId, text),
    'documents.deletePassage': ({ docId, passageId }) => annotations.deletePassage(docId, passageId),
    'documents.versions': ({ id }) => annotations.versions(id),
    'search.query': (request) => archive.search(request),
    'search.status': () => archive.searchStatus(),
    'search.reindex': () => archive.reindex(),
    'annotations.list': ({ docId }) => annotations.list(docId),
    'annotations.needsReview': () => annotations.needsReview(),
    'annotations.create': (request) => annotations.create(request),
    'annotations.update': ({ id, ...changes }) => annotations.update(id, changes),
    'annotations.delete': ({ id }) => annotations.delete(id),
    'annotations.restore': ({ annotation }) => annotations.restore(annotation),
    'annotations.reattach': ({ id, start, end }) => annotations.reattach(id, start, end),
    'annotations.export': ({ docId, format }) => annotations.export(docId, format),
    'annotations.importW3c': ({ content }) => annotations.importW3c(content),
    'archive.backup': () => archive.backup('manual'),
    'archive.backups': async () => archive.backups(),
    'archive.restore': ({ file }) => {
      if (!archive.backups().some((b) => b.file === file)) {
        throw new AppError('FORBIDDEN', 'Only one of this archive’s own backups can be restored from the app.');
      }
      return archive.restore(file);
    },
    'archive.health': () => archive.health(),
    'documents.original': ({ id }) => archive.getOriginal(id),
    'documents.importPaths': async ({ paths, lang }) => {
      if (!options.localPaths) throw new AppError('FORBIDDEN', 'Importing by file path is only available in the desktop app; upload the files instead.');
      return jobs.start(paths, lang);
    },
    'jobs.status': async ({ id }) => jobs.status(id),
    'jobs.cancel': async ({ id }) => jobs.cancel(id),
  };
}
