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
