// The composition root of an open archive: opens the SQLite file (integrity check, migrations) and wires the
// feature services to it. Every door (IPC, HTTP bridge, CLI) reaches the features through this object; the rules
// for data safety live in the features and in db/. A feature service is made on first use (`tala search` makes
// the search service only; an inline search engine opens with the first query), the backup service at open: its
// folder setting is read before anything may write a backup.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArchiveSummary } from '../../shared/archives';
import { AppError } from '../../shared/errors';
import type { AppInfo } from '../../shared/types';
import { AnnotationService } from '../annotations/service';
import { APP_VERSION } from '../app-version';
import { backupDirFor, createBackup } from '../backups/backups';
import { assertNotDamaged, checkOnSeparateConnection } from '../backups/integrity';
import { BackupService } from '../backups/service';
import { Database } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { enableIncrementalVacuum, spaceReport, type SpaceReport } from '../db/space';
import { sql } from '../db/sql';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { DocumentService } from '../documents/service';
import { FactService } from '../facts/service';
import { sharedWorkerParser, type DocumentParser } from '../ingest/parser';
import { LibraryService } from '../library/service';
import type { SearchEngineOptions, SearchService } from '../search/engine';
import { ArchiveSearch, openedOnFirstUse } from '../search/service';
import { ANALYZER_VERSION, writeState } from '../search/indexer';
import {
  BATCH_STEP_PAGES,
  indexShape,
  mergeSearchIndex,
  scheduleSearchIndexMerge,
  searchIndexMergeSettled,
  type IndexShape,
  type MergeProgress,
} from '../search/index-merge';
import { SearchWorkerHost } from '../search/worker-host';
import type { Aligner } from '../align/worker-host';
import { TranslationService } from '../translations/service';
import { TeamService } from '../team/service';
import { createPrivateFile, tightenExisting } from '../backups/private-files';
import { cannotWriteReason, fullDiskReason, openReadOnly } from './read-only';
import { stampCleanClose, takeCleanClose } from './clean-close';

export interface ArchiveOpenOptions {
  /**
   * Where searches and index maintenance run: 'worker' (default; a worker thread, so the caller's event
   * loop never waits on them) or 'inline' (this thread; for one-shot tools such as the CLI).
   */
  search?: 'worker' | 'inline';
  /**
   * Start the search worker at once (the desktop app and the web host, which search soon after open): its thread
   * loads its code while the archive opens and migrates, then opens the file and warms up (search/engine.ts), so
   * the first search does not wait for all of that. Off by default: a tool or test that never searches starts
   * no thread.
   */
  startSearch?: boolean;
  /** Where imported files are parsed: the process's shared parse worker by default (see ingest/parser.ts). */
  parser?: DocumentParser;
  /**
   * Archives up to this size are checked (PRAGMA quick_check) before open returns; larger ones are
   * checked in the background while reads go on, and writes wait for the verdict.
   */
  blockingCheckMaxBytes?: number;
  /** An archive made without incremental auto-vacuum is rewritten once at open to get it up to this size. */
  autoVacuumConvertMaxBytes?: number;
  /** Where alignments run: the shared align worker by default (the CLI aligns in-process). */
  aligner?: Aligner;
}

export type OpenCheck = 'blocking' | 'background' | 'skipped';

