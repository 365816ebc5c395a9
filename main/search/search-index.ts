// The search service interface the archive depends on. The v0 engine is an in-memory lunr index
// rebuilt from the archive; the archive-scale engine replaces it behind this same interface.
import type { SearchResult } from '../../shared/types';
import type { IndexablePassage } from '../archive/documents-repo';

export interface SearchIndex {
  /** Replaces the whole index content. */
  rebuild(passages: IndexablePassage[]): void;
  search(query: string, limit: number): SearchResult;
  /** Number of passages indexed. */
  readonly size: number;
}
