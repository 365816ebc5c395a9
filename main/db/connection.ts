// Promise wrapper around the `sqlite3` driver. One writing connection per archive file, with ONE path through
// which everything on it passes: a queue of units of work. A unit of work (transaction() or exclusive()) is a
// function; every statement issued from inside it (on this object, from any depth of calls) joins it, and every
// statement from anywhere else waits for it — so no caller ever sees another's uncommitted changes or has its
// write rolled back with someone else's transaction. Plain reads outside a unit of work go to a read-only
// connection, where WAL gives them a consistent snapshot of committed data without waiting for writers; a read of
// several statements runs them in read() (one read transaction there), so it sees one snapshot, never a torn mix.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { diagnostic } from '../diagnostics';
import type { SqlQuery, SqlValue } from './sql';
import { busyError, readOnlyError, storageError, storageProblem } from './storage-errors';

const SLOW_QUERY_MS = 100;
/** How long SQLite itself waits for another connection's lock, per statement (its busy handler). */
const BUSY_TIMEOUT_MS = 5000;
/**
 * Page cache of the writing connection (SQLite's default is 2 MB). An import touches pages all over the tables keyed
 * by random ids (passages, sentences, near-duplicate bands); with 2 MB most of them were read again for every
 * commit (500 small files, measured side by side: 5.3 s → 3.9 s). Memory is taken only as pages are used.
 */
const WRITER_CACHE_KIB = 64 * 1024;
/**
 * How long a write waits its turn while another process (a command-line import, another window) holds the
 * archive's write lock, retrying BEGIN IMMEDIATE with backoff; only then does it fail, with a sentence.
 */
export const LOCK_WAIT_MS = 10 * 60_000;
/** Free pages returned to the file system per step after a delete (1 MB of 4 KB pages): a short unit of work. */
export const RECLAIM_PAGES = 256;
/** Statements a connection keeps prepared (all() with `prepared`): the search's shapes of statement. */
const PREPARED_STATEMENTS = 24;
/** Pause between two such steps, so that the writes people make go between them. */
const RECLAIM_PAUSE_MS = 20;

export type Row = Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export interface OpenOptions {
  readOnly?: boolean;
  /**
   * Read-only, and the file is taken to be unchanging (SQLite's `immutable=1`): no -shm/-wal is looked for or
   * made, so a WAL archive on a read-only medium or in a folder we cannot write opens at all. Only for a file
   * with no pending write-ahead log, which nobody else writes meanwhile.
   */
  immutable?: boolean;
  /** Why a read-only archive cannot be written, for the sentence that refuses a write (see readOnlyError). */
  readOnlyReason?: string;
  /**
   * A read-only connection for plain reads outside units of work (writable files on disk only); on unless
   * `false`. Off only for a connection that must be the file's sole one (e.g. to leave WAL mode).
   */
  reader?: boolean;
  /** Called for statements slower than SLOW_QUERY_MS; defaults to the diagnostics log (main/diagnostics.ts). */
  onSlowQuery?: (text: string, ms: number) => void;
  /** How long a write waits for another process's write lock before failing (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** SQLite's own wait per statement for another connection's lock (default 5 s, at most lockWaitMs). */
  busyTimeoutMs?: number;
}

/** Told when writes on a connection start waiting for another process's lock (true) and when they got it. */
export type LockWaitListener = (waiting: boolean) => void;

export interface TransactionOptions {
  /** Overrides the connection's lock wait for this unit (e.g. a search's optional catch-up: 0 = try once). */
  lockWaitMs?: number;
}

interface BackupHandle {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: () => void): void;
  readonly completed: boolean;
}

/** The unit of work running on a connection; statements issued in its async context join it. */
interface UnitOfWork {
  db: Database;
  open: boolean;
}

const currentUnit = new AsyncLocalStorage<UnitOfWork>();

