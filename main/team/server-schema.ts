// The team database's schema in PostgreSQL: numbered migrations like the local archive's, recorded in
// tala_team_meta. The change log is append-only: members may insert (read-write) or only read (read-only),
// and that is enforced by the database's grants, not by the client.
import { AppError } from '../../shared/errors';
import type { PgSession } from './pg';

export const READ_WRITE_ROLE = 'tala_team_rw';
export const READ_ONLY_ROLE = 'tala_team_ro';

interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'change log',
    sql: `
      CREATE TABLE tala_team_meta (key text PRIMARY KEY, value text NOT NULL);
      -- One row per change a desktop made, in the order the server accepted them (seq). A retried push
      -- sends the same change_id again and is ignored.
      CREATE TABLE tala_changes (
        seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        change_id uuid NOT NULL UNIQUE,
        client_id uuid NOT NULL,
        author    text NOT NULL,
        entity    text NOT NULL,
        row_key   text NOT NULL,
        op        text NOT NULL CHECK (op IN ('upsert', 'delete')),
        hlc       text NOT NULL,
        base_hlc  text,
        payload   jsonb,
        blob      bytea,
        pushed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tala_changes_row ON tala_changes (entity, row_key, seq);
      -- The author is whoever is logged in: a desktop cannot push in someone else's name.
      CREATE FUNCTION tala_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.author := session_user;
        NEW.pushed_at := now();
        RETURN NEW;
      END $$;
      CREATE TRIGGER tala_changes_stamp BEFORE INSERT ON tala_changes FOR EACH ROW EXECUTE FUNCTION tala_stamp_change();
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READ_WRITE_ROLE}') THEN CREATE ROLE
          ${READ_WRITE_ROLE} NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READ_ONLY_ROLE}') THEN CREATE ROLE ${READ_ONLY_ROLE}
          NOLOGIN; END IF;
      END $$;
      REVOKE ALL ON tala_changes, tala_team_meta FROM PUBLIC;
      GRANT SELECT ON tala_changes, tala_team_meta TO ${READ_ONLY_ROLE}, ${READ_WRITE_ROLE};
      GRANT INSERT ON tala_changes TO ${READ_WRITE_ROLE};
    `,
  },
];

export const LATEST_SERVER_SCHEMA = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1].version;

/** The team schema version of the connected database (0: no team schema yet). */
export async function serverSchemaVersion(session: PgSession): Promise<number> {
  const exists = await session.query<{ found: boolean }>(`SELECT to_regclass('tala_team_meta') IS NOT NULL AS found`);
  if (!exists[0]?.found) return 0;
  const rows = await session.query<{ value: string }>(`SELECT value FROM tala_team_meta WHERE key = 'schema_version'`);
  return rows.length ? Number(rows[0].value) : 0;
}

function refuseNewer(version: number): void {
  if (version > LATEST_SERVER_SCHEMA) {
    throw new AppError(
      'ARCHIVE_ERROR',
      `The team database was set up by a newer version of Tala (team schema ${version}; this version knows up to ` +
        `${LATEST_SERVER_SCHEMA}). Update Tala to sync with it; nothing was changed.`,
    );
  }
}

/** Creates or upgrades the team schema (run by the team's administrator). */
export async function migrateServer(session: PgSession): Promise<{ from: number; to: number }> {
  return session.transaction(async () => {
    // Two administrators initialising at once must not both run the same migration.
    await session.query('SELECT pg_advisory_xact_lock(1952541793)');
    const from = await serverSchemaVersion(session);
    refuseNewer(from);
    for (const m of SERVER_MIGRATIONS.filter((m) => m.version > from)) {
      await session.query(m.sql);
      await session.query(
        `INSERT INTO tala_team_meta (key, value) VALUES ('schema_version', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [String(m.version)],
      );
    }
    return { from, to: LATEST_SERVER_SCHEMA };
  });
}

/** Checks that the database holds a team schema this version can sync with. */
export async function assertServerUsable(session: PgSession): Promise<void> {
  const version = await serverSchemaVersion(session);
  if (version === 0) {
    throw new AppError(
      'NOT_FOUND',
      'This database has no Tala team archive yet; create one with `tala team init --server …`.',
    );
  }
  refuseNewer(version);
  if (version < LATEST_SERVER_SCHEMA) {
    throw new AppError(
      'ARCHIVE_ERROR',
      `The team database uses an older team schema (${version}); ask its administrator to run \`tala` +
        ` team init\` with this version of Tala.`,
    );
  }
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates a member's login role (administrator only). Read-only members can pull but never push. */
export async function addMember(
  session: PgSession,
  name: string,
  password: string | null,
  readOnly: boolean,
): Promise<void> {
  if (!ROLE_NAME.test(name))
    throw new AppError('INVALID_REQUEST', 'A member name is lower-case letters, digits and _ (at most 63).');
  const group = readOnly ? READ_ONLY_ROLE : READ_WRITE_ROLE;
  await session.transaction(async () => {
    const exists = await session.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [name]);
    const pw = password === null ? '' : ` PASSWORD ${await session.literal(password)}`;
    if (exists.length) await session.query(`ALTER ROLE ${name} LOGIN${pw}`);
    else await session.query(`CREATE ROLE ${name} LOGIN${pw}`);
    const other = readOnly ? READ_WRITE_ROLE : READ_ONLY_ROLE;
    await session.query(`REVOKE ${other} FROM ${name}`);
    await session.query(`GRANT ${group} TO ${name}`);
  });
}
