// The search index line at the foot of the library: how many passages are searchable, and Reindex.
import type { SearchStatus } from '../../../shared/types';
import './library.css';
import { formatNumber } from '../lib/format';

interface Props {
  status: SearchStatus | null;
  /** A reindex started from this window is running. */
  reindexing: boolean;
  onReindex(): void;
}

const n = formatNumber;

export function indexStatusText(status: SearchStatus, reindexing: boolean): string {
  const passages = `passage${status.totalPassages === 1 ? '' : 's'}`;
  const counts = `${n(status.indexedPassages)} of ${n(status.totalPassages)} ${passages}`;
  if (reindexing || status.reindexing) return `Reindexing… ${counts}`;
  return `Indexed ${counts}`;
}

export function IndexStatus({ status, reindexing, onReindex }: Props) {
  if (!status) return null;
  const running = reindexing || status.reindexing;
  // Edited documents waiting for their re-index (done before the next search answers) are the normal state of
  // a healthy archive, not a warning: only passages missing from the index are.
  const complete = status.indexedPassages === status.totalPassages;
  const waiting =
    status.pendingDocuments > 0
      ? ` ${n(status.pendingDocuments)} edited` +
        ` document${status.pendingDocuments === 1 ? '' : 's'} will be re-indexed with the next search.`
      : '';
  const title = running
    ? 'The search index is being rebuilt; searches keep working meanwhile.'
    : complete
      ? `Every passage of the archive is searchable.${waiting}`
      : `Some passages are not searchable yet.${waiting}`;
  return (
    <div
      className={`index-status${running ? ' index-status--running' : ''}`}
      data-testid="index-status"
      data-state={running ? 'running' : complete ? 'ok' : 'pending'}
    >
      {/* A dot only when something is going on: none beside a healthy count. */}
      {(running || !complete) && <span className="index-status__dot" aria-hidden="true" />}
      <span
        className="index-status__text"
        title={title}
        role="status"
        aria-live="polite"
        data-testid="index-status-text"
      >
        {indexStatusText(status, reindexing)}
      </span>
      <button
        type="button"
        className="index-status__action"
        onClick={onReindex}
        disabled={running}
        title="Rebuild the search index from the documents"
        data-testid="reindex-button"
      >
        {running ? <span className="index-status__spinner" aria-hidden="true" /> : null}
        {running ? 'Reindexing' : 'Reindex'}
      </button>
    </div>
  );
}
