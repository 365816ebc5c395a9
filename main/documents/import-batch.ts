// The rows of the files of one commit, written together. A file's checks (already here? nearly the same as a
// document here?) run when its turn comes, in order, and see the files before it in the same commit as if they
// had been written already; their rows (document, passages, sentences, original, fingerprint) are written in a
// few statements for the whole commit instead of about ten per file. Nothing changes for the user: the commit
// still holds each file whole or not at all, and a file is acknowledged only once it is committed.
import type { NearDuplicate } from '../../shared/library';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { documentsWithBands, findNearDuplicates, storeFingerprints, type BandDocs } from '../library/dedup-repo';
import { NEAR_DUPLICATE_THRESHOLD, signatureFromBytes, similarity, type Fingerprint } from '../library/minhash';
import { insertOriginals, type StoredOriginal } from './originals-repo';
import { findDocumentIdByHash, insertDocuments, type NewDocument } from './repo';

interface Pending {
  doc: NewDocument;
  original: StoredOriginal;
  print: Fingerprint | null;
  /** A file whose fingerprint was still coming when it was written: checked at the end of the commit (settle). */
  later?: { printing: Promise<Fingerprint | null>; report(near: NearDuplicate[]): void };
}

/** What a file's checks need, known before its commit: the group looks it all up in two statements. */
export interface ImportHint {
  contentHash: string;
  /** The near-duplicate fingerprint once it came (undefined: the parse worker is still making it). */
  readonly print: Fingerprint | null | undefined;
  /** Resolves with the fingerprint. */
  printing?: Promise<Fingerprint | null>;
  /** The write acts on its near-duplicates (skip, keep as a version), so it needs the fingerprint before it writes. */
  needsPrint?: boolean;
}

/** The archive as the commit found it (the commit holds the write lock, so only this batch changes it). */
interface Snapshot {
  hashes: Map<string, string>;
  /** Band key → documents with that band (each with its signature and what a near-duplicate report shows). */
  bands: BandDocs;
  /** Every document added to this batch since, flushed or not. */
  added: BandIndex;
}

/**
 * Files of one commit in the order they were added, with the fingerprint bands of those that had their fingerprint
 * when added: the files before a file that share a band with it are found without comparing it with every file
 * before it (a commit of 256 small files made ~33,000 such comparisons).
 */
class BandIndex {
  readonly entries: Pending[] = [];
  private readonly byBand = new Map<number, number[]>();

