// The rows of the files of one commit, written together. A file's checks (already here? nearly the same as a
// document here?) run when its turn comes, in order, and see the files before it in the same commit as if they
// had been written already; their rows (document, passages, sentences, original, fingerprint) are written in a
// few statements for the whole commit instead of about ten per file. Nothing changes for the user: the commit
// still holds each file whole or not at all, and a file is acknowledged only once it is committed.
import type { NearDuplicate } from '../../shared/library';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { findNearDuplicates, storeFingerprints } from '../library/dedup-repo';
import { NEAR_DUPLICATE_THRESHOLD, signatureFromBytes, similarity, type Fingerprint } from '../library/minhash';
import { insertOriginals, type StoredOriginal } from './originals-repo';
import { findDocumentIdByHash, insertDocuments, type NewDocument } from './repo';

interface Pending {
  doc: NewDocument;
  original: StoredOriginal;
  print: Fingerprint | null;
}

/** What a file's checks need, known before its commit: the group looks it all up in two statements. */
export interface ImportHint {
  contentHash: string;
  print: Fingerprint | null;
}

/** The archive as the commit found it (the commit holds the write lock, so only this batch changes it). */
interface Snapshot {
  hashes: Map<string, string>;
  /** Band key → documents with that band (each with its signature and what a near-duplicate report shows). */
  bands: Map<number, Array<{ id: string; title: string; media_type: string; lang: string; signature: Uint8Array }>>;
  /** Every document added to this batch since, flushed or not. */
  added: Pending[];
}

export class ImportBatch {
  private pending: Pending[] = [];
  private byHash = new Map<string, string>();
  private snapshot: Snapshot | undefined;

  /**
   * Looks up, in two statements, what the checks of the files with these hints will ask: which hashes are here,
   * and the documents sharing a band with their fingerprints. Call first, inside the commit's transaction.
   */
  async prefetch(tx: Database, hints: readonly ImportHint[]): Promise<void> {
    const hashes = [...new Set(hints.map((h) => h.contentHash))];
    const bands = [...new Set(hints.flatMap((h) => h.print?.bands ?? []))];
    const snapshot: Snapshot = { hashes: new Map(), bands: new Map(), added: [...this.pending] };
    const found = await tx.all<{ id: string; content_hash: string }>(sql`
      SELECT id, content_hash FROM documents
      WHERE content_hash IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))`);
    for (const row of found) snapshot.hashes.set(row.content_hash, row.id);
    if (bands.length > 0) {
      const rows = await tx.all<{
        band_key: number;
        id: string;
        title: string;
        media_type: string;
        lang: string;
        signature: Uint8Array;
      }>(sql`
        SELECT b.band_key, d.id, d.title, d.media_type, d.lang, s.signature
        FROM dedup_bands b
        JOIN dedup_signatures s ON s.num = b.num
        JOIN documents d ON d.id = s.document_id
        WHERE b.band_key IN (SELECT value FROM json_each(${JSON.stringify(bands)}))`);
      for (const { band_key: band, ...doc } of rows) {
        const list = snapshot.bands.get(band);
        if (list) list.push(doc);
        else snapshot.bands.set(band, [doc]);
      }
    }
    this.snapshot = snapshot;
  }

  /** The document with these bytes: written, or waiting in this batch. */
  async documentWithHash(tx: Database, contentHash: string): Promise<string | undefined> {
    const pending = this.byHash.get(contentHash);
    if (pending !== undefined || !this.snapshot) return pending ?? findDocumentIdByHash(tx, contentHash);
    return (
      this.snapshot.hashes.get(contentHash) ??
      this.snapshot.added.find((p) => p.doc.contentHash === contentHash)?.doc.id
    );
  }

  /** Near-duplicates among the written documents and those waiting here, most similar first (findNearDuplicates). */
  async nearDuplicates(tx: Database, print: Fingerprint | null): Promise<NearDuplicate[]> {
    if (!print) return [];
    const found: NearDuplicate[] = [];
    const bands = new Set(print.bands);
    if (this.snapshot) {
      const seen = new Set<string>();
      for (const band of print.bands)
        for (const doc of this.snapshot.bands.get(band) ?? []) {
          if (seen.has(doc.id)) continue;
          seen.add(doc.id);
          const alike = similarity(print.signature, signatureFromBytes(doc.signature));
          if (alike >= NEAR_DUPLICATE_THRESHOLD)
            found.push({ id: doc.id, title: doc.title, mediaType: doc.media_type, lang: doc.lang, similarity: alike });
        }
    } else found.push(...(await findNearDuplicates(tx, print)));
    for (const { doc, print: other } of this.snapshot?.added ?? this.pending) {
      if (!other || !other.bands.some((band) => bands.has(band))) continue;
      const alike = similarity(print.signature, other.signature);
      if (alike >= NEAR_DUPLICATE_THRESHOLD)
        found.push({ id: doc.id, title: doc.title, mediaType: doc.mediaType, lang: doc.lang, similarity: alike });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.title.localeCompare(b.title));
  }

  add(doc: NewDocument, original: StoredOriginal, print: Fingerprint | null): void {
    this.pending.push({ doc, original, print });
    this.snapshot?.added.push({ doc, original, print });
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
