// Keeps the FTS5 index merged. Every write transaction adds a segment (a b-tree) to search_fts, and FTS5's own
// automerge only merges segments of the same level, four at a time, so a bulk import leaves a dozen of them on
// four or five levels (300k passages: 13). A query seeks each of its words in every segment: a phrase whose words
// have name variants seeks ~50 alternatives, 5–10× slower on 13 segments than on one (docs/benchmarks.md).
//
// So, when imports, a reindex or a sync have gone quiet, the index is merged into one segment in the background:
// FTS5 'merge' commands with a negative page count (merge across levels, as 'optimize' does, but a bounded amount
// of work per command), each its own short write transaction on the writer queue (Database.inSteps), so imports
// and edits queued meanwhile go between two steps and closing the archive waits for one step at most. Every step
// commits a consistent index (FTS5's incremental merge), so a crash between steps loses nothing and a search
// answers the same before, during and after (merging keeps every row, rowid and bm25 figure).
//
// Write amplification: a full merge rewrites the whole index (~50 MB of leaves at 300k passages, ~1 s), so it is
// not done after every small import. It runs only when (a) the segments other than the largest hold at least
// MERGE_SHARE of the largest's pages: each full merge then folds in at least that share of new data, so each page
// is rewritten at most (1 + MERGE_SHARE) / MERGE_SHARE = 5 times by these merges however the index grew; or (b)
// there are MAX_SEGMENTS or more, however small (many tiny imports: with automerge at 4 that takes dozens of
// commits, so a full rewrite at most every few dozen commits); or (c) deleted rows (tombstones, contentless_delete)
// reach MERGE_SHARE of the rows, which a merge drops. FTS5's automerge (4) and crisismerge (16) are left as they
// are: a smaller automerge would rewrite every page more often during a bulk import (log2 rather than log4 levels),
// and the full merge at the end gives one segment either way.
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { diagnostic } from '../diagnostics';

/**
 * Leaf pages (~4 KB each) a background merge step writes: one short write lock (measured at 300k passages, load ~5:
 * 100 pages ~40 ms a step, 5.6 s in all; 500 pages 100–300 ms a step; 2000 pages 6 steps, 1.5 s in all).
 */
export const MERGE_STEP_PAGES = 150;
/** Per step when nothing else waits for the archive (`tala import` finishing its merge before it exits). */
export const BATCH_STEP_PAGES = 2000;
/** See the top of this file: the share of new data (or deleted rows) that makes a full merge worth it. */
const MERGE_SHARE = 0.25;
/** See the top of this file: this many segments are merged whatever their sizes. */
const MAX_SEGMENTS = 8;
/** Pause between two steps (the writes people make go between them). */
const STEP_PAUSE_MS = 10;
/** How long after the last import commit (or reindex, sync) a merge starts: a bulk import is merged once, at end. */
export const MERGE_QUIET_MS = 1000;

/** What the index is made of, from FTS5's structure record (search_fts_data, id 10). */
export interface IndexShape {
  segments: number;
  /** Leaf pages of all segments, and of the largest. */
  pages: number;
  largest: number;
  /** Rows held by the segments, and rows deleted from them but still there (contentless_delete tombstones). */
  rows: number;
  deletedRows: number;
  /** A merge is under way (a level has input segments of an incremental merge: FTS5's automerge, or ours). */
  merging: boolean;
}

/**
 * Decodes FTS5's structure record (fts5_index.c, fts5StructureDecode): a 4-byte cookie, the 4 bytes FF 00 00 01 when
 * it is a version 2 record (contentless_delete tables), then SQLite varints: levels, segments, write counter; per
 * level its merge inputs and its segments; per segment its id, first and last leaf page and, in version 2, two origin
 * counters, tombstone pages, tombstone entries and entries. Undefined for a record it cannot read.
 */