/** How long after open an unmerged search index starts merging (when worth it: search/index-merge.ts). */
const MERGE_AFTER_OPEN_MS = 10_000;
/** ~1 s of quick_check on these machines; a bigger archive opens at once and is checked meanwhile. */
const BLOCKING_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export class Archive {
  private constructor(
    private readonly db: Database,
    private readonly searchService: SearchService,
    private readonly options: ArchiveOpenOptions,
  ) {
    this.backups = new BackupService(db);
  }

  /** Snapshots, restore, portable files, integrity (made at open: see the top of this file). */
  readonly backups: BackupService;

  private made: {
    documents?: DocumentService;
    annotations?: AnnotationService;
    facts?: FactService;
    translations?: TranslationService;
    search?: ArchiveSearch;
    library?: LibraryService;
    team?: TeamService;
  } = {};

  /** Import, metadata, passages and their versions, tags, originals. */
  get documents(): DocumentService {
    return (this.made.documents ??= new DocumentService(this.db, this.options.parser ?? sharedWorkerParser()));
  }

  get annotations(): AnnotationService {
    return (this.made.annotations ??= new AnnotationService(this.db));
  }

  /** The facts ledger: mentions, proposals, facts with evidence annotations, entities, conflicts. */
  get facts(): FactService {
    return (this.made.facts ??= new FactService(this.db, this.annotations));
  }

  /** Translations of documents, alignments and their corrections, typed translations, machine translation. */
  get translations(): TranslationService {
    if (this.made.translations) return this.made.translations;
    const translations = new TranslationService(this.db, (input) => this.documents.prepareImport(input));
    if (this.options.aligner) translations.useAligner(this.options.aligner);
    return (this.made.translations = translations);
  }

  get search(): ArchiveSearch {
    return (this.made.search ??= new ArchiveSearch(this.searchService));
  }

  /** The library table, collections, bulk actions, near-duplicate choices. */
  get library(): LibraryService {
    return (this.made.library ??= new LibraryService(this.db, (reason) => this.backups.create(reason)));
  }

  /** Team archives: join a team database, sync, review conflicts. */
  get team(): TeamService {
    return (this.made.team ??= new TeamService(this.db, this.db.path));
  }

  /** Which feature services have been made so far (the rest were never needed). */
  get servicesMade(): string[] {
    return Object.keys(this.made);
  }

  get path(): string {
    return this.db.path;
  }

  static async open(file: string, options: ArchiveOpenOptions = {}): Promise<Archive> {
    let early: SearchWorkerHost | null = null;
    if (options.startSearch && options.search !== 'inline') {
      try {
        early = SearchWorkerHost.early();
      } catch {
        // No worker now (a packaging problem): the search starts on first use, as without startSearch.
      }
    }
    try {
      return await Archive.opening(file, options, early);
    } catch (err) {
      await early?.abandon().catch(() => undefined);
      throw err;
    }
  }

  private static async opening(file: string, options: ArchiveOpenOptions, early: SearchWorkerHost | null) {
    let db: Database;
    let cleanClose = false;
    try {
      const cannotWrite = existsSync(file) ? cannotWriteReason(file) : null;
      if (cannotWrite) db = await openReadOnly(file, cannotWrite);
      else {
        if (!existsSync(file)) createPrivateFile(file);
        cleanClose = takeCleanClose(file);
        // Archives made by earlier versions were readable by every local user.
        tightenExisting([
          { path: file },
          { path: `${file}-wal` },
          { path: `${file}-shm` },
          { path: backupDirFor(file), dir: true },
        ]);
        try {
          db = await Database.open(file);
        } catch (err) {
          // On a full disk SQLite cannot even set up its shared-memory file: read and search all the same.
          const full = fullDiskReason(file, err);
          if (!full) throw err;
          db = await openReadOnly(file, full);
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('ARCHIVE_ERROR', `Cannot open the archive at ${file}: ${(err as Error).message}`);
    }
    if (db.readOnlyReason !== undefined) return Archive.openedReadOnly(db, options, early);
    let integrity: Promise<void>;
    let openCheck: OpenCheck;
    try {
      const size = existsSync(file) ? statSync(file).size : 0;
      const upToDate = (await schemaVersion(db)) === LATEST_SCHEMA_VERSION;
      if (upToDate && cleanClose) {
        // Closed cleanly and untouched since (clean-close.ts): no whole-file check holds this open or its writes;
        // the app's maintenance runs the full check in the background (backups/schedule.ts).
        integrity = Promise.resolve();
        openCheck = 'skipped';
      } else if (upToDate && size > (options.blockingCheckMaxBytes ?? BLOCKING_CHECK_MAX_BYTES)) {
        // On its own read-only connection: on the main one, every statement would queue behind it.
        integrity = checkOnSeparateConnection(file);
        db.gateWrites(integrity);
        openCheck = 'background';
      } else {
        // Small archives, and any archive about to be migrated, are checked before anything else.
        await assertNotDamaged(db);
        integrity = Promise.resolve();
        openCheck = 'blocking';
      }
      // A non-empty archive is backed up before its schema changes, so an upgrade can be undone.
      const migrated = await migrate(db, {
        beforeMigrating: async (from) => void (from > 0 && (await createBackup(db, 'pre-migration'))),
        // A new file's search index is of this analyzer: else the first search engine to open it would re-index
        // every document an import had already indexed (`tala import` into a new archive: all of them).
        onNewFile: (tx) => writeState(tx, 'analyzer_version', ANALYZER_VERSION),
      });
      // A migration that rewrote tables leaves their old pages free: given back in the background, in small steps.
      if (migrated.from > 0 && migrated.to > migrated.from) void db.reclaimFreePages();
      // An archive made before incremental auto-vacuum gets it now when small (db/space.ts); not while checked.
      if (openCheck !== 'background') await enableIncrementalVacuum(db, options.autoVacuumConvertMaxBytes);
      // An index left unmerged (an archive made before index-merge.ts, a merge stopped by a close) is merged in the
      // background when worth it, a while after open so that the first searches do not share the disk with it.
      scheduleSearchIndexMerge(db, MERGE_AFTER_OPEN_MS);
    } catch (err) {
      await db.close();
      throw err;
    }
    // Both open on first use (the worker when a search or index status is first asked, the inline engine too),
    // unless the worker was started early.
    const search = options.search === 'inline' ? inlineSearch(file) : workerSearch(file, {}, early);
    const archive = new Archive(db, search, options);
    archive.integrityOnOpen = integrity;
    archive.openCheck = openCheck;
    integrity.then(() => void (archive.checkedSound = true)).catch(() => undefined);
    integrity.catch(() => undefined); // reported through integrityChecked() and to every writer
    await archive.backups.load().catch(() => undefined); // unreadable setting: backups beside the archive
    return archive;
  }

  /** The rest of open() for an archive that cannot be written: checked, never migrated, searched as it is. */
  private static async openedReadOnly(
    db: Database,
    options: ArchiveOpenOptions,
    early: SearchWorkerHost | null,
  ): Promise<Archive> {
    const file = db.path;
    let checked: boolean;
    try {
      const version = await schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) await migrate(db); // refuses, saying a newer Tala made it
      if (version < LATEST_SCHEMA_VERSION)
        throw new AppError(
          'ARCHIVE_ERROR',
          `The archive ${file} was made by an earlier version of Tala and must be upgraded once before this ` +
            `version can read it, but it cannot be written (${db.readOnlyReason}). Copy the archive's folder to ` +
            'a disk you can write to and open the copy.',
        );
      // A large archive is not checked here: the check would hold up every read on the one connection.
      checked = statSync(file).size <= (options.blockingCheckMaxBytes ?? BLOCKING_CHECK_MAX_BYTES);
      if (checked) await assertNotDamaged(db);
    } catch (err) {
      await db.close();
      throw err;
    }
    const readOnly = { reason: db.readOnlyReason ?? '', immutable: db.immutable };
    const search =
      options.search === 'inline' ? inlineSearch(file, { readOnly }) : workerSearch(file, { readOnly }, early);
    const archive = new Archive(db, search, options);
    archive.openCheck = checked ? 'blocking' : 'skipped';
    await archive.backups.load().catch(() => undefined); // unreadable setting: backups beside the archive
    return archive;
  }

  /** Why the archive is open read-only (every write is refused); undefined when it can be written. */
  get readOnlyReason(): string | undefined {
    return this.db.readOnlyReason;
  }

  private integrityOnOpen: Promise<void> = Promise.resolve();
  /** How this open checked the file: before returning, beside it (writes held), or not (closed cleanly). */
  openCheck: OpenCheck = 'blocking';
  private checkedSound = false;

  /** Settles when the open-time integrity check is done; rejects with ARCHIVE_DAMAGED (naming the newest backup). */
  integrityChecked(): Promise<void> {
    return this.integrityOnOpen;
  }

  /** How the archive returns freed space, and how much of the file is free pages (db/space.ts). */
  space(): Promise<SpaceReport> {
    return spaceReport(this.db);
  }

  /**
   * Merges the search index now if worth it (search/index-merge.ts), in steps of `stepPages`, joining (and
   * speeding up) a background merge already running; resolves when done. For batch tools (`tala import`) and
   * benchmarks: the app leaves it to the background. Also waits for the merged-away segments' pages to be given
   * back to the file system, which the background does after a merge, so a batch tool leaves no free pages behind.
   */
  async mergeSearchIndex(
    options: { onProgress?: (progress: MergeProgress) => void; stepPages?: number; always?: boolean } = {},
  ) {
    const report = await mergeSearchIndex(this.db, { stepPages: BATCH_STEP_PAGES, ...options });
    await this.db.reclaimFreePages();
    return report;
  }

  /** What the search index is made of now (its segments and pages: search/index-merge.ts). */
  searchIndexShape(): Promise<IndexShape | undefined> {
    return indexShape(this.db);
  }

  /** Resolves once the background merge of the search index (scheduled or running) is done. */
  searchIndexMerged(): Promise<void> {
    return searchIndexMergeSettled(this.db);
  }

  /** Gives free pages back to the file system in small background steps; resolves when done (see Database). */
  reclaimFreePages(): Promise<void> {
    return this.db.reclaimFreePages();
  }

  async close(): Promise<void> {
    await this.searchService.close();
    await this.db.close();
    // Only after a sound open: an archive whose check failed or is unfinished is checked again next time.
    if (this.checkedSound && this.path !== ':memory:') stampCleanClose(this.path);
  }

  /** Where the archive is, how big it is on disk and what it holds (Settings). */
  async summary(): Promise<ArchiveSummary> {
    const file = this.path;
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    const counts = await this.db.get<{ documents: number; passages: number; annotations: number }>(
      sql`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM passages) AS passages,
                 (SELECT count(*) FROM annotations) AS annotations`,
    );
    return {
      dir: dirname(file),
      file,
      bytes: size(file) + size(`${file}-wal`),
      documents: counts?.documents ?? 0,
      passages: counts?.passages ?? 0,
      annotations: counts?.annotations ?? 0,
    };
  }

  async info(): Promise<AppInfo> {
    const info: AppInfo = { version: APP_VERSION, archivePath: this.path, schemaVersion: await schemaVersion(this.db) };
    if (this.readOnlyReason !== undefined) info.readOnly = this.readOnlyReason;
    return info;
  }
}

/** The search worker of an archive: the one started early, told which file to open, or one started on first use. */
function workerSearch(file: string, options: SearchEngineOptions, early: SearchWorkerHost | null): SearchService {
  return early ? early.open(file, options) : SearchWorkerHost.start(file, options);
}

/** The search engine in this thread, loaded and opened with the first query (its own connection, lunr). */
function inlineSearch(file: string, options?: SearchEngineOptions): SearchService {
  return openedOnFirstUse(async () => (await import('../search/engine')).SearchEngine.open(file, options));
}