export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  /** Read-only connection for plain reads (committed data only); absent for read-only or in-memory files. */
  private reader: Database | null = null;
  /** Writes wait for this (e.g. an integrity check still running) and fail with its error. */
  private writeGate: Promise<void> = Promise.resolve();
  private gatePending = false;
  private closed = false;
  private readonly waitListeners = new Set<LockWaitListener>();
  /** Statements kept prepared by text (all() with `prepared`), oldest first. */
  private readonly statements = new Map<string, sqlite3.Statement>();
  private waiting = 0;

  /** Set for an archive opened read-only as a whole: why it cannot be written (every write is refused). */
  readonly readOnlyReason: string | undefined;
  /** Opened with SQLite's immutable=1 (see OpenOptions.immutable). */
  immutable = false;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
    private readonly onSlowQuery: (text: string, ms: number) => void,
    private readonly lockWaitMs: number,
    readOnlyReason?: string,
  ) {
    this.readOnlyReason = readOnlyReason;
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const readOnly = options.readOnly === true || options.immutable === true;
    const mode = options.immutable
      ? sqlite3.OPEN_READONLY | sqlite3.OPEN_URI
      : readOnly
        ? sqlite3.OPEN_READONLY
        : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const target = options.immutable ? `${pathToFileURL(path).href}?immutable=1` : path;
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const handle = new sqlite3.Database(target, mode, (err) => (err ? reject(err) : resolve(handle)));
    });
    const onSlowQuery = options.onSlowQuery ?? ((text, ms) => diagnostic(`[sql] slow query ${ms} ms: ${text}`));
    const lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    const db = new Database(raw, path, onSlowQuery, lockWaitMs, options.readOnlyReason);
    db.immutable = options.immutable === true;
    try {
      await db.exec(`PRAGMA busy_timeout = ${Math.min(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS, lockWaitMs)}`);
      await db.exec('PRAGMA foreign_keys = ON');
      if (!readOnly && path !== ':memory:') {
        // A new archive returns the space its deletes free (reclaimFreePages); set before its first page is written.
        const pages = await db.get<{ page_count: number }>({ text: 'PRAGMA page_count', params: [] });
        if (pages?.page_count === 0) await db.exec('PRAGMA auto_vacuum = INCREMENTAL');
        await db.exec('PRAGMA journal_mode = WAL');
        // FULL: a commit acknowledged to the user survives power loss, not just a process crash.
        await db.exec('PRAGMA synchronous = FULL');
        await db.exec(`PRAGMA cache_size = -${WRITER_CACHE_KIB}`);
        // Opened after WAL mode is set (a read-only connection cannot set it, and must not find a rollback
        // journal), with its own busy_timeout; a snapshot is held only for one statement or one read().
        if (options.reader !== false) db.reader = await Database.open(path, { readOnly: true, onSlowQuery });
      }
    } catch (err) {
      // A file SQLite opened but cannot set up (a full disk, a folder it cannot write) is not left open.
      await db.close().catch(() => undefined);
      throw err;
    }
    return db;
  }

  exec(text: string): Promise<void> {
    return this.onWriter(() => this.execNow(text));
  }

  /** One statement; outside a unit of work it is a unit of its own, retried while another process writes. */
  run(query: SqlQuery): Promise<RunResult> {
    if (this.inUnit()) return this.runNow(query);
    if (this.readOnlyReason !== undefined) return Promise.reject(this.refusal());
    return this.enqueue(() => this.whenUnlocked(() => this.runNow(query), this.lockWaitMs));
  }

  /**
   * One statement of the current unit of work, started: resolves once SQLite's thread runs it, with `done`, its
   * result. The caller may then work on this thread while it runs (a run() issued just before such work started only
   * when this thread was free again: the driver prepares a statement on its thread, then comes back to this one to
   * bind and run it; a 2 MB document text waited there while its passages' rows were built). Call `done` before
   * the next statement. Outside a unit of work, a run() of its own.
   */
  async runStarted(query: SqlQuery): Promise<{ done: Promise<RunResult> }> {
    if (!this.inUnit()) return { done: this.run(query) };
    const statement = await this.timed(
      query.text,
      () =>
        new Promise<sqlite3.Statement>((resolve, reject) => {
          const prepared = this.db.prepare(query.text, (err) => (err ? reject(err) : resolve(prepared)));
        }),
    );
    const done = this.timed(
      query.text,
      () =>
        new Promise<RunResult>((resolve, reject) => {
          statement.run(query.params, function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ changes: this.changes, lastID: this.lastID });
          });
          // Queued behind the run.
          statement.finalize();
        }),
    );
    return { done };
  }

  /** Listens for waits on another process's write lock (a progress line can say so); returns the unsubscriber. */
  onLockWait(listener: LockWaitListener): () => void {
    this.waitListeners.add(listener);
    return () => void this.waitListeners.delete(listener);
  }

  /**
   * Runs `attempt` (a statement that takes the write lock: BEGIN IMMEDIATE, or a single autocommit write) until
   * it is not refused as busy, backing off up to `budget` ms; listeners hear when the wait starts and ends.
   */
  private async whenUnlocked<T>(attempt: () => Promise<T>, budget: number): Promise<T> {
    const started = performance.now();
    let delay = 25;
    let announced = false;
    try {
      for (;;) {
        try {
          return await attempt();
        } catch (err) {
          const waited = performance.now() - started;
          if (storageProblem(err) !== 'busy') throw err;
          if (waited >= budget) throw busyError(this.path, waited);
          if (!announced) {
            announced = true;
            if (this.waiting++ === 0) for (const listener of this.waitListeners) listener(true);
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(delay, budget - waited)));
          delay = Math.min(delay * 2, 1000);
        }
      }
    } finally {
      if (announced && --this.waiting === 0) for (const listener of this.waitListeners) listener(false);
    }
  }

  /**
   * Rows of a query: inside a unit of work on the writer (seeing its changes), else on the reader. `prepared`: keep
   * the statement prepared for the next query of the same text (a statement run on every search, whose planning
   * costs as much as a cheap search itself); the few most recent texts are kept.
   */
  all<T = Row>(query: SqlQuery, options?: { prepared?: boolean }): Promise<T[]> {
    if (this.reader && !this.inUnit()) return this.reader.all<T>(query, options);
    return this.onWriter(() => (options?.prepared ? this.allPrepared<T>(query) : this.allNow<T>(query)));
  }

  async get<T = Row>(query: SqlQuery): Promise<T | undefined> {
    if (this.reader && !this.inUnit()) return this.reader.get<T>(query);
    return this.onWriter(() => this.getNow<T>(query));
  }

  private execNow(text: string): Promise<void> {
    return this.timed(
      text,
      () => new Promise((resolve, reject) => this.db.exec(text, (err) => (err ? reject(err) : resolve()))),
    );
  }

  private runNow(query: SqlQuery): Promise<RunResult> {
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

  private allNow<T = Row>(query: SqlQuery): Promise<T[]> {
    return this.timed(
      query.text,
      () =>
        new Promise((resolve, reject) =>
          this.db.all(query.text, query.params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
        ),
    );
  }

  private allPrepared<T = Row>(query: SqlQuery): Promise<T[]> {
    return this.timed(query.text, async () => {
      let statement = this.statements.get(query.text);
      if (statement) this.statements.delete(query.text);
      else {
        statement = await new Promise<sqlite3.Statement>((resolve, reject) => {
          const prepared = this.db.prepare(query.text, (err) => (err ? reject(err) : resolve(prepared)));
        });
        if (this.statements.size >= PREPARED_STATEMENTS) {
          const [oldest, old] = this.statements.entries().next().value as [string, sqlite3.Statement];
          this.statements.delete(oldest);
          old.finalize();
        }
      }
      const ready = statement;
      try {
        // Binding resets the statement first (so does a run without parameters); one that ran to its end holds no
        // read transaction meanwhile.
        const rows = await new Promise<T[]>((resolve, reject) =>
          ready.all(query.params, (err: Error | null, rows: unknown[]) => (err ? reject(err) : resolve(rows as T[]))),
        );
        // Two runs of one text at once (inside one unit of work) prepare two statements: one is kept.
        this.statements.get(query.text)?.finalize();
        if (this.closed) ready.finalize();
        else this.statements.set(query.text, ready);
        return rows;
      } catch (err) {
        ready.finalize();
        throw err;
      }
    });
  }

  private getNow<T = Row>(query: SqlQuery): Promise<T | undefined> {
    return this.timed(
      query.text,
      () =>
        new Promise((resolve, reject) =>
          this.db.get(query.text, query.params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
        ),
    );
  }

  /**
   * Runs the unit of work `fn` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error. Units of work run
   * one at a time; a transaction() called from inside one joins it (so a multi-step action commits or rolls
   * back whole), and statements from outside wait for it.
   */
  transaction<T>(
    fn: (tx: Database) => Promise<T>,
    mode: 'IMMEDIATE' | 'EXCLUSIVE' = 'IMMEDIATE',
    options: TransactionOptions = {},
  ): Promise<T> {
    if (this.inUnit()) return fn(this);
    if (this.readOnlyReason !== undefined) return Promise.reject(this.refusal());
    // A write held by the gate waits outside the queue, so reads issued meanwhile are not stuck behind it.
    if (this.gatePending) {
      const retry = () => this.transaction(fn, mode, options);
      return this.writeGate.then(retry, retry);
    }
    return this.enqueue(async () => {
      await this.writeGate;
      // Another process holding the write lock makes us wait our turn (with backoff), not fail.
      const begin = () => this.whenUnlocked(() => this.execNow(`BEGIN ${mode}`), options.lockWaitMs ?? this.lockWaitMs);
      return this.committed(begin, fn);
    });
  }

  /** Runs `fn` between `begin` and COMMIT, on the writer queue's turn it is given; a failure rolls all of it back. */
  private async committed<T>(begin: () => Promise<unknown>, fn: (tx: Database) => Promise<T>): Promise<T> {
    await begin();
    try {
      const result = await fn(this);
      await this.execNow('COMMIT');
      return result;
    } catch (err) {
      await this.execNow('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** The sentence that refuses a write to an archive opened read-only. */
  refusal(): Error {
    return readOnlyError(this.path, this.readOnlyReason);
  }

  /**
   * Runs `fn`, a read of several statements, on ONE snapshot of committed data: BEGIN … COMMIT on the reader
   * connection, queued with the other reads there, so a write committed between two of its statements cannot
   * give it a mix of before and after. Statements `fn` issues on this object (at any depth) join it. Inside a
   * unit of work it simply joins that unit (which sees its own changes); without a reader it is a unit of its own
   * on this connection. `fn` must not write (a write from it would wait for the writer, outside the snapshot).
   */
  read<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (this.inUnit()) return fn(this);
    if (this.reader) return this.reader.inUnit() ? fn(this) : this.reader.snapshot(() => fn(this));
    return this.snapshot(() => fn(this));
  }

  /** `work` as one unit of work inside a deferred (read) transaction on this connection. */
  private snapshot<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.execNow('BEGIN DEFERRED');
      try {
        return await work();
      } finally {
        // Nothing to keep or undo in a read: COMMIT only ends the snapshot (ROLLBACK after an error does the same).
        await this.execNow('COMMIT').catch(() => this.execNow('ROLLBACK').catch(() => undefined));
      }
    });
  }

  /** True inside a unit of work on this connection (its statements run at once, as part of it). */
  private inUnit(): boolean {
    const unit = currentUnit.getStore();
    return unit !== undefined && unit.db === this && unit.open;
  }

  /** A statement on the writing connection: part of the current unit of work, or a unit of its own. */
  private onWriter<T>(statement: () => Promise<T>): Promise<T> {
    return this.inUnit() ? statement() : this.enqueue(statement);
  }

  /** Queues `work` as a unit of work; statements it issues (at any depth) run inside it. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const unit: UnitOfWork = { db: this, open: true };
      try {
        return await currentUnit.run(unit, work);
      } finally {
        // Work started inside the unit but still running after it ends must queue like anyone else.
        unit.open = false;
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
    this.gatePending = true;
    // Settled first (registered before any waiting writer), so writers retried after it see it settled;
    // the rejection is delivered to writers, not left unhandled.
    check.then(
      () => void (this.gatePending = false),
      () => void (this.gatePending = false),
    );
  }

  /**
   * Runs `fn` alone on this connection (no other transaction interleaves), without opening a
   * transaction itself: for work SQLite forbids inside one, like restoring from a backup.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.inUnit() ? fn() : this.enqueue(fn);
  }

  /** Copies a database file into this connection's main database (SQLite online backup API). */
  restoreFrom(file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      // The sqlite3 typings do not declare backup(); its signature is (file, destName, sourceName, filenameIsDest, cb).
      const handle = this.db as unknown as {
        backup(
          file: string,
          dest: string,
          source: string,
          filenameIsDest: boolean,
          cb: (err: Error | null) => void,
        ): BackupHandle;
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

  private reclaiming: Promise<void> | undefined;
  /** Set when pages may have been freed after the running reclaim last looked: it goes round once more. */
  private reclaimAgain = false;

  /**
   * Returns the pages deletes left free to the file system, in the background: PRAGMA incremental_vacuum in steps of
   * RECLAIM_PAGES, each a short unit of work of its own on the writer path (writes queued meanwhile go between two
   * steps), then a passive checkpoint so the file itself shrinks; with an empty free list, neither (and no pause).
   * Needs auto_vacuum = INCREMENTAL (new archives, and older ones converted at open: db/space.ts); otherwise it does
   * nothing. Never fails: a problem is logged.
   */
  reclaimFreePages(): Promise<void> {
    if (this.readOnlyReason !== undefined || this.path === ':memory:' || this.closed) return Promise.resolve();
    if (this.reclaiming) {
      // A delete committed while the running reclaim may already have seen an empty free list.
      this.reclaimAgain = true;
      return this.reclaiming;
    }
    this.reclaiming = (async () => {
      try {
        do {
          this.reclaimAgain = false;
          await this.reclaimOnce();
        } while (this.reclaimAgain && !this.closed);
      } finally {
        this.reclaiming = undefined;
      }
    })();
    return this.reclaiming;
  }

  private async reclaimOnce(): Promise<void> {
    try {
      const mode = await this.get<{ auto_vacuum: number }>({ text: 'PRAGMA auto_vacuum', params: [] });
      if (mode?.auto_vacuum !== 2) return;
      const freePages = async () =>
        (await this.getNow<{ freelist_count: number }>({ text: 'PRAGMA freelist_count', params: [] }))
          ?.freelist_count ?? 0;
      // Nothing free (a new archive after `tala import`, a merge that found one segment): no pause, no checkpoint
      // (SQLite checkpoints the WAL as it grows and at close). `tala import` of a 2 MB file waited ~20–25 ms here.
      if ((await this.enqueue(async () => (this.closed ? 0 : freePages()))) === 0) return;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, RECLAIM_PAUSE_MS));
        if (this.closed) return;
        const left = await this.enqueue(async () => {
          if (this.closed || (await freePages()) === 0) return 0;
          await this.execNow(`PRAGMA incremental_vacuum(${RECLAIM_PAGES})`);
          return freePages();
        });
        if (left === 0) break;
      }
      await this.enqueue(async () => void (this.closed || (await this.execNow('PRAGMA wal_checkpoint(PASSIVE)'))));
    } catch (err) {
      diagnostic(`[sql] returning free pages of ${this.path} stopped: ${(err as Error).message}`);
    }
  }

  /** True once close() has been called: background work starts no further step. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Background upkeep in short steps (e.g. merging the search index: search/index-merge.ts). `step` runs again and
   * again, each run a write transaction of its own (BEGIN IMMEDIATE … COMMIT) queued on the writer path like any
   * other unit of work, so writes queued meanwhile (imports, edits) run between two steps, `pauseMs` apart, until it
   * returns false. Stops between two steps once the connection is closing (close() waits for the step in progress
   * only) and does nothing on a read-only connection. A step refused because another connection holds the write
   * lock is tried again after a pause taken outside the queue (this connection's own writes are not held by it),
   * for up to `lockWaitMs` in all. A step that fails is rolled back (nothing of it stays) and its error rejects.
   * Resolves true when `step` said it was done, false when stopped by a close or a failed integrity check.
   */
  async inSteps(
    step: (tx: Database) => Promise<boolean>,
    options: { pauseMs?: number; lockWaitMs?: number } = {},
  ): Promise<boolean> {
    if (this.readOnlyReason !== undefined || this.path === ':memory:') return false;
    const pauseMs = options.pauseMs ?? RECLAIM_PAUSE_MS;
    const lockWaitMs = options.lockWaitMs ?? this.lockWaitMs;
    let busySince: number | undefined;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      if (this.closed) return false;
      // Held while an integrity check runs (gateWrites); a damaged archive gets no upkeep.
      if (
        this.gatePending &&
        !(await this.writeGate.then(
          () => true,
          () => false,
        ))
      )
        return false;
      if (this.closed) return false;
      let more: boolean | 'busy';
      try {
        more = await this.enqueue(async () =>
          this.closed ? false : this.committed(() => this.execNow('BEGIN IMMEDIATE'), step),
        );
        busySince = undefined;
      } catch (err) {
        if (storageProblem(err) !== 'busy') throw err;
        busySince ??= performance.now();
        if (performance.now() - busySince >= lockWaitMs) throw err;
        more = 'busy';
      }
      if (more === 'busy') await new Promise((resolve) => setTimeout(resolve, 20 * pauseMs));
      else if (!more) return !this.closed;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.reader?.close();
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))));
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }

  private async timed<T>(text: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } catch (err) {
      // A full disk, a lock held elsewhere, a read-only file: a sentence naming the archive, never SQLite's text.
      const storage = storageError(err, this.path, BUSY_TIMEOUT_MS, this.readOnlyReason);
      if (storage !== err) throw storage;
      // Keep the statement in the message: "SQLITE_CONSTRAINT" alone says nothing in a log.
      if (err instanceof Error && !err.message.includes(' -- in: ')) err.message += ` -- in: ${text.slice(0, 200)}`;
      throw err;
    } finally {
      const ms = Math.round(performance.now() - started);
      if (ms >= SLOW_QUERY_MS && !text.startsWith('BEGIN') && !text.startsWith('COMMIT'))
        this.onSlowQuery(text.slice(0, 200), ms);
    }
  }
}