export function parseStructure(record: Uint8Array): IndexShape | undefined {
  let at = 4;
  const v2 = record[4] === 0xff && record[5] === 0 && record[6] === 0 && record[7] === 1;
  if (v2) at = 8;
  const varint = (): number => {
    let value = 0;
    for (let k = 0; k < 8; k++) {
      if (at >= record.length) throw new RangeError('structure record ends early');
      const byte = record[at++];
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    if (at >= record.length) throw new RangeError('structure record ends early');
    return value * 256 + record[at++];
  };
  try {
    const levels = varint();
    const segments = varint();
    varint(); // write counter
    const shape: IndexShape = { segments, pages: 0, largest: 0, rows: 0, deletedRows: 0, merging: false };
    let seen = 0;
    for (let level = 0; level < levels; level++) {
      const merging = varint();
      const count = varint();
      if (merging > 0) shape.merging = true;
      for (let s = 0; s < count; s++) {
        varint(); // segment id
        const first = varint();
        const last = varint();
        const pages = last - first + 1;
        shape.pages += pages;
        shape.largest = Math.max(shape.largest, pages);
        if (v2) {
          varint(); // origin counters
          varint();
          varint(); // tombstone pages
          shape.deletedRows += varint();
          shape.rows += varint();
        }
      }
      seen += count;
    }
    return seen === segments && at === record.length ? shape : undefined;
  } catch {
    return undefined;
  }
}

/** The index's shape now (undefined when there is no structure record yet, or one this code cannot read). */
export async function indexShape(db: Database): Promise<IndexShape | undefined> {
  const row = await db.get<{ block: Uint8Array }>(sql`SELECT block FROM search_fts_data WHERE id = 10`);
  return row?.block ? parseStructure(row.block) : undefined;
}

/** Whether a full merge is worth its rewrite (see the top of this file). */
export function worthMerging(shape: IndexShape): boolean {
  if (shape.deletedRows > 0 && shape.deletedRows >= MERGE_SHARE * shape.rows) return true;
  if (shape.segments < 2) return false;
  return shape.segments >= MAX_SEGMENTS || shape.pages - shape.largest >= MERGE_SHARE * shape.largest;
}

export interface MergeProgress {
  /** Leaf pages written so far, and the index's pages when the merge started (about what it rewrites). */
  pages: number;
  total: number;
}

export interface MergeReport {
  /** Segments before and after; steps run (0: the merge was not worth it). */
  before: number;
  after: number;
  steps: number;
  ms: number;
}

interface Running {
  promise: Promise<MergeReport | undefined>;
  listeners: Set<(progress: MergeProgress) => void>;
  /** Pages per step; a caller that joins with larger steps (a batch tool) makes the rest go faster. */
  stepPages: number;
}

const running = new WeakMap<Database, Running>();
const scheduled = new WeakMap<Database, NodeJS.Timeout>();

/**
 * Merges the index of this archive connection in steps if it is worth it (see worthMerging; `always`: whenever it
 * has more than one segment or any deleted row), joining a merge already running on it. Resolves with what was
 * done, or undefined when nothing could be (read-only, closed, stopped by a close); never rejects: a failure is
 * logged, and the index stays as the last step left it (sound: each step is a transaction).
 */
export function mergeSearchIndex(
  db: Database,
  options: { onProgress?: (progress: MergeProgress) => void; always?: boolean; stepPages?: number } = {},
): Promise<MergeReport | undefined> {
  if (db.readOnlyReason !== undefined || db.isClosed || db.path === ':memory:') return Promise.resolve(undefined);
  const stepPages = options.stepPages ?? MERGE_STEP_PAGES;
  const current = running.get(db);
  if (current) {
    if (options.onProgress) current.listeners.add(options.onProgress);
    current.stepPages = Math.max(current.stepPages, stepPages);
    return current.promise;
  }
  const state: Running = { promise: Promise.resolve(undefined), listeners: new Set(), stepPages };
  if (options.onProgress) state.listeners.add(options.onProgress);
  state.promise = merge(db, state, options.always === true)
    .catch((err: unknown) => {
      diagnostic(`[search] merging the search index of ${db.path} stopped: ${(err as Error).message}`);
      return undefined;
    })
    .finally(() => running.delete(db));
  running.set(db, state);
  return state.promise;
}

async function merge(db: Database, state: Running, always: boolean): Promise<MergeReport | undefined> {
  const listeners = state.listeners;
  const started = performance.now();
  const before = await indexShape(db);
  if (!before) return undefined;
  const report: MergeReport = { before: before.segments, after: before.segments, steps: 0, ms: 0 };
  const wanted = always ? before.segments > 1 || before.deletedRows > 0 || before.merging : worthMerging(before);
  if (!wanted) return report;
  const progress: MergeProgress = { pages: 0, total: before.pages };
  for (const listener of listeners) listener({ ...progress });
  const finished = await db.inSteps(
    async (tx) => {
      if (tx.isClosed) return false;
      // FTS5: the merge did something when total_changes() moved by 2 or more; otherwise it is done.
      const changes = async () => (await tx.get<{ n: number }>(sql`SELECT total_changes() AS n`))?.n ?? 0;
      const from = await changes();
      const stepPages = state.stepPages;
      await tx.run(sql`INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ${-stepPages})`);
      const worked = (await changes()) - from >= 2;
      if (worked) {
        report.steps++;
        progress.pages = Math.min(progress.total, progress.pages + stepPages);
        for (const listener of listeners) listener({ ...progress });
      }
      return worked;
    },
    { pauseMs: STEP_PAUSE_MS },
  );
  if (!finished || db.isClosed) return undefined;
  report.after = (await indexShape(db))?.segments ?? report.after;
  report.ms = Math.round(performance.now() - started);
  progress.pages = progress.total;
  for (const listener of listeners) listener({ ...progress });
  diagnostic(
    `[search] search index of ${db.path} merged: ${report.before} → ${report.after} segments, ` +
      `${report.steps} steps, ${report.ms} ms`,
  );
  // The old segments' pages are free now: given back to the file system in small steps too.
  void db.reclaimFreePages();
  return report;
}

/**
 * After an import commit, a reindex or a sync: merges the index (if worth it) once writes have been quiet for
 * MERGE_QUIET_MS, so a bulk import is merged once, at its end, not after each of its commits. A later call puts the
 * start off again; a merge already running goes on. Nothing for a read-only or closed connection.
 */
export function scheduleSearchIndexMerge(db: Database, quietMs = MERGE_QUIET_MS): void {
  if (db.readOnlyReason !== undefined || db.isClosed || db.path === ':memory:') return;
  clearTimeout(scheduled.get(db));
  const timer = setTimeout(() => {
    scheduled.delete(db);
    void mergeSearchIndex(db);
  }, quietMs);
  timer.unref();
  scheduled.set(db, timer);
}

/** Whether a merge of this connection's index is scheduled (waiting for writes to go quiet). */
export function searchIndexMergeScheduled(db: Database): boolean {
  return scheduled.has(db);
}

/** Resolves once no merge is scheduled or running on this connection (tests, tools that wait for it). */
export async function searchIndexMergeSettled(db: Database): Promise<void> {
  for (;;) {
    const timer = scheduled.get(db);
    if (timer) {
      // Started now rather than after the quiet time: the caller waits for it.
      clearTimeout(timer);
      scheduled.delete(db);
      void mergeSearchIndex(db);
    }
    const current = running.get(db);
    if (!current) return;
    await current.promise;
  }
}
