// A complete SearchResult for renderer fakes: the fields a test does not care about take the engine's
// values for "nothing found".
import type { SearchResult } from '../../shared/types';

export function searchResult(fields: Partial<SearchResult>): SearchResult {
  return {
    total: 0,
    hits: [],
    totalDocuments: 0,
    offset: 0,
    limit: 20,
    groupBy: 'passage',
    groups: [],
    facets: { lang: [], tag: [], mediaType: [] },
    expansions: [],
    didYouMean: null,
    options: { stems: true, translit: true, names: true },
    pendingDocuments: 0,
    tookMs: 0,
    ...fields,
  };
}