  constructor(entries: readonly Pending[] = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an entry; its bands count only if it has its fingerprint now (one that comes later is not looked up). */
  add(entry: Pending): void {
    const at = this.entries.push(entry) - 1;
    for (const band of entry.print?.bands ?? []) {
      const list = this.byBand.get(band);
      if (!list) this.byBand.set(band, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
  }

  /** The entries added with a band of `bands`, in the order they were added. */
  sharing(bands: readonly number[]): Pending[] {
    const found = new Set<number>();
    for (const band of bands) for (const at of this.byBand.get(band) ?? []) found.add(at);
    return [...found].sort((a, b) => a - b).map((at) => this.entries[at]);
  }
}

export class ImportBatch {
  /** The files waiting to be written, in order, by band (nearDuplicates without a snapshot). */
  private pending = new BandIndex();
  private byHash = new Map<string, string>();
  private snapshot: Snapshot | undefined;
  /** Every file added, in order (settle checks each against the files before it). */
  private readonly all: Pending[] = [];

  /**
   * Set by the commit when a fingerprint of its files was still being made as it began (and none of them needs it
   * before its write): the rows go in first and the near-duplicate checks of all its files run at the end of the
   * same transaction (addLater, settle), with the same results as before the rows. Otherwise each file is checked
   * at its write, as nearDuplicates describes.
   */
  defersPrints = false;

  /**
   * Looks up, in two statements, what the checks of the files with these hints will ask: which hashes are here,
   * and the documents sharing a band with their fingerprints. Call first, inside the commit's transaction.
   */
  async prefetch(tx: Database, hints: readonly ImportHint[]): Promise<void> {
    const hashes = [...new Set(hints.map((h) => h.contentHash))];
    const bands = [...new Set(hints.flatMap((h) => h.print?.bands ?? []))];
    const snapshot: Snapshot = { hashes: new Map(), bands: new Map(), added: new BandIndex(this.pending.entries) };
    const found = await tx.all<{ id: string; content_hash: string }>(sql`
      SELECT id, content_hash FROM documents
      WHERE content_hash IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))`);
    for (const row of found) snapshot.hashes.set(row.content_hash, row.id);
    snapshot.bands = await documentsWithBands(tx, bands);
    this.snapshot = snapshot;
  }

  /** The document with these bytes: written, or waiting in this batch. */
  async documentWithHash(tx: Database, contentHash: string): Promise<string | undefined> {
    const pending = this.byHash.get(contentHash);
    if (pending !== undefined || !this.snapshot) return pending ?? findDocumentIdByHash(tx, contentHash);
    return (
      this.snapshot.hashes.get(contentHash) ??
      this.snapshot.added.entries.find((p) => p.doc.contentHash === contentHash)?.doc.id
    );
  }

  /** Near-duplicates among the written documents and those waiting here, most similar first (findNearDuplicates). */
  async nearDuplicates(tx: Database, print: Fingerprint | null): Promise<NearDuplicate[]> {
    if (!print) return [];
    if (this.snapshot) return nearAmong(print, this.snapshot.bands, this.snapshot.added.sharing(print.bands));
    const found = await findNearDuplicates(tx, print);
    return nearAmong(print, new Map(), this.pending.sharing(print.bands), found);
  }

  add(doc: NewDocument, original: StoredOriginal, print: Fingerprint | null): void {
    this.push({ doc, original, print });
  }

  /**
   * Adds a file whose fingerprint is still coming (see defersPrints): its rows are written with the others, its
   * fingerprint stored and its near-duplicates reported to `report` by settle.
   */
  addLater(
    doc: NewDocument,
    original: StoredOriginal,
    printing: Promise<Fingerprint | null>,
    report: (near: NearDuplicate[]) => void,
  ): void {
    this.push({ doc, original, print: null, later: { printing, report } });
  }

  private push(entry: Pending): void {
    this.pending.add(entry);
    this.all.push(entry);
    this.snapshot?.added.add(entry);
    this.byHash.set(entry.doc.contentHash, entry.doc.id);
  }

  /**
   * The near-duplicate checks of the files added with addLater, once their fingerprints came: each against the
   * archive as the commit found it and the files added before it, as if checked at its write (its rows are already
   * written, so the documents of this batch are left out of the archive's side). Then their fingerprints are
   * stored. Call inside the commit's transaction after flush.
   */
  async settle(tx: Database): Promise<void> {
    const later = this.all.filter((p) => p.later);
    if (later.length === 0) return;
    for (const p of later) if (p.later) p.print = await p.later.printing;
    const mine = new Set(this.all.map((p) => p.doc.id));
    const bands = await documentsWithBands(
      tx,
      later.flatMap((p) => p.print?.bands ?? []),
    );
    for (const list of bands.values())
      for (let i = list.length - 1; i >= 0; i--) if (mine.has(list[i].id)) list.splice(i, 1);
    const earlier = new BandIndex();
    for (const p of this.all) {
      if (p.later && p.print) p.later.report(nearAmong(p.print, bands, earlier.sharing(p.print.bands)));
      earlier.add(p);
    }
    await storeFingerprints(
      tx,
      later.map((p) => ({ documentId: p.doc.id, print: p.print })),
    );
  }

  /** Writes the waiting rows (in the order the files were added). Call inside the commit's transaction. */
  async flush(tx: Database): Promise<void> {
    const pending = this.pending.entries;
    this.pending = new BandIndex();
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
    // Fingerprints still coming are stored by settle.
    await storeFingerprints(
      tx,
      pending.flatMap((p) => (p.later ? [] : [{ documentId: p.doc.id, print: p.print }])),
    );
  }
}

/**
 * Near-duplicates of `print`, most similar first: `found` (already looked up), the documents sharing a band with it
 * in `byBand`, then the files `earlier` in the same commit.
 */
function nearAmong(
  print: Fingerprint,
  byBand: BandDocs,
  earlier: readonly Pending[],
  found: NearDuplicate[] = [],
): NearDuplicate[] {
  const bands = new Set(print.bands);
  const seen = new Set<string>();
  for (const band of print.bands)
    for (const doc of byBand.get(band) ?? []) {
      if (seen.has(doc.id)) continue;
      seen.add(doc.id);
      const alike = similarity(print.signature, signatureFromBytes(doc.signature));
      if (alike >= NEAR_DUPLICATE_THRESHOLD)
        found.push({ id: doc.id, title: doc.title, mediaType: doc.media_type, lang: doc.lang, similarity: alike });
    }
  for (const { doc, print: other } of earlier) {
    if (!other || !other.bands.some((band) => bands.has(band))) continue;
    const alike = similarity(print.signature, other.signature);
    if (alike >= NEAR_DUPLICATE_THRESHOLD)
      found.push({ id: doc.id, title: doc.title, mediaType: doc.mediaType, lang: doc.lang, similarity: alike });
  }
  return found.sort((a, b) => b.similarity - a.similarity || a.title.localeCompare(b.title));
}
