// The sidebar's team line: when the archive last synced, what is waiting, the last error (or why sync is
// paused: an archive open read-only), and Sync now.
// Shown only for an archive that belongs to a team.
import { useState } from 'react';
import { useApi } from '../../api/context';
import { useArchiveChanged, useArchiveQuery } from '../../api/queries';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import './team.css';

export function TeamStatusLine() {
  const api = useApi();
  const archiveChanged = useArchiveChanged();
  // The main process syncs in the background: look again every half minute.
  const status = useArchiveQuery('team.status', undefined, { refetchInterval: 30_000 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  if (!s?.joined) return null;

  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await api['team.sync']();
      if (report.pulled > 0) archiveChanged('everything');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      void status.refetch();
    }
  };

  const problem = error ?? s.paused ?? s.lastError;
  return (
    <div className="team-line" data-testid="team-status" role="status">
      <span className="team-line__text">
        Team: {s.paused ? 'sync paused' : s.lastSyncAt ? `synced ${formatDateTime(s.lastSyncAt)}` : 'not synced yet'}
        {s.waiting > 0 && ` · ${formatNumber(s.waiting)} waiting`}
        {s.openConflicts > 0 && (
          <>
            {' · '}
            <a href="#/team" data-testid="team-conflicts-link">
              {s.openConflicts} to review
            </a>
          </>
        )}
      </span>
      <button
        type="button"
        className="team-line__sync"
        onClick={() => void syncNow()}
        disabled={busy || s.paused !== undefined}
        data-testid="team-sync-now"
      >
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
      {problem && (
        <span className="team-line__error" data-testid="team-error">
          {problem}
        </span>
      )}
    </div>
  );
}
