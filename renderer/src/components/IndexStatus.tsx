// The search index line at the foot of the library: how many passages are searchable, and Reindex.
import type { SearchStatus } from '../../../shared/types';
import './library.css';

interface Props {
  status: SearchStatus | null;
  /** A reindex started from this window is running. */
  reindexing: boolean;
  onReindex(): void;
}

const n = (value: number) => value.toLocaleString('en');

export function indexStatusText(status: SearchStatus, reindexing: boolean): string {
  const counts = `${n(status.indexedPassages)} of ${n(status.totalPassages)} passage${status.totalPassages === 1 ? '' : 's'}`;
  if (reindexing || status.reindexing) return `Reindexing… ${counts}`;
  return `Indexed ${counts}`;
}

export function IndexStatus({ status, reindexing, onReindex }: Props) {
  if (!status) return null;
  const running = reindexing || status.reindexing;
  const complete = status.indexedPassages === status.totalPassages && status.pendingDocuments === 0;
  const title = running
    ? 'The search index is being rebuilt; searches keep working meanwhile.'
    : complete
      ? 'Every passage of the archive is searchable.'
      : `${n(status.pendingDocuments)} document${status.pendingDocuments === 1 ? '' : 's'} will be re-indexed with the next search.`;
  return (
    <div
      className={`index-status${running ? ' index-status--running' : ''}`}
      data-testid="index-status"
      data-state={running ? 'running' : complete ? 'ok' : 'pending'}
    >
      <span className="index-status__dot" aria-hidden="true" />
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
