// Maps each contract channel onto the archive. Validation already happened in dispatch().
import type { TalaApi } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Archive } from '../archive/archive';
import { factHandlers } from '../facts/handlers';
import { translationHandlers } from '../translations/handlers';
import { ImportJobs } from '../documents/import-jobs';
import { libraryHandlers } from '../library/handlers';
import { teamHandlers } from '../team/handlers';

export interface ApiOptions {
  /**
   * Whether this door may name local files for the main process to read (`documents.importPaths`):
   * Electron's IPC, where paths come from the user's own dialog or drop, but not the browser bridge.
   */
  localPaths?: boolean;
}

export function createApi(archive: Archive, options: ApiOptions = {}): TalaApi {
  const annotations = archive.annotations;
  const jobs = new ImportJobs(archive.documents);
  return {
    ...factHandlers(archive),
    ...translationHandlers(archive),
    ...libraryHandlers(archive),
    ...teamHandlers(archive),
    'app.info': () => archive.info(),
    'documents.list': () => archive.documents.list(),
    'documents.get': ({ id }) => archive.documents.get(id),
    'documents.import': ({ name, data, lang, nearDuplicates }) =>
      archive.documents.importFile({ name, bytes: data, lang }, { nearDuplicates }),
    'documents.delete': async ({ id }) => {
      await archive.documents.delete(id);
      return { deleted: true };
    },
    'documents.updateMeta': ({ id, ...changes }) => archive.documents.updateMeta(id, changes),
    'documents.editPassage': ({ docId, passageId, text }) => archive.documents.editPassage(docId, passageId, text),
    'documents.deletePassage': ({ docId, passageId }) => archive.documents.deletePassage(docId, passageId),
    'documents.versions': ({ id }) => archive.documents.versions(id),
    'search.query': (request) => archive.search.query(request),
    'search.status': () => archive.search.status(),
    'search.reindex': () => archive.search.reindex(),
    'annotations.list': ({ docId }) => annotations.list(docId),
    'annotations.needsReview': () => annotations.needsReview(),
    'annotations.create': (request) => annotations.create(request),
    'annotations.update': ({ id, ...changes }) => annotations.update(id, changes),
    'annotations.delete': ({ id }) => annotations.delete(id),
    'annotations.restore': ({ annotation }) => annotations.restore(annotation),
    'annotations.reattach': ({ id, start, end }) => annotations.reattach(id, start, end),
    'annotations.export': ({ docId, format }) => annotations.export(docId, format),
    'annotations.importW3c': ({ content }) => annotations.importW3c(content),
    'archive.backup': () => archive.backups.create('manual'),
    'archive.backups': async () => archive.backups.list(),
    'archive.restore': ({ file }) => {
      if (!archive.backups.list().some((b) => b.file === file)) {
        throw new AppError('FORBIDDEN', 'Only one of this archive’s own backups can be restored from the app.');
      }
      return archive.backups.restore(file);
    },
    'archive.health': () => archive.backups.health(),
    'documents.original': ({ id }) => archive.documents.original(id),
    'documents.importPaths': async ({ paths, lang }) => {
      if (!options.localPaths) throw new AppError('FORBIDDEN', 'Importing by file path is only available in the desktop app; upload the files instead.');
      return jobs.start(paths, lang);
    },
    'jobs.status': async ({ id }) => jobs.status(id),
    'jobs.cancel': async ({ id }) => jobs.cancel(id),
  };
}
