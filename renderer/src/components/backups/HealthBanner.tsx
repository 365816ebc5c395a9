// The archive's health at the top of the window: checked once when the app starts (archive.health), and
// again whenever any call fails with ARCHIVE_DAMAGED. Stays until dismissed; a damaged archive offers the
// newest backup.
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { damagedProblem, healthProblems, onArchiveDamaged, type HealthProblem } from '../../lib/backups';
import './backups.css';

export function useArchiveHealth(): { problems: HealthProblem[]; dismiss(key: string): void } {
  const api = useApi();
  const [problems, setProblems] = useState<HealthProblem[]>([]);
  const add = useCallback((list: HealthProblem[]) => {
    setProblems((current) => [...current, ...list.filter((p) => !current.some((c) => c.key === p.key))]);
  }, []);
  useEffect(() => {
    let live = true;
    api['archive.health']().then(
      (health) => live && add(healthProblems(health)),
      () => undefined, // a failing call with ARCHIVE_DAMAGED reports itself below
    );
    const off = onArchiveDamaged((message) => add([damagedProblem(message)]));
    return () => {
      live = false;
      off();
    };
  }, [api, add]);
  const dismiss = useCallback((key: string) => setProblems((list) => list.filter((p) => p.key !== key)), []);
  return { problems, dismiss };
}

export function HealthBanner({
  problems,
  onDismiss,
  onRestoreNewest,
}: {
  problems: HealthProblem[];
  onDismiss(key: string): void;
  onRestoreNewest(): void;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="banners" data-testid="health-banner">
      {problems.map((p) => (
        <div
          key={p.key}
          className={`banner${p.damaged ? '' : ' banner--warn'}`}
          role="alert"
          data-testid="health-problem"
          data-damaged={p.damaged}
        >
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <span className="banner__text" data-testid="health-message">
            {p.message}
          </span>
          {p.damaged && (
            <button type="button" className="button" onClick={onRestoreNewest} data-testid="health-restore">
              Restore the newest backup…
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => onDismiss(p.key)}
            data-testid="health-dismiss"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
