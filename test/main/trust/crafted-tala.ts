// Crafted portable files: a real export from a real archive, then edited with SQL the way an attacker would.
import { join } from 'node:path';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import type { SqlQuery } from '../../../main/db/sql';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Exports an archive holding one small document to `file`, then runs `edits` on the exported file. */
export async function craftTala(root: string, file: string, edits: SqlQuery[] = []): Promise<{ docId: string }> {
  const archive = await openArchiveDir(join(root, `source-${Math.random().toString(36).slice(2)}`));
  const outcome = await archive.documents.importFile({
    name: 'notes.txt',
    bytes: utf8(`Mga tala ${file}\n\nSi Bako Sahakyan ay nanalo.`),
  });
  if (outcome.status !== 'imported') throw new Error('setup: import failed');
  await archive.backups.exportPortable(file);
  await archive.close();
  const db = await Database.open(file);
  try {
    for (const edit of edits) await db.run(edit);
  } finally {
    await db.close();
  }
  return { docId: outcome.document.id };
}
