// Find in document: matches over every passage (not only the rendered ones), as offsets into the
// document text, so the virtualised reader can scroll to any of them.
import type { Passage } from '../../../shared/types';
import { findFolded, fold, foldWithMap, type FoldedText } from './fold';

export interface FindMatch {
  /** Index into the document's passages. */
  passageIndex: number;
  /** Offsets into DocumentDetail.text. */
  start: number;
  end: number;
}

export const MAX_FIND_MATCHES = 10_000;

/** Folded passages, computed once per document text and reused for every query. */
export class FindIndex {
  private readonly folded: Array<FoldedText | undefined>;

  constructor(private readonly passages: readonly Passage[]) {
    this.folded = new Array(passages.length);
  }

  find(query: string, limit = MAX_FIND_MATCHES): FindMatch[] {
    const q = fold(query);
    if (q.trim() === '') return [];
    const out: FindMatch[] = [];
    for (let i = 0; i < this.passages.length && out.length < limit; i++) {
      const p = this.passages[i];
      const folded = (this.folded[i] ??= foldWithMap(p.text));
      for (const [s, e] of findFolded(folded, q, limit - out.length))
        out.push({ passageIndex: i, start: p.start + s, end: p.start + e });
    }
    return out;
  }
}

/** The match to show first: the first one at or after `fromOffset` (wrapping to the first). */
export function firstMatchFrom(matches: readonly FindMatch[], fromOffset: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.start >= fromOffset);
  return i === -1 ? 0 : i;
}

export function stepMatch(current: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  return (((current + delta) % count) + count) % count;
}
