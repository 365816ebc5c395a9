// Search v0: a lunr index over passages with a Unicode-aware pipeline (lunr's default trimmer
// drops every non-ASCII letter at token edges, which loses Cyrillic, Armenian and accented words).
import lunr from 'lunr';
import { AppError } from '../../shared/errors';
import type { SearchHit, SearchResult } from '../../shared/types';
import type { IndexablePassage } from '../archive/documents-repo';
import type { SearchIndex } from './search-index';
import { buildSnippet } from './snippet';
import { foldText, trimToken } from './text-folding';

const unicodeTrimmer: lunr.PipelineFunction = (token) => token.update((s) => trimToken(s));
const folder: lunr.PipelineFunction = (token) => token.update((s) => foldText(s));
const dropEmpty: lunr.PipelineFunction = (token) => (token.toString() === '' ? undefined : token) as lunr.Token;
lunr.Pipeline.registerFunction(unicodeTrimmer, 'talaUnicodeTrimmer');
lunr.Pipeline.registerFunction(folder, 'talaFold');
lunr.Pipeline.registerFunction(dropEmpty, 'talaDropEmpty');

export class LunrSearchIndex implements SearchIndex {
  private index: lunr.Index = buildIndex([]);
  private passages = new Map<string, IndexablePassage>();

  get size(): number {
    return this.passages.size;
  }

  rebuild(passages: IndexablePassage[]): void {
    this.index = buildIndex(passages);
    this.passages = new Map(passages.map((p) => [p.passageId, p]));
  }

  search(query: string, limit: number): SearchResult {
    const trimmed = query.trim();
    if (!trimmed) return { total: 0, hits: [] };
    let results: lunr.Index.Result[];
    try {
      // Folding the whole query keeps wildcard terms (which skip lunr's pipeline) consistent.
      results = this.index.search(foldText(trimmed));
    } catch (err) {
      if (err instanceof lunr.QueryParseError) {
        throw new AppError('BAD_QUERY', `Cannot understand the search “${trimmed}”: ${err.message}`);
      }
      throw err;
    }
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, limit)) {
      const passage = this.passages.get(result.ref);
      if (!passage) continue;
      hits.push({
        docId: passage.docId,
        title: passage.title,
        passageId: passage.passageId,
        ordinal: passage.ordinal,
        lang: passage.lang,
        score: Math.round(result.score * 1000) / 1000,
        snippet: buildSnippet(passage.text, firstMatchPosition(result)),
      });
    }
    return { total: results.length, hits };
  }
}

function buildIndex(passages: IndexablePassage[]): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(unicodeTrimmer, folder, dropEmpty);
    this.searchPipeline.add(unicodeTrimmer, folder, dropEmpty);
    this.ref('passageId');
    this.field('text');
    this.field('title', { boost: 2 });
    this.metadataWhitelist = ['position'];
    for (const p of passages) this.add({ passageId: p.passageId, text: p.text, title: p.title });
  });
}

/** Start offset of the earliest match in the passage text, if the match was in the text field. */
function firstMatchPosition(result: lunr.Index.Result): number | undefined {
  let first: number | undefined;
  for (const fields of Object.values(result.matchData.metadata)) {
    const positions = (fields as Record<string, { position?: Array<[number, number]> }>).text?.position ?? [];
    for (const [start] of positions) if (first === undefined || start < first) first = start;
  }
  return first;
}
