// The team commands through the command line (the same dispatch as the app), on a real PostgreSQL:
// `tala team init`, `tala team join`, `tala sync [--json]`, `tala team status|conflicts|resolve`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

async function tala(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) }, {});
  return { code, out, err };
}

describe.skipIf(unavailable)('tala team … and tala sync', () => {
  let pg: TestPostgres;
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(() => pg?.stop());

  it('init, join, sync between two archives, and a read-only member refused', async () => {
    const db = await pg.createDatabase();
    const dir = tempDir('tala-team-cli-');
    const alice = join(dir, 'alice');
    const bob = join(dir, 'bob');
    const carol = join(dir, 'carol');

    const init = await tala(
      '--archive',
      join(dir, 'admin'),
      'team',
      'init',
      '--server',
      pg.urlFor('tala_admin', db),
      '--member',
      'alice',
      '--member',
      'bob',
      '--member',
      'carol:read-only',
      '--json',
    );
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toEqual({
      from: 0,
      to: expect.any(Number),
      members: [
        { name: 'alice', readOnly: false },
        { name: 'bob', readOnly: false },
        { name: 'carol', readOnly: true },
      ],
    });
    const again = await tala('--archive', join(dir, 'admin'), 'team', 'init', '--server', pg.urlFor('tala_admin', db));
    expect(again.out).toMatch(/up to date/);

    const joined = await tala('--archive', alice, 'team', 'join', '--server', pg.urlFor('alice', db));
    expect(joined.code).toBe(0);
    expect(joined.out).toMatch(/Joined .* as alice/);
    const imported = await tala('--archive', alice, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), '--json');
    expect(imported.code).toBe(0);
    const docId = JSON.parse(imported.out).imported[0].id as string;

    const status = JSON.parse((await tala('--archive', alice, 'team', 'status', '--json')).out);
    expect(status).toMatchObject({ joined: true, member: 'alice', waiting: expect.any(Number), lastSyncAt: null });
    expect(status.waiting).toBeGreaterThan(0);

    const pushed = await tala('--archive', alice, 'sync', '--json');
    expect(pushed.code).toBe(0);
    const report = JSON.parse(pushed.out);
    expect(report).toMatchObject({ pulled: 0, conflicts: 0, waiting: 0 });
    expect(report.pushed).toBe(status.waiting);

    expect((await tala('--archive', bob, 'team', 'join', '--server', pg.urlFor('bob', db))).code).toBe(0);
    const pulled = await tala('--archive', bob, 'sync');
    expect(pulled.code).toBe(0);
    expect(pulled.out).toContain(`pushed 0 changes, pulled ${report.pushed}`);
    const shown = await tala('--archive', bob, 'show', docId, '--json');
    expect(JSON.parse(shown.out).id).toBe(docId);
    const human = await tala('--archive', bob, 'team', 'status');
    expect(human.out).toMatch(/member: +bob/);
    expect(human.out).toMatch(/waiting: +0 changes/);

    // A read-only member pulls, but its push is refused by the database, with the reason and exit code 1.
    await tala('--archive', carol, 'team', 'join', '--server', pg.urlFor('carol', db));
    expect((await tala('--archive', carol, 'sync')).code).toBe(0);
    const note = { docId, start: 0, end: 7, note: 'not allowed' };
    expect((await tala('--archive', carol, 'call', 'annotations.create', JSON.stringify(note))).code).toBe(0);
    const denied = await tala('--archive', carol, 'sync', '--json');
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.out).error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/read-only/),
    });
  });

  it('a conflicting edit is listed and settled from the command line', async () => {
    const db = await pg.createDatabase();
    const dir = tempDir('tala-team-cli-');
    const alice = join(dir, 'alice');
    const bob = join(dir, 'bob');
    await tala(
      '--archive',
      dir,
      'team',
      'init',
      '--server',
      pg.urlFor('tala_admin', db),
      '--member',
      'alice',
      '--member',
      'bob',
    );
    await tala('--archive', alice, 'team', 'join', '--server', pg.urlFor('alice', db));
    await tala('--archive', bob, 'team', 'join', '--server', pg.urlFor('bob', db));
    const imported = await tala('--archive', alice, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), '--json');
    const docId = JSON.parse(imported.out).imported[0].id as string;
    const made = await tala(
      '--archive',
      alice,
      'call',
      'annotations.create',
      JSON.stringify({ docId, start: 0, end: 7, note: 'first' }),
    );
    const noteId = JSON.parse(made.out).id as string;
    await tala('--archive', alice, 'sync');
    await tala('--archive', bob, 'sync');
    await tala('--archive', alice, 'call', 'annotations.update', JSON.stringify({ id: noteId, note: 'alice says' }));
    await tala('--archive', bob, 'call', 'annotations.update', JSON.stringify({ id: noteId, note: 'bob says' }));
    await tala('--archive', alice, 'sync');
    const late = await tala('--archive', bob, 'sync');
    expect(late.out).toMatch(/1 conflict to review: tala team conflicts/);

    const listed = await tala('--archive', bob, 'team', 'conflicts');
    expect(listed.out).toMatch(/edit +annotations .*: edited by alice — “alice says”/);
    const [conflict] = JSON.parse((await tala('--archive', bob, 'team', 'conflicts', '--json')).out);
    expect((await tala('--archive', bob, 'team', 'resolve', conflict.id, 'maybe')).code).toBe(2);
    const settled = await tala('--archive', bob, 'team', 'resolve', conflict.id, 'take-other');
    expect(settled.code).toBe(0);
    await tala('--archive', bob, 'sync');
    await tala('--archive', alice, 'sync');
    const notes = JSON.parse(
      (await tala('--archive', alice, 'call', 'annotations.list', JSON.stringify({ docId }))).out,
    );
    expect(notes.map((n: { note: string }) => n.note)).toEqual(['alice says']);
    expect((await tala('--archive', bob, 'team', 'conflicts')).out).toMatch(/No conflicts/);
  });

  it('refuses misuse before opening anything', async () => {
    const dir = tempDir('tala-team-cli-');
    const missing = await tala('--archive', dir, 'team', 'join');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--server postgres:\/\/NAME@HOST\/DATABASE is required/);
    const badMember = await tala(
      '--archive',
      dir,
      'team',
      'init',
      '--server',
      'postgres://x@h/d',
      '--member',
      'a:admin',
    );
    expect(badMember.code).toBe(2);
    const notJoined = await tala('--archive', dir, 'sync', '--json');
    expect(notJoined.code).toBe(1);
    expect(JSON.parse(notJoined.out).error.message).toMatch(/tala team join --server/);
    expect((await tala('--help')).out).toMatch(/team join/);
  });
});
