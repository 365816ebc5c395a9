// Team archives for one local archive: set up or join a team database, sync, and review conflicts.
// The server address is stored without its password; a password given once is kept in a file beside the
// archive readable only by its owner (PostgreSQL's .pgpass format), or comes from PGPASSWORD / ~/.pgpass.
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PassageKind } from '../../shared/types';
import { getDocument } from '../documents/repo';
import { rewritePassages } from '../documents/edits';
import { FileCredentialStore, type CredentialStore } from './credentials';
import type { ConflictChoice, SyncConflict, SyncReport, TeamStatus } from '../../shared/team';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { addMember, assertServerUsable, migrateServer } from './server-schema';
import { connectPg, redactServerUrl, type PgSession } from './pg';
import { columnsOf, deleteRow, readRow, upsertRow } from './rows';
import { SYNCED_TABLE_NAMES, syncedTable } from './tables';

/** The sync engine loads on first use: an archive outside a team, and most commands, never need it. */
const syncEngine = () => import('./sync');

export { FileCredentialStore, type CredentialStore } from './credentials';

export class TeamService {
  private credentials: CredentialStore;

  constructor(
    private readonly db: Database,
    archiveFile: string,
    credentials?: CredentialStore,
  ) {
    this.credentials = credentials ?? new FileCredentialStore(join(dirname(archiveFile), 'team.pgpass'));
  }

  /** Where the password is kept from now on (the desktop app passes the OS keychain's). */
  useCredentials(store: CredentialStore): void {
    this.credentials = store;
  }

  /** Creates (or upgrades) the team schema on the server; the caller connects as its administrator. */
  static async initServer(url: string, members: Array<{ name: string; password?: string; readOnly?: boolean }> = []) {
    const session = await connectPg(url);
    try {
      const migrated = await migrateServer(session);
      for (const m of members) await addMember(session, m.name, m.password ?? null, m.readOnly ?? false);
      return migrated;
    } finally {
      await session.close();
    }
  }

  static async addMember(
    url: string,
    name: string,
    options: { password?: string; readOnly?: boolean } = {},
  ): Promise<void> {
    const session = await connectPg(url);
    try {
      await addMember(session, name, options.password ?? null, options.readOnly ?? false);
    } finally {
      await session.close();
    }
  }

  /** Connects this archive to the team at `url`; every shared row is pushed on the first sync. */
  async join(url: string): Promise<TeamStatus> {
    const parsed = parseServer(url);
    const session = await connectPg(url);
    try {
      await assertServerUsable(session);
    } finally {
      await session.close();
    }
    if (parsed.password) this.credentials.save(parsed.user, parsed.password);
    await (await syncEngine()).attachToTeam(this.db, redactServerUrl(url), parsed.user);
    return this.status();
  }

  /** Leaves the team: local work stays, nothing more is synced. */
  async leave(): Promise<void> {
    const { writeState } = await syncEngine();
    await this.db.transaction(async (tx) => {
      await writeState(tx, {
        server: null,
        member: null,
        last_seq: null,
        clock: null,
        last_sync_at: null,
        last_error: null,
      });
      await tx.run(sql`DELETE FROM sync_pending`);
      await tx.run(sql`DELETE FROM sync_outbox`);
      await tx.run(sql`DELETE FROM sync_versions`);
      await tx.run(sql`DELETE FROM sync_adopted`);
    });
    this.credentials.forget();
  }

  /**
   * Why sync is paused, or undefined: an archive open read-only (a failing or full disk, a read-only medium)
   * can take in nothing a pull brings, nor record what a push sent, so it neither pulls nor pushes.
   */
  get pausedReason(): string | undefined {
    const reason = this.db.readOnlyReason;
    if (reason === undefined) return undefined;
    return (
      `Team sync is paused: this archive is open read-only (${reason}), so nothing can be received into it. ` +
      'Changes made here before wait until it can be written again.'
    );
  }

  /** Whether this archive belongs to a team (cheap: one read of the local state). */
  async joined(): Promise<boolean> {
    return (await (await syncEngine()).readTeamState(this.db)) !== null;
  }

  /** Local changes the team database does not have yet (0 outside a team). */
  async waitingChanges(): Promise<number> {
    return (await this.joined()) ? (await syncEngine()).waitingChanges(this.db) : 0;
  }

