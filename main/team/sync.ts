// Sync between a local archive and the team database: seal what changed here into changes with ids and
// clock values, push them in one server transaction (idempotent by change id), pull what others pushed in
// server order and apply it in one local transaction. Whole rows travel; the server's order decides which
// of two concurrent versions is current, and the other one is kept as a conflict for the user to review.
import { randomUUID } from 'node:crypto';
import { reanchor } from '../../shared/anchoring';
import type { SyncReport } from '../../shared/team';
import type { Database, Row } from '../db/connection';
import { sql } from '../db/sql';
import { blockKeys, compareNames } from '../facts/keys';
import { checkPulledChange } from './check-change';
import { formatHlc, observe, parseHlc, tick, type Hlc } from './hlc';
import type { PgSession } from './pg';
import { packOriginal, unpackOriginal } from '../documents/original-bytes';
import { compactPassageTexts, keepPassageTexts, passageTextSql } from '../documents/passage-text';
import {
  columnsOf,
  deleteRow,
  insertRow,
  keyWhere,
  readRow,
  rowColumns,
  storedRow,
  toSqlValue,
  upsertRow,
} from './rows';
import { NAMED_TABLES, SYNCED_TABLES, SYNCED_TABLE_NAMES, syncedTable, type SyncedTable } from './tables';
import { scheduleSearchIndexMerge } from '../search/index-merge';

type Op = 'upsert' | 'delete';

/** What this desktop knows about its team. */
export interface TeamState {
  server: string;
  member: string;
  clientId: string;
  lastSeq: number;
  lastSyncAt: string | null;
  lastError: string | null;
}

interface Change {
  seq: number;
  change_id: string;
  client_id: string;
  author: string;
  entity: string;
  row_key: string;
  op: Op;
  hlc: string;
  base_hlc: string | null;
  payload: Record<string, unknown> | null;
  blob: Buffer | null;
}

/** Columns that travel as bytes beside the JSON payload. */
const BLOB_COLUMNS: Record<string, string> = { originals: 'data' };
/** Columns that name an entity: a pulled row naming a merged-away entity follows the merge. */
const ENTITY_REFERENCES: Record<string, readonly string[]> = {
  facts: ['subject_id', 'object_entity_id', 'qualifier_place_id'],
  entity_aliases: ['entity_id'],
};
/**
 * Rows of these tables always take the careful path: a document may share its content with one here, an
 * alias may already be on its entity.
 */
/**
 * Tables with a unique key besides their id: two desktops can make the same thing (the same translation
 * pair, the same proposal) under two ids. The pull keeps one of them everywhere (see settleClash).
 */
const NATURAL_KEYS: Record<string, readonly string[]> = {
  translations: ['source_document_id', 'translation_document_id'],
  translation_segments: ['translation_id', 'ordinal'],
  facts: ['proposal_key'],
};
/** Columns that hold the id of a row of a NATURAL_KEYS table: they follow an adopted id. */
const ROW_REFERENCES: Record<string, Record<string, string>> = {
  alignment_links: { translation_id: 'translations' },
  translation_segments: { translation_id: 'translations' },
  fact_evidence: { fact_id: 'facts' },
};
/** Columns left out when two copies of the same thing are compared (each desktop fills them its own way). */
const INCIDENTAL_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'created_at',
  'updated_at',
  ...Object.values(ENTITY_REFERENCES).flat(),
]);
/**
 * What a person edits, for tables whose rows also change as a side effect of an edit elsewhere: two concurrent
 * versions that agree on these are not put up for review (sentences are derived from the passage text).
 */
const REVIEWED_FIELDS: Record<string, readonly string[]> = {
  passages: ['text', 'kind'],
  sentences: [],
  document_versions: ['text'],
  documents: ['title', 'author', 'source', 'published_at', 'lang', 'file_created_at'],
};
const SLOW_PATH_TABLES: ReadonlySet<string> = new Set(['documents', 'entity_aliases', ...NAMED_TABLES]);
/** compareNames' score for the same name in another spelling or script (a surname alone scores less). */
const SAME_NAME = 0.95;
const PUSH_BATCH = 400;
const PULL_PAGE = 2000;

export async function readTeamState(db: Database): Promise<TeamState | null> {
  const rows = await db.all<{ key: string; value: string }>(sql`SELECT key, value FROM sync_state`);
  const state = new Map(rows.map((r) => [r.key, r.value]));
  const server = state.get('server');
  if (!server) return null;
  return {
    server,
    member: state.get('member') ?? '',
    clientId: state.get('client_id') ?? '',
    lastSeq: Number(state.get('last_seq') ?? 0),
    lastSyncAt: state.get('last_sync_at') ?? null,
    lastError: state.get('last_error') ?? null,
  };
}

export async function writeState(db: Database, values: Record<string, string | null>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === null) await db.run(sql`DELETE FROM sync_state WHERE key = ${key}`);
    else
      await db.run(
        sql`INSERT INTO sync_state (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value =
          excluded.value`,
      );
  }
}

/**
 * Connects this archive to a team: remembers the server (without password) and marks every shared row
 * for the first push. Rows pulled later are not pushed back.
 */
export async function attachToTeam(db: Database, server: string, member: string): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await readTeamState(tx);
    const clientId = existing?.clientId || randomUUID();
    await writeState(tx, {
      server,
      member,
      client_id: clientId,
      last_seq: String(existing?.lastSeq ?? 0),
      last_error: null,
    });
    if (existing) return;
    for (const table of orderedTables()) {
      await tx.run({
        text: `INSERT INTO sync_pending (entity, row_key, op) SELECT '${table.name}', ${keyJson(table)}, 'upsert' FROM
          ${table.name}
               WHERE true ON CONFLICT (entity, row_key) DO NOTHING`,
        params: [],
      });
    }
  });
}

/** Number of local changes the server does not have yet. */
export async function waitingChanges(db: Database): Promise<number> {
  const row = await db.get<{ n: number }>(
    sql`SELECT (SELECT count(*) FROM sync_pending) + (SELECT count(*) FROM sync_outbox) AS n`,
  );
  return row?.n ?? 0;
}

/** Push, then pull. Each half is one transaction on its side; a failure leaves both sides as they were. */
export async function syncNow(db: Database, session: PgSession): Promise<SyncReport> {
  const team = await readTeamState(db);
  if (!team) throw new Error('this archive is not part of a team');
  try {
    await seal(db, team);
    const pushed = await push(db, session, team);
    const { pulled, conflicts, changedDocuments } = await pull(db, session, team);
    if (pulled > 0) {
      void db.reclaimFreePages(); // what pulled deletes freed, in the background
      scheduleSearchIndexMerge(db); // the index's new segments and deleted rows, once writes are quiet
    }
    await writeState(db, { last_sync_at: new Date().toISOString(), last_error: null });
    return { pushed, pulled, conflicts, waiting: await waitingChanges(db), changedDocuments };
  } catch (err) {
    await writeState(db, { last_error: (err as Error).message.slice(0, 500) }).catch(() => undefined);
    throw err;
  }
}

/**
 * Turns the rows marked since the last seal into changes with fixed ids and clock values, in one local
 * transaction, table by table in SQL (a first sync seals hundreds of thousands of rows).
 */
