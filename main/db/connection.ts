// Promise wrapper around the `sqlite3` driver: one connection per archive file.
import sqlite3 from 'sqlite3';
import { diagnostic } from '../diagnostics';
import type { SqlQuery, SqlValue } from './sql';

const SLOW_QUERY_MS = 100;

export type Row = Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export interface OpenOptions {
  readOnly?: boolean;
  /** Called for statements slower than SLOW_QUERY_MS; defaults to the diagnostics log (main/diagnostics.ts). */
  onSlowQuery?: (text: string, ms: number) => void;
}

interface BackupHandle {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: () => void): void;
  readonly completed: boolean;
}

export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes wait for this (e.g. an integrity check still running) and fail with its error. */
  private writeGate: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
    private readonly onSlowQuery: (text: string, ms: number) => void,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const handle = new sqlite3.Database(path, mode, (err) => (err ? reject(err) : resolve(handle)));
    });
    const onSlowQuery = options.onSlowQuery ?? ((text, ms) => diagnostic(`[sql] slow query ${ms} ms: ${text}`));
    const db = new Database(raw, path, onSlowQuery);
    await db.exec('PRAGMA busy_timeout = 5000');
    await db.exec('PRAGMA foreign_keys = ON');
    if (!options.readOnly && path !== ':memory:') {
      await db.exec('PRAGMA journal_mode = WAL');
      // FULL: a commit acknowledged to the user survives power loss, not just a process crash.
      await db.exec('PRAGMA synchronous = FULL');
    }
    return db;
  }

  exec(text: string): Promise<void> {
    return this.timed(text, () => new Promise((resolve, reject) => this.db.exec(text, (err) => (err ? reject(err) : resolve()))));
  }

  run(query: SqlQuery): Promise<RunResult> {
    return this.timed(
      query.text,
      () =>
        new Promise((resolve, reject) =>
          this.db.run(query.text, query.params, function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ changes: this.changes, lastID: this.lastID });
          }),
        ),
    );
  }

  all<T = Row>(query: SqlQuery): Promise<T[]> {
    return this.timed(
      query.text,
      () => new Promise((resolve, reject) => this.db.all(query.text, query.params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))),
    );
  }

  async get<T = Row>(query: SqlQuery): Promise<T | undefined> {
    return this.timed(
      query.text,
      () => new Promise((resolve, reject) => this.db.get(query.text, query.params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)))),
    );
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error. Transactions are
   * serialised on this connection so that two concurrent callers never interleave statements.
   */
  transaction<T>(fn: (tx: Database) => Promise<T>, mode: 'IMMEDIATE' | 'EXCLUSIVE' = 'IMMEDIATE'): Promise<T> {
    const next = this.queue.then(async () => {
      await this.writeGate;
      await this.exec(`BEGIN ${mode}`);
      try {
        const result = await fn(this);
        await this.exec('COMMIT');
        return result;
      } catch (err) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Holds every later transaction until `check` settles; if it rejects, those transactions reject with
   * its error (reads, backups and restores still run).
   */
  gateWrites(check: Promise<void>): void {
    this.writeGate = check;
    check.catch(() => undefined); // the rejection is delivered to writers, not left unhandled
  }

  /**
   * Runs `fn` alone on this connection (no other transaction interleaves), without opening a
   * transaction itself: for work SQLite forbids inside one, like restoring from a backup.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Copies a database file into this connection's main database (SQLite online backup API). */
  restoreFrom(file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      // The sqlite3 typings do not declare backup(); its signature is (file, destName, sourceName, filenameIsDest, cb).
      const handle = this.db as unknown as {
        backup(file: string, dest: string, source: string, filenameIsDest: boolean, cb: (err: Error | null) => void): BackupHandle;
      };
      const backup = handle.backup(file, 'main', 'main', false, (err) => {
        if (err) return reject(err);
        backup.step(-1, (stepErr) => {
          const failed = stepErr ?? (backup.completed ? null : new Error('backup did not complete'));
          backup.finish(() => (failed ? reject(failed) : resolve()));
        });
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }

  private async timed<T>(text: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } catch (err) {
      // Keep the statement in the message: "SQLITE_CONSTRAINT" alone says nothing in a log.
      if (err instanceof Error && !err.message.includes(' -- in: ')) err.message += ` -- in: ${text.slice(0, 200)}`;
      throw err;
    } finally {
      const ms = Math.round(performance.now() - started);
      if (ms >= SLOW_QUERY_MS && !text.startsWith('BEGIN') && !text.startsWith('COMMIT')) this.onSlowQuery(text.slice(0, 200), ms);
    }
  }
}
