// The preview pane's data: the active hit's document from the query cache (shared with the reader).
import type { SearchHit } from '../../../../shared/types';
import { useArchiveQuery } from '../../api/queries';
import { errorMessage } from '../../lib/errors';
import { SearchPreview } from './SearchPreview';

export function ActiveHitPreview({ hit, onOpen }: { hit: SearchHit | null; onOpen(hit: SearchHit): void }) {
  const doc = useArchiveQuery('documents.get', { id: hit?.docId ?? '' }, { enabled: hit !== null });
  return (
    <SearchPreview
      hit={hit}
      document={hit && doc.data?.id === hit.docId ? doc.data : null}
      error={doc.error ? errorMessage(doc.error) : null}
      onOpen={onOpen}
    />
  );
}
