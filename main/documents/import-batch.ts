// The rows of the files of one commit, written together. A file's checks (already here? nearly the same as a
// document here?) run when its turn comes, in order, and see the files before it in the same commit as if they
// had been written already; their rows (document, passages, sentences, original, fingerprint) are written in a
// few statements for the whole commit instead of about ten per file. Nothing changes for the user: the commit
// still holds each file whole or not at all, and a file is acknowledged only once it is committed.
import type { NearDuplicate } from '../../shared/library';
import type { Database } from '../db/connection';
import { findNearDuplicates, storeFingerprints } from '../library/dedup-repo';
import { NEAR_DUPLICATE_THRESHOLD, similarity, type Fingerprint } from '../library/minhash';
import { insertOriginals, type StoredOriginal } from './originals-repo';
import { findDocumentIdByHash, insertDocuments, type NewDocument } from './repo';

interface Pending {
  doc: NewDocument;
  original: StoredOriginal;
  print: Fingerprint | null;
}

export class ImportBatch {
  private pending: Pending[] = [];
  private byHash = new Map<string, string>();

  /** The document with these bytes: written, or waiting in this batch. */
  async documentWithHash(tx: Database, contentHash: string): Promise<string | undefined> {
    return this.byHash.get(contentHash) ?? findDocumentIdByHash(tx, contentHash);
  }

  /** Near-duplicates among the written documents and those waiting here, most similar first (findNearDuplicates). */
  async nearDuplicates(tx: Database, print: Fingerprint | null): Promise<NearDuplicate[]> {
    const found = await findNearDuplicates(tx, print);
    if (!print || this.pending.length === 0) return found;
    const bands = new Set(print.bands);
    for (const { doc, print: other } of this.pending) {
      if (!other || !other.bands.some((band) => bands.has(band))) continue;
      const alike = similarity(print.signature, other.signature);
      if (alike >= NEAR_DUPLICATE_THRESHOLD)
        found.push({ id: doc.id, title: doc.title, mediaType: doc.mediaType, lang: doc.lang, similarity: alike });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.title.localeCompare(b.title));
  }

  add(doc: NewDocument, original: StoredOriginal, print: Fingerprint | null): void {
    this.pending.push({ doc, original, print });
    this.byHash.set(doc.contentHash, doc.id);
  }

  /** Writes the waiting rows (in the order the files were added). Call inside the commit's transaction. */
  async flush(tx: Database): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    this.byHash.clear();
    if (pending.length === 0) return;
    await insertDocuments(
      tx,
      pending.map((p) => p.doc),
    );
    await insertOriginals(
      tx,
      pending.map((p) => ({ documentId: p.doc.id, original: p.original })),
    );
    await storeFingerprints(
      tx,
      pending.map((p) => ({ documentId: p.doc.id, print: p.print })),
    );
  }
}