export async function seal(db: Database, team: TeamState): Promise<number> {
  return db.transaction(async (tx) => {
    const pending = (await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM sync_pending`))?.n ?? 0;
    if (pending === 0) return 0;
    const start = tick(await readClock(tx), team.clientId);
    let counter = start.counter;
    const firstNew = ((await tx.get<{ n: number }>(sql`SELECT coalesce(max(n), 0) AS n FROM sync_outbox`))?.n ?? 0) + 1;
    const clockOf = `printf('%015d-%09d-%s', ?, ? + row_number() OVER (ORDER BY p.row_key) - 1, ?)`;
    // A kept row deleted here takes the rows dropped for it along (see removeKept on the other desktops).
    for (const entity of Object.keys(NATURAL_KEYS)) {
      await tx.run({
        text: `INSERT INTO sync_pending (entity, row_key, op)
               SELECT a.entity, json_array(a.from_id), 'delete' FROM sync_adopted a
               JOIN sync_pending p ON p.entity = a.entity AND json_extract(p.row_key, '$[0]') = a.to_id
               WHERE a.entity = ? AND NOT EXISTS (SELECT 1 FROM ${entity} t WHERE t.id = a.to_id)
                 AND NOT EXISTS (SELECT 1 FROM ${entity} t WHERE t.id = a.from_id)
               ON CONFLICT (entity, row_key) DO NOTHING`,
        params: [entity],
      });
    }
    // Parents before children for upserts; children before parents for deletes.
    for (const table of SYNCED_TABLES) {
      const columns = [...(await columnsOf(tx, table.name))];
      const blobColumn = BLOB_COLUMNS[table.name];
      // A passage's text travels in its row (as before schema v10), read from its document's text.
      // Its sentences (in its row since schema v14) travel as rows of the `sentences` view, one change each.
      const local = table.name === 'passages' ? ['own_text', 'sentences'] : [];
      const fields = columns.filter((c) => c !== blobColumn && !local.includes(c)).map((c) => `'${c}', t.${c}`);
      if (table.name === 'passages') fields.push(`'text', ${passageTextSql('t').text}`);
      const payload = `json_object(${fields.join(', ')})`;
      const sealed = await tx.run({
        text: `INSERT INTO sync_outbox (change_id, entity, row_key, op, hlc, base_hlc, payload, blob)
               SELECT lower(hex(randomblob(16))), p.entity, p.row_key, 'upsert', ${clockOf}, v.hlc, ${payload},
                 ${blobColumn ? `t.${blobColumn}` : 'NULL'}
               FROM sync_pending p JOIN ${table.name} t ON ${keyJoin(table)}
               LEFT JOIN sync_versions v ON v.entity = p.entity AND v.row_key = p.row_key
               WHERE p.entity = ? AND p.op = 'upsert'`,
        params: [start.ms, counter, team.clientId, table.name],
      });
      counter += sealed.changes;
    }
    for (const table of [...SYNCED_TABLES].reverse()) {
      const sealed = await tx.run({
        text: `INSERT INTO sync_outbox (change_id, entity, row_key, op, hlc, base_hlc, payload, blob)
               SELECT lower(hex(randomblob(16))), p.entity, p.row_key, 'delete', ${clockOf}, v.hlc, NULL, NULL
               FROM sync_pending p LEFT JOIN sync_versions v ON v.entity = p.entity AND v.row_key = p.row_key
               WHERE p.entity = ? AND NOT EXISTS (SELECT 1 FROM ${table.name} t WHERE ${keyJoin(table)})
               -- Rows dropped for a kept one go before it: a desktop that reads the kept row's delete knows them gone.
               ORDER BY EXISTS (SELECT 1 FROM sync_adopted a WHERE a.entity = p.entity
                                  AND a.from_id = json_extract(p.row_key, '$[0]')) DESC, p.row_key`,
        params: [start.ms, counter, team.clientId, table.name],
      });
      counter += sealed.changes;
    }
    await tx.run(sql`INSERT INTO sync_versions (entity, row_key, hlc, seq, author)
                     SELECT entity, row_key, hlc, NULL, ${team.member} FROM sync_outbox WHERE n >= ${firstNew} ORDER
                       BY n
                     ON CONFLICT (entity, row_key) DO UPDATE SET hlc = excluded.hlc, seq = NULL, author =
                       excluded.author`);
    await tx.run(sql`DELETE FROM sync_pending`);
    await writeState(tx, {
      clock: formatHlc({ ms: start.ms, counter: Math.max(start.counter, counter - 1), node: team.clientId }),
    });
    return pending;
  });
}

interface OutboxRow {
  n: number;
  change_id: string;
  entity: string;
  row_key: string;
  op: Op;
  hlc: string;
  base_hlc: string | null;
  payload: string | null;
  blob: Uint8Array | null;
}

/**
 * Sends the sealed changes to the server in one transaction, then marks them acknowledged here. A push
 * that dies anywhere is retried with the same change ids; the server keeps the first copy of each.
 */
export async function push(db: Database, session: PgSession, team: TeamState): Promise<number> {
  const acknowledged: Array<[string, number]> = [];
  await session.transaction(async () => {
    // One pusher at a time: server order (seq) is then commit order, so a reader never skips a change
    // that commits after a later-numbered one.
    await session.query('SELECT pg_advisory_xact_lock(1952541794)');
    for (let after = 0; ;) {
      const batch = await db.all<OutboxRow>(
        sql`SELECT n, change_id, entity, row_key, op, hlc, base_hlc, payload, blob FROM sync_outbox WHERE n > ${after}
          ORDER BY n LIMIT ${PUSH_BATCH}`,
      );
      if (batch.length === 0) break;
      after = batch[batch.length - 1].n;
      const params: unknown[] = [];
      const values = batch.map((row) => {
        const c = wireForm(row);
        const at = params.length;
        params.push(
          c.change_id,
          team.clientId,
          c.entity,
          c.row_key,
          c.op,
          c.hlc,
          c.base_hlc,
          c.payload,
          c.blob ? Buffer.from(c.blob) : null,
        );
        return (
          `($${at + 1}::uuid, $${at + 2}::uuid, '',` +
          ` $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}::jsonb, $${at + 9}::bytea)`
        );
      });
      const inserted = await session.query<{ change_id: string; seq: string }>(
        `INSERT INTO tala_changes (change_id, client_id, author, entity, row_key, op, hlc, base_hlc, payload, blob)
         VALUES ${values.join(', ')} ON CONFLICT (change_id) DO NOTHING
         RETURNING replace(change_id::text, '-', '') AS change_id, seq`,
        params,
      );
      for (const r of inserted) acknowledged.push([r.change_id, Number(r.seq)]);
      if (inserted.length < batch.length) {
        // Sent before by a push whose acknowledgement was lost: the server's copy stands.
        const seen = new Set(inserted.map((r) => r.change_id));
        const again = await session.query<{ change_id: string; seq: string }>(
          `SELECT replace(change_id::text, '-', '') AS change_id, seq FROM tala_changes WHERE change_id =
            ANY($1::uuid[])`,
          [batch.filter((c) => !seen.has(c.change_id)).map((c) => c.change_id)],
        );
        for (const r of again) acknowledged.push([r.change_id, Number(r.seq)]);
      }
    }
  });
  if (acknowledged.length > 0) await db.transaction((tx) => acknowledgeAll(tx, acknowledged));
  return acknowledged.length;
}

/**
 * A sealed change as the team sees it: an original travels as the imported bytes, never as this archive stores them
 * (deflated: main/documents/original-bytes.ts), so every desktop, of any version, gets the file itself.
 */
function wireForm(c: OutboxRow): OutboxRow {
  if (c.entity !== 'originals' || c.payload === null) return c;
  const { compression, ...row } = JSON.parse(c.payload) as Record<string, unknown>;
  if (compression === undefined) return c;
  const blob = c.blob && unpackOriginal(c.blob, (compression as string | null) ?? null, Number(row.size));
  return { ...c, payload: JSON.stringify(row), blob };
}

/** Marks pushed changes as the server's: their rows' versions get the server's order, the outbox empties. */
async function acknowledgeAll(tx: Database, acks: Array<[string, number]>): Promise<void> {
  await tx.exec('CREATE TEMP TABLE IF NOT EXISTS sync_acks (change_id TEXT PRIMARY KEY, seq INTEGER NOT NULL)');
  await tx.exec('DELETE FROM temp.sync_acks');
  for (let i = 0; i < acks.length; i += 400) {
    const batch = acks.slice(i, i + 400);
    await tx.run({
      text: `INSERT OR IGNORE INTO temp.sync_acks (change_id, seq) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      params: batch.flat(),
    });
  }
  await tx.exec(`UPDATE sync_versions SET seq = x.seq
                 FROM (SELECT o.entity, o.row_key, o.hlc, a.seq FROM temp.sync_acks a JOIN sync_outbox o ON
                   o.change_id = a.change_id) AS x
                 WHERE sync_versions.entity = x.entity AND sync_versions.row_key = x.row_key AND sync_versions.hlc =
                   x.hlc`);
  await tx.exec('DELETE FROM sync_outbox WHERE change_id IN (SELECT change_id FROM temp.sync_acks)');
  await tx.exec('DELETE FROM temp.sync_acks');
}

async function acknowledge(
  tx: Database,
  changeId: string,
  entity: string,
  rowKey: string,
  hlc: string,
  seq: number,
): Promise<void> {
  await tx.run(sql`DELETE FROM sync_outbox WHERE change_id = ${changeId}`);
  await tx.run(
    sql`UPDATE sync_versions SET seq = ${seq} WHERE entity = ${entity} AND row_key = ${rowKey} AND hlc = ${hlc}`,
  );
}

