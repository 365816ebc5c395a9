// SIGKILL during push and during pull, 20 times each: sync resumes, nothing acknowledged is lost, nothing is
// stored twice on the server, and the archives pass SQLite's integrity check.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFileIn } from '../../../main/archive/paths';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { connectPg } from '../../../main/team/pg';
import { TeamService } from '../../../main/team/service';
import { SYNCED_TABLES } from '../../../main/team/tables';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

const CHILD = join(REPO_ROOT, 'scripts', 'team-crash-child.ts');
const ROUNDS = 20;

interface ChildRun {
  acked: string[];
  synced: boolean;
  killed: boolean;
}

/** Runs the child and kills it at a random moment after it starts syncing (or lets it finish). */
function runChild(dir: string, mode: 'edit' | 'sync', round: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, mode, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { acked: [], synced: false, killed: false };
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('ACK ')) run.acked.push(line.slice(4));
        if (line.startsWith('SYNCED')) run.synced = true;
        if (line === 'SYNC-START') {
          // Somewhere inside the sync: on an idle machine a push or pull here takes some tens of milliseconds.
          setTimeout(() => {
            run.killed = child.kill('SIGKILL');
          }, Math.random() * 60);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(run);
      else reject(new Error(`child exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

async function integrity(dir: string): Promise<string> {
  const db = await Database.open(archiveFileIn(dir), { readOnly: true });
  try {
    const rows = await db.all<{ integrity_check: string }>({ text: 'PRAGMA integrity_check', params: [] });
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    await db.close();
  }
}

async function snapshot(dir: string): Promise<Record<string, unknown[]>> {
  const db = await Database.open(archiveFileIn(dir), { readOnly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of SYNCED_TABLES)
      out[t.name] = await db.all({ text: `SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`, params: [] });
    return out;
  } finally {
    await db.close();
  }
}

describe.skipIf(unavailable)('team sync under SIGKILL', () => {
  let pg: TestPostgres;
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(() => pg?.stop());

  it(`survives ${ROUNDS} kills during push and ${ROUNDS} during pull`, async () => {
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
    const dirA = tempDir('tala-crash-a-');
    const dirB = tempDir('tala-crash-b-');
    for (const [dir, member] of [
      [dirA, 'alice'],
      [dirB, 'bob'],
    ] as const) {
      const archive = await openArchiveDir(dir, { search: 'inline' });
      await archive.team.join(pg.urlFor(member, db));
      await archive.close();
    }

    const acked: string[] = [];
    let killedPushes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = await runChild(dirA, 'edit', round);
      acked.push(...run.acked);
      if (run.killed && !run.synced) killedPushes++;
      expect(await integrity(dirA)).toBe('ok');
    }
    let killedPulls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = await runChild(dirB, 'sync', round);
      if (run.killed && !run.synced) killedPulls++;
      expect(await integrity(dirB)).toBe('ok');
    }
    // Kills must land inside syncs for the test to mean anything.
    expect(killedPushes).toBeGreaterThanOrEqual(ROUNDS / 4);
    expect(killedPulls).toBeGreaterThanOrEqual(ROUNDS / 4);

    // Resume on both sides, to completion.
    for (const dir of [dirA, dirB, dirA]) {
      const archive = await openArchiveDir(dir, { search: 'inline' });
      await archive.team.sync();
      expect((await archive.team.status()).waiting).toBe(0);
      await archive.close();
    }
    const a = await snapshot(dirA);
    for (const line of acked) {
      const [kind, id] = line.split(' ');
      const rows = kind === 'doc' ? a.documents : a.annotations;
      expect(rows.some((r) => (r as { id: string }).id === id)).toBe(true);
    }
    expect(a.annotations).toHaveLength(acked.filter((l) => l.startsWith('ann')).length);
    expect(await snapshot(dirB)).toEqual(a);

    // Nothing stored twice: each sealed change is on the server once.
    const admin = await connectPg(pg.urlFor('tala_admin', db));
    const twice = await admin.query(
      `SELECT entity, row_key, hlc FROM tala_changes GROUP BY entity, row_key, hlc HAVING count(*) > 1`,
    );
    await admin.close();
    expect(twice).toEqual([]);
    expect(await integrity(dirA)).toBe('ok');
    expect(await integrity(dirB)).toBe('ok');
  }, 600_000);
});
