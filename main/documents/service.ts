// Documents of an open archive: import (one transaction per file), read, metadata and tags, delete, the
// original bytes, and text correction with its version history (annotations re-anchored in the same write).
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { NearDuplicateChoice } from '../../shared/library';
import type {
  DocumentDetail,
  DocumentMetaChanges,
  DocumentSummary,
  DocumentVersion,
  ImportOutcome,
} from '../../shared/types';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { deflatedInputOf, fingerprintOf, indexAnalysisOf, type DocumentParser } from '../ingest/parser';
import { DEFLATE_HERE_MAX } from '../ingest/deflate-original';
import type { IngestInput, ParsedDocument } from '../ingest/types';
import { validateInput } from '../ingest/validate-input';
import { backfillFingerprints, markVersionOf } from '../library/dedup-repo';
import { fingerprint, type Fingerprint } from '../library/minhash';
import { indexDocuments } from '../search/indexer';
import type { PreparedIndex } from '../search/index-analysis';
import { cleanPassageText, layOutPassages, rewritePassages, type EditOutcome } from './edits';
import { packedSmall, packOriginal } from './original-bytes';
import { getOriginal, type StoredOriginal } from './originals-repo';
import { ImportBatch, type ImportHint } from './import-batch';
import * as documents from './repo';
import { setDocumentTags } from './tags-repo';
import { ImportCommits } from './import-commits';
import { timeOrderedId } from './time-ordered-id';
import { scheduleSearchIndexMerge } from '../search/index-merge';

export interface ImportOptions {
  nearDuplicates?: NearDuplicateChoice;
  /** importFile: once aborted, a file whose commit has not started is not written (rejects ImportCancelled). */
  signal?: AbortSignal;
}

/** A checked and parsed file: already settled (a duplicate), or the write that stores it (inside a transaction). */
export type PreparedImport =
  | { done: ImportOutcome }
  | {
      write: (tx: Database, group?: ImportBatch) => Promise<ImportOutcome>;
      /** What the write's checks will look up (its commit looks them up for all its files at once). */
      hint: ImportHint;
      /** The texts the write stores with their search analysis, for the commit's index pass (when there is one). */
      index?: PreparedIndex;
    };

export class DocumentService {
  constructor(
    private readonly db: Database,
    /** Where imported files are parsed (a worker thread unless the archive was opened with another parser). */
    private readonly parser: DocumentParser,
  ) {
    this.commits = new ImportCommits(db);
  }

  /** Imports waiting for, or in, a group commit. */
  private readonly commits: ImportCommits;

  /** Files are about to be imported: the parser starts now (its worker loads while the files are listed and read). */
  warmParser(): void {
    this.parser.warm?.();
  }

  /** Tells `listener` when writes start and stop waiting for another program writing to the archive. */
  onLockWait(listener: (waiting: boolean) => void): () => void {
    return this.db.onLockWait(listener);
  }

  list(): Promise<DocumentSummary[]> {
    return documents.listDocuments(this.db);
  }

  async get(id: string): Promise<DocumentDetail> {
    const doc = await documents.getDocument(this.db, id);
    if (!doc) throw notFound(id);
    return doc;
  }

  /**
   * Parses and stores one file, all or nothing; files ready at the same time share a commit (see
   * import-commits.ts), and each resolves once it is durable. Invalid input throws IMPORT_REJECTED before
   * anything is written; content already in the archive is reported as skipped, not duplicated. A text nearly
   * the same as documents already here (the same source as .txt, .pdf, .docx…) is reported with them; by
   * default both are kept, `nearDuplicates: 'skip'` stores nothing, `'version'` keeps it as another version.
   */
  async importFile(input: IngestInput, options: ImportOptions = {}): Promise<ImportOutcome> {
    const prepared = await this.prepare(input, options);
    if ('done' in prepared) return prepared.done;
    // The group commit fills in missing fingerprints before each group and indexes the group's documents.
    return this.commits.submit(prepared.write, options.signal, prepared.hint, prepared.index);
  }

  /**
   * The part of an import that runs before any transaction (checks, the duplicate test, parsing in the
   * worker) and the write that stores the file inside the caller's unit of work — so an action that does more
   * than import (e.g. import as a translation and link) commits or rolls back whole. The write does not index.
   */
  async prepareImport(input: IngestInput, options: ImportOptions = {}): Promise<PreparedImport> {
    const prepared = await this.prepare(input, options);
    await backfillFingerprints(this.db);
    return prepared;
  }

