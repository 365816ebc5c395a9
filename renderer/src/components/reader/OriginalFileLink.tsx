// "Original file" under a document's title: downloads the file it was imported from, byte for byte
// (documents.original → Blob → a[download]).
import { useState } from 'react';
import type { DocumentDetail } from '../../../../shared/types';
import { useApi } from '../../api/context';
import { saveBytes } from '../../lib/download';
import { errorMessage } from '../../lib/errors';

export function OriginalFileLink({ document: doc }: { document: DocumentDetail }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBytes(await api['documents.original']({ id: doc.id }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="link-button original-link"
        onClick={() => void download()}
        disabled={busy}
        title={
          doc.originalName
            ? `Download ${doc.originalName} as it was imported`
            : 'Download the file this document was imported from'
        }
        data-testid="original-file"
      >
        {busy ? 'Preparing…' : 'Original file'}
      </button>
      {error && (
        <span className="form-error" role="alert" data-testid="original-error">
          {error}
        </span>
      )}
    </>
  );
}
