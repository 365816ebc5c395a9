// Search as the rest of the archive sees it: one query entry point, reindex and status, whichever thread the
// engine runs on (SearchWorkerHost or an inline SearchEngine).
import type { ReindexProgress, ReindexReport, SearchRequest, SearchResult, SearchStatus } from '../../shared/types';
import type { SearchService } from './engine';

/**
 * The single search entry point (query language: see main/search/query-parser.ts). Other writes (metadata,
 * tags, annotations, merges) mark documents for re-indexing through triggers; the engine catches up before it
 * answers.
 */
export class ArchiveSearch {
  constructor(private readonly engine: SearchService) {}

  query(query: string | SearchRequest, limit?: number): Promise<SearchResult> {
    return this.engine.search(typeof query === 'string' ? { query, limit } : query);
  }

  /** Rebuilds the whole search index from the documents (searches keep working meanwhile). */
  reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport> {
    return this.engine.reindex(onProgress);
  }

  /** "Indexed N of M passages", and whether a reindex or catch-up is running. */
  status(): Promise<SearchStatus> {
    return this.engine.status();
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

/**
 * A search service opened by the first call that needs it (the CLI's inline engine: `tala list` never loads it).
 * Closing one that was never opened opens nothing; a failed open is retried by the next call.
 */
export function openedOnFirstUse(open: () => Promise<SearchService>): SearchService {
  let opening: Promise<SearchService> | null = null;
  let closed = false;
  const engine = () => {
    if (closed) return Promise.reject(new Error('The search engine of this archive is closed.'));
    opening ??= open().catch((err: unknown) => {
      opening = null;
      throw err;
    });
    return opening;
  };
  return {
    search: async (request) => (await engine()).search(request),
    status: async () => (await engine()).status(),
    reindex: async (onProgress) => (await engine()).reindex(onProgress),
    close: async () => {
      closed = true;
      const opened = opening && (await opening.catch(() => null));
      await opened?.close();
    },
  };
}
