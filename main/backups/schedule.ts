// Keeps the scheduled backups coming while the app runs: checks at start and then every few minutes whether
// the archive's schedule (Settings: off, hourly, daily, weekly after the newest backup) calls for one. Also
// runs the full integrity check once in the background.
import type { BackupService } from './service';

export interface MaintenanceHandle {
  stop(): void;
}

export function startMaintenance(
  backups: BackupService,
  log: (message: string) => void = (m) => console.warn(`[tala] ${m}`),
  checkEveryMs = 5 * 60 * 1000,
): MaintenanceHandle {
  let running = false;
  const tick = async () => {
    if (running || !backups.canBackUp) return; // no backups into a folder we cannot write
    running = true;
    try {
      if (await backups.scheduledBackupDue()) await backups.create('scheduled');
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
