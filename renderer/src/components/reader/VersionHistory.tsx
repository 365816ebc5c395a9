import { useEffect, useState } from 'react';
import type { DocumentVersion } from '../../../../shared/types';
import { useApi } from '../../api/context';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import { Dialog } from '../Dialog';

/** Earlier texts of the document (every correction keeps the text it replaced). */
export function VersionHistory({
  docId,
  current,
  textLength,
  onClose,
}: {
  docId: string;
  current: number;
  textLength: number;
  onClose(): void;
}) {
  const api = useApi();
  const [versions, setVersions] = useState<DocumentVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['documents.versions']({ id: docId }).then(
      (list) => live && setVersions(list),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, docId, current]);

  return (
    <Dialog
      className="popover popover--history dialog--anchored"
      labelledBy="version-history-title"
      onClose={onClose}
      testId="version-history"
    >
      <div className="popover__head">
        <h2 id="version-history-title">Version history</h2>
        <button type="button" className="icon-button icon-button--small" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ol className="versions">
        <li className="versions__item versions__item--current">
          <span className="versions__v">v{current}</span>
          <span>Current text</span>
          <span className="muted">{plural(textLength, 'character')}</span>
        </li>
        {error && <li className="versions__error">{error}</li>}
        {versions === null && !error && <li className="muted">Loading…</li>}
        {versions?.map((v) => (
          <li key={v.version} className="versions__item" data-testid="version-item">
            <span className="versions__v">v{v.version}</span>
            <span>
              replaced by “{v.reason}” · {formatDateTime(v.replacedAt)}
            </span>
            <span className="muted">{plural(v.length, 'character')}</span>
          </li>
        ))}
        {versions?.length === 0 && (
          <li className="muted versions__empty">No corrections yet: this is the imported text.</li>
        )}
      </ol>
    </Dialog>
  );
}
