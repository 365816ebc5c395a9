// Team archives through a real PostgreSQL: two (or three) real archives sync through one team database.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { TeamService } from '../../../main/team/service';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';
import { snapshot } from './desktops';

const unavailable = postgresUnavailable();
// CI installs PostgreSQL; only a developer machine without it may skip, and it says why.
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

const ARTICLE = [
  'Halalan sa Nagorno-Karabakh',
  'Noong 19 Hulyo 2012, 47 libo sa kanila ang bumoto para sa kasalukuyang pangulo na si Bako Sahakyan.',
  'Tumakbo rin si Vitaly Balasanyan, na nakakuha ng 32 libong boto.',
].join('\n\n');

describe.skipIf(unavailable)('team archives on PostgreSQL', () => {
  let pg: TestPostgres;
  const opened: Archive[] = [];

  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const a of opened) await a.close().catch(() => undefined);
    pg?.stop();
  });

  async function team(): Promise<string> {
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [
      { name: 'alice' },
      { name: 'bob' },
      { name: 'carol', readOnly: true },
    ]);
    return db;
  }

  async function desktop(member: string, db: string): Promise<Archive> {
    const archive = await openArchiveDir(tempDir(`tala-${member}-`), { search: 'inline' });
    opened.push(archive);
    await archive.team.join(pg.urlFor(member, db));
    return archive;
  }

  async function importArticle(archive: Archive, text = ARTICLE) {
    const outcome = await archive.documents.importFile({
      name: 'halalan.txt',
      bytes: new TextEncoder().encode(text),
      lang: 'tl',
    });
    if (outcome.status !== 'imported') throw new Error('not imported');
    return archive.documents.get(outcome.document.id);
  }

  function rangeOf(text: string, quote: string) {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not found: ${quote}`);
    return { start, end: start + quote.length };
  }

  /** Every shared table's rows, for comparing two archives. */

  it('a document and an annotation made on one desktop reach the other, searchable there', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const doc = await importArticle(a);
    await a.annotations.create({ docId: doc.id, ...rangeOf(doc.text, '47 libo'), note: 'turnout for Sahakyan' });

    const pushed = await a.team.sync();
    expect(pushed.pushed).toBeGreaterThan(3);
    const pulled = await b.team.sync();
    expect(pulled.pulled).toBe(pushed.pushed);

    const there = await b.documents.get(doc.id);
    expect(there.text).toBe(doc.text);
    const notes = await b.annotations.list(doc.id);
    expect(notes.map((n) => n.note)).toEqual(['turnout for Sahakyan']);
    const hits = await b.search.query({ query: 'Sahakyan' });
    expect(hits.hits.some((h) => h.docId === doc.id)).toBe(true);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    // Nothing pulled is pushed back.
    expect((await b.team.status()).waiting).toBe(0);
    expect((await b.team.sync()).pushed).toBe(0);
  });

  it('the same note edited on two desktops: one version wins everywhere, the other stays visible on both', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const doc = await importArticle(a);
    const note = await a.annotations.create({ docId: doc.id, ...rangeOf(doc.text, 'Bako Sahakyan'), note: 'first' });
    await a.team.sync();
    await b.team.sync();

    await a.annotations.update(note.id, { note: 'edited by alice' });
    await b.annotations.update(note.id, { note: 'edited by bob' });
    await a.team.sync(); // alice's edit reaches the server first
    await b.team.sync(); // bob's comes later in server order: it wins
    await a.team.sync();

    const onA = (await a.annotations.list(doc.id))[0];
    const onB = (await b.annotations.list(doc.id))[0];
    expect(onA.note).toBe('edited by bob');
    expect(onB.note).toBe('edited by bob');
    // Shown in place: alice sees bob's version as current; bob sees alice's waiting for review.
    const [openOnA] = await a.team.conflicts();
    expect(onA.editedElsewhere).toMatchObject({ by: 'bob', conflictId: openOnA.id });
    expect(Date.parse(onA.editedElsewhere!.at!)).toBeGreaterThan(Date.now() - 600_000);
    expect(onB.editedElsewhere).toMatchObject({ by: 'alice', conflictId: (await b.team.conflicts())[0].id });
    for (const side of [a, b]) {
      const conflicts = await side.team.conflicts();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ entity: 'annotations', kind: 'edit', otherAuthor: 'alice' });
      expect(conflicts[0].other?.note).toBe('edited by alice');
    }
    // Taking the other version on one desktop makes it current for the team.
    const [conflict] = await a.team.conflicts();
    await a.team.resolve(conflict.id, 'take-other');
    await a.team.sync();
    await b.team.sync();
    expect((await b.annotations.list(doc.id))[0].note).toBe('edited by alice');
    expect((await a.team.status()).openConflicts).toBe(0);
  });

  it('delete against edit keeps the edit on both desktops and asks', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const doc = await importArticle(a);
    const note = await a.annotations.create({
      docId: doc.id,
      ...rangeOf(doc.text, '32 libong boto'),
      note: 'runner-up',
    });
    await a.team.sync();
    await b.team.sync();

    await a.annotations.delete(note.id);
    await b.annotations.update(note.id, { note: 'runner-up, 32,000 votes' });
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();

    for (const side of [a, b]) {
      const notes = await side.annotations.list(doc.id);
      expect(notes.map((n) => n.note)).toEqual(['runner-up, 32,000 votes']);
      const conflicts = await side.team.conflicts();
      expect(conflicts.map((c) => c.kind)).toContain('delete-edit');
    }
  });

  it('a week of offline edits on both sides converges to the same archive', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const doc = await importArticle(a);
    await a.team.sync();
    await b.team.sync();
    for (let day = 0; day < 7; day++) {
      await a.annotations.create({ docId: doc.id, ...rangeOf(doc.text, 'Halalan'), note: `alice day ${day}` });
      await b.annotations.create({
        docId: doc.id,
        ...rangeOf(doc.text, 'Vitaly Balasanyan'),
        note: `bob day ${day}`,
        tags: ['candidate'],
      });
    }
    await importArticle(b, 'Вторая статья\n\nБако Саакян получил 47 тысяч голосов.');
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();
    const sa = await snapshot(a);
    expect(sa.annotations).toHaveLength(14);
    expect(sa.documents).toHaveLength(2);
    expect(await snapshot(b)).toEqual(sa);
    expect(await a.team.conflicts()).toEqual([]);
  });

  it('a passage edited on one desktop re-anchors the annotations made on the other', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const doc = await importArticle(a);
    await a.team.sync();
    await b.team.sync();
    // Bob's annotation is not pushed yet when Alice's edit arrives.
    const mark = await b.annotations.create({
      docId: doc.id,
      ...rangeOf(doc.text, 'Vitaly Balasanyan'),
      note: 'second candidate',
    });
    const detail = await a.documents.get(doc.id);
    const passage = detail.passages.find((p) => p.text.includes('Noong 19 Hulyo'))!;
    await a.documents.editPassage(doc.id, passage.id, `Ayon sa komisyon, ${passage.text}`);
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();

    for (const side of [a, b]) {
      const text = (await side.documents.get(doc.id)).text;
      const [note] = (await side.annotations.list(doc.id)).filter((n) => n.id === mark.id);
      expect(text.slice(note.start, note.end)).toBe('Vitaly Balasanyan');
      expect(note.status).not.toBe('orphaned');
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('an entity merged on one desktop while facts are added to it on the other: the facts follow it', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const full = await a.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'office',
      object: { kind: 'text', text: 'President' },
    });
    const short = await a.facts.create({
      subject: { name: 'Saakyan', type: 'person' },
      predicate: 'born',
      object: { kind: 'date', date: '1960-08-30' },
    });
    expect(short.subject.entityId).not.toBe(full.subject.entityId);
    await a.team.sync();
    await b.team.sync();

    await a.facts.mergeEntities(full.subject.entityId, [short.subject.entityId]);
    const added = await b.facts.create({
      subject: { entityId: short.subject.entityId },
      predicate: 'votes received',
      object: { kind: 'number', number: 47_000, unit: 'votes' },
      date: '2012-07-19',
    });
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();

    expect((await a.facts.get(added.id)).editedElsewhere).toMatchObject({ by: 'bob', conflictId: null });
    expect((await b.facts.get(added.id)).editedElsewhere).toBeUndefined();
    for (const side of [a, b]) {
      const fact = await side.facts.get(added.id);
      expect(fact.subject.entityId).toBe(full.subject.entityId);
      const entities = await side.facts.listEntities();
      expect(entities.map((e) => e.id)).not.toContain(short.subject.entityId);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('a read-only member can pull but the server refuses its push', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const c = await desktop('carol', db);
    const doc = await importArticle(a);
    await a.team.sync();
    await c.team.sync(); // pulling is allowed
    await c.annotations.create({ docId: doc.id, ...rangeOf(doc.text, 'Halalan'), note: 'not allowed' });
    // Carol's own note never reaches the server.
    await expect(c.team.sync()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const status = await c.team.status();
    expect(status.lastError).toMatch(/read-only/);
    expect(status.waiting).toBeGreaterThan(0);
    const b = await desktop('bob', db);
    await b.team.sync();
    expect((await snapshot(b)).annotations).toEqual([]);
  });

  it('a password given once is kept outside the archive, readable only by its owner', async () => {
    const db = await team();
    await TeamService.addMember(pg.urlFor('tala_admin', db), 'dana_pw', { password: 's3cret:pass' });
    const dir = tempDir('tala-pw-');
    const archive = await openArchiveDir(dir, { search: 'inline' });
    opened.push(archive);
    await expect(archive.team.join(pg.urlFor('dana_pw', db))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await archive.team.join(pg.urlFor('dana_pw', db, 's3cret:pass'));
    expect((await archive.team.sync()).pushed).toBeGreaterThanOrEqual(0);
    const kept = join(dir, 'team.pgpass');
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect((await archive.team.status()).server).not.toMatch(/s3cret/);
    const raw = await Database.open(archive.path, { readOnly: true });
    const rows = await raw.all<{ value: string }>(sql`SELECT value FROM sync_state`);
    await raw.close();
    expect(JSON.stringify(rows)).not.toMatch(/s3cret/);
  });

  it('refuses a team database written by a newer Tala, and says so', async () => {
    const db = await team();
    const { connectPg } = await import('../../../main/team/pg');
    const admin = await connectPg(pg.urlFor('tala_admin', db));
    await admin.query(`UPDATE tala_team_meta SET value = '99' WHERE key = 'schema_version'`);
    await admin.close();
    const archive = await openArchiveDir(tempDir('tala-newer-'), { search: 'inline' });
    opened.push(archive);
    await expect(archive.team.join(pg.urlFor('alice', db))).rejects.toThrow(/newer version of Tala/);
    await expect(TeamService.initServer(pg.urlFor('tala_admin', db))).rejects.toThrow(/newer version of Tala/);
    expect((await archive.team.status()).joined).toBe(false);
  });

  it('with the server down, sync fails with a clear message and local work goes on', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const doc = await importArticle(a);
    const dir = tempDir('tala-down-');
    const elsewhere = await openArchiveDir(dir, { search: 'inline' });
    opened.push(elsewhere);
    await expect(
      elsewhere.team.join(`postgres://alice@${encodeURIComponent(join(dir, 'nowhere'))}:5999/${db}`),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // Point alice's archive at a server that is not there: sync says so, the archive keeps working.
    const raw = await Database.open(a.path);
    await raw.run(
      sql`UPDATE sync_state SET value = ${`postgres://alice@${encodeURIComponent(join(dir, 'nowhere'))}:5999/${db}`}
        WHERE key = 'server'`,
    );
    await raw.close();
    await expect(a.team.sync()).rejects.toThrow(/cannot be reached.*unchanged/s);
    const note = await a.annotations.create({ docId: doc.id, ...rangeOf(doc.text, 'Halalan'), note: 'offline note' });
    expect(note.note).toBe('offline note');
    const status = await a.team.status();
    expect(status.lastError).toMatch(/cannot be reached/);
    expect(status.waiting).toBeGreaterThan(0);
  });
});
