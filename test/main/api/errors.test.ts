// The error envelope at the doors: faults (here a real SQLite error) reach the caller as a plain sentence with
// a log reference, while the log gets the SQL and the stack; errors written for people pass unchanged.
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiSession } from '../../../main/api/dispatch';
import { DOORS, type Operation } from '../../../main/api/operation';
import { OPERATIONS } from '../../../main/api/registry';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { setDiagnosticSink } from '../../../main/diagnostics';
import type { Channel } from '../../../shared/contract';
import { AppError, ERROR_CODES, fromErrorInfo, isErrorCode, toErrorInfo } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const logged: string[] = [];
afterEach(() => {
  logged.length = 0;
  setDiagnosticSink((line) => process.stderr.write(`${line}\n`));
});

/** The real registry with one handler replaced, through the IPC door (no archive needed by these handlers). */
function sessionWith(channel: Channel, handle: () => Promise<unknown>): ApiSession {
  const operation = { ...(OPERATIONS[channel] as unknown as Operation<Channel>), handle };
  return {
    context: { archive: undefined as never, jobs: undefined as never, door: DOORS.ipc },
    operations: { ...OPERATIONS, [channel]: operation } as unknown as ApiSession['operations'],
  };
}

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(join(dir, 'faults.sqlite'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('error envelope', () => {
  afterAll(() => setDiagnosticSink((line) => process.stderr.write(`${line}\n`)));

  it('shows a fault as a plain sentence with a log reference and logs the SQL under that reference', async () => {
    setDiagnosticSink((line) => logged.push(line));
    const result = await withDb((db) => {
      const session = sessionWith('documents.list', () => db.all(sql`SELECT secret_column FROM no_such_table`));
      return dispatch(session, 'documents.list', undefined);
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { code, message, details } = result.error;
    expect(code).toBe('INTERNAL');
    expect(message).not.toMatch(/SELECT|no_such_table|SQLITE/);
    expect(details?.logRef).toMatch(/^[0-9a-f]{8}$/);
    expect(message).toContain(`log reference ${details?.logRef}`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(details!.logRef!);
    expect(logged[0]).toContain('SELECT secret_column FROM no_such_table');
  });

  it('hides the raw message of a fault that crossed from a worker thread', async () => {
    setDiagnosticSink((line) => logged.push(line));
    const fromWorker = fromErrorInfo(toErrorInfo(new Error('SQLITE_CORRUPT -- in: DELETE FROM search_fts')));
    const result = await dispatch(
      sessionWith('search.status', async () => Promise.reject(fromWorker)),
      'search.status',
      undefined,
    );
    expect(!result.ok && result.error.message).not.toMatch(/DELETE|SQLITE/);
    expect(logged.join('\n')).toContain('DELETE FROM search_fts');
  });

  it('passes errors written for people through with their details', async () => {
    const refusal = new AppError('BAD_QUERY', 'Cannot understand the search.', { position: 2, token: '"x' });
    const result = await dispatch(
      sessionWith('search.query', async () => Promise.reject(refusal)),
      'search.query',
      { query: 'a "x' },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_QUERY', message: 'Cannot understand the search.', details: { position: 2, token: '"x' } },
    });
  });

  it('names the bad field of an invalid request in details.path', async () => {
    const result = await dispatch(
      sessionWith('search.query', async () => ({})),
      'search.query',
      { query: 'x', limit: 'ten' },
    );
    expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'request.limit' } });
  });

  it('exports one list of codes as a value', () => {
    expect(ERROR_CODES).toContain('BAD_QUERY');
    expect(isErrorCode('INTERNAL')).toBe(true);
    expect(isErrorCode('SQLITE_ERROR')).toBe(false);
  });
});
