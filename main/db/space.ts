// Returning the space deletes free. New archives are made with auto_vacuum = INCREMENTAL (Database.open), and
// Database.reclaimFreePages gives free pages back in small steps after deletes. An archive made before that has
// auto_vacuum off, which only a VACUUM of the whole file can change: done at open while the file is small enough to
// rewrite in about a second; a larger one keeps its free pages for reuse and says so (spaceReport).
import type { Database } from './connection';

/** Archives up to this size are rewritten once (VACUUM) at open to turn incremental auto-vacuum on. */
export const AUTO_VACUUM_CONVERT_MAX_BYTES = 32 * 1024 * 1024;

export type AutoVacuum = 'incremental' | 'full' | 'none';

export interface SpaceReport {
  autoVacuum: AutoVacuum;
  /** Bytes of free pages inside the file (space deletes freed that the file still holds). */
  freeBytes: number;
  fileBytes: number;
}

const MODES: Record<number, AutoVacuum> = { 0: 'none', 1: 'full', 2: 'incremental' };

export async function spaceReport(db: Database): Promise<SpaceReport> {
  const pragma = async <T>(name: string) => (await db.get<Record<string, T>>({ text: `PRAGMA ${name}`, params: [] }))!;
  const mode = (await pragma<number>('auto_vacuum')).auto_vacuum;
  const pageSize = (await pragma<number>('page_size')).page_size;
  const free = (await pragma<number>('freelist_count')).freelist_count;
  const pages = (await pragma<number>('page_count')).page_count;
  return { autoVacuum: MODES[mode] ?? 'none', freeBytes: free * pageSize, fileBytes: pages * pageSize };
}

/**
 * Turns incremental auto-vacuum on for an archive made without it, if it is at most `maxBytes` (one VACUUM, which
 * also returns its free pages). Returns what the archive has afterwards. Call with no unit of work open.
 */
export async function enableIncrementalVacuum(
  db: Database,
  maxBytes = AUTO_VACUUM_CONVERT_MAX_BYTES,
): Promise<AutoVacuum> {
  const before = await spaceReport(db);
  if (before.autoVacuum === 'incremental' || before.fileBytes > maxBytes) return before.autoVacuum;
  await db.exec('PRAGMA auto_vacuum = INCREMENTAL');
  await db.exec('VACUUM');
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return (await spaceReport(db)).autoVacuum;
}
