import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/db/connection';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

describe('migration 2 (annotations, document versions)', () => {
  it('keeps v1 documents and gives them version 1', async () => {
    const db = await Database.open(join(tempDir(), 'v1.sqlite'));
    await migrate(db, { target: 1 });
    await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                     VALUES ('11111111-1111-4111-8111-111111111111', 'Luma', 'tl', 'h1', 'text/plain', 'Teksto.',
                       '2026-01-01T00:00:00Z')`);
    await migrate(db, { target: 2 });
    expect(await schemaVersion(db)).toBe(2);
    expect(await db.get(sql`SELECT title, version FROM documents`)).toEqual({ title: 'Luma', version: 1 });
    await expect(
      db.run(sql`INSERT INTO annotations (id, document_id, exact, prefix, suffix, start_offset, end_offset, color,
        status, document_version, created_at, updated_at)
                 VALUES ('a', '11111111-1111-4111-8111-111111111111', 'T', '', '', 3, 1, 'yellow', 'anchored', 1, 'x',
                   'x')`),
    ).rejects.toThrow(/CHECK constraint/);
    await db.close();
  });
});
