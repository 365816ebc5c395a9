// Helpers of the open document (DocumentView): focusing the passage that holds an offset, and which annotation
// a search hit found through its note or tags.
import type { Annotation, Passage } from '../../../../shared/types';
import { includesFolded } from '../../lib/fold';
import type { RouteSearch } from '../../lib/routes';
import { annotationFieldWords } from '../../lib/search-query';
import { passageElementId } from './PassageText';
import { passageIndexAt } from './spans';

/** Focuses the rendered passage that holds a document offset. */
export function focusPassage(passages: readonly Passage[], offset: number) {
  const passage = passages[passageIndexAt(passages, offset)];
  const el = passage && document.getElementById(passageElementId(passage.id));
  el?.focus({ preventScroll: true });
}

/** A hit with no match in its text matched an annotation's note or tags (note:, tag:): that annotation. */
export function annotationOfHit(
  search: RouteSearch,
  passage: { start: number; end: number },
  annotations: Annotation[],
) {
  const words = annotationFieldWords(search.query);
  if (words === null) return undefined;
  const over = annotations.filter((a) => a.status !== 'orphaned' && a.start < passage.end && a.end > passage.start);
  return over.find((a) => words.some((w) => includesFolded(`${a.note}\n${a.tags.join('\n')}`, w))) ?? over[0];
}
