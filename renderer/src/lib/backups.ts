// Backups and archive health in words: what each backup's reason means to the user, and which problems the
// health check (or a failed call) puts in the banner at the top of the window.
import type { ArchiveHealth, BackupReason } from '../../../shared/types';
import { formatDateTime } from './format';

const REASONS: Record<BackupReason, string> = {
  scheduled: 'daily',
  manual: 'you made it',
  'pre-migration': 'before an upgrade',
  'pre-restore': 'before a restore',
  'pre-delete': 'before deleting documents',
};

export function reasonWords(reason: BackupReason): string {
  return REASONS[reason] ?? reason;
}

export interface HealthProblem {
  /** Stable key, so the same problem is shown (and dismissed) once. */
  key: string;
  message: string;
  /** The archive itself is damaged: the banner offers to restore the newest backup. */
  damaged: boolean;
}

/** What the banner shows for a health report: nothing when the archive is fine. */
export function healthProblems(health: ArchiveHealth): HealthProblem[] {
  const out: HealthProblem[] = health.warnings.map((w) => ({ key: `warning:${w}`, message: w, damaged: false }));
  if (health.integrity.trim() !== 'ok') {
    out.unshift({
      key: 'damaged',
      message: `The archive is damaged (${health.integrity}). Restore the newest backup to keep working safely.`,
      damaged: true,
    });
  }
  return out;
}

/** A problem for a call that failed with ARCHIVE_DAMAGED. */
export const damagedProblem = (message: string): HealthProblem => ({
  key: 'damaged',
  message: `The archive is damaged: ${message}`,
  damaged: true,
});

// Any call that fails with ARCHIVE_DAMAGED is reported here by the transport; the health banner listens.
type DamageListener = (message: string) => void;
const listeners = new Set<DamageListener>();

export function onArchiveDamaged(listener: DamageListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function reportArchiveDamaged(message: string): void {
  for (const l of [...listeners]) l(message);
}

/** A backup's time in the user's own locale (seconds included: two backups can be a minute apart). */
export function backupDate(iso: string): string {
  return formatDateTime(iso, { seconds: true });
}
