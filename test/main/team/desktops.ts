// What the team tests start from: one throwaway PostgreSQL cluster for the file, a team database per test, and
// desktops (real archive folders) that joined it. Call useDesktops() inside a describe block: it starts the
// cluster before the block's tests and closes every desktop and stops the cluster after them.
import { afterAll, beforeAll } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { TeamService } from '../../../main/team/service';
import { SYNCED_TABLES } from '../../../main/team/tables';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

export interface Desktops {
  /** A fresh team database with these read-write members and the read-only member carol. */
  team(): Promise<string>;
  /** A new archive that joined the team database as this member. */
  desktop(member: string, db: string): Promise<Archive>;
}

export function useDesktops(writers: string[] = ['alice', 'bob']): Desktops {
  let pg: TestPostgres;
  const opened: Archive[] = [];
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const a of opened) await a.close().catch(() => undefined);
    pg?.stop();
  });
  return {
    async team() {
      const db = await pg.createDatabase();
      const members = [...writers.map((name) => ({ name })), { name: 'carol', readOnly: true }];
      await TeamService.initServer(pg.urlFor('tala_admin', db), members);
      return db;
    },
    async desktop(member, db) {
      const archive = await openArchiveDir(tempDir(`tala-${member}-`), { search: 'inline' });
      opened.push(archive);
      await archive.team.join(pg.urlFor(member, db));
      return archive;
    },
  };
}

/** Imports a text file and returns its document id. */
export async function importText(archive: Archive, name: string, text: string, lang: string): Promise<string> {
  const outcome = await archive.documents.importFile({ name, bytes: new TextEncoder().encode(text), lang });
  if (outcome.status !== 'imported') throw new Error(`${name} was not imported: ${outcome.status}`);
  return outcome.document.id;
}

/** A short Tagalog article (three passages, two candidates' names) for tests that need one document. */
const TAGALOG = [
  'Halalan sa Nagorno-Karabakh',
  'Noong 19 Hulyo 2012, bumoto sila para kay Bako Sahakyan. Tumakbo rin si Vitaly Balasanyan.',
  'Ang halalan ay itinuring na hindi lehitimo ng Azerbaijan.',
].join('\n\n');

/** Imports the short Tagalog article as halalan.txt and returns its document id. */
export function importTagalog(archive: Archive): Promise<string> {
  return importText(archive, 'halalan.txt', TAGALOG, 'tl');
}

/** Every synced table of an archive, row by row in key order: two converged desktops give equal snapshots. */
export async function snapshot(archive: Archive): Promise<Record<string, Array<Record<string, unknown>>>> {
  const db = await Database.open(archive.path, { readOnly: true });
  try {
    const out: Record<string, Array<Record<string, unknown>>> = {};
    for (const t of SYNCED_TABLES) {
      out[t.name] = await db.all({ text: `SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`, params: [] });
    }
    return out;
  } finally {
    await db.close();
  }
}
