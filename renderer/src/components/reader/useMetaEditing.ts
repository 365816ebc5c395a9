// Editing a document's details (title, author, date, tags…) from the reader: open or closed, saving.
import { useState } from 'react';
import type { DocumentMetaChanges } from '../../../../shared/types';

export function useMetaEditing(onSaveMeta?: (changes: DocumentMetaChanges) => Promise<void>) {
  const [metaEditing, setMetaEditing] = useState(false);
  const [metaBusy, setMetaBusy] = useState(false);
  const saveMeta = async (changes: DocumentMetaChanges) => {
    if (!onSaveMeta) return;
    setMetaBusy(true);
    try {
      await onSaveMeta(changes);
      setMetaEditing(false);
    } finally {
      setMetaBusy(false);
    }
  };
  return { metaEditing, setMetaEditing, metaBusy, saveMeta };
}
