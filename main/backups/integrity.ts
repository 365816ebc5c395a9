// The open-time integrity check: a damaged archive is refused with the newest backup to restore.
import { AppError } from '../../shared/errors';
import { Database } from '../db/connection';
import { sql } from '../db/sql';
import { listBackups } from './backups';

/** On its own read-only connection: on the writing one, every statement would queue behind it. */
export async function checkOnSeparateConnection(file: string): Promise<void> {
  const checker = await Database.open(file, { readOnly: true });
  try {
    await assertNotDamaged(checker);
  } finally {
    await checker.close();
  }
}

/** A quick check on every open: a damaged archive is reported with the newest backup to restore. */
export async function assertNotDamaged(db: Database): Promise<void> {
  let verdict: string;
  try {
    const rows = await db.all<{ quick_check: string }>(sql`PRAGMA quick_check`);
    verdict = rows.map((r) => r.quick_check).join('; ');
  } catch (err) {
    verdict = (err as Error).message;
  }
  if (verdict === 'ok') return;
  const newest = listBackups(db.path)[0];
  throw new AppError(
    'ARCHIVE_DAMAGED',
    `The archive at ${db.path} is damaged (${verdict.slice(0, 300)}). ` +
      (newest
        ? `The newest backup is ${newest.file} (${newest.createdAt}); restore it with: tala restore "${newest.file}".`
        : 'No backup of it was found.'),
  );
}
