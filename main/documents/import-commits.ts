// Group commit for imports. Every file is still its own all-or-nothing unit and is acknowledged only once it is
// durable, but files that are ready (parsed) while an earlier commit is being written share the next commit:
// one BEGIN … COMMIT (one fsync) and one search-index pass for the group instead of one per file.
//   - Only parsed files are submitted: a file that fails to parse never enters a commit.
//   - Each submission resolves only after the COMMIT that holds it returned (synchronous=FULL): acknowledged
//     means durable, and a crash loses nothing acknowledged.
//   - If anything in a group fails (a write, the index, the COMMIT), the group is rolled back whole and its
//     files are written again one transaction each, so only the failing file fails and no file is half there.
import { AsyncResource } from 'node:async_hooks';
import type { Database } from '../db/connection';
import { diagnostic } from '../diagnostics';
import { backfillFingerprints } from '../library/dedup-repo';
import { ImportBatch, type ImportHint } from './import-batch';
import { indexDocuments, readState, type KnownTerms } from '../search/indexer';
import { scheduleSearchIndexMerge } from '../search/index-merge';
import type { PreparedIndex } from '../search/index-analysis';
import type { ImportOutcome } from '../../shared/types';

/**
 * Writes one parsed file (no indexing: the group indexes its documents together); call inside a transaction. In a
 * group its rows may wait in `group` (written by the group before it indexes); alone, it writes them itself.
 */
export type ImportWrite = (tx: Database, group?: ImportBatch) => Promise<ImportOutcome>;

/** A file whose commit had not started when its import was cancelled: nothing of it was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled before this file was written.');
  }
}

interface Pending {
  write: ImportWrite;
  signal?: AbortSignal;
  hint?: ImportHint;
  /** The file's texts and search analysis, made before its commit (the index pass uses them). */
  index?: PreparedIndex;
  resolve(outcome: ImportOutcome): void;
  reject(err: unknown): void;
}

/**
 * Most files in one commit: bounds the work redone one by one when a group fails, and the commit's size. Each commit
 * writes to the WAL every page its rows touched, and rows keyed by random ids (documents, passages, near-duplicate
 * bands, new words) touch pages all over their indexes, so a commit of 64 small files wrote ~1,000 pages: 2,000 × 5 KB
 * files in commits of up to 256 make ~65,000 writes (WAL frames, checkpoints) instead of ~114,000 with 64 (strace).
 */
const MAX_GROUP = 256;
/**
 * While files keep coming (some arrived during the last commit), the next commit waits for more to fill it: fewer,
 * larger commits (each one an fsync and a pass of about twenty statements) for a stream of small files. It waits
 * while files arrive at least every LINGER_GAP_MS, at most LINGER_MS in all, so each file is acknowledged at most
 * that much later; a file submitted while nothing is being written is committed at once.
 */
export const LINGER_MS = 25;
/** Within a run of commits, how often missing fingerprints are looked for (see commitGroup). */
const BACKFILL_EVERY_MS = 1000;
const LINGER_GAP_MS = 4;
/** Most words the commits remember as written (a word forgotten is only written again, and ignored). */
const MAX_KNOWN_WORDS = 100_000;

/**
 * The words (and word-pipeline pairs) the commits wrote to the search vocabulary, so that a commit writes only the
 * ones no commit before it wrote: each commit of small files wrote every word of its files again (INSERT OR IGNORE
 * of ~2,000 words and ~2,500 pairs per commit, all but a few already there after the first commits). Valid while
 * the vocabulary's epoch (search_state terms_epoch, bumped whenever words can leave it: by rebuildTerms, the only
 * statement that removes words, and by a backup's restore; whatever process runs them) is the one it was read at; a
 * commit's words count only once it committed.
 */
interface KnownWords {
  epoch: number;
  words: Set<string>;
}

export class ImportCommits {
  private pending: Pending[] = [];
  private draining = false;
  /** When the last look for missing fingerprints ended (performance.now()). */
  private backfilledAt = -Infinity;
  /** Words written by the commits so far (see KnownWords). */
  private knownSoFar: KnownWords | undefined;
  /** Told of every submission during a linger. */
  private arrived: (() => void) | undefined;
  /**
   * The commits run in the context this object was made in, never in a submitter's: a submitter inside a
   * unit of work must not have other files' writes join its transaction.
   */
  private readonly scope = new AsyncResource('tala-import-commits');

  constructor(private readonly db: Database) {}