  private async prepare(input: IngestInput, options: ImportOptions): Promise<PreparedImport> {
    // An archive open read-only refuses before any parsing (a folder import is refused file by file at once).
    if (this.db.readOnlyReason !== undefined) throw this.db.refusal();
    // Cheap checks here (size, type, binary junk) and the duplicate test, so a known file is never parsed again.
    const { mediaType } = validateInput(input.name, input.bytes);
    const existing = await this.documentWithHash(createHash('sha256').update(input.bytes).digest('hex'));
    if (existing) return { done: skippedDuplicate(input.name, existing) };
    // A large file is deflated on the thread pool while the worker parses (stored so: original-bytes.ts); a small one
    // by the parse worker after its parse (or here, when the parser did not).
    const small = input.bytes.byteLength <= DEFLATE_HERE_MAX;
    const packing = small ? undefined : packOriginal(input.bytes);
    packing?.catch(() => undefined); // a failed parse must not leave it unhandled
    const parsed = await this.parser.parse(input);
    const deflated = small ? deflatedInputOf(parsed) : undefined;
    const original: StoredOriginal = {
      fileName: input.name.split(/[\\/]/).pop() || input.name,
      mediaType,
      data: input.bytes,
      packed: packing
        ? await packing
        : deflated !== undefined
          ? packedSmall(input.bytes, deflated)
          : await packOriginal(input.bytes),
    };

    const doc = toNewDocument(parsed, input.name);
    const index = preparedIndex(doc, parsed);
    // Computed by the parse worker after it sent the document and its search analysis; here only for a parser that
    // does not. A file that acts on its near-duplicates (skip, keep as a version) waits for it before its write;
    // otherwise its commit may write and index the rows meanwhile and check at its end (import-commits.ts).
    const sent = fingerprintOf(parsed);
    const printing = (sent ?? Promise.resolve(parsed.print)).then((given) =>
      given !== undefined ? given : fingerprint(doc.text),
    );
    let print: Fingerprint | null | undefined;
    void printing.then(
      (p) => (print = p),
      () => undefined, // the commit that awaits it fails the file
    );
    const needsPrint = options.nearDuplicates === 'skip' || options.nearDuplicates === 'version';
    if (needsPrint) await printing;
    const write = async (tx: Database, group?: ImportBatch): Promise<ImportOutcome> => {
      // Alone (not in a group commit): a batch of one, written before the write returns.
      const batch = group ?? new ImportBatch();
      // Checked again inside the write lock: another import of the same bytes may have just committed (or be
      // earlier in the same commit).
      const raced = await batch.documentWithHash(tx, parsed.contentHash);
      if (raced) return skippedDuplicate(input.name, raced);
      const { text: _text, passages: _passages, ...meta } = doc;
      const document = { ...meta, tags: [], version: 1, passages: doc.passages.length };
      if (group?.defersPrints && !needsPrint) {
        // Written now; its near-duplicates (reported, both kept) are found at the end of the commit (settle).
        const outcome: ImportOutcome = { status: 'imported', document };
        batch.addLater(doc, original, printing, (near) => {
          if (near.length > 0) outcome.nearDuplicates = near;
        });
        return outcome;
      }
      const known = await printing;
      const near = await batch.nearDuplicates(tx, known);
      if (near.length > 0 && options.nearDuplicates === 'skip') {
        const best = near[0];
        const reason =
          `${input.name}: nearly the same text as “${best.title}”` + ` (${Math.round(best.similarity * 100)}% alike)`;
        return { status: 'skipped', reason, existingId: best.id, nearDuplicate: best };
      }
      batch.add(doc, original, known);
      const asVersion = near.length > 0 && options.nearDuplicates === 'version';
      // The version link refers to rows of both documents: written first.
      if (!group || asVersion) await batch.flush(tx);
      const variantOf = asVersion ? await markVersionOf(tx, doc.id, near[0].id) : undefined;
      return {
        status: 'imported',
        document,
        ...(near.length > 0 ? { nearDuplicates: near } : {}),
        ...(variantOf ? { variantOf } : {}),
      };
    };
    const hint: ImportHint = {
      contentHash: parsed.contentHash,
      get print() {
        return print;
      },
      printing,
      needsPrint,
    };
    return { write, hint, index };
  }

  /** Hashes asked for since the last lookup went out, with the callers waiting for the answer. */
  private hashLookups: Map<string, HashWaiter[]> | undefined;

