// An open archive: one SQLite file plus its derived search index. Every door (IPC, HTTP bridge, CLI)
// goes through this class, so the rules for data safety live in one place.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { AppError, toErrorInfo } from '../../shared/errors';
import type {
  AppInfo, ArchiveHealth, BackupInfo, BackupReason, DocumentDetail, DocumentMetaChanges, DocumentSummary, ImportOutcome, ReindexProgress, ReindexReport,
  SearchRequest, SearchResult, SearchStatus,
} from '../../shared/types';
import { APP_VERSION } from '../app-version';
import { Database } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { sql } from '../db/sql';
import { sharedWorkerParser, type DocumentParser } from '../ingest/parser';
import type { IngestInput, ParsedDocument } from '../ingest/types';
import { validateInput } from '../ingest/validate-input';
import { SearchEngine, type SearchService } from '../search/engine';
import { indexDocuments } from '../search/indexer';
import { SearchWorkerHost } from '../search/worker-host';
import { FactService } from '../facts/service';
import { TranslationService } from '../translations/service';
import { backfillFingerprints, findNearDuplicates, markVersionOf, storeFingerprint } from '../library/dedup-repo';
import { fingerprint } from '../library/minhash';
import { LibraryService } from '../library/service';
import type { NearDuplicateChoice } from '../../shared/library';
import { AnnotationService } from './annotations';
import { layOutPassages } from './document-edits';
import * as documents from './documents-repo';
import { getOriginal, insertOriginal, type StoredOriginal } from './originals-repo';
import { backupDirFor, createBackup, listBackups, verifyBackupFile } from './backups';
import { createPrivateFile, tightenExisting } from './private-files';
import { cloudSyncedFolder } from './paths';
import { exportPortable, mergePortable, type MergeReport } from './portable';
import { setDocumentTags } from './tags-repo';

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

