// F3: restore checks what it is given, undoes a failed attempt, and works on an archive that cannot be opened.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../../main/archive/open-default';
import { archiveFileIn } from '../../../main/archive/paths';
import { Database } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { tala } from '../../helpers/cli';
import { damage } from '../../helpers/damage';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const fresh = (name: string) => join(root, `${name}-${n++}`);
const utf8 = (s: string) => new TextEncoder().encode(s);

async function archiveWithOneDocument(): Promise<{ dir: string; title: string }> {
  const dir = fresh('archive');
  const archive = await openArchiveDir(dir);
  const outcome = await archive.documents.importFile({
    name: 'tala.txt',
    bytes: utf8(`Mga tala ${dir}\n\nSi Bako Sahakyan ay nanalo.`),
  });
  await archive.close();
  return { dir, title: outcome.status === 'imported' ? outcome.document.title : '' };
}

/** A SQLite file of another program that happens to have a `documents` table. */
async function foreignFile(userVersion: number): Promise<string> {
  const file = fresh('foreign') + '.sqlite';
  const db = await Database.open(file);
  await db.exec(`CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO documents (body) VALUES ('x');
                 PRAGMA user_version = ${userVersion}; PRAGMA journal_mode = DELETE;`);
  await db.close();
  return file;
}

const titles = async (dir: string) =>
  JSON.parse((await tala('--archive', dir, 'list', '--json')).out).map((d: { title: string }) => d.title);

describe('F3: restore', () => {
  it.each([0, 6])(
    'refuses a foreign SQLite file with a documents table (user_version %i) and changes nothing',
    async (version) => {
      const { dir, title } = await archiveWithOneDocument();
      const refused = await tala('--archive', dir, 'restore', await foreignFile(version));
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /is not a Tala archive \((no schema version|.*missing table passages.*)\); nothing was changed/,
      );
      expect(await titles(dir)).toEqual([title]);
    },
  );

  it('refuses a Tala archive with a planted trigger', async () => {
    const { dir } = await archiveWithOneDocument();
    const { dir: other } = await archiveWithOneDocument();
    const planted = fresh('planted') + '.sqlite';
    const db = await Database.open(archiveFileIn(other));
    await db.exec(`CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM documents; END;`);
    await db.run(sql`VACUUM INTO ${planted}`);
    await db.close();
    const refused = await tala('--archive', dir, 'restore', planted);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('unexpected trigger wipe');
  });

  it('puts the archive back when restored content cannot be brought up to date, naming the backup', async () => {
    const { dir, title } = await archiveWithOneDocument();
    // A version-5 archive whose passage points at no document: the next migration's foreign-key check fails.
    const older = fresh('older') + '.sqlite';
    const db = await Database.open(older);
    await migrate(db, { target: 5 });
    await db.exec(`PRAGMA foreign_keys = OFF`);
    await db.exec(
      `INSERT INTO passages (id, document_id, ordinal, kind, text, start_offset, end_offset) VALUES ('p', 'nowhere',
        0, 'paragraph', 'x', 0, 1)`,
    );
    await db.close();

    const failed = await tala('--archive', dir, 'restore', older);
    expect(failed.code).toBe(1);
    const kept = /kept in (\S+\.sqlite)/.exec(failed.err)?.[1];
    expect(failed.err).toContain('the archive was left as it was');
    expect(kept).toMatch(/pre-restore\.sqlite$/);
    expect(await titles(dir)).toEqual([title]);
    expect((await tala('--archive', dir, 'restore', kept!)).code).toBe(0);
    expect(await titles(dir)).toEqual([title]);
  });

  it('mends an archive left unreadable by a bad restore by restoring the pre-restore backup', async () => {
    const { dir, title } = await archiveWithOneDocument();
    const backup = JSON.parse((await tala('--archive', dir, 'backup', '--json')).out).file as string;
    // The state an earlier build left behind: a foreign file in place of the archive.
    copyFileSync(await foreignFile(0), archiveFileIn(dir));
    const stranded = await tala('--archive', dir, 'list');
    expect(stranded.code).toBe(1);

    const mended = await tala('--archive', dir, 'restore', backup, '--json');
    expect(mended.code).toBe(0);
    expect(JSON.parse(mended.out).safetyBackup.file).toMatch(/pre-restore\.sqlite$/);
    expect(await titles(dir)).toEqual([title]);
  });

  it('works on a damaged archive, as its damage message suggests (no circle)', async () => {
    const { dir, title } = await archiveWithOneDocument();
    const archive = await openArchiveDir(dir);
    for (let i = 0; i < 40; i++)
      await archive.documents.importFile({
        name: `more-${i}.txt`,
        bytes: utf8(`Dokumento ${i} ${'salita '.repeat(300)}`),
      });
    await archive.close();
    const backup = JSON.parse((await tala('--archive', dir, 'backup', '--json')).out).file as string;
    damage(archiveFileIn(dir));
    const damaged = await tala('--archive', dir, 'list');
    expect(damaged.code).toBe(1);
    const suggested = /tala restore "([^"]+)"/.exec(damaged.err)?.[1];
    expect(suggested).toBe(backup);

    const restored = await tala('--archive', dir, 'restore', suggested!);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('the archive that could not be opened was kept as');
    expect(await titles(dir)).toContain(title);
    expect(await titles(dir)).toHaveLength(41);
  });

  it('still refuses a plain text file given as a backup', async () => {
    const { dir } = await archiveWithOneDocument();
    const text = fresh('text') + '.sqlite';
    writeFileSync(text, 'not a database '.repeat(100));
    expect((await tala('--archive', dir, 'restore', text)).code).toBe(1);
  });
});