  /**
   * The document with these bytes, if any, looked up before parsing. The files a bulk import starts together ask
   * in one statement (a lookup gathers the hashes asked for in the same turn of the event loop): one statement per
   * file was a round trip to SQLite's thread and much of the calling thread's work per small file.
   */
  private documentWithHash(contentHash: string): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      let lookups = this.hashLookups;
      if (!lookups) {
        const gathered = new Map<string, HashWaiter[]>();
        this.hashLookups = lookups = gathered;
        setImmediate(() => {
          this.hashLookups = undefined;
          findDocumentIdsByHash(this.db, [...gathered.keys()]).then(
            (found) => {
              for (const [hash, waiting] of gathered) for (const w of waiting) w.resolve(found.get(hash));
            },
            (err: unknown) => {
              for (const waiting of gathered.values()) for (const w of waiting) w.reject(err);
            },
          );
        });
      }
      const waiting = lookups.get(contentHash);
      if (waiting) waiting.push({ resolve, reject });
      else lookups.set(contentHash, [{ resolve, reject }]);
    });
  }

  /** The file a document was imported from, byte for byte. */
  async original(id: string): Promise<StoredOriginal> {
    const original = await this.db.read(async (rd) => {
      const found = await getOriginal(rd, id);
      if (!found && !(await documents.getDocumentSummary(rd, id))) throw notFound(id);
      return found;
    });
    if (original) return original;
    throw new AppError(
      'NOT_FOUND',
      'The original file of this document was not kept (it was imported before Tala kept originals).',
    );
  }

  /** Edits the metadata a user can correct; only the given fields change. */
  async updateMeta(id: string, changes: DocumentMetaChanges): Promise<DocumentDetail> {
    await this.db.transaction(async (tx) => {
      if (!(await documents.getDocumentSummary(tx, id))) throw notFound(id);
      await documents.updateDocumentMeta(tx, id, changes);
      if (changes.tags) await setDocumentTags(tx, id, changes.tags);
    });
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.db.transaction((tx) => documents.deleteDocument(tx, id));
    if (!deleted) throw notFound(id);
    void this.db.reclaimFreePages(); // in the background, in small steps
    scheduleSearchIndexMerge(this.db); // drops deleted rows from the search index once they are many
  }

  /** Corrects one passage's text; the old text becomes a version and annotations are re-anchored. */
  async editPassage(docId: string, passageId: string, text: string): Promise<EditOutcome> {
    const cleaned = cleanPassageText(text);
    return this.rewrite(docId, passageId, 'edit passage', (passages) =>
      passages.map((p) => (p.id === passageId ? { ...p, text: cleaned } : p)),
    );
  }

  deletePassage(docId: string, passageId: string): Promise<EditOutcome> {
    return this.rewrite(docId, passageId, 'delete passage', (passages) => passages.filter((p) => p.id !== passageId));
  }

  versions(docId: string): Promise<DocumentVersion[]> {
    return this.db.all<DocumentVersion>(sql`
      SELECT version, replaced_at AS replacedAt, reason, length(text) AS length
      FROM document_versions WHERE document_id = ${docId} ORDER BY version DESC`);
  }

  private rewrite(
    docId: string,
    passageId: string,
    reason: string,
    change: (passages: DocumentDetail['passages']) => DocumentDetail['passages'],
  ): Promise<EditOutcome> {
    return this.db.transaction(async (tx) => {
      const doc = await documents.getDocument(tx, docId);
      if (!doc) throw notFound(docId);
      if (!doc.passages.some((p) => p.id === passageId))
        throw new AppError('NOT_FOUND', `The document has no passage ${passageId}.`);
      const outcome = await rewritePassages(tx, docId, change(doc.passages), reason);
      // Edited passages are re-indexed inside the edit's transaction.
      await indexDocuments(tx, [docId]);
      return outcome;
    });
  }
}

/** The documents with these content hashes: hash → id (hashes not in the archive are absent). */
async function findDocumentIdsByHash(db: Database, hashes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; content_hash: string }>(sql`
    SELECT id, content_hash FROM documents
    WHERE content_hash IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))`);
  return new Map(rows.map((r) => [r.content_hash, r.id]));
}

interface HashWaiter {
  resolve(id: string | undefined): void;
  reject(err: unknown): void;
}

const notFound = (id: string) => new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);

function skippedDuplicate(name: string, existingId: string): ImportOutcome {
  return { status: 'skipped', reason: `${name}: the same content is already in the archive`, existingId };
}

/**
 * The stored texts of a parsed document with the search analysis its parser made of them, when the texts stored
 * are exactly the ones analysed: a title or passage that is not well-formed UTF-16 is stored with U+FFFD in place
 * of its lone surrogates, so such a document is analysed from what the archive holds, as any other.
 */
function preparedIndex(doc: documents.NewDocument, parsed: ParsedDocument): PreparedIndex | undefined {
  const analysis = indexAnalysisOf(parsed);
  if (!analysis || documents.wellFormed(doc.title) !== doc.title) return undefined;
  const texts: string[] = [];
  for (const [i, p] of doc.passages.entries()) {
    if (p.text !== parsed.passages[i].text || documents.wellFormed(p.text) !== p.text) return undefined;
    texts.push(p.text);
  }
  return { documentId: doc.id, title: doc.title, lang: doc.lang, texts, analysis };
}

function toNewDocument(parsed: ParsedDocument, originalName: string): documents.NewDocument {
  // Time-ordered ids: the indexes keyed by them grow at their end (time-ordered-id.ts).
  const id = timeOrderedId();
  const layout = layOutPassages(parsed.passages.map((p) => ({ id: timeOrderedId(), kind: p.kind, text: p.text })));
  return {
    id,
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
    passages: layout.passages.map(({ id, kind, text, start, end }, i) => ({
      id,
      kind,
      text,
      start,
      end,
      sentences: parsed.passages[i].sentences,
      page: parsed.passages[i].page ?? null,
    })),
  };
}
