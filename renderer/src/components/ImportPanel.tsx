// The import panel (bottom right): while files are imported, a progress bar with "12 of 40", the bytes,
// the time left and the file being read, and Cancel; at the end, a summary of every file grouped into
// imported / skipped / failed, each group collapsible, with a link to every new document.
import { useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../shared/types';
import type { ImportPhase } from '../hooks/useImport';
import { formatBytes, plural } from '../lib/format';
import {
  countLine,
  formatTimeLeft,
  groupSummary,
  summaryLine,
  type ImportGroup,
  type ImportGroupKind,
} from '../lib/import-progress';
import { formatRoute } from '../lib/routes';
import { NearDuplicates } from './import/NearDuplicates';
import './import.css';

interface Props {
  phase: ImportPhase;
  progress: ImportProgress;
  summary: ImportSummary;
  onCancel(): void;
  onDismiss(): void;
}

const ICON: Record<ImportGroupKind, string> = { imported: '✓', skipped: '=', failed: '!' };
/** A longer list of imported files starts collapsed; every group shows this many rows until "Show all". */
const OPEN_UP_TO = 12;
const ROWS_SHOWN = 200;

export function ImportPanel({ phase, progress, summary, onCancel, onDismiss }: Props) {
  if (phase === 'idle') return null;
  const running = phase === 'running' || phase === 'cancelling';
  const finished = phase === 'finished';
  const title = running
    ? phase === 'cancelling'
      ? 'Cancelling…'
      : 'Importing…'
    : summary.cancelled
      ? 'Import cancelled'
      : 'Import finished';
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : running ? 0 : 100;
  const groups = groupSummary(summary);
  // The files that need attention come into view first: a list of imports starts collapsed beside them.
  const problems = groups.some((g) => g.kind !== 'imported');

  return (
    <aside
      className="import-panel"
      aria-label="Import"
      data-testid="import-panel"
      data-running={running ? 'true' : 'false'}
      data-phase={phase}
    >
      <header className="import-panel__header">
        <h2 className="import-panel__title" aria-live="polite">
          {title}
        </h2>
        {finished ? (
          <button
            type="button"
            className="icon-button"
            aria-label="Close import summary"
            title="Close"
            onClick={onDismiss}
            data-testid="import-dismiss"
          >
            ×
          </button>
        ) : (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={onCancel}
            disabled={phase === 'cancelling'}
            data-testid="import-cancel"
            title="Stop after the files being imported; what is done stays"
          >
            Cancel
          </button>
        )}
      </header>

      {running ? (
        <div className="import-progress" data-testid="import-progress">
          <div className="import-progress__line">
            <span className="import-progress__count" data-testid="import-count">
              {progress.total > 0 ? countLine(progress) : 'Looking for files…'}
            </span>
            {progress.bytesTotal > 0 && (
              <span className="import-progress__bytes muted" data-testid="import-bytes">
                {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
              </span>
            )}
            <span className="import-progress__eta muted" data-testid="import-eta">
              {phase === 'cancelling'
                ? 'stopping after the files being read'
                : progress.total > 0
                  ? formatTimeLeft(progress.secondsLeft)
                  : ''}
            </span>
          </div>
          <ProgressBar done={progress.done} total={progress.total} percent={percent} />
          <p className="import-progress__current" data-testid="import-current">
            {progress.current ? (
              <>
                <span className="muted">Reading </span>
                <span className="filename" title={progress.current} dir="auto">
                  {progress.current}
                </span>
              </>
            ) : (
              <span className="muted">{progress.total > 0 ? 'Between files…' : 'Reading the dropped folders…'}</span>
            )}
          </p>
          {(progress.imported > 0 || progress.skipped > 0 || progress.failed > 0) && (
            <p className="import-progress__tally muted" data-testid="import-tally">
              {[
                `${progress.imported} imported`,
                progress.skipped ? `${progress.skipped} skipped` : '',
                progress.failed ? `${progress.failed} failed` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
        </div>
      ) : (
        <>
          <p
            className={`import-panel__summary${summary.cancelled ? ' import-panel__summary--cancelled' : ''}`}
            role="status"
            data-testid="import-summary"
          >
            {summaryLine(summary, progress.total)}
          </p>
          {summary.cancelled && progress.total > 0 && (
            <>
              <ProgressBar done={progress.done} total={progress.total} percent={percent} />
              {progress.total > progress.done && (
                <p className="import-panel__note muted" data-testid="import-not-reached">
                  {plural(progress.total - progress.done, 'file was', 'files were')} not read. Import them again to
                  continue: files already in the archive are skipped.
                </p>
              )}
            </>
          )}
          <NearDuplicates items={summary.imported} />
          <div className="import-groups" data-testid="import-groups">
            {groups.map((group) => (
              <Group
                key={group.kind}
                group={group}
                startOpen={group.kind !== 'imported' || (group.rows.length <= OPEN_UP_TO && !problems)}
              />
            ))}
          </div>
        </>
      )}
    </aside>
  );
}

function ProgressBar({ done, total, percent }: { done: number; total: number; percent: number }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label="Import progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${plural(total, 'file')}`}
      data-testid="import-bar"
    >
      <div className="progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}

function Group({ group, startOpen }: { group: ImportGroup; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen);
  const [all, setAll] = useState(false);
  const rows = all ? group.rows : group.rows.slice(0, ROWS_SHOWN);
  return (
    <details
      className={`import-group import-group--${group.kind}`}
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      data-testid="import-group"
      data-kind={group.kind}
    >
      <summary className="import-group__summary">
        <span className="import-group__label">{group.label}</span>
        <span className="count" data-testid="import-group-count">
          {group.rows.length}
        </span>
      </summary>
      <ul className="import-list">
        {rows.map((row, i) => (
          <li
            key={`${i}:${row.file}`}
            className={`import-item import-item--${group.kind}`}
            data-testid="import-item"
            data-status={group.kind}
            data-reason={row.reason}
          >
            <span className="import-item__icon" aria-hidden="true">
              {ICON[group.kind]}
            </span>
            <div className="import-item__body">
              <div className="import-item__line">
                <span className="filename" title={row.file} dir="auto" data-testid="import-file">
                  {row.file || '(unknown file)'}
                </span>
                {row.documentId && (
                  <a
                    className="import-item__open"
                    href={formatRoute({ name: 'doc', docId: row.documentId })}
                    data-testid="import-open"
                  >
                    {group.kind === 'imported' ? 'Open' : 'Open existing'}
                  </a>
                )}
              </div>
              {row.title && row.title !== row.file && (
                <p className="import-item__title muted" dir="auto" title={row.title}>
                  {row.title}
                </p>
              )}
              {row.message && (
                <p className="import-item__message" data-testid="import-message">
                  {row.message}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      {rows.length < group.rows.length && (
        <button type="button" className="link-button import-group__more" onClick={() => setAll(true)}>
          Show all {group.rows.length}
        </button>
      )}
    </details>
  );
}
