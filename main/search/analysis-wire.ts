// The search analysis of a document (index-analysis.ts) as the parse worker posts it to the main thread. Kept apart
// from index-analysis.ts, which loads the language pipelines: the main thread unpacks without loading them.
import type { IndexAnalysis } from './index-analysis';

/**
 * An analysis as the parse worker posts it: the vocabulary words as one string, and the surface forms left out when
 * they are the same list (a language without transliterated words): the structured clone of a message copies one
 * string much faster than hundreds (2,000 small files: ~100 µs a file less on the two threads).
 */
export interface PackedAnalysis extends Omit<IndexAnalysis, 'terms' | 'surfaces'> {
  packed: true;
  /** The words joined by TERM_SEPARATOR. */
  terms: string;
  /** Likewise, or null: the same as `terms`. */
  surfaces: string | null;
}

const TERM_SEPARATOR = '\n';

/** The analysis packed for posting (PackedAnalysis); as it is when a word could not be told apart once joined. */
export function packAnalysis(analysis: IndexAnalysis): IndexAnalysis | PackedAnalysis {
  const { terms, surfaces } = analysis;
  // Words never hold a line break nor are empty (tokenize.ts), but a packing must never be ambiguous.
  if (terms.some((t) => t === '' || t.includes(TERM_SEPARATOR))) return analysis;
  const same = surfaces.length === terms.length && surfaces.every((s, i) => s === terms[i]);
  return {
    ...analysis,
    packed: true,
    terms: terms.join(TERM_SEPARATOR),
    surfaces: same ? null : surfaces.join(TERM_SEPARATOR),
  };
}

/** The analysis back from packAnalysis, equal to the one packed. */
export function unpackAnalysis(posted: IndexAnalysis | PackedAnalysis): IndexAnalysis {
  if (!('packed' in posted)) return posted;
  const { packed: _packed, terms, surfaces, ...rest } = posted;
  const split = (words: string) => (words === '' ? [] : words.split(TERM_SEPARATOR));
  const list = split(terms);
  return { ...rest, terms: list, surfaces: surfaces === null ? list : split(surfaces) };
}