/** Applies everything the server has after the last change seen here, in one local transaction. */
export async function pull(
  db: Database,
  session: PgSession,
  team: TeamState,
): Promise<{ pulled: number; conflicts: number; changedDocuments: string[] }> {
  return db.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO sync_apply_guard (active) VALUES (1)`);
    await tx.exec('PRAGMA defer_foreign_keys = ON');
    const state = (await readTeamState(tx))!;
    let lastSeq = state.lastSeq;
    let clock = await readClock(tx);
    // Our own changes come back only to settle a push whose acknowledgement was lost.
    const unacknowledged = Boolean(await tx.get(sql`SELECT 1 FROM sync_outbox LIMIT 1`));
    const applier = new ChangeApplier(tx, team, session);
    await applier.loadAdopted();
    let pulled = 0;
    for (;;) {
      const page = await session.query<Change>(
        `SELECT seq, replace(change_id::text, '-', '') AS change_id, client_id::text, author, entity, row_key, op,
          hlc, base_hlc, payload, blob
         FROM tala_changes WHERE seq > $1 AND ($2::boolean OR client_id <> $3::uuid) ORDER BY seq LIMIT ${PULL_PAGE}`,
        [lastSeq, unacknowledged, team.clientId],
      );
      for (const change of page) {
        change.seq = Number(change.seq);
        checkPulledChange(change);
      }
      await applier.prefetch(page);
      for (const change of page) {
        await applier.apply(change);
        clock = observe(clock, parseHlc(change.hlc), team.clientId);
        lastSeq = change.seq;
        pulled++;
      }
      await applier.flushInserts();
      await applier.flushVersions();
      if (page.length < PULL_PAGE) break;
    }
    await compactPassageTexts(tx, [...applier.changedDocuments]);
    await applier.reanchorStaleAnnotations();
    await applier.orientCorrections();
    await applier.offerEntityMerges();
    await applier.dropOrphans();
    await tx.run(sql`DELETE FROM sync_apply_guard`);
    await writeState(tx, { last_seq: String(lastSeq), ...(clock ? { clock: formatHlc(clock) } : {}) });
    return { pulled, conflicts: applier.conflicts, changedDocuments: [...applier.changedDocuments] };
  });
}

interface RowVersion {
  hlc: string;
  seq: number | null;
  author: string | null;
}

const rowId = (entity: string, rowKey: string) => `${entity}\u0000${rowKey}`;

/** Decides, change by change, what a pulled change does to this archive. */
class ChangeApplier {
  conflicts = 0;
  readonly changedDocuments = new Set<string>();
  /** Documents whose text or annotations changed: their annotations may need re-anchoring. */
  private readonly anchorDocuments = new Set<string>();
  private readonly columns = new Map<string, Set<string>>();
  // What this page's rows are here, read in bulk before the page is applied and kept current while it is.
  private versions = new Map<string, RowVersion>();
  private unpushed = new Map<string, Op>();
  private rows = new Map<string, Row | null>();
  private versionWrites = new Map<string, [string, string, string, number, string]>();
  private inserts = new Map<string, { table: string; cols: string[]; values: unknown[][] }>();
  /** Per table: an id not kept here → the id kept in its place. */
  private adopted = new Map<string, Map<string, string>>();
  /** Whether this pull wrote translation links or their corrections (see orientCorrections). */
  private correctionsTouched = false;
  /** Entities this pull brought that were not here (see offerEntityMerges), with who made them. */
  private readonly newEntities = new Map<string, { author: string; client: string }>();
  private entitiesTouched = false;
  /** Per table, its foreign keys that cascade deletes (see keepLostEdits). */
  private readonly cascades = new Map<string, Array<{ table: string; from: string }>>();
  /** Tables this pull wrote rows of (see dropOrphans). */
  private readonly written = new Set<string>();

  constructor(
    private readonly tx: Database,
    private readonly team: TeamState,
    private readonly session: PgSession,
  ) {}

  /** Reads, in a few statements, the versions, unpushed changes and current rows of a page's rows. */
  async prefetch(page: Change[]): Promise<void> {
    const tx = this.tx;
    this.versions = new Map();
    this.unpushed = new Map();
    this.rows = new Map();
    await tx.exec(
      'CREATE TEMP TABLE IF NOT EXISTS sync_page (entity TEXT NOT NULL, row_key TEXT NOT NULL,' +
        ' PRIMARY KEY (entity, row_key))',
    );
    await tx.exec('DELETE FROM temp.sync_page');
    const keys = page.filter((c) => SYNCED_TABLE_NAMES.has(c.entity)).map((c) => [c.entity, c.row_key]);
    for (let i = 0; i < keys.length; i += 400) {
      const batch = keys.slice(i, i + 400);
      await tx.run({
        text: `INSERT OR IGNORE INTO temp.sync_page (entity, row_key) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
        params: batch.flat(),
      });
    }
    const versions = await tx.all<RowVersion & { entity: string; row_key: string }>(
      sql`SELECT v.entity, v.row_key, v.hlc, v.seq, v.author FROM temp.sync_page p JOIN sync_versions v ON v.entity =
        p.entity AND v.row_key = p.row_key`,
    );
    for (const v of versions)
      this.versions.set(rowId(v.entity, v.row_key), { hlc: v.hlc, seq: v.seq, author: v.author });
    const unpushed = await tx.all<{ entity: string; row_key: string; op: Op }>(
      sql`SELECT o.entity, o.row_key, o.op FROM temp.sync_page p JOIN sync_outbox o ON o.entity = p.entity AND
        o.row_key = p.row_key ORDER BY o.n`,
    );
    for (const u of unpushed) this.unpushed.set(rowId(u.entity, u.row_key), u.op);
    const pending = await tx.all<{ entity: string; row_key: string; op: Op }>(
      sql`SELECT s.entity, s.row_key, s.op FROM temp.sync_page p JOIN sync_pending s ON s.entity = p.entity AND
        s.row_key = p.row_key`,
    );
    for (const u of pending) this.unpushed.set(rowId(u.entity, u.row_key), u.op);
    for (const entity of new Set(keys.map(([e]) => e))) {
      const table = syncedTable(entity);
      const found = await tx.all<Row & { sync_row_key: string }>({
        text: `SELECT p.row_key AS sync_row_key, ${rowColumns(table.name, 't')} FROM temp.sync_page p
          JOIN ${table.name} t ON ${keyJoin(table)}
          WHERE p.entity = ?`,
        params: [entity],
      });
      for (const row of keys.filter(([e]) => e === entity)) this.rows.set(rowId(entity, row[1]), null);
      for (const { sync_row_key: rowKey, ...row } of found) this.rows.set(rowId(entity, rowKey), row);
    }
  }

  /** Writes the versions set while applying the page, in a few statements. */
  async flushVersions(): Promise<void> {
    const rows = [...this.versionWrites.values()];
    this.versionWrites = new Map();
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      await this.tx.run({
        text: `INSERT INTO sync_versions (entity, row_key, hlc, seq, author) VALUES
          ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}
               ON CONFLICT (entity, row_key) DO UPDATE SET hlc = excluded.hlc, seq = excluded.seq, author =
                 excluded.author`,
        params: batch.flat(),
      });
    }
  }

  async apply(c: Change): Promise<void> {
    const tx = this.tx;
    if (c.client_id === this.team.clientId) {
      // Our own change: pushed, but the acknowledgement here was lost (a crash after the server's commit).
      await acknowledge(tx, c.change_id, c.entity, c.row_key, c.hlc, c.seq);
      if (!(await tx.get(sql`SELECT 1 FROM sync_outbox WHERE entity = ${c.entity} AND row_key = ${c.row_key}`))) {
        this.unpushed.delete(rowId(c.entity, c.row_key));
      }
      const v = this.versions.get(rowId(c.entity, c.row_key));
      if (v && v.hlc === c.hlc) v.seq = c.seq;
      return;
    }
    if (!SYNCED_TABLE_NAMES.has(c.entity)) return; // a table of a newer Tala: nothing here can hold it
    const table = syncedTable(c.entity);
    if (c.op === 'upsert') this.written.add(table.name);
    if (table.name === 'translations' || table.name === 'alignment_links') this.correctionsTouched = true;
    if (table.name === 'entities') {
      this.entitiesTouched = true;
      const entityId = (JSON.parse(c.row_key) as unknown[])[0];
      if (c.op === 'upsert' && this.rows.get(rowId(c.entity, c.row_key)) === null && typeof entityId === 'string')
        this.newEntities.set(entityId, { author: c.author, client: c.client_id });
    }
    if (c.op === 'delete' && NATURAL_KEYS[table.name]) {
      const id = String((JSON.parse(c.row_key) as unknown[])[0]);
      const kept = this.keptId(table.name, id);
      if (kept !== id) {
        await this.deleteDropped(table, id, kept, c);
        return;
      }
    }
    if (await this.followAdopted(table, c)) await this.loadRowState(c.entity, c.row_key);
    if (c.op === 'upsert' && NATURAL_KEYS[table.name] && (await this.settleClash(table, c))) return;
    const key = JSON.parse(c.row_key) as unknown[];
    const id = rowId(c.entity, c.row_key);
    const version = this.versions.get(id);
    const localOp = this.unpushed.get(id);
    if (c.op === 'upsert' && !localOp && !version && this.rows.get(id) === null && !SLOW_PATH_TABLES.has(table.name)) {
      // A row new to this desktop with nothing to decide (most of a first sync): inserted in batches.
      const row = await this.rowToWrite(table, c);
      this.noteDocument(table, key, row);
      this.bufferInsert(table, row);
      this.rows.set(id, cachedRow(table.name, row));
      await this.setVersion(c);
      return;
    }
    await this.flushInserts();
    const current = this.rows.has(id) ? this.rows.get(id)! : await readRow(tx, table, key);

    if (localOp) {
      if (c.op === 'delete') {
        // Deleted there, edited here: the edit is kept (our later push restores the row) and the user asked.
        if (localOp === 'upsert') await this.conflict(c, 'delete-edit', this.team.member);
        return;
      }
      if (localOp === 'delete') {
        // Edited there, deleted here: keep the edit, forget our delete, ask.
        await this.forgetUnpushed(c.entity, c.row_key);
        await this.write(table, key, c);
        await this.conflict({ ...c, op: 'delete', payload: null, author: this.team.member }, 'delete-edit', c.author);
        return;
      }
      // Both edited: ours reaches the server later and wins there; theirs stays visible here.
      await this.conflict(c, 'edit', this.team.member);
      return;
    }

    if (version?.seq != null && version.seq > c.seq) {
      // What we have here came later in server order than this change (we pushed before pulling it).
      if (c.op === 'upsert' && !current) {
        // Our delete met their earlier edit: the edit is kept everywhere.
        await this.write(table, key, c);
        await this.conflict({ ...c, op: 'delete', payload: null, author: this.team.member }, 'delete-edit', c.author);
      } else if (c.op === 'upsert') {
        await this.conflict(c, 'edit', version.author);
      } else if (current) {
        await this.conflict(c, 'delete-edit', version.author);
      }
      return;
    }

    if (c.op === 'delete') {
      if (table.name === 'entities' && current && !(await this.followMerge(String(key[0])))) {
        // Deleted there while something here still names it, with no merge to follow: keep it and ask.
        await this.conflict(c, 'delete-edit', version?.author ?? null);
        return;
      }
      if (current && version && c.base_hlc !== version.hlc && !(await this.sawOwnVersion(table, key, c))) {
        // The deleter had not seen this version: keep the edit and ask.
        await this.conflict(c, 'delete-edit', version.author);
        return;
      }
      if (current && NATURAL_KEYS[table.name]) await this.removeKept(table, String(key[0]), c.seq);
      else if (current) await this.remove(table, key);
      await this.setVersion(c);
      return;
    }
    if (version && c.base_hlc !== version.hlc) {
      if (current && !sameRow(current, c.payload)) {
        // Concurrent edits: theirs is later in server order and becomes current; ours is kept for review.
        await this.conflict(
          { ...c, payload: current, author: version.author ?? '', op: 'upsert' },
          'edit',
          c.author,
          c.payload,
        );
      } else if (!current) {
        // Deleted here, edited there without having seen the delete: the edit is kept, and the user asked.
        await this.conflict(
          { ...c, payload: null, author: version.author ?? '', op: 'delete' },
          'delete-edit',
          c.author,
        );
      }
    }
    await this.write(table, key, c);
  }

  /**
   * Annotations made on an older text of their document (here, or on a desktop that had not yet seen an
   * edit) are re-anchored on the text as it is now; so are those whose offsets do not hold their quote in
   * the text here (a row crafted on the server, or a text that lost a concurrent edit). Every desktop does
   * this on arrival and gets the same result, so it is not pushed (the guard is still up).
   */
  async reanchorStaleAnnotations(): Promise<void> {
    for (const documentId of this.anchorDocuments) {
      const doc = await this.tx.get<{ text: string; version: number }>(
        sql`SELECT text, version FROM documents WHERE id = ${documentId}`,
      );
      if (!doc) continue;
      const stale = await this.tx.all<{
        id: string;
        exact: string;
        prefix: string;
        suffix: string;
        start_offset: number;
        end_offset: number;
        document_version: number;
        old_text: string | null;
      }>(
        sql`SELECT a.id, a.exact, a.prefix, a.suffix, a.start_offset, a.end_offset, a.document_version, v.text AS
          old_text
            FROM annotations a
            LEFT JOIN document_versions v ON v.document_id = a.document_id AND v.version = a.document_version
            WHERE a.document_id = ${documentId} AND (a.document_version < ${doc.version} OR a.status <> 'orphaned')`,
      );
      for (const a of stale) {
        const current = a.document_version >= doc.version;
        if (current && doc.text.slice(a.start_offset, a.end_offset) === a.exact) continue;
        const selector = {
          exact: a.exact,
          prefix: a.prefix,
          suffix: a.suffix,
          start: a.start_offset,
          end: a.end_offset,
        };
        // Without the old text the quote and its context still find the place.
        const placed = reanchor(current ? doc.text : (a.old_text ?? doc.text), doc.text, selector);
        const s = placed.selector;
        await this.tx
          .run(sql`UPDATE annotations SET exact = ${s.exact}, prefix = ${s.prefix}, suffix = ${s.suffix}, start_offset
            = ${s.start},
                              end_offset = ${s.end}, status = ${placed.status}, document_version = ${doc.version}
                                WHERE id = ${a.id}`);
      }
    }
  }

  /**
   * Corrections are stored in their link's direction (source units first). One made for the pair the other
   * way round (on a desktop whose link of the pair went the other way, since settled: settleReversed) is
   * turned round here, on every desktop alike: its units tell which document they belong to. The link's stored
   * alignment is dropped so it is worked out again with them.
   */
  async orientCorrections(): Promise<void> {
    if (!this.correctionsTouched) return;
    const firstPassage = (column: string) =>
      `CASE json_type(a.${column}, '$[0]') WHEN 'array' THEN json_extract(a.${column}, '$[0][0]')
         WHEN 'text' THEN json_extract(a.${column}, '$[0]') END`;
    const turned = await this.tx.all<{ id: string; translation_id: string }>({
      text: `SELECT a.id, a.translation_id FROM alignment_links a
               JOIN translations t ON t.id = a.translation_id
               LEFT JOIN passages ps ON ps.id = ${firstPassage('source')}
               LEFT JOIN passages pt ON pt.id = ${firstPassage('target')}
             WHERE ps.document_id = t.translation_document_id
                OR (ps.id IS NULL AND pt.document_id = t.source_document_id)`,
      params: [],
    });
    for (const r of turned) {
      await this.tx.run(sql`UPDATE alignment_links SET source = target, target = source WHERE id = ${r.id}`);
      await this.tx.run(sql`DELETE FROM alignments WHERE translation_id = ${r.translation_id}`);
    }
  }

  /**
   * The same person, place or organisation made on two desktops (two entities of one type, one's name the
   * same as a name of the other in any spelling or script: "Bako Sahakyan", "Бако Саакян", "Բակո Սահակյան"; the
   * entity page's cross-script matching, compareNames) is not merged behind the user's back (two people can
   * share a name): each pair is offered once in the review list as a duplicate, to merge (team.resolve 'merge')
   * or keep apart. Two entities this pull brought from one desktop are not offered (made side by side there, they
   * are that desktop's own suggestions). An offer whose two entities are no longer both here (merged on some
   * desktop) is settled.
   */
  async offerEntityMerges(): Promise<void> {
    if (!this.entitiesTouched) return;
    await settleEntityOffers(this.tx);
    if (this.newEntities.size === 0) return;
    // Every entity with its names, in blocks of names that might match (the cross-script keys of the last word).
    const named = new Map<string, { type: string; name: string; aliases: string[] }>();
    for (const r of await this.tx.all<{ id: string; type: string; name: string; alias: string | null }>(
      sql`SELECT e.id, e.type, e.name, a.alias FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
            ORDER BY e.id`,
    )) {
      let e = named.get(r.id);
      if (!e) named.set(r.id, (e = { type: r.type, name: r.name, aliases: [r.name] }));
      if (r.alias !== null && !e.aliases.includes(r.alias)) e.aliases.push(r.alias);
    }
    const blocks = new Map<string, Set<string>>();
    for (const [id, e] of named) {
      for (const k of new Set(e.aliases.flatMap(blockKeys))) {
        const block = `${e.type}\u0000${k}`;
        let ids = blocks.get(block);
        if (!ids) blocks.set(block, (ids = new Set()));
        ids.add(id);
      }
    }
    // One name of an entity is the same as the other's name (or the other way round), in any spelling or script.
    const nameAmong = (name: string, aliases: readonly string[]) =>
      aliases.some((alias) => compareNames(name, alias).score >= SAME_NAME);
    for (const [id, { author, client }] of this.newEntities) {
      const entity = named.get(id);
      if (!entity) continue;
      const candidates = new Set<string>();
      for (const k of new Set(entity.aliases.flatMap(blockKeys)))
        for (const o of blocks.get(`${entity.type}\u0000${k}`) ?? []) candidates.add(o);
      for (const otherId of [...candidates].sort()) {
        if (otherId === id) continue;
        const other = named.get(otherId)!;
        const otherNew = this.newEntities.get(otherId);
        // Both pulled now from one desktop, the pair is looked at once (from the smaller id) or not at all.
        if (otherNew && (otherNew.client === client || otherId < id)) continue;
        if (!nameAmong(entity.name, other.aliases) && !nameAmong(other.name, entity.aliases)) continue;
        const offered = await this.tx.get(
          sql`SELECT 1 FROM sync_conflicts WHERE entity = 'entities' AND kind = 'duplicate' AND resolved_at IS NULL
                AND ((row_key = ${JSON.stringify([id])} AND json_extract(other_payload, '$.same_as') = ${otherId})
                  OR (row_key = ${JSON.stringify([otherId])} AND json_extract(other_payload, '$.same_as') = ${id}))`,
        );
        if (offered) continue;
        const otherAuthor =
          otherNew?.author ??
          (
            await this.tx.get<{ author: string | null }>(
              sql`SELECT author FROM sync_versions WHERE entity = 'entities' AND row_key = ${JSON.stringify([
                otherId,
              ])}`,
            )
          )?.author ??
          this.team.member;
        await this.conflict(
          {
            entity: 'entities',
            row_key: JSON.stringify([id]),
            op: 'upsert',
            payload: { same_as: otherId, name: other.name, type: entity.type },
            author: otherAuthor,
          },
          'duplicate',
          author,
        );
      }
    }
  }

  /**
   * A row kept against a delete (an edit the deleter had not seen) whose parent the same deleter removed (a
   * segment edited here while its translation was unlinked there, a note on a deleted document) cannot stay:
   * every desktop drops it alike and keeps it in the review list as the edit that was lost; a reference that
   * may be empty (ON DELETE SET NULL) is emptied instead. Otherwise the pull could never commit.
   */
  async dropOrphans(): Promise<void> {
    for (const name of this.written) {
      const table = syncedTable(name);
      const broken = await this.tx.all<{ rowid: number | null; fkid: number }>({
        text: `PRAGMA foreign_key_check(${name})`,
        params: [],
      });
      if (broken.length === 0) continue;
      const fks = await this.tx.all<{ id: number; from: string; on_delete: string }>({
        text: `PRAGMA foreign_key_list(${name})`,
        params: [],
      });
      for (const b of broken) {
        const fk = fks.find((f) => f.id === b.fkid);
        if (b.rowid == null || !fk) continue;
        if (fk.on_delete === 'SET NULL') {
          await this.tx.run({ text: `UPDATE ${name} SET ${fk.from} = NULL WHERE rowid = ?`, params: [b.rowid] });
          continue;
        }
        if (fk.on_delete !== 'CASCADE') continue;
        const row = await this.tx.get<Row>({
          text: `SELECT ${rowColumns(name, 't')} FROM ${name} t WHERE t.rowid = ?`,
          params: [b.rowid],
        });
        if (!row) continue;
        await this.lostEdit(table, row);
        await this.tx.run({ text: `DELETE FROM ${name} WHERE rowid = ?`, params: [b.rowid] });
      }
    }
  }

  async loadAdopted(): Promise<void> {
    const rows = await this.tx.all<{ entity: string; from_id: string; to_id: string }>(
      sql`SELECT entity, from_id, to_id FROM sync_adopted`,
    );
    for (const r of rows) this.adoptedIn(r.entity).set(r.from_id, r.to_id);
  }

  private adoptedIn(entity: string): Map<string, string> {
    let map = this.adopted.get(entity);
    if (!map) this.adopted.set(entity, (map = new Map()));
    return map;
  }

  /** The id kept for `id` here: itself, or where adoptions took it. */
  private keptId(entity: string, id: string): string {
    const map = this.adopted.get(entity);
    let current = id;
    for (let hops = 0; map && hops < 20 && map.has(current); hops++) current = map.get(current)!;
    return current;
  }

  /**
   * Rewrites a pulled change that names an id not kept here (its own row's, or a parent's) to the id kept
   * in its place. True when the change's own key changed.
   */
  private async followAdopted(table: SyncedTable, c: Change): Promise<boolean> {
    if (this.adopted.size === 0) return false;
    const refs = { ...(NATURAL_KEYS[table.name] ? { id: table.name } : {}), ...ROW_REFERENCES[table.name] };
    const key = JSON.parse(c.row_key) as unknown[];
    let keyChanged = false;
    for (const [column, target] of Object.entries(refs)) {
      const at = table.key.indexOf(column);
      if (at >= 0 && typeof key[at] === 'string') {
        const kept = this.keptId(target, key[at] as string);
        if (kept !== key[at]) {
          key[at] = kept;
          keyChanged = true;
        }
      }
      if (c.payload && typeof c.payload[column] === 'string') {
        c.payload = { ...c.payload, [column]: this.keptId(target, c.payload[column] as string) };
      }
    }
    if (keyChanged) c.row_key = JSON.stringify(key);
    return keyChanged;
  }

  /** Reads one row's version, unpushed change and current value (a key the page's prefetch did not know). */
  private async loadRowState(entity: string, rowKey: string): Promise<void> {
    const id = rowId(entity, rowKey);
    const v = await this.tx.get<RowVersion>(
      sql`SELECT hlc, seq, author FROM sync_versions WHERE entity = ${entity} AND row_key = ${rowKey}`,
    );
    if (v) this.versions.set(id, v);
    else this.versions.delete(id);
    const u = await this.tx.get<{ op: Op }>(
      sql`SELECT op FROM (SELECT op, 1 AS k FROM sync_pending WHERE entity = ${entity} AND row_key = ${rowKey}
          UNION ALL SELECT op, 2 AS k FROM (SELECT op FROM sync_outbox WHERE entity = ${entity} AND row_key =
          ${rowKey} ORDER BY n DESC LIMIT 1)) ORDER BY k LIMIT 1`,
    );
    if (u) this.unpushed.set(id, u.op);
    else this.unpushed.delete(id);
    this.rows.delete(id);
  }

  /**
   * A pulled row whose unique key (besides its id) a different row here already holds: the same thing made
   * on two desktops. Every desktop keeps the smaller id, with the content later in server order (a change
   * not pushed yet is later than anything pulled), and shows the other content for review when they differ.
   * Whatever named the id not kept moves to the kept one, here now and on arrival later (sync_adopted).
   * False when there is no clash.
   */
  private async settleClash(table: SyncedTable, c: Change): Promise<boolean> {
    const columns = NATURAL_KEYS[table.name];
    const incoming = await this.rowToWrite(table, c);
    if (columns.some((k) => incoming[k] == null)) return false;
    await this.flushInserts();
    const local = await this.tx.get<Row>({
      text: `SELECT * FROM ${table.name} WHERE ${columns.map((k) => `${k} = ?`).join(' AND ')} AND id <> ?`,
      params: [...columns.map((k) => toSqlValue(incoming[k])), String(incoming.id)],
    });
    if (!local) return table.name === 'translations' && this.settleReversed(table, c, incoming);
    const ours = String(local.id);
    const theirs = String(incoming.id);
    const oursKey = JSON.stringify([ours]);
    const known = await this.columnsOf(table.name);
    // Versions set earlier in this page are not written yet: the page's own map comes first.
    const ourVersion =
      this.versions.get(rowId(table.name, oursKey)) ??
      (await this.tx.get<RowVersion>(
        sql`SELECT hlc, seq, author FROM sync_versions WHERE entity = ${table.name} AND row_key = ${oursKey}`,
      ));
    const ourPending = await this.tx.get(
      sql`SELECT 1 FROM sync_pending WHERE entity = ${table.name} AND row_key = ${oursKey}`,
    );
    const ourAuthor = ourVersion?.author ?? this.team.member;
    const oursLater = Boolean(ourPending) || ourVersion?.seq == null || ourVersion.seq > c.seq;
    const keep = ours < theirs ? ours : theirs;
    const drop = keep === ours ? theirs : ours;
    const later = { ...(oursLater ? local : incoming), id: keep };
    const earlier = { ...(oursLater ? incoming : local), id: keep };
    const keepKey = JSON.stringify([keep]);

    await this.tx.run(sql`INSERT INTO sync_adopted (entity, from_id, to_id, adopted_at)
                          VALUES (${table.name}, ${drop}, ${keep}, ${new Date().toISOString()})
                          ON CONFLICT (entity, from_id) DO UPDATE SET to_id = excluded.to_id`);
    this.adoptedIn(table.name).set(drop, keep);
    if (keep === theirs) {
      // Ours goes: what names it here moves to theirs first (the delete would cascade to it).
      await this.moveReferences(table.name, ours, theirs);
      await deleteRow(this.tx, table, [ours]);
      await insertRow(this.tx, table, later, known);
      this.rows.set(rowId(table.name, oursKey), null);
      if (ourPending) {
        // Changed here since the last seal: the change goes out as an edit of the kept row.
        await this.tx.run(sql`DELETE FROM sync_pending WHERE entity = ${table.name} AND row_key = ${oursKey}`);
        await this.tx.run(sql`INSERT INTO sync_pending (entity, row_key, op) VALUES (${table.name}, ${keepKey},
                              'upsert') ON CONFLICT (entity, row_key) DO UPDATE SET op = 'upsert'`);
      }
    } else if (!oursLater) {
      await upsertRow(this.tx, table, later, known);
    }
    this.rows.set(rowId(table.name, keepKey), later as Row);
    const stays = oursLater && ourVersion && !ourPending ? ourVersion : { hlc: c.hlc, seq: c.seq, author: c.author };
    this.versions.set(rowId(table.name, keepKey), stays);
    this.versionWrites.set(rowId(table.name, keepKey), [
      table.name,
      keepKey,
      stays.hlc,
      stays.seq as number,
      stays.author ?? '',
    ]);
    if (!sameThing(later, earlier)) {
      await this.conflict(
        {
          entity: table.name,
          row_key: keepKey,
          op: 'upsert',
          payload: earlier,
          author: oursLater ? c.author : ourAuthor,
        },
        'edit',
        oursLater ? ourAuthor : c.author,
      );
    }
    return true;
  }

  /**
   * A translation link of the pair made the other way round here (S→T on one desktop, T→S on another): one
   * pair, one link. Every desktop keeps the smaller id in that row's own direction; the other's corrections move
   * to it and are turned round (orientCorrections), its segments move to it. No review item: both say the same
   * two documents translate each other. False when there is no such link here.
   */
  private async settleReversed(table: SyncedTable, c: Change, incoming: Record<string, unknown>): Promise<boolean> {
    const local = await this.tx.get<Row>(
      sql`SELECT * FROM translations WHERE source_document_id = ${String(incoming.translation_document_id)}
            AND translation_document_id = ${String(incoming.source_document_id)} AND id <> ${String(incoming.id)}`,
    );
    if (!local) return false;
    const ours = String(local.id);
    const theirs = String(incoming.id);
    const keep = ours < theirs ? ours : theirs;
    const drop = keep === ours ? theirs : ours;
    await this.tx.run(sql`INSERT INTO sync_adopted (entity, from_id, to_id, adopted_at)
                          VALUES (${table.name}, ${drop}, ${keep}, ${new Date().toISOString()})
                          ON CONFLICT (entity, from_id) DO UPDATE SET to_id = excluded.to_id`);
    this.adoptedIn(table.name).set(drop, keep);
    if (keep === ours) return true; // theirs is never written here; what names it follows the adoption
    const oursKey = JSON.stringify([ours]);
    const keepKey = JSON.stringify([keep]);
    const ourPending = await this.tx.get(
      sql`SELECT 1 FROM sync_pending WHERE entity = ${table.name} AND row_key = ${oursKey}`,
    );
    await this.moveReferences(table.name, ours, theirs);
    await deleteRow(this.tx, table, [ours]);
    await insertRow(this.tx, table, incoming, await this.columnsOf(table.name));
    this.rows.set(rowId(table.name, oursKey), null);
    this.rows.set(rowId(table.name, keepKey), incoming as Row);
    if (ourPending)
      await this.tx.run(sql`DELETE FROM sync_pending WHERE entity = ${table.name} AND row_key = ${oursKey}`);
    await this.setVersion({ ...c, row_key: keepKey });
    return true;
  }

  /**
   * The maker of a row not kept here (dropped for the same thing under a smaller id, see settleClash) deleted
   * it: what it made goes with it (the rows that named it and moved to the kept one), the kept row stays (it is
   * another desktop's), and later changes naming the dropped id no longer follow it (they name a deleted row).
   */
  private async deleteDropped(table: SyncedTable, dropped: string, kept: string, c: Change): Promise<void> {
    await this.flushInserts();
    for (const child of await this.childrenFrom(table.name, kept, dropped, c.seq)) {
      const childTable = syncedTable(child.table);
      const row = await readRow(this.tx, childTable, child.key);
      if (row && (await this.openConflict(child.table, JSON.stringify(child.key))))
        await this.lostEdit(childTable, row);
      await deleteRow(this.tx, childTable, child.key);
      this.rows.set(rowId(child.table, JSON.stringify(child.key)), null);
    }
    await this.tx.run(sql`DELETE FROM sync_adopted WHERE entity = ${table.name} AND from_id = ${dropped}`);
    this.adoptedIn(table.name).delete(dropped);
    await this.setVersion(c);
  }

  /**
   * Whether the deleter of a kept row (one that others were settled into here, taking the later content and
   * version of one of them) had seen the last version pushed under the kept id itself: then the delete missed
   * no edit of it; the version here is the settled-in row's, which the deleter may never have had.
   */
  private async sawOwnVersion(table: SyncedTable, key: unknown[], c: Change): Promise<boolean> {
    const id = String(key[0]);
    if (!NATURAL_KEYS[table.name] || ![...this.adoptedIn(table.name).values()].includes(id)) return false;
    const own = (await this.latestOnServer(table.name, [c.row_key], c.seq - 1)).get(c.row_key);
    return own !== undefined && own.hlc === c.base_hlc;
  }

  /**
   * Deletes a kept row of a NATURAL_KEYS table. A row dropped for it whose own maker has not deleted it (it
   * unlinked the kept one and linked the pair anew, say) takes its place, with what named it: the deleter never
   * had both, so on its desktop that row lives on, and so it does everywhere.
   */
  private async removeKept(table: SyncedTable, id: string, seq: number): Promise<void> {
    await this.flushInserts();
    const dropped = [...this.adoptedIn(table.name)].filter(([, to]) => to === id).map(([from]) => from);
    const latest = await this.latestOnServer(
      table.name,
      dropped.map((d) => JSON.stringify([d])),
      seq,
    );
    const successors = dropped.filter((d) => latest.get(JSON.stringify([d]))?.op === 'upsert');
    for (const d of successors) {
      for (const child of await this.childrenFrom(table.name, id, d, seq)) {
        const column = Object.entries(ROW_REFERENCES[child.table]).find(([, t]) => t === table.name)![0];
        const childTable = syncedTable(child.table);
        const at = childTable.key.indexOf(column);
        await this.tx.run({
          text: `UPDATE ${child.table} SET ${column} = ? WHERE ${keyWhere(childTable)}`,
          params: [d, ...child.key.map(toSqlValue)],
        });
        if (at >= 0) this.rows.set(rowId(child.table, JSON.stringify(child.key)), null);
      }
    }
    for (const k of [...this.rows.keys()])
      if (Object.keys(ROW_REFERENCES).some((t) => k.startsWith(`${t}\u0000`))) this.rows.delete(k);
    await this.remove(table, [id]);
    for (const d of successors) {
      const change = latest.get(JSON.stringify([d]))!;
      await this.tx.run(sql`DELETE FROM sync_adopted WHERE entity = ${table.name} AND from_id = ${d}`);
      this.adoptedIn(table.name).delete(d);
      await this.followAdopted(table, change);
      const row = await this.rowToWrite(table, change);
      await insertRow(this.tx, table, row, await this.columnsOf(table.name));
      this.noteDocument(table, [d], row);
      this.rows.set(rowId(table.name, change.row_key), row as Row);
      await this.setVersion(change);
    }
  }

  /**
   * The rows (of the tables that name rows of `entity`) that name `local` here but named `original` as their
   * makers pushed them (server order up to `seq`): rows moved to a kept id from the one they were made for.
   */
  private async childrenFrom(
    entity: string,
    local: string,
    original: string,
    seq: number,
  ): Promise<Array<{ table: string; key: unknown[] }>> {
    const out: Array<{ table: string; key: unknown[] }> = [];
    for (const [child, refs] of Object.entries(ROW_REFERENCES)) {
      const table = syncedTable(child);
      for (const [column, target] of Object.entries(refs)) {
        if (target !== entity) continue;
        const rows = await this.tx.all<Row>({
          text: `SELECT ${table.key.join(', ')} FROM ${child} WHERE ${column} = ?`,
          params: [local],
        });
        const at = table.key.indexOf(column);
        // As pushed: a key naming the parent named the original one; else the payload says.
        const pushedKey = (r: Row) => table.key.map((k, i) => (i === at ? original : r[k]));
        // The last version pushed (a row kept here against its delete still belongs where it was made).
        const latest = await this.latestOnServer(
          child,
          rows.map((r) => JSON.stringify(pushedKey(r))),
          seq,
          true,
        );
        for (const r of rows) {
          const change = latest.get(JSON.stringify(pushedKey(r)));
          if (change?.op === 'upsert' && (at >= 0 || change.payload?.[column] === original))
            out.push({ table: child, key: table.key.map((k) => r[k]) });
        }
      }
    }
    return out;
  }

  /** The last change of each of these rows on the server, up to `seq` (every desktop decides on the same ones). */
  private async latestOnServer(
    entity: string,
    rowKeys: string[],
    seq: number,
    upsertsOnly = false,
  ): Promise<Map<string, Change>> {
    const out = new Map<string, Change>();
    if (rowKeys.length === 0) return out;
    const rows = await this.session.query<Change>(
      `SELECT DISTINCT ON (row_key) seq, replace(change_id::text, '-', '') AS change_id, client_id::text, author,
         entity, row_key, op, hlc, base_hlc, payload, blob
       FROM tala_changes WHERE entity = $1 AND row_key = ANY($2::text[]) AND seq <= $3
         ${upsertsOnly ? "AND op = 'upsert'" : ''} ORDER BY row_key, seq DESC`,
      [entity, rowKeys, seq],
    );
    for (const change of rows) {
      change.seq = Number(change.seq);
      checkPulledChange(change);
      out.set(change.row_key, change);
    }
    return out;
  }

  /** Points the rows that name `from` (a row of `entity` not kept) at `to`, their sync state included. */
  private async moveReferences(entity: string, from: string, to: string): Promise<void> {
    for (const [child, refs] of Object.entries(ROW_REFERENCES)) {
      const table = syncedTable(child);
      for (const [column, target] of Object.entries(refs)) {
        if (target !== entity) continue;
        const at = table.key.indexOf(column);
        if (at >= 0) {
          // The column is part of the child's key: its pending change follows the key.
          await this.tx.run({
            text: `UPDATE OR REPLACE sync_pending SET row_key = json_set(row_key, '$[${at}]', ?)
                   WHERE entity = ? AND json_extract(row_key, '$[${at}]') = ?`,
            params: [to, child, from],
          });
        }
        // The kept row is new here, so nothing names it yet: the moved rows cannot clash under it.
        await this.tx.run({ text: `UPDATE ${child} SET ${column} = ? WHERE ${column} = ?`, params: [to, from] });
      }
      for (const k of [...this.rows.keys()]) if (k.startsWith(`${child}\u0000`)) this.rows.delete(k);
    }
  }

  /** The entity an id stands for now: itself, or where merges took it. */
  private async currentEntity(id: string): Promise<string> {
    let current = id;
    for (let hops = 0; hops < 20; hops++) {
      if (await this.tx.get(sql`SELECT 1 FROM entities WHERE id = ${current}`)) return current;
      const next = await this.tx.get<{ to_id: string }>(
        sql`SELECT to_id FROM entity_redirects WHERE from_id = ${current}`,
      );
      if (!next) return current;
      current = next.to_id;
    }
    return current;
  }

  /**
   * Before a merged-away entity is deleted here, whatever still names it (a fact added here meanwhile)
   * moves to where the merge took it, as it does on every desktop that receives that fact. False when
   * something names it and no merge says where to go.
   */
  private async followMerge(entityId: string): Promise<boolean> {
    const redirect = await this.tx.get<{ to_id: string }>(
      sql`SELECT to_id FROM entity_redirects WHERE from_id = ${entityId}`,
    );
    const target = redirect ? await this.currentEntity(redirect.to_id) : null;
    // Aliases are not moved: the merge already copied them to the target.
    for (const [table, columns] of Object.entries(ENTITY_REFERENCES).filter(([t]) => t !== 'entity_aliases')) {
      for (const column of columns) {
        const used = await this.tx.get({ text: `SELECT 1 FROM ${table} WHERE ${column} = ?`, params: [entityId] });
        if (!used) continue;
        if (!target || target === entityId) return false;
        await this.tx.run({
          text: `UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`,
          params: [target, entityId],
        });
      }
    }
    return true;
  }

  private async forgetUnpushed(entity: string, rowKey: string): Promise<void> {
    await this.tx.run(sql`DELETE FROM sync_pending WHERE entity = ${entity} AND row_key = ${rowKey}`);
    await this.tx.run(sql`DELETE FROM sync_outbox WHERE entity = ${entity} AND row_key = ${rowKey}`);
    this.unpushed.delete(rowId(entity, rowKey));
  }

  private async conflict(
    other: Pick<Change, 'entity' | 'row_key' | 'op' | 'payload' | 'author'>,
    kind: 'edit' | 'delete-edit' | 'duplicate',
    keptAuthor: string | null,
    kept?: Record<string, unknown> | null,
  ): Promise<void> {
    const fields = REVIEWED_FIELDS[other.entity];
    if (kind === 'edit' && fields && other.payload) {
      // Two versions that differ only where a person does not edit (offsets moved by an edit elsewhere in the
      // document, derived sentences, a kept old text): nothing to review; the passage's own conflict says it.
      const stays = kept ?? (await readRow(this.tx, syncedTable(other.entity), JSON.parse(other.row_key) as unknown[]));
      if (
        stays &&
        fields.every((f) => stays[f] === other.payload![f] || (stays[f] == null && other.payload![f] == null))
      )
        return;
    }
    this.conflicts++;
    const payload = other.payload ? JSON.stringify(other.payload) : null;
    await this.tx.run(sql`INSERT INTO sync_conflicts (id, entity, row_key, kind, kept_author, other_author, other_op,
        other_payload, detected_at)
                          VALUES (${randomUUID()}, ${other.entity}, ${other.row_key}, ${kind}, ${keptAuthor},
                            ${other.author}, ${other.op}, ${payload}, ${new Date().toISOString()})`);
  }

  private async setVersion(c: Change): Promise<void> {
    const id = rowId(c.entity, c.row_key);
    this.versions.set(id, { hlc: c.hlc, seq: c.seq, author: c.author });
    this.versionWrites.set(id, [c.entity, c.row_key, c.hlc, c.seq, c.author]);
  }

  private async remove(table: SyncedTable, key: unknown[]): Promise<void> {
    this.noteDocument(table, key, null);
    if (table.key.length === 1) await this.keepLostEdits(table.name, key[0]);
    await deleteRow(this.tx, table, key);
    this.rows.set(rowId(table.name, JSON.stringify(key)), null);
  }

  /**
   * Rows that name this one and were kept here against a delete (edited here, deleted there) go with it now
   * (the deleter removed their parent too): the review item keeps them as the edits that were lost.
   */
  private async keepLostEdits(parent: string, id: unknown): Promise<void> {
    const open = await this.tx.get(
      sql`SELECT 1 FROM sync_conflicts WHERE kind = 'delete-edit' AND resolved_at IS NULL LIMIT 1`,
    );
    if (!open) return;
    for (const child of SYNCED_TABLES) {
      let fks = this.cascades.get(child.name);
      if (!fks) {
        fks = (
          await this.tx.all<{ table: string; from: string; on_delete: string }>({
            text: `PRAGMA foreign_key_list(${child.name})`,
            params: [],
          })
        ).filter((f) => f.on_delete === 'CASCADE');
        this.cascades.set(child.name, fks);
      }
      for (const fk of fks.filter((f) => f.table === parent)) {
        const kept = await this.tx.all<Row>({
          text: `SELECT t.* FROM ${child.name} t JOIN sync_conflicts c ON c.entity = ?
                   AND c.row_key = json_array(${child.key.map((k) => `t.${k}`).join(', ')})
                 WHERE t.${fk.from} = ? AND c.kind = 'delete-edit' AND c.resolved_at IS NULL`,
          params: [child.name, toSqlValue(id)],
        });
        for (const row of kept) await this.lostEdit(child, row);
      }
    }
  }

  /**
   * An edited row that cannot stay (its parent was deleted by someone who had not seen the edit), about to go:
   * its open review item (or a new one) keeps the row as the edit that was lost, the same on every desktop.
   */
  private async openConflict(entity: string, rowKey: string): Promise<boolean> {
    return Boolean(
      await this.tx.get(
        sql`SELECT 1 FROM sync_conflicts WHERE entity = ${entity} AND row_key = ${rowKey} AND kind = 'delete-edit'
              AND resolved_at IS NULL`,
      ),
    );
  }

  private async lostEdit(table: SyncedTable, row: Row): Promise<void> {
    const rowKey = JSON.stringify(table.key.map((k) => row[k]));
    const payload = JSON.stringify(
      Object.fromEntries(Object.entries(row).filter(([, v]) => !(v instanceof Uint8Array))),
    );
    const version = await this.tx.get<{ author: string | null }>(
      sql`SELECT author FROM sync_versions WHERE entity = ${table.name} AND row_key = ${rowKey}`,
    );
    const author = version?.author ?? this.team.member;
    const open = await this.tx.run(sql`UPDATE sync_conflicts SET other_op = 'upsert', other_payload = ${payload},
                                         other_author = ${author}, kept_author = NULL
                                       WHERE entity = ${table.name} AND row_key = ${rowKey} AND kind = 'delete-edit'
                                         AND resolved_at IS NULL`);
    if (open.changes === 0)
      await this.conflict(
        { entity: table.name, row_key: rowKey, op: 'upsert', payload: JSON.parse(payload), author },
        'delete-edit',
        null,
      );
    await this.forgetUnpushed(table.name, rowKey);
  }

  /** The pulled row as this desktop writes it: its bytes beside it, entity references through merges. */
  private async rowToWrite(table: SyncedTable, c: Change): Promise<Record<string, unknown>> {
    const known = await this.columnsOf(table.name);
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(storedRow(table.name, c.payload ?? {}))) if (known.has(k)) row[k] = v;
    const blobColumn = BLOB_COLUMNS[table.name];
    if (blobColumn) row[blobColumn] = c.blob;
    if (table.name === 'originals' && c.blob) {
      // Stored here as an import stores it (deflated where that pays); the wire carries the file as it is.
      const { stored, compression } = await packOriginal(c.blob);
      row.data = stored;
      row.compression = compression;
    }
    for (const column of ENTITY_REFERENCES[table.name] ?? []) {
      if (typeof row[column] === 'string') row[column] = await this.currentEntity(row[column] as string);
    }
    return row;
  }

  private bufferInsert(table: SyncedTable, row: Record<string, unknown>): void {
    const cols = Object.keys(row);
    const group = `${table.name}(${cols.join(',')})`;
    let pending = this.inserts.get(group);
    if (!pending) this.inserts.set(group, (pending = { table: table.name, cols, values: [] }));
    pending.values.push(cols.map((k) => row[k]));
  }

  /** Writes the buffered new rows, many per statement (the driver's cost is per statement). */
  async flushInserts(): Promise<void> {
    for (const { table, cols, values } of this.inserts.values()) {
      const perStatement = Math.max(1, Math.floor(30_000 / cols.length));
      for (let i = 0; i < values.length; i += perStatement) {
        const batch = values.slice(i, i + perStatement);
        const tuple = `(${cols.map(() => '?').join(', ')})`;
        await this.tx.run({
          text: `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`,
          params: batch.flat().map(toSqlValue),
        });
      }
    }
    this.inserts.clear();
  }

  private async write(table: SyncedTable, key: unknown[], c: Change): Promise<void> {
    const known = await this.columnsOf(table.name);
    const row = await this.rowToWrite(table, c);
    if (table.name === 'documents') await this.beforeDocumentWrite(row);
    if (NAMED_TABLES.has(table.name)) await this.keepNamesApart(table.name, row, c);
    this.noteDocument(table, key, row);
    const id = rowId(table.name, c.row_key);
    try {
      if (this.rows.get(id) === null) await insertRow(this.tx, table, row, known);
      else await upsertRow(this.tx, table, row, known);
      this.rows.set(id, cachedRow(table.name, row));
    } catch (err) {
      // The same alias of the same entity, added on two desktops: one copy is enough.
      if (!(table.name === 'entity_aliases' && /UNIQUE/.test((err as Error).message))) throw err;
    }
    await this.setVersion(c);
  }

  /** Same content imported on two desktops: both copies stay (the hash must be unique), marked for review. */
  private async beforeDocumentWrite(row: Record<string, unknown>): Promise<void> {
    // Its passages keep the texts they have until their own changes arrive (a passage edited here stays as it is).
    const current = await this.tx.get<{ text: string }>(sql`SELECT text FROM documents WHERE id = ${String(row.id)}`);
    if (current && typeof row.text === 'string' && current.text !== row.text)
      await keepPassageTexts(this.tx, String(row.id));
    const clash = await this.tx.get<{ id: string }>(
      sql`SELECT id FROM documents WHERE content_hash = ${String(row.content_hash)} AND id <> ${String(row.id)}`,
    );
    if (clash) {
      await this.tx.run(sql`UPDATE documents SET content_hash = content_hash || '~' || id WHERE id = ${clash.id}`);
      this.conflicts++;
      await this.tx.run(sql`INSERT INTO sync_conflicts (id, entity, row_key, kind, kept_author, other_author, other_op,
          other_payload, detected_at)
                            VALUES (${randomUUID()}, 'documents', ${JSON.stringify([clash.id])}, 'duplicate', NULL,
                              NULL, 'upsert', ${JSON.stringify({ same_as: row.id })}, ${new Date().toISOString()})`);
    }
  }

  /**
   * Two desktops made a tag (or collection) of the same name: the one later in server order is renamed
   * "name (author)" — on every desktop alike, so the team ends up with the same two names.
   */
  private async keepNamesApart(table: string, row: Record<string, unknown>, c: Change): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const clash = await this.tx.get<{ id: string; name: string }>({
        text: `SELECT id, name FROM ${table} WHERE name = ? COLLATE NOCASE AND id <> ?`,
        params: [String(row.name), String(row.id)],
      });
      if (!clash) return;
      const theirs = this.versions.get(rowId(table, JSON.stringify([clash.id])));
      const unpushed = this.unpushed.has(rowId(table, JSON.stringify([clash.id]))) || theirs?.seq == null;
      if (!unpushed && theirs!.seq! < c.seq) {
        row.name = `${String(row.name)} (${c.author})`;
      } else {
        const author = unpushed ? this.team.member : (theirs?.author ?? 'elsewhere');
        await this.tx.run({
          text: `UPDATE ${table} SET name = ? WHERE id = ?`,
          params: [`${clash.name} (${author})`, clash.id],
        });
      }
    }
  }

  private noteDocument(table: SyncedTable, key: unknown[], row: Record<string, unknown> | null): void {
    if (table.name === 'documents') {
      this.changedDocuments.add(String(key[0]));
      this.anchorDocuments.add(String(key[0]));
    } else if (table.name === 'passages' && row?.document_id) this.changedDocuments.add(String(row.document_id));
    else if (table.name === 'annotations' && row?.document_id) this.anchorDocuments.add(String(row.document_id));
  }

  private async columnsOf(table: string): Promise<Set<string>> {
    let cols = this.columns.get(table);
    if (!cols) {
      cols = await columnsOf(this.tx, table);
      this.columns.set(table, cols);
    }
    return cols;
  }
}

