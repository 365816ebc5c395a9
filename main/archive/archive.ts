// The composition root of an open archive: opens the SQLite file (integrity check, migrations), starts
// the search engine and wires the feature services to them. Every door (IPC, HTTP bridge, CLI) reaches the
// features through this object; the rules for data safety live in the features and in db/.
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
import { sql } from '../db/sql';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { DocumentService } from '../documents/service';
import { FactService } from '../facts/service';
import { sharedWorkerParser, type DocumentParser } from '../ingest/parser';
import { LibraryService } from '../library/service';
import { SearchEngine, type SearchService } from '../search/engine';
import { ArchiveSearch } from '../search/service';
import { SearchWorkerHost } from '../search/worker-host';
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
  /** Where imported files are parsed: the process's shared parse worker by default (see ingest/parser.ts). */
  parser?: DocumentParser;
  /**
   * Archives up to this size are checked (PRAGMA quick_check) before open returns; larger ones are
   * checked in the background while reads go on, and writes wait for the verdict.
   */
  blockingCheckMaxBytes?: number;
}

export type OpenCheck = 'blocking' | 'background' | 'skipped';

/** ~1 s of quick_check on these machines; a bigger archive opens at once and is checked meanwhile. */
const BLOCKING_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export class Archive {
  readonly documents: DocumentService;
  readonly annotations: AnnotationService;
  /** The facts ledger: mentions, proposals, facts with evidence annotations, entities, conflicts. */
  readonly facts: FactService;
  /** Translations of documents, alignments and their corrections, typed translations, machine translation. */
  readonly translations: TranslationService;
  /** Snapshots, restore, portable files, integrity. */
  readonly backups: BackupService;
  readonly search: ArchiveSearch;
  /** The library table, collections, bulk actions, near-duplicate choices. */
  readonly library: LibraryService;
  /** Team archives: join a team database, sync, review conflicts. */
  readonly team: TeamService;

  private constructor(
    private readonly db: Database,
    searchService: SearchService,
    parser: DocumentParser,
  ) {
    this.documents = new DocumentService(db, parser);
    this.annotations = new AnnotationService(db);
    this.facts = new FactService(db, this.annotations);
    this.translations = new TranslationService(db, (input) => this.documents.prepareImport(input));
    this.backups = new BackupService(db);
    this.search = new ArchiveSearch(searchService);
    this.library = new LibraryService(db, (reason) => this.backups.create(reason));
    this.team = new TeamService(db, db.path);
  }

  get path(): string {
    return this.db.path;
  }

  static async open(file: string, options: ArchiveOpenOptions = {}): Promise<Archive> {
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
    if (db.readOnlyReason !== undefined) return Archive.openedReadOnly(db, options);
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
      await migrate(db, {
        beforeMigrating: async (from) => void (from > 0 && (await createBackup(db, 'pre-migration'))),
      });
    } catch (err) {
      await db.close();
      throw err;
    }
    let search: SearchService;
    try {
      search = options.search === 'inline' ? await SearchEngine.open(file) : SearchWorkerHost.start(file);
    } catch (err) {
      await db.close();
      await integrity; // a damaged file explains itself better than the search engine's SQLITE_CORRUPT
      throw err;
    }
    const archive = new Archive(db, search, options.parser ?? sharedWorkerParser());
    archive.integrityOnOpen = integrity;
    archive.openCheck = openCheck;
    integrity.then(() => void (archive.checkedSound = true)).catch(() => undefined);
    integrity.catch(() => undefined); // reported through integrityChecked() and to every writer
    await archive.backups.load().catch(() => undefined); // unreadable setting: backups beside the archive
    return archive;
  }

  /** The rest of open() for an archive that cannot be written: checked, never migrated, searched as it is. */
  private static async openedReadOnly(db: Database, options: ArchiveOpenOptions): Promise<Archive> {
    const file = db.path;
    let search: SearchService;
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
      const readOnly = { reason: db.readOnlyReason ?? '', immutable: db.immutable };
      search =
        options.search === 'inline'
          ? await SearchEngine.open(file, { readOnly })
          : SearchWorkerHost.start(file, { readOnly });
    } catch (err) {
      await db.close();
      throw err;
    }
    const archive = new Archive(db, search, options.parser ?? sharedWorkerParser());
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

  async close(): Promise<void> {
    await this.search.close();
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