/** ~1 s of quick_check on these machines; a bigger archive opens at once and is checked meanwhile. */
const BLOCKING_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export class Archive {
  readonly annotations: AnnotationService;
  /** The facts ledger: mentions, proposals, facts with evidence annotations, entities, conflicts. */
  readonly facts: FactService;
  /** Translations of documents, alignments and their corrections, typed translations, machine translation. */
  readonly translations: TranslationService;
  /** The library table, collections, bulk actions, near-duplicate choices. */
  readonly library: LibraryService;
  private parser: DocumentParser = sharedWorkerParser();

  private constructor(
    private readonly db: Database,
    private readonly searchService: SearchService,
  ) {
    // Edited passages are re-indexed inside the edit's transaction.
    this.annotations = new AnnotationService(db, async (tx, documentId) => {
      await indexDocuments(tx, [documentId]);
    });
    this.facts = new FactService(db, this.annotations);
    this.translations = new TranslationService(db, (input) => this.importFile(input));
    this.library = new LibraryService(db, (reason) => this.backup(reason));
  }

  get path(): string {
    return this.db.path;
  }

  static async open(file: string, options: ArchiveOpenOptions = {}): Promise<Archive> {
    let db: Database;
    try {
      if (!existsSync(file)) createPrivateFile(file);
      // Archives made by earlier versions were readable by every local user.
      tightenExisting([{ path: file }, { path: `${file}-wal` }, { path: `${file}-shm` }, { path: backupDirFor(file), dir: true }]);
      db = await Database.open(file);
    } catch (err) {
      throw new AppError('ARCHIVE_ERROR', `Cannot open the archive at ${file}: ${(err as Error).message}`);
    }
    let integrity: Promise<void>;
    try {
      const size = existsSync(file) ? statSync(file).size : 0;
      const upToDate = (await schemaVersion(db)) === LATEST_SCHEMA_VERSION;
      if (upToDate && size > (options.blockingCheckMaxBytes ?? BLOCKING_CHECK_MAX_BYTES)) {
        // On its own read-only connection: on the main one, every statement would queue behind it.
        integrity = checkOnSeparateConnection(file);
        db.gateWrites(integrity);
      } else {
        // Small archives, and any archive about to be migrated, are checked before anything else.
        await assertNotDamaged(db);
        integrity = Promise.resolve();
      }
      // A non-empty archive is backed up before its schema changes, so an upgrade can be undone.
      await migrate(db, { beforeMigrating: async (from) => void (from > 0 && (await createBackup(db, 'pre-migration'))) });
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
    const archive = new Archive(db, search);
    archive.integrityOnOpen = integrity;
    integrity.catch(() => undefined); // reported through integrityChecked() and to every writer
    if (options.parser) archive.parser = options.parser;
    return archive;
  }

  private integrityOnOpen: Promise<void> = Promise.resolve();

  /** Settles when the open-time integrity check is done; rejects with ARCHIVE_DAMAGED (naming the newest backup). */
  integrityChecked(): Promise<void> {
    return this.integrityOnOpen;
  }

  /** Takes a snapshot now (on demand, on schedule, or before a risky operation). */
  backup(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    return createBackup(this.db, reason);
  }

  backups(): BackupInfo[] {
    return listBackups(this.path);
  }

  /**
   * Replaces the archive's content with a backup. The current content is backed up first, so a
   * restore can itself be undone.
   */
  async restore(file: string): Promise<{ safetyBackup: BackupInfo }> {
    await verifyBackupFile(file);
    const safetyBackup = await createBackup(this.db, 'pre-restore');
    try {
      await this.db.exclusive(() => this.db.restoreFrom(file));
      await migrate(this.db);
      await assertNotDamaged(this.db);
    } catch (err) {
      // Whatever went wrong, the archive goes back to what it was: the user is never left with a half-restore.
      await this.db.exclusive(() => this.db.restoreFrom(safetyBackup.file));
      throw new AppError(
        'ARCHIVE_ERROR',
        `Restoring ${file} failed (${toErrorInfo(err).message}); the archive was put back as it was. ` +
          `Its content before the attempt is also kept in ${safetyBackup.file}.`,
      );
    }
    return { safetyBackup };
  }

  /** Writes the whole archive (documents, passages, annotations, versions, tags…) into one portable file. */
  exportPortable(file: string): Promise<void> {
    return exportPortable(this.db, file);
  }

  /** Merges a portable archive file into this one by UUID, without duplicates. */
  async importPortable(file: string): Promise<MergeReport> {
    const { report } = await mergePortable(this.db, file);
    return report;
  }

  /** Full integrity check (slow on big archives: run it in the background) plus placement warnings. */
  async health(): Promise<ArchiveHealth> {
    const rows = await this.db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    const cloud = cloudSyncedFolder(this.path);
    return {
      integrity: rows.map((r) => r.integrity_check).join('; '),
      warnings: cloud
        ? [`This archive is inside a folder synced by ${cloud}. Sync clients can corrupt open databases: move the archive to a folder that is not synced and rely on Tala's backups instead.`]
        : [],
    };
  }

  async close(): Promise<void> {
    await this.searchService.close();
    await this.db.close();
  }

  async info(): Promise<AppInfo> {
    return { version: APP_VERSION, archivePath: this.path, schemaVersion: await schemaVersion(this.db) };
  }

  listDocuments(): Promise<DocumentSummary[]> {
    return documents.listDocuments(this.db);
  }

  async getDocument(id: string): Promise<DocumentDetail> {
    const doc = await documents.getDocument(this.db, id);
    if (!doc) throw new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);
    return doc;
  }

  /**
   * Parses and stores one file in a single transaction. Invalid input throws IMPORT_REJECTED before
   * anything is written; content already in the archive is reported as skipped, not duplicated. A text nearly
   * the same as documents already here (the same source as .txt, .pdf, .docx…) is reported with them; by
   * default both are kept, `nearDuplicates: 'skip'` stores nothing, `'version'` keeps it as another version.
   */
  async importFile(input: IngestInput, options: { nearDuplicates?: NearDuplicateChoice } = {}): Promise<ImportOutcome> {
    // Cheap checks here (size, type, binary junk) and the duplicate test, so a known file is never parsed again;
    // the parsing itself runs in the parser (a worker thread unless the archive was opened with another).
    const { mediaType } = validateInput(input.name, input.bytes);
    const existing = await documents.findDocumentIdByHash(this.db, createHash('sha256').update(input.bytes).digest('hex'));
    if (existing) return skippedDuplicate(input.name, existing);
    const parsed = await this.parser.parse(input);
    const original: StoredOriginal = { fileName: input.name.split(/[\\/]/).pop() || input.name, mediaType, data: input.bytes };

    const doc = toNewDocument(parsed, input.name);
    const print = fingerprint(doc.text);
    await backfillFingerprints(this.db);
    const outcome = await this.db.transaction(async (tx): Promise<ImportOutcome> => {
      // Checked again inside the write lock: another import of the same bytes may have just committed.
      const raced = await documents.findDocumentIdByHash(tx, parsed.contentHash);
      if (raced) return skippedDuplicate(input.name, raced);
      const near = await findNearDuplicates(tx, print);
      if (near.length > 0 && options.nearDuplicates === 'skip') {
        const best = near[0];
        const reason = `${input.name}: nearly the same text as “${best.title}” (${Math.round(best.similarity * 100)}% alike)`;
        return { status: 'skipped', reason, existingId: best.id, nearDuplicate: best };
      }
      await documents.insertDocument(tx, doc);
      await insertOriginal(tx, doc.id, original);
      await storeFingerprint(tx, doc.id, print);
      const variantOf = near.length > 0 && options.nearDuplicates === 'version' ? await markVersionOf(tx, doc.id, near[0].id) : undefined;
      // Indexed in the same transaction: searchable the moment the import commits, or not stored at all.
      await indexDocuments(tx, [doc.id]);
      const document = { ...stripText(doc), tags: [], version: 1, passages: doc.passages.length };
      return { status: 'imported', document, ...(near.length > 0 ? { nearDuplicates: near } : {}), ...(variantOf ? { variantOf } : {}) };
    });
    return outcome;
  }

  /** The file a document was imported from, byte for byte. */
  async getOriginal(id: string): Promise<StoredOriginal> {
    const original = await getOriginal(this.db, id);
    if (original) return original;
    await this.getDocument(id); // NOT_FOUND for an unknown id
    throw new AppError('NOT_FOUND', 'The original file of this document was not kept (it was imported before Tala kept originals).');
  }

  /** Edits the metadata a user can correct; only the given fields change. */
  async updateDocumentMeta(id: string, changes: DocumentMetaChanges): Promise<DocumentDetail> {
    await this.db.transaction(async (tx) => {
      if (!(await documents.getDocumentSummary(tx, id))) throw new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);
      await documents.updateDocumentMeta(tx, id, changes);
      if (changes.tags) await setDocumentTags(tx, id, changes.tags);
    });
    return this.getDocument(id);
  }

  async deleteDocument(id: string): Promise<void> {
    const deleted = await this.db.transaction((tx) => documents.deleteDocument(tx, id));
    if (!deleted) throw new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);
  }

  /**
   * The single search entry point (query language: see main/search/query-parser.ts). Other writes
   * (metadata, tags, annotations, merges) mark documents for re-indexing through triggers; the search
   * engine re-indexes them before it answers.
   */
  search(query: string | SearchRequest, limit?: number): Promise<SearchResult> {
    const request = typeof query === 'string' ? { query, limit } : query;
    return this.searchService.search(request);
  }

  /** Rebuilds the whole search index from the documents (searches keep working meanwhile). */
  reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport> {
    return this.searchService.reindex(onProgress);
  }

  /** "Indexed N of M passages", and whether a reindex or catch-up is running. */
  searchStatus(): Promise<SearchStatus> {
    return this.searchService.status();
  }
}

