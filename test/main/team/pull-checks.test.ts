// Rows pulled from the team database are untrusted input: a crafted change (bad id, unknown enum value,
// offsets that do not fit, oversized text) is refused with a clear error and nothing of that pull is applied;
// and two desktops that link the same translation pair end up with the same single link.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { connectPg, type PgSession } from '../../../main/team/pg';
import { TeamService } from '../../../main/team/service';
import { SYNCED_TABLES } from '../../../main/team/tables';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

const ARTICLE = [
  'Halalan sa Nagorno-Karabakh',
  'Noong 19 Hulyo 2012, 47 libo sa kanila ang bumoto para sa kasalukuyang pangulo na si Bako Sahakyan.',
].join('\n\n');

describe.skipIf(unavailable)('pulled changes are checked before they are applied', () => {
  let pg: TestPostgres;
  const opened: Archive[] = [];
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const a of opened) await a.close().catch(() => undefined);
    pg?.stop();
  });

  async function setup() {
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
    const desktop = async (member: string) => {
      const archive = await openArchiveDir(tempDir(`tala-${member}-`), { search: 'inline' });
      opened.push(archive);
      await archive.team.join(pg.urlFor(member, db));
      return archive;
    };
    return { db, a: await desktop('alice'), b: await desktop('bob') };
  }

  async function importText(archive: Archive, name: string, text: string, lang = 'tl') {
    const outcome = await archive.documents.importFile({ name, bytes: new TextEncoder().encode(text), lang });
    if (outcome.status !== 'imported') throw new Error('not imported');
    return archive.documents.get(outcome.document.id);
  }

  async function snapshot(archive: Archive): Promise<Record<string, unknown[]>> {
    const raw = await Database.open(archive.path, { readOnly: true });
    try {
      const out: Record<string, unknown[]> = {};
      for (const t of SYNCED_TABLES)
        out[t.name] = await raw.all({ text: `SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`, params: [] });
      out.sync_state = await raw.all({ text: `SELECT * FROM sync_state WHERE key = 'last_seq'`, params: [] });
      return out;
    } finally {
      await raw.close();
    }
  }

  /** Writes a change straight into the server's log, as someone with access to the database could (the log
   * stamps the administrator as its author). */
  async function craft(admin: PgSession, entity: string, rowKey: unknown[], payload: unknown): Promise<void> {
    await admin.query(
      `INSERT INTO tala_changes (change_id, client_id, author, entity, row_key, op, hlc, base_hlc, payload, blob)
       VALUES (gen_random_uuid(), gen_random_uuid(), '', $1, $2, 'upsert', $3, NULL, $4::jsonb, NULL)`,
      [
        entity,
        JSON.stringify(rowKey),
        `${String(Date.now()).padStart(15, '0')}-000000000-${randomUUID()}`,
        JSON.stringify(payload),
      ],
    );
  }

  it('refuses crafted rows with a clear error and leaves the archive as it was', async () => {
    const { db, a, b } = await setup();
    const doc = await importText(a, 'halalan.txt', ARTICLE);
    const start = doc.text.indexOf('Bako Sahakyan');
    const note = await a.annotations.create({ docId: doc.id, start, end: start + 13, note: 'the president' });
    await a.team.sync();
    await b.team.sync();
    const before = await snapshot(b);
    const admin = await connectPg(pg.urlFor('tala_admin', db));
    const row = (await b.annotations.list(doc.id))[0];
    const annotation = {
      id: note.id,
      document_id: doc.id,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      start_offset: row.start,
      end_offset: row.end,
      color: row.color,
      note: 'crafted',
      status: 'anchored',
      document_version: 1,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    };
    const crafted: Array<[string, unknown[], Record<string, unknown>, RegExp]> = [
      ['annotations', [note.id], { ...annotation, color: '"><img src=x onerror=alert(1)>' }, /color is not one of/],
      ['annotations', [note.id], { ...annotation, start_offset: 0 }, /offsets do not span its quote/],
      ['annotations', [note.id], { ...annotation, note: 'x'.repeat(100_001) }, /note is longer than/],
      ['annotations', [note.id], { ...annotation, id: 'someone-else' }, /id does not match the row key/],
      ['annotations', [note.id], { ...annotation, document_id: "x' OR 1=1 --" }, /document_id is not an id/],
      ['annotations', [note.id], { ...annotation, document_version: -1 }, /document_version is not a whole number/],
      ['annotations', [note.id], { ...annotation, note: { nested: true } }, /note is neither text/],
      ['annotations', ['../../etc'], { ...annotation, id: '../../etc' }, /row key holds something that is not an id/],
      ['entities', ['e1'], { id: 'e1', type: 'robot', name: 'R2', created_at: 'x', updated_at: 'x' }, /type/],
      [
        'passages',
        ['p1'],
        { id: 'p1', document_id: doc.id, ordinal: 9, kind: 'paragraph', text: 'abc', start_offset: 5, end_offset: 500 },
        /passage offsets do not span its text/,
      ],
    ];
    for (const [entity, key, payload, why] of crafted) {
      await admin.query('DELETE FROM tala_changes WHERE author = $1', ['tala_admin']);
      await craft(admin, entity, key, payload);
      const refused = b.team.sync();
      await expect(refused).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      await expect(refused).rejects.toThrow(why);
      await expect(refused).rejects.toThrow(/by tala_admin.*Nothing from this sync was applied/s);
      expect(await snapshot(b)).toEqual(before);
    }
    expect((await b.team.status()).lastError).toMatch(/refuses/);

    // Well-formed but pointing outside the text here: taken, and re-anchored on its quote.
    await admin.query('DELETE FROM tala_changes WHERE author = $1', ['tala_admin']);
    await craft(admin, 'annotations', [note.id], { ...annotation, start_offset: 5000, end_offset: 5013 });
    await admin.close();
    await b.team.sync();
    const [moved] = await b.annotations.list(doc.id);
    expect(doc.text.slice(moved.start, moved.end)).toBe('Bako Sahakyan');
    expect(moved.start).toBe(start);
    const raw = await Database.open(b.path, { readOnly: true });
    const check = await raw.all<{ integrity_check: string }>({ text: 'PRAGMA integrity_check', params: [] });
    const fk = await raw.all({ text: 'PRAGMA foreign_key_check', params: [] });
    await raw.close();
    expect(check.map((r) => r.integrity_check)).toEqual(['ok']);
    expect(fk).toEqual([]);
  });
});
