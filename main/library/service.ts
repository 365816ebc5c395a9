// The library's operations: the table's rows, collections, bulk tagging and deletion, and what to do with a
// near-duplicate an import reported. Every write is one transaction; a bulk delete takes a backup first.
import { AppError } from '../../shared/errors';
import type {
  BulkDeleteReport,
  BulkTagReport,
  Collection,
  LibraryEntry,
  NearDuplicateChoice,
} from '../../shared/library';
import type { BackupInfo, BackupReason, DocumentSummary } from '../../shared/types';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import * as documents from '../documents/repo';
import { cleanTagNames, ensureTags } from '../documents/tags-repo';
import * as collections from './collections-repo';
import { markVersionOf } from './dedup-repo';
import { listLibrary } from './library-repo';
import { scheduleSearchIndexMerge } from '../search/index-merge';

export class LibraryService {
  constructor(
    private readonly db: Database,
    private readonly backup: (reason: BackupReason) => Promise<BackupInfo>,
  ) {}

  list(): Promise<LibraryEntry[]> {
    return listLibrary(this.db);
  }

  collections(): Promise<Collection[]> {
    return collections.listCollections(this.db);
  }

  createCollection(name: string): Promise<Collection> {
    return this.db.transaction((tx) => collections.createCollection(tx, name));
  }

  renameCollection(id: string, name: string): Promise<Collection> {
    return this.db.transaction((tx) => collections.renameCollection(tx, id, name));
  }

  deleteCollection(id: string): Promise<void> {
    return this.db.transaction((tx) => collections.deleteCollection(tx, id));
  }

  addToCollection(id: string, documentIds: readonly string[]): Promise<Collection> {
    return this.db.transaction((tx) => collections.addToCollection(tx, id, unique(documentIds)));
  }

  removeFromCollection(id: string, documentIds: readonly string[]): Promise<Collection> {
    return this.db.transaction((tx) => collections.removeFromCollection(tx, id, unique(documentIds)));
  }

  /**
   * Adds and removes tags on many documents at once; other tags stay. Answers the tag names as stored (an
   * existing tag keeps its spelling: adding "nkr" to the tag "NKR" adds "NKR") so a caller can update the
   * documents it shows in place.
   */
  async bulkTag(
    ids: readonly string[],
    add: readonly string[] = [],
    remove: readonly string[] = [],
  ): Promise<BulkTagReport> {
    const docIds = unique(ids);
    const docs = JSON.stringify(docIds);
    return this.db.transaction(async (tx) => {
      await assertDocumentsExist(tx, docIds);
      const addIds = await ensureTags(tx, add);
      const removeNames = cleanTagNames(remove);
      // One statement per tag, whatever the number of documents.
      for (const tagId of addIds) {
        await tx.run(sql`INSERT OR IGNORE INTO document_tags (document_id, tag_id)
                         SELECT value, ${tagId} FROM json_each(${docs})`);
      }
      for (const name of removeNames) {
        await tx.run(sql`DELETE FROM document_tags WHERE document_id IN (SELECT value FROM json_each(${docs}))
                         AND tag_id IN (SELECT id FROM tags WHERE name = ${name})`);
      }
      const added: string[] = [];
      for (const id of addIds) {
        const row = await tx.get<{ name: string }>(sql`SELECT name FROM tags WHERE id = ${id}`);
        if (row) added.push(row.name);
      }
      return { updated: docIds.length, added, removed: removeNames };
    });
  }

  /** Deletes the documents (with their passages, annotations, links…) in one transaction, after a backup. */
  async bulkDelete(ids: readonly string[]): Promise<BulkDeleteReport> {
    const docIds = unique(ids);
    await assertDocumentsExist(this.db, docIds);
    const backup = await this.backup('pre-delete');
    const deleted = await this.db.transaction(async (tx) => {
      let count = 0;
      for (const id of docIds) if (await documents.deleteDocument(tx, id)) count++;
      return count;
    });
    void this.db.reclaimFreePages(); // in the background, in small steps
    scheduleSearchIndexMerge(this.db); // drops the deleted rows from the search index when they are many
    return { deleted, backup };
  }

  /**
   * What the user chose for a document an import found nearly the same as `of`: skip (the new copy is
   * deleted), keep both (nothing changes), or keep it as another version of the same source.
   */
  async resolveNearDuplicate(
    id: string,
    of: string,
    choice: NearDuplicateChoice,
  ): Promise<{ document: DocumentSummary | null; variantOf: string | null }> {
    if (id === of) throw new AppError('INVALID_REQUEST', 'A document cannot be a near-duplicate of itself.');
    return this.db.transaction(async (tx) => {
      await assertDocumentsExist(tx, [id, of]);
      if (choice === 'skip') {
        await documents.deleteDocument(tx, id);
        return { document: null, variantOf: null };
      }
      let variantOf: string | null = null;
      if (choice === 'version') variantOf = await markVersionOf(tx, id, of);
      else await tx.run(sql`DELETE FROM document_variants WHERE document_id = ${id} AND variant_of = ${of}`);
      return { document: (await documents.getDocumentSummary(tx, id)) ?? null, variantOf };
    });
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

async function assertDocumentsExist(db: Database, ids: readonly string[]): Promise<void> {
  const unknown = await collections.unknownDocumentIds(db, ids);
  if (unknown.length > 0) throw new AppError('NOT_FOUND', `No document with id ${unknown[0]} in this archive.`);
}