async function checkOnSeparateConnection(file: string): Promise<void> {
  const checker = await Database.open(file, { readOnly: true });
  try {
    await assertNotDamaged(checker);
  } finally {
    await checker.close();
  }
}

/** A quick check on every open: a damaged archive is reported with the newest backup to restore. */
async function assertNotDamaged(db: Database): Promise<void> {
  let verdict: string;
  try {
    const rows = await db.all<{ quick_check: string }>(sql`PRAGMA quick_check`);
    verdict = rows.map((r) => r.quick_check).join('; ');
  } catch (err) {
    verdict = (err as Error).message;
  }
  if (verdict === 'ok') return;
  const newest = listBackups(db.path)[0];
  throw new AppError(
    'ARCHIVE_DAMAGED',
    `The archive at ${db.path} is damaged (${verdict.slice(0, 300)}). ` +
      (newest ? `The newest backup is ${newest.file} (${newest.createdAt}); restore it with: tala restore "${newest.file}".` : 'No backup of it was found.'),
  );
}

function skippedDuplicate(name: string, existingId: string): ImportOutcome {
  return { status: 'skipped', reason: `${name}: the same content is already in the archive`, existingId };
}

function toNewDocument(parsed: ParsedDocument, originalName: string): documents.NewDocument {
  const layout = layOutPassages(parsed.passages.map((p) => ({ id: randomUUID(), kind: p.kind, text: p.text })));
  return {
    id: randomUUID(),
    title: parsed.title,
    lang: parsed.lang,
    source: parsed.source,
    author: parsed.author,
    publishedAt: parsed.publishedAt,
    fileCreatedAt: parsed.fileCreatedAt,
    originalName,
    mediaType: parsed.mediaType,
    contentHash: parsed.contentHash,
    importedAt: new Date().toISOString(),
    text: layout.text,
    passages: layout.passages.map((p, i) => ({ ...p, sentences: parsed.passages[i].sentences, page: parsed.passages[i].page ?? null })),
  };
}

function stripText(doc: documents.NewDocument) {
  const { text: _text, passages: _passages, ...meta } = doc;
  return meta;
}
