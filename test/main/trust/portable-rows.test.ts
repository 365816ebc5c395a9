// F8: a portable file's rows are validated before anything is merged; its views and triggers never run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../../main/archive/open-default';
import { sql, type SqlQuery } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';
import { craftTala } from './crafted-tala';

const root = tempDir();
let n = 0;
const fresh = (name: string) => join(root, `${name}-${n++}`);
const utf8 = (s: string) => new TextEncoder().encode(s);
const FORGED_ID = `../../not-a-uuid'"<b>`;

async function mergeInto(edits: SqlQuery[]) {
  const file = fresh('crafted') + '.tala';
  const crafted = await craftTala(root, file, [sql`PRAGMA foreign_keys = OFF`, ...edits]);
  const archive = await openArchiveDir(fresh('archive'));
  await archive.documents.importFile({ name: 'mine.txt', bytes: utf8('Akin ito\n\nIsang dokumento ko lamang.') });
  const before = await archive.documents.list();
  const started = performance.now();
  const outcome = await archive.backups.importPortable(file).then(
    (report) => ({ report, error: undefined }),
    (error: unknown) => ({ report: undefined, error: error as { code: string; message: string } }),
  );
  const ms = performance.now() - started;
  const after = await archive.documents.list();
  await archive.close();
  return { ...outcome, before, after, ms, docId: crafted.docId };
}

describe('F8: rows of a portable file', () => {
  it.each([
    [
      'a forged document id',
      [
        sql`UPDATE documents SET id = ${FORGED_ID}`,
        sql`UPDATE passages SET document_id = ${FORGED_ID}`,
        sql`UPDATE originals SET document_id = ${FORGED_ID}`,
      ],
      /documents\.id: 1 value\(s\) that are not UUIDs/,
    ],
    [
      'passage offsets outside the text',
      [sql`UPDATE passages SET start_offset = 5000, end_offset = 9000`],
      /passage .*: offsets 5000–9000 do not match/,
    ],
    [
      'a passage whose offsets name other text',
      [sql`UPDATE passages SET own_text = 'something else'`],
      /do not match its document's text/,
    ],
    [
      'sentences outside their passage',
      [sql`UPDATE sentences SET end_offset = 100000`],
      /sentence\(s\) outside their passage/,
    ],
    ['an original whose size lies', [sql`UPDATE originals SET size = 3`], /originals: 1 file\(s\) whose size is wrong/],
    [
      'an original stored deflated that does not give back the file',
      [sql`UPDATE originals SET compression = 'deflate', data = x'00ff00ff'`],
      /its stored bytes do not give back the file/,
    ],
    [
      'a forged enum',
      [sql`PRAGMA ignore_check_constraints = ON`, sql`UPDATE passages SET kind = 'script'`],
      /cannot be merged; nothing was changed: SQLITE_CONSTRAINT/,
    ],
  ])('refuses %s whole, with a clear message, and changes nothing', async (_label, edits, message) => {
    const { error, before, after } = await mergeInto(edits);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(message) });
    expect(after).toEqual(before);
  });

  it('ignores a recursive view and a trigger in the file: the merge is quick and whole', async () => {
    const { report, error, after, ms, docId } = await mergeInto([
      sql`CREATE VIEW endless AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c`,
      sql`CREATE VIEW documents_view AS SELECT * FROM endless`,
      sql`CREATE TRIGGER wipe AFTER INSERT ON tags BEGIN DELETE FROM documents; END`,
    ]);
    expect(error).toBeUndefined();
    expect(report?.documents.added).toBe(1);
    expect(after.map((d) => d.id)).toContain(docId);
    expect(after).toHaveLength(2);
    expect(ms).toBeLessThan(20_000);
  });
});
