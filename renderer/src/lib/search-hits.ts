// Search hits as the results pane shows them: grouped by document in rank order, and the same passages as one
// flat list (what ↑/↓ walk through), with the keys and element ids that name a hit.
import type { SearchDocumentGroup, SearchHit, SearchResult } from '../../../shared/types';

export const hitKey = (hit: SearchHit) => `${hit.docId}:${hit.passageId}`;
export const hitElementId = (index: number) => `search-hit-${index}`;

export interface HitGroupView {
  group: SearchDocumentGroup;
  hits: Array<{ hit: SearchHit; index: number }>;
}

/**
 * The result as shown: document groups in rank order, each with its passages, and the same passages as
 * one flat list (what ↑/↓ walk through). Results without groups are grouped by consecutive document.
 */
export function groupHits(result: SearchResult | null): { groups: HitGroupView[]; hits: SearchHit[] } {
  if (!result) return { groups: [], hits: [] };
  let groups: SearchDocumentGroup[] = result.groups ?? [];
  if (!result.groups) {
    groups = [];
    result.hits.forEach((h, i) => {
      const last = groups[groups.length - 1];
      if (last?.docId === h.docId) last.hits.push(i);
      else
        groups.push({
          docId: h.docId,
          title: h.title,
          lang: h.lang,
          mediaType: h.mediaType,
          publishedAt: h.publishedAt,
          score: h.score,
          matchingPassages: 1,
          hits: [i],
        });
    });
    for (const g of groups) g.matchingPassages = g.hits.length;
  }
  const hits: SearchHit[] = [];
  const views: HitGroupView[] = [];
  for (const group of groups) {
    const entries: HitGroupView['hits'] = [];
    for (const i of group.hits) {
      const hit = result.hits[i];
      if (!hit) continue;
      entries.push({ hit, index: hits.length });
      hits.push(hit);
    }
    if (entries.length) views.push({ group, hits: entries });
  }
  return { groups: views, hits };
}

/** Why a hit without highlighted words is there: its document's title matched, or a note or tag on it. */
export function hitWhere(hit: SearchHit): string | null {
  if (hit.matches.length > 0) return null;
  return hit.titleMatches.length > 0 ? 'matches the title' : 'matches a note or tag here';
}