  /**
   * Queues a parsed file's write; resolves with its outcome once committed. Must not be awaited from inside a
   * unit of work on the same connection (the commit would wait for that unit, which waits for the commit).
   */
  submit(write: ImportWrite, signal?: AbortSignal, hint?: ImportHint, index?: PreparedIndex): Promise<ImportOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, signal, hint, index, resolve, reject });
      this.arrived?.();
      if (this.draining) return;
      this.draining = true;
      this.scope.runInAsyncScope(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      // Files submitted while a group is being written wait for the next group: that is the grouping.
      let first = true;
      this.backfilledAt = -Infinity; // a run of commits first looks for missing fingerprints (see commitGroup)
      while (this.pending.length > 0) {
        if (!first) await this.linger();
        first = false;
        await this.commitGroup(this.pending.splice(0, MAX_GROUP));
        // The merge waits for imports to go quiet: put off after every commit, not only when a run of them ends (a
        // run longer than its quiet time had the merge, and the return of the pages it freed, start in the middle of
        // the import, in steps between its commits: 2,000 small files, 5 merge steps and a page reclaim mid-import).
        scheduleSearchIndexMerge(this.db);
      }
    } finally {
      this.draining = false;
      // Once imports go quiet, the index's new segments are merged in the background when worth it.
      scheduleSearchIndexMerge(this.db);
    }
  }

  /** Waits for a full group while files keep arriving (see LINGER_MS). */
  private linger(): Promise<void> {
    if (this.pending.length >= MAX_GROUP) return Promise.resolve();
    return new Promise((resolve) => {
      const started = performance.now();
      let gap: NodeJS.Timeout;
      const done = () => {
        clearTimeout(gap);
        clearTimeout(limit);
        this.arrived = undefined;
        resolve();
      };
      const limit = setTimeout(done, LINGER_MS);
      gap = setTimeout(done, LINGER_GAP_MS);
      this.arrived = () => {
        clearTimeout(gap);
        if (this.pending.length >= MAX_GROUP || performance.now() - started >= LINGER_MS) done();
        else gap = setTimeout(done, LINGER_GAP_MS);
      };
    });
  }

  private async commitGroup(all: Pending[]): Promise<void> {
    // A cancel stops the files whose commit has not started; a group already being written finishes.
    const group = all.filter((item) => {
      if (item.signal?.aborted) item.reject(new ImportCancelled());
      return !item.signal?.aborted;
    });
    if (group.length === 0) return;
    // Fingerprints missing since older versions or edits: filled in before the group checks its near-duplicates.
    // Looking for them reads every document, so a run of groups looks at its start and then once a second (an edit
    // made meanwhile is fingerprinted within a second; the groups' own documents are fingerprinted as they go in).
    if (performance.now() - this.backfilledAt >= BACKFILL_EVERY_MS) {
      await backfillFingerprints(this.db).catch((err: unknown) =>
        diagnostic(`[import] fingerprint backfill failed: ${(err as Error).message}`),
      );
      this.backfilledAt = performance.now();
    }
    // A file that acts on its near-duplicates (skip, keep as a version) needs its fingerprint before its write, and
    // then the other files of its commit are checked before theirs too, in order, as they always were.
    const hints = group.flatMap((item) => (item.hint ? [item.hint] : []));
    if (hints.some((h) => h.needsPrint)) await Promise.all(hints.map((h) => h.printing));
    // Otherwise, when a fingerprint is still being made (the parse worker makes it after the search analysis), the
    // rows are written and indexed meanwhile and every file's near-duplicate check runs at the end of the commit.
    const defers = hints.length === group.length && hints.some((h) => h.print === undefined);
    if (group.length > 1) {
      let outcomes: ImportOutcome[] | undefined;
      let words: CommitWords | undefined;
      try {
        outcomes = await this.db.transaction(async (tx) => {
          const done: ImportOutcome[] = [];
          const batch = new ImportBatch();
          batch.defersPrints = defers;
          // Every file's checks looked up at once when each says what they will need.
          if (hints.length === group.length) await batch.prefetch(tx, hints);
          for (const item of group) done.push(await item.write(tx, batch));
          await batch.flush(tx);
          await indexImported(tx, done, group, (words = await this.knownWords(tx)));
          await batch.settle(tx);
          return done;
        });
        words?.keep();
      } catch {
        outcomes = undefined; // rolled back whole: each file again on its own, below
      }
      if (outcomes) {
        group.forEach((item, i) => item.resolve(outcomes[i]));
        return;
      }
    }
    for (const item of group) {
      try {
        let words: CommitWords | undefined;
        const outcome = await this.db.transaction(async (tx) => {
          const batch = new ImportBatch();
          batch.defersPrints = item.hint !== undefined && !item.hint.needsPrint && item.hint.print === undefined;
          const outcome = await item.write(tx, batch);
          await batch.flush(tx);
          await indexImported(tx, [outcome], [item], (words = await this.knownWords(tx)));
          await batch.settle(tx);
          return outcome;
        });
        words?.keep();
        item.resolve(outcome);
      } catch (err) {
        item.reject(err);
      }
    }
  }

  /**
   * The words known to be in the vocabulary for a commit, read inside its transaction (the write lock is held, so the
   * epoch cannot change before the commit ends); the commit's own words are kept (keep) once it committed.
   */
  private async knownWords(tx: Database): Promise<CommitWords> {
    const epoch = await readState(tx, 'terms_epoch');
    let known = this.knownSoFar;
    if (!known || known.epoch !== epoch || known.words.size > MAX_KNOWN_WORDS)
      known = this.knownSoFar = { epoch, words: new Set() };
    const base = known;
    const added = new Set<string>();
    return {
      has: (word) => base.words.has(word) || added.has(word),
      add: (word) => added.add(word),
      keep: () => {
        if (this.knownSoFar === base) for (const word of added) base.words.add(word);
      },
    };
  }
}

/** The words known for one commit: the earlier commits', and its own (kept for the next once it committed). */
interface CommitWords extends KnownTerms {
  keep(): void;
}

/** Indexed in the import's transaction: searchable the moment the import commits, or not stored at all. */
async function indexImported(
  tx: Database,
  outcomes: ImportOutcome[],
  items: readonly Pending[],
  knownTerms: KnownTerms,
): Promise<void> {
  const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.document.id] : []));
  const prepared = new Map<string, PreparedIndex>();
  for (const item of items) if (item.index) prepared.set(item.index.documentId, item.index);
  if (ids.length > 0) await indexDocuments(tx, ids, { prepared, knownTerms });
}
