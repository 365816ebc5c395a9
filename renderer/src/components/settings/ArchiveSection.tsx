// Settings › Archive: which archive is open (folder, size, documents), the archives opened before (switch back,
// forget), New / Open archive (desktop only: the main process asks with the native folder picker), and how often
// the running app backs the archive up by itself.
import type { BackupSchedule } from '../../../../shared/archives';
import { BACKUP_SCHEDULES } from '../../../../shared/archives';
import { useApi } from '../../api/context';
import { useArchiveQuery } from '../../api/queries';
import { isDesktop, useArchiveActions } from '../../hooks/useArchiveActions';
import type { PushToast } from '../../hooks/useToasts';
import { formatBytes, formatDateTime, plural } from '../../lib/format';

const SCHEDULE_LABELS: Record<BackupSchedule, string> = {
  off: 'Off (only when I ask, and before upgrades and restores)',
  hourly: 'Every hour',
  daily: 'Every day',
  weekly: 'Every week',
};

export function ArchiveSection({ toast }: { toast: PushToast }) {
  const api = useApi();
  const current = useArchiveQuery('archives.current', undefined);
  const recent = useArchiveQuery('archives.recent', undefined);
  const schedule = useArchiveQuery('archive.schedule', undefined);
  const { busy, run, create, open } = useArchiveActions(toast);

  const s = current.data;
  const others = (recent.data ?? []).filter((r) => !r.current);
  return (
    <fieldset className="settings__group" id="settings-archive" tabIndex={-1} data-testid="settings-archive">
      <legend>Archive</legend>
      <p className="settings__path" data-testid="settings-archive-path">
        {s?.dir ?? '…'}
      </p>
      {s && (
        <p data-testid="settings-archive-summary">
          {`${plural(s.documents, 'document')}, ${plural(s.passages, 'passage')}, `}
          {`${plural(s.annotations, 'annotation')}; ${formatBytes(s.bytes)} on disk.`}
        </p>
      )}
      {isDesktop() ? (
        <p className="settings__actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void create()}
            data-testid="archive-new"
          >
            New archive…
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void open()}
            data-testid="archive-open"
          >
            Open archive…
          </button>
        </p>
      ) : (
        <p>
          In the browser, Tala switches among the archives opened before. To open or create another one, start{' '}
          <code>npm run web -- --archive FOLDER</code> or use the desktop app.
        </p>
      )}
      <h2 className="settings__subtitle">Recent archives</h2>
      {others.length === 0 ? (
        <p>No other archive opened yet.</p>
      ) : (
        <ul className="settings__recent" data-testid="recent-archives">
          {others.map((r) => (
            <li key={r.dir}>
              <span className="settings__path">{r.dir}</span>{' '}
              <span className="settings__muted">
                {r.exists ? `opened ${formatDateTime(r.openedAt)}` : 'no longer there (moved or deleted)'}
              </span>{' '}
              <button
                type="button"
                className="button"
                disabled={busy || !r.exists}
                onClick={() => void run('Could not switch', () => api['archives.switch']({ dir: r.dir }))}
                aria-label={`Switch to ${r.dir}`}
              >
                Switch
              </button>{' '}
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run('Could not remove it', () => api['archives.forget']({ dir: r.dir }))}
                aria-label={`Remove ${r.dir} from the list`}
              >
                Remove from list
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2 className="settings__subtitle">Automatic backups</h2>
      <label className="settings__field">
        Back up
        <select
          value={schedule.data?.every ?? 'daily'}
          disabled={!schedule.data || busy}
          onChange={(e) =>
            void run('Could not change the schedule', () =>
              api['archive.setSchedule']({ every: e.target.value as BackupSchedule }),
            )
          }
          data-testid="backup-schedule"
        >
          {BACKUP_SCHEDULES.map((every) => (
            <option key={every} value={every}>
              {SCHEDULE_LABELS[every]}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="backup-schedule-info">
        {schedule.data?.lastBackupAt
          ? `Last backup ${formatDateTime(schedule.data.lastBackupAt)}. `
          : 'No backup yet. '}
        {schedule.data?.nextDueAt
          ? `Next automatic backup ${formatDateTime(schedule.data.nextDueAt)} or soon after.`
          : ''}{' '}
        <a href="#/backups">Back up now or restore a backup</a>.
      </p>
      <p data-testid="backup-folder">
        Backups go into <span className="settings__path">{schedule.data?.dir ?? '…'}</span>
        {schedule.data && !schedule.data.customDir ? ' (beside the archive).' : '.'}
      </p>
      {schedule.data?.readOnly !== undefined && (
        <p data-testid="backup-folder-read-only">
          {`This archive is open read-only (${schedule.data.readOnly}), so its backup folder cannot be changed now. `}
          {schedule.data.customDir
            ? 'Backups still go into it.'
            : isDesktop()
              ? 'Back up now asks for a folder on another disk.'
              : 'To back it up, run tala backup FILE with a file on another disk.'}
        </p>
      )}
      {isDesktop() ? (
        <p className="settings__actions">
          <button
            type="button"
            className="button"
            disabled={!schedule.data || busy || schedule.data.readOnly !== undefined}
            onClick={() => void run('Could not change the backup folder', () => api['archive.setBackupDir']({}))}
            data-testid="backup-folder-choose"
          >
            Keep backups in another folder…
          </button>{' '}
          {schedule.data?.customDir && (
            <button
              type="button"
              className="button"
              disabled={busy || schedule.data.readOnly !== undefined}
              onClick={() =>
                void run('Could not change the backup folder', () => api['archive.setBackupDir']({ reset: true }))
              }
              data-testid="backup-folder-default"
            >
              Keep them beside the archive
            </button>
          )}
        </p>
      ) : (
        <p>
          To keep backups in another folder (another disk), choose it in the desktop app or run{' '}
          <code>tala backup-dir FOLDER</code>.
        </p>
      )}
    </fieldset>
  );
}