  async status(): Promise<TeamStatus> {
    const { readTeamState, waitingChanges } = await syncEngine();
    const team = await readTeamState(this.db);
    const open = await this.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL`,
    );
    return {
      joined: team !== null,
      server: team?.server ?? null,
      member: team?.member ?? null,
      lastSyncAt: team?.lastSyncAt ?? null,
      lastError: team?.lastError ?? null,
      waiting: team ? await waitingChanges(this.db) : 0,
      openConflicts: open?.n ?? 0,
      ...(team && this.pausedReason !== undefined ? { paused: this.pausedReason } : {}),
    };
  }

  /** Push what changed here, pull what others pushed. */
  async sync(): Promise<SyncReport> {
    const { readTeamState, syncNow, writeState } = await syncEngine();
    const team = await readTeamState(this.db);
    if (!team)
      throw new AppError(
        'INVALID_REQUEST',
        'This archive is not part of a team yet: join one with `tala team join --server …`.',
      );
    const paused = this.pausedReason;
    if (paused !== undefined) throw new AppError('ARCHIVE_ERROR', paused);
    let session: PgSession;
    try {
      session = await connectPg(team.server, { password: this.credentials.load(team.member) ?? undefined });
    } catch (err) {
      await writeState(this.db, { last_error: (err as Error).message.slice(0, 500) });
      throw err;
    }
    try {
      await assertServerUsable(session);
      return await syncNow(this.db, session);
    } finally {
      await session.close();
    }
  }

  async conflicts(): Promise<SyncConflict[]> {
    const rows = await this.db.all<{
      id: string;
      entity: string;
      row_key: string;
      kind: SyncConflict['kind'];
      kept_author: string | null;
      other_author: string | null;
      other_op: 'upsert' | 'delete';
      other_payload: string | null;
      detected_at: string;
    }>(
      sql`SELECT id, entity, row_key, kind, kept_author, other_author, other_op, other_payload, detected_at FROM
        sync_conflicts
          WHERE resolved_at IS NULL ORDER BY detected_at`,
    );
    const out: SyncConflict[] = [];
    for (const r of rows) {
      const key = JSON.parse(r.row_key) as unknown[];
      out.push({
        id: r.id,
        entity: r.entity,
        rowKey: key,
        kind: r.kind,
        keptAuthor: r.kept_author,
        otherAuthor: r.other_author,
        otherOp: r.other_op,
        other: r.other_payload ? (JSON.parse(r.other_payload) as Record<string, unknown>) : null,
        current: SYNCED_TABLE_NAMES.has(r.entity)
          ? withoutBytes(await readRow(this.db, syncedTable(r.entity), key))
          : null,
        detectedAt: r.detected_at,
      });
    }
    return out;
  }

  /**
   * Settles a conflict: keep what is current, or take the other version (written here as a local change, so
   * the next sync makes it current for the whole team).
   */
  async resolve(
    id: string,
    choice: ConflictChoice,
    mergeEntities?: (targetId: string, sourceIds: string[]) => Promise<unknown>,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const c = await tx.get<{
        entity: string;
        row_key: string;
        kind: string;
        other_op: string;
        other_payload: string | null;
        resolved_at: string | null;
      }>(sql`SELECT entity, row_key, kind, other_op, other_payload, resolved_at FROM sync_conflicts WHERE id = ${id}`);
      if (!c) throw new AppError('NOT_FOUND', 'That conflict does not exist (any more).');
      if (c.resolved_at) return;
      const entityDuplicate = c.entity === 'entities' && c.kind === 'duplicate';
      if (choice === 'merge') {
        if (!entityDuplicate || !mergeEntities)
          throw new AppError('INVALID_REQUEST', 'Only the same entity made on two desktops can be merged here.');
        // The smaller id stays (as on any desktop that merges the same pair); its facts gain the other's.
        const pair = [String((JSON.parse(c.row_key) as unknown[])[0]), String(JSON.parse(c.other_payload!).same_as)];
        const present = await tx.all<{ id: string }>(
          sql`SELECT id FROM entities WHERE id IN (${pair[0]}, ${pair[1]}) ORDER BY id`,
        );
        if (present.length === 2) await mergeEntities(present[0].id, [present[1].id]);
        // A third copy's offers with the one merged away are settled (its offer with the one kept stays).
        await (await syncEngine()).settleEntityOffers(tx);
      } else if (choice === 'take-other' && c.kind === 'duplicate') {
        throw new AppError('INVALID_REQUEST', 'Both copies are kept: keep the current one (or merge an entity).');
      } else if (choice === 'take-other' && c.entity === 'passages' && c.other_op === 'upsert' && c.other_payload) {
        // A passage's text is part of its document's: the other text comes back as an edit (document text,
        // offsets, sentences, old version kept, annotations re-anchored), which the next sync sends.
        const other = JSON.parse(c.other_payload) as { kind?: PassageKind; text?: string };
        const passageId = String((JSON.parse(c.row_key) as unknown[])[0]);
        const at = await tx.get<{ document_id: string }>(sql`SELECT document_id FROM passages WHERE id = ${passageId}`);
        const doc = at && (await getDocument(tx, at.document_id));
        if (!doc || typeof other.text !== 'string')
          throw new AppError('INVALID_REQUEST', 'This passage is gone, so its other text cannot come back.');
        await rewritePassages(
          tx,
          doc.id,
          doc.passages.map((p) => ({
            id: p.id,
            kind: p.id === passageId ? (other.kind ?? p.kind) : p.kind,
            text: p.id === passageId ? other.text! : p.text,
          })),
          'the other version, from the team review list',
        );
      } else if (choice === 'take-other') {
        await takeOther(tx, c.entity, JSON.parse(c.row_key) as unknown[], c.other_op, c.other_payload).catch((err) => {
          if (!/FOREIGN KEY/.test((err as Error).message)) throw err;
          throw new AppError(
            'INVALID_REQUEST',
            'What this belonged to was deleted, so the other version cannot come back; its text stays in the list.',
          );
        });
      }
      await tx.run(
        sql`UPDATE sync_conflicts SET resolved_at = ${new Date().toISOString()}, resolution = ${choice} WHERE id =
          ${id}`,
      );
    });
  }
}

async function takeOther(
  tx: Database,
  entity: string,
  key: unknown[],
  op: string,
  payload: string | null,
): Promise<void> {
  const table = syncedTable(entity);
  if (op === 'delete' || !payload) await deleteRow(tx, table, key);
  else await upsertRow(tx, table, JSON.parse(payload) as Record<string, unknown>, await columnsOf(tx, table.name));
}

/** A row for the review list: bytes (an original file) are left out. */
function withoutBytes(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([, v]) => !(v instanceof Uint8Array)));
}

function parseServer(url: string): { user: string; password: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(
      'INVALID_REQUEST',
      'The team server is a postgres:// address, e.g. postgres://alice@db.example.org/team.',
    );
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol))
    throw new AppError('INVALID_REQUEST', 'The team server is a postgres:// address.');
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || '';
  if (!user) throw new AppError('INVALID_REQUEST', 'Name the member in the address: postgres://NAME@host/database.');
  return { user, password: parsed.password ? decodeURIComponent(parsed.password) : null };
}
