// Keeps the scheduled backups coming while the app runs: checks at start and then hourly whether a
// day has passed since the newest backup. Also runs the full integrity check once in the background.
import { scheduledBackupDue } from './backups';
import type { BackupService } from './service';

export interface MaintenanceHandle {
  stop(): void;
}

export function startMaintenance(
  backups: BackupService,
  log: (message: string) => void = (m) => console.warn(`[tala] ${m}`),
  checkEveryMs = 60 * 60 * 1000,
): MaintenanceHandle {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (scheduledBackupDue(backups.archivePath)) await backups.create('scheduled');
    } catch (err) {
      log(`scheduled backup failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  void backups.health().then(
    (health) => {
      if (health.integrity !== 'ok') log(`integrity check found problems: ${health.integrity}`);
      for (const w of health.warnings) log(w);
    },
    (err) => log(`integrity check failed: ${(err as Error).message}`),
  );
  const timer = setInterval(() => void tick(), checkEveryMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
