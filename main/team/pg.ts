// A small session over node-postgres, loaded only when a team is used. Connection failures become one
// clear sentence; the password never appears in a message.
import { AppError } from '../../shared/errors';

export interface PgSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in BEGIN … COMMIT on this session, rolling back on any error. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** A string quoted as an SQL literal by the server's rules (for statements that take no parameters). */
  literal(value: string): Promise<string>;
  close(): Promise<void>;
}

/** The address with any password removed, for messages and for storing in the archive. */
export function redactServerUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/^(postgres(?:ql)?:\/\/[^@/]*):@/, '$1@');
  } catch {
    return '(an address that is not a postgres:// URL)';
  }
}

/** Without a password here, node-postgres takes PGPASSWORD or ~/.pgpass, as libpq does. */
export async function connectPg(url: string, options: { password?: string } = {}): Promise<PgSession> {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new AppError('INVALID_REQUEST', 'The team server is a postgres:// address.');
  const { default: pg } = await import('pg');
  // node-postgres lets the address override a separate password option, so the password goes into it.
  const connectionString = options.password ? withPassword(url, options.password) : url;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'tala' });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw unreachable(url, err);
  }
  // An idle session dropped by the server must not crash the process.
  client.on('error', () => undefined);
  let inTransaction = false;
  const session: PgSession = {
    async query(text, params) {
      try {
        const result = await client.query(text, params as unknown[] | undefined);
        return result.rows;
      } catch (err) {
        throw translatePgError(err);
      }
    },
    async transaction(fn) {
      if (inTransaction) return fn();
      inTransaction = true;
      await session.query('BEGIN');
      try {
        const value = await fn();
        await session.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        inTransaction = false;
      }
    },
    async literal(value) {
      const rows = await session.query<{ q: string }>('SELECT quote_literal($1::text) AS q', [value]);
      return rows[0].q;
    },
    close: () => client.end().catch(() => undefined),
  };
  return session;
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function unreachable(url: string, err: unknown): AppError {
  const e = err as { code?: string; message?: string };
  const where = redactServerUrl(url);
  if (e.code === '28P01' || e.code === '28000') {
    return new AppError('FORBIDDEN', `The team server at ${where} refused the login (wrong user name or password).`);
  }
  if (!e.code && /password/i.test(e.message ?? '')) {
    return new AppError(
      'FORBIDDEN',
      `The team server at ${where} asks for a password: give it once in the address` +
        ` (postgres://NAME:PASSWORD@…), or in ~/.pgpass or PGPASSWORD.`,
    );
  }
  if (e.code === '3D000') return new AppError('NOT_FOUND', `The team server at ${where} has no such database.`);
  return new AppError(
    'UNAVAILABLE',
    `The team server at ${where} cannot be reached (${
      e.code ?? e.message ?? 'no answer'
    }). Your archive is unchanged; ` + 'work goes on locally and syncs when the server is back.',
  );
}

/** PostgreSQL errors a user can act on, in words; others keep their message. */
export function translatePgError(err: unknown): unknown {
  const e = err as { code?: string; message?: string };
  if (e.code === '42501') {
    return new AppError(
      'FORBIDDEN',
      'The team server refused the change: your membership is read-only (you can pull, not push).',
    );
  }
  if (e.code === '57P01' || e.code === '08006' || e.code === '08003' || e.code === 'ECONNRESET') {
    return new AppError(
      'UNAVAILABLE',
      'The connection to the team server was lost; nothing was half-applied. Sync again when it is back.',
    );
  }
  return err;
}