/** A row written here as the applier remembers it: a passage with its text (see rowColumns). */
function cachedRow(table: string, row: Record<string, unknown>): Row {
  return (table === 'passages' ? { ...row, text: row.own_text } : row) as Row;
}

/** Whether a pulled version says the same as the row here (then two edits agree: no conflict). */
function sameRow(current: Record<string, unknown>, incoming: Record<string, unknown> | null): boolean {
  if (!incoming) return false;
  return Object.entries(incoming).every(
    ([k, v]) => !(k in current) || current[k] === v || (current[k] == null && v == null),
  );
}

/** Whether two copies of the same thing say the same, leaving out what each desktop fills its own way. */
function sameThing(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a)
    .filter((k) => !INCIDENTAL_COLUMNS.has(k) && k in b)
    .every((k) => a[k] === b[k] || (a[k] == null && b[k] == null));
}

/** Offers of two entities as one (review list) settle once either of them is gone: merged here or elsewhere. */
export async function settleEntityOffers(tx: Database): Promise<void> {
  await tx.run(sql`UPDATE sync_conflicts SET resolved_at = ${new Date().toISOString()}, resolution = 'merge'
    WHERE entity = 'entities' AND kind = 'duplicate' AND resolved_at IS NULL
      AND (NOT EXISTS (SELECT 1 FROM entities WHERE id = json_extract(row_key, '$[0]'))
        OR NOT EXISTS (SELECT 1 FROM entities WHERE id = json_extract(other_payload, '$.same_as')))`);
}

function orderedTables(): SyncedTable[] {
  return [...SYNCED_TABLE_NAMES].map(syncedTable);
}

/** Joins sync_pending p to the table's row t by the key stored as JSON. */
function keyJoin(table: SyncedTable): string {
  return table.key.map((k, i) => `t.${k} = json_extract(p.row_key, '$[${i}]')`).join(' AND ');
}

function keyJson(table: SyncedTable): string {
  return `json_array(${table.key.join(', ')})`;
}

async function readClock(db: Database): Promise<Hlc | null> {
  const row = await db.get<{ value: string }>(sql`SELECT value FROM sync_state WHERE key = 'clock'`);
  return row ? parseHlc(row.value) : null;
}
