// Team sync pauses while the archive is open read-only (a failing or full disk, a read-only medium): nothing is
// pulled into it or pushed from it, the status says why (CLI and API), the background sync leaves it alone, and
// once the archive can be written again the changes waiting on both sides meet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { startTeamSync } from '../../../main/team/background';
import { TeamService } from '../../../main/team/service';
import { tala } from '../../helpers/cli';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);
const isRoot = process.getuid?.() === 0;

const TEXT = 'Noong 19 Hulyo 2012, 47 libo sa kanila ang bumoto para kay Bako Sahakyan.';
const REASON = 'it is on a read-only disk';

describe.skipIf(unavailable || !isRoot)('team sync on an archive open read-only (tmpfs remounted read-only)', () => {
  let pg: TestPostgres;
  const opened: Archive[] = [];
  const mounted: string[] = [];
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const a of opened) await a.close().catch(() => undefined);
    for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
    pg?.stop();
  });

  async function open(dir: string): Promise<Archive> {
    const archive = await openArchiveDir(dir, { search: 'inline' });
    opened.push(archive);
    return archive;
  }
  async function close(archive: Archive): Promise<void> {
    opened.splice(opened.indexOf(archive), 1);
    await archive.close();
  }

  it('pauses: no pull, no push, a clear status; resumes once the archive can be written', async () => {
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
    const aliceDir = join(tempDir('tala-ro-team-'), 'alice');
    mkdirSync(aliceDir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', aliceDir]);
    mounted.push(aliceDir);

    let alice = await open(aliceDir);
    await alice.team.join(pg.urlFor('alice', db));
    const imported = await alice.documents.importFile({ name: 'b.txt', bytes: new TextEncoder().encode(TEXT) });
    if (imported.status !== 'imported') throw new Error('not imported');
    const docId = imported.document.id;
    await alice.team.sync();
    const bob = await open(tempDir('tala-ro-bob-'));
    await bob.team.join(pg.urlFor('bob', db));
    await bob.team.sync();

    // Alice notes something and does not sync; Bob notes something and does.
    const aliceNote = await alice.annotations.create({ docId, start: 0, end: 5, note: 'from alice' });
    const bobNote = await bob.annotations.create({ docId, start: 6, end: 10, note: 'from bob' });
    await bob.team.sync();
    await close(alice);
    execFileSync('mount', ['-o', 'remount,ro', aliceDir]);
    const files = readdirSync(aliceDir).sort();

    alice = await open(aliceDir);
    expect(alice.readOnlyReason).toBe(REASON);
    const paused =
      `Team sync is paused: this archive is open read-only (${REASON}), so nothing can be received into it. ` +
      'Changes made here before wait until it can be written again.';
    expect(await alice.team.status()).toMatchObject({ joined: true, member: 'alice', waiting: 1, paused });
    await expect(alice.team.sync()).rejects.toThrow(paused);

    // Through the API (the app's Sync now) and the command line.
    const api = createApi(alice, 'bridge');
    expect(await dispatch(api, 'team.sync', undefined)).toEqual({
      ok: false,
      error: { code: 'ARCHIVE_ERROR', message: paused },
    });
    expect(await dispatch(api, 'team.status', undefined)).toMatchObject({ ok: true, value: { paused } });
    const cliSync = await tala('--archive', aliceDir, 'sync');
    expect(cliSync.code).toBe(1);
    expect(cliSync.err).toContain(paused);
    expect(cliSync.out + cliSync.err).not.toMatch(/SQLITE|readonly database|EROFS/);
    const cliStatus = await tala('--archive', aliceDir, 'team', 'status');
    expect(cliStatus.out).toContain(`paused:     ${paused}`);

    // The background sync leaves a paused archive alone: no attempt, no error said again and again.
    const logged: string[] = [];
    const results: unknown[] = [];
    const background = startTeamSync(alice.team, {
      debounceMs: 5,
      intervalMs: 5,
      watchMs: 5,
      log: (m) => logged.push(m),
      onResult: (r) => results.push(r),
    });
    await background.syncNow();
    await background.stop();
    expect(results).toEqual([]);
    expect(logged).toEqual([]);

    // Nothing came in, nothing went out, nothing was written beside the archive.
    expect((await alice.annotations.list(docId)).map((n) => n.id)).toEqual([aliceNote.id]);
    await bob.team.sync();
    expect((await bob.annotations.list(docId)).map((n) => n.id)).toEqual([bobNote.id]);
    expect(readdirSync(aliceDir).sort()).toEqual(files);

    // Writable again: both notes meet on both sides.
    await close(alice);
    execFileSync('mount', ['-o', 'remount,rw', aliceDir]);
    alice = await open(aliceDir);
    expect((await alice.team.status()).paused).toBeUndefined();
    const report = await alice.team.sync();
    expect(report).toMatchObject({ pushed: 1, pulled: 1 });
    await bob.team.sync();
    const both = [aliceNote.id, bobNote.id].sort();
    expect((await alice.annotations.list(docId)).map((n) => n.id).sort()).toEqual(both);
    expect((await bob.annotations.list(docId)).map((n) => n.id).sort()).toEqual(both);
  });
});
