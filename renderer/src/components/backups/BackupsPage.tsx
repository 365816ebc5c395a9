// The archive's backups: where the archive lives, "Back up now", every backup with its reason, and
// restoring one after a clear confirmation (the current content is backed up first, so a restore can be undone).
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, BackupInfo } from '../../../../shared/types';
import { useApi } from '../../api/context';
import { backupDate, reasonWords } from '../../lib/backups';
import { errorMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import './backups.css';
import { Dialog } from '../Dialog';

interface Props {
  info: AppInfo | null;
  /** After a restore: reload the app's data (the whole window by default). */
  onRestored?(): void;
}

type Notice = { tone: 'ok' | 'warn'; text: string };

export function BackupsPage({ info, onRestored = () => window.location.reload() }: Props) {
  const api = useApi();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await api['archive.backups']());
    } catch (err) {
      setNotice({ tone: 'warn', text: `Could not list the backups: ${errorMessage(err)}` });
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const backUp = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const made = await api['archive.backup']();
      setFresh(made.file);
      setNotice({ tone: 'ok', text: `Backup made: ${backupDate(made.createdAt)} (${formatBytes(made.bytes)}).` });
      await load();
    } catch (err) {
      setNotice({ tone: 'warn', text: `Could not back up the archive: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupInfo) => {
    setConfirming(null);
    setBusy(true);
    setNotice(null);
    try {
      const { safetyBackup } = await api['archive.restore']({ file: b.file });
      setFresh(safetyBackup.file);
      setNotice({
        tone: 'ok',
        text:
          `Restored the backup of ${backupDate(b.createdAt)}. The previous content was kept as` +
          ` the backup of ${backupDate(safetyBackup.createdAt)} (before a restore).`,
      });
      await load();
      onRestored();
    } catch (err) {
      setNotice({ tone: 'warn', text: `Could not restore the backup: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backups" data-testid="backups-page">
      <h1>Backups</h1>
      <p className="muted">
        The archive:{' '}
        <code className="backups__path" data-testid="backups-archive-path" dir="ltr">
          {info?.archivePath ?? '…'}
        </code>
      </p>
      <p className="muted">
        Tala backs the archive up every day, before every upgrade and before every restore. Restoring a backup never
        loses the current content: it is backed up first.
      </p>
      <div className="backups__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void backUp()}
          disabled={busy}
          data-testid="backup-now"
        >
          Back up now
        </button>
      </div>
      {notice && (
        <p className={`backups__notice backups__notice--${notice.tone}`} role="status" data-testid="backups-notice">
          {notice.text}
        </p>
      )}
      {backups === null ? null : backups.length === 0 ? (
        <p className="muted" data-testid="backups-empty">
          No backups yet.
        </p>
      ) : (
        <table className="backups__table" data-testid="backups-list">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col" className="backups__size">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr
                key={b.file}
                className={b.file === fresh ? 'backups__row--fresh' : undefined}
                data-testid="backup-item"
                data-reason={b.reason}
                title={b.file}
              >
                <td data-testid="backup-date">{backupDate(b.createdAt)}</td>
                <td data-testid="backup-reason">{reasonWords(b.reason)}</td>
                <td className="backups__size">{formatBytes(b.bytes)}</td>
                <td className="backups__row-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setConfirming(b)}
                    disabled={busy}
                    data-testid="backup-restore"
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmRestore
          backup={confirming}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}

function ConfirmRestore({ backup, onConfirm, onCancel }: { backup: BackupInfo; onConfirm(): void; onCancel(): void }) {
  const question = `Replace the archive's current content with the backup of ${backupDate(backup.createdAt)}?`;
  return (
    <Dialog
      className="backups__dialog"
      role="alertdialog"
      label="Restore this backup?"
      onClose={onCancel}
      testId="restore-confirm"
    >
      <p className="backups__question">{question}</p>
      <p className="muted">The current content is kept as a new backup first, so this can be undone.</p>
      <div className="backups__dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus data-testid="restore-cancel">
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          data-testid="restore-confirm-button"
        >
          Restore
        </button>
      </div>
    </Dialog>
  );
}
