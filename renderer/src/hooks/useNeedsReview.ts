import type { Annotation } from '../../../shared/types';
import { useArchiveQuery } from '../api/queries';
import { errorMessage } from '../lib/errors';

const NONE: Annotation[] = [];

/** Orphaned annotations across the archive (they are never dropped; the user re-attaches or deletes them). */
export function useNeedsReview(): { items: Annotation[]; error: string | null } {
  const query = useArchiveQuery('annotations.needsReview', undefined);
  return { items: query.data ?? NONE, error: query.error ? errorMessage(query.error) : null };
}
