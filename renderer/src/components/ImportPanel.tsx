import type { ImportItem } from '../hooks/useImport';
import { formatBytes } from '../lib/format';

const STATUS_LABEL: Record<ImportItem['status'], string> = {
  pending: 'Waiting',
  importing: 'Importing',
  imported: 'Imported',
  skipped: 'Skipped',
  failed: 'Failed',
};

const STATUS_ICON: Record<ImportItem['status'], string> = {
  pending: '·',
  importing: '…',
  imported: '✓',
  skipped: '=',
  failed: '!',
};

interface Props {
  items: ImportItem[];
  running: boolean;
  onDismiss(): void;
  onOpen(documentId: string): void;
}

/** Progress while importing ("Importing 2 of 5: name.html") and a per-file summary at the end. */
export function ImportPanel({ items, running, onDismiss, onOpen }: Props) {
  if (items.length === 0) return null;
  const finished = items.filter((i) => i.status !== 'pending' && i.status !== 'importing').length;
  const currentIndex = items.findIndex((i) => i.status === 'importing');
  const current = currentIndex >= 0 ? items[currentIndex] : null;
  const count = (status: ImportItem['status']) => items.filter((i) => i.status === status).length;
  const imported = count('imported');
  const skipped = count('skipped');
  const failed = count('failed');
  const percent = Math.round((finished / items.length) * 100);

  return (
    <aside className="import-panel" aria-label="Import" data-testid="import-panel" data-running={running ? 'true' : 'false'}>
      <header className="import-panel__header">
        <h2 className="import-panel__title">{running ? 'Importing…' : 'Import finished'}</h2>
        {!running && (
          <button type="button" className="icon-button" aria-label="Close import summary" onClick={onDismiss} data-testid="import-dismiss">
            ×
          </button>
        )}
      </header>

      <p className="import-panel__status" aria-live="polite" data-testid="import-progress">
        {running ? (
          current ? (
            <>
              Importing {currentIndex + 1} of {items.length}: <span className="filename">{current.name}</span>
            </>
          ) : (
            `Preparing ${items.length} file${items.length === 1 ? '' : 's'}…`
          )
        ) : (
          <span data-testid="import-summary">
            {[
              `${imported} imported`,
              skipped ? `${skipped} skipped` : null,
              failed ? `${failed} failed` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={items.length}
        aria-valuenow={finished}
        aria-label="Import progress"
      >
        <div className={`progress__bar${failed && !running ? ' progress__bar--warn' : ''}`} style={{ width: `${percent}%` }} />
      </div>

      <ul className="import-list">
        {items.map((item) => (
          <li key={item.key} className={`import-item import-item--${item.status}`} data-testid="import-item" data-status={item.status}>
            <span className="import-item__icon" aria-hidden="true">
              {STATUS_ICON[item.status]}
            </span>
            <div className="import-item__body">
              <div className="import-item__line">
                <span className="filename" title={item.name}>
                  {item.name}
                </span>
                <span className="import-item__status">
                  {STATUS_LABEL[item.status]} <span className="muted">· {formatBytes(item.size)}</span>
                </span>
              </div>
              {item.message && (
                <p className="import-item__message" data-testid="import-message">
                  {item.message}
                </p>
              )}
              {item.documentId && (item.status === 'imported' || item.status === 'skipped') && (
                <button type="button" className="link-button" onClick={() => onOpen(item.documentId!)}>
                  {item.status === 'imported' ? 'Open' : 'Open existing'}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
