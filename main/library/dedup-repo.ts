// Stored near-duplicate fingerprints (derived from documents.text: dropped by a trigger when the text
// changes, recomputed here when missing) and the lookup of an import's near-duplicates.
import type { NearDuplicate } from '../../shared/library';
import type { Database } from '../db/connection';
import { join, sql } from '../db/sql';
import { wellFormed } from '../documents/repo';
import {
  fingerprint,
  NEAR_DUPLICATE_THRESHOLD,
  signatureFromBytes,
  signatureToBytes,
  similarity,
  type Fingerprint,
} from './minhash';

/**
 * Stores a document's fingerprint. A text too short to have one gets an empty signature (and no bands), so it
 * is never a candidate and never read again by the backfill. Call inside a transaction.
 */
export async function storeFingerprint(
  tx: Database,
  documentId: string,
  print: Fingerprint | null,
  options: { fresh?: boolean } = {},
): Promise<void> {
  // A document written in this transaction (`fresh`) has no old fingerprint; an old one takes its bands along
  // (trigger dedup_signature_deleted), and the new one gets a new number.
  if (!options.fresh) await tx.run(sql`DELETE FROM dedup_signatures WHERE document_id = ${documentId}`);
  const signature = print ? signatureToBytes(print.signature) : new Uint8Array(0);
  const row = await tx.get<{ num: number }>(
    sql`INSERT INTO dedup_signatures (document_id, signature) VALUES (${documentId}, ${signature}) RETURNING num`,
  );
  if (!print || !row) return;
  await tx.run(sql`INSERT OR IGNORE INTO dedup_bands (band_key, num)
                   VALUES ${join(print.bands.map((band) => sql`(${band}, ${row.num})`))}`);
}

/**
 * Fingerprints of documents written in this transaction (no old bands to drop), all in three statements: the
 * group commit of an import. Call inside a transaction.
 */
export async function storeFingerprints(
  tx: Database,
  rows: ReadonlyArray<{ documentId: string; print: Fingerprint | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += SIGNATURES_PER_INSERT) {
    const values = rows
      .slice(i, i + SIGNATURES_PER_INSERT)
      .map(
        ({ documentId, print }) =>
          sql`(${documentId}, ${print ? signatureToBytes(print.signature) : new Uint8Array(0)})`,
      );
    await tx.run(sql`INSERT INTO dedup_signatures (document_id, signature) VALUES ${join(values)}`);
  }
  const bands = rows.flatMap(({ documentId, print }) =>
    print ? print.bands.map((band) => [band, wellFormed(documentId)]) : [],
  );
  if (bands.length > 0)
    await tx.run(sql`INSERT OR IGNORE INTO dedup_bands (band_key, num)
                     SELECT b.value ->> 0, s.num FROM json_each(${JSON.stringify(bands)}) b
                     JOIN dedup_signatures s ON s.document_id = b.value ->> 1 ORDER BY b.key`);
}

const SIGNATURES_PER_INSERT = 400;

const BACKFILL_BATCH = 200;

/**
 * Computes the fingerprints that are missing (documents imported before v7, merged from a portable file, or
 * edited since). Reads in batches, writes each batch in one short transaction.
 */
export async function backfillFingerprints(db: Database): Promise<number> {
  let done = 0;
  for (;;) {
    const missing = await db.all<{ id: string }>(sql`
      SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM dedup_signatures s WHERE s.document_id = d.id)
      LIMIT ${BACKFILL_BATCH}`);
    if (missing.length === 0) return done;
    const texts = await db.all<{ id: string; text: string }>(sql`
      SELECT id, text FROM documents WHERE id IN (${join(missing.map((m) => sql`${m.id}`))})`);
    await db.transaction(async (tx) => {
      for (const { id, text } of texts) {
        // Deleted meanwhile: nothing to fingerprint.
        if (await tx.get(sql`SELECT 1 FROM documents WHERE id = ${id}`))
          await storeFingerprint(tx, id, fingerprint(text));
      }
    });
    done += texts.length;
  }
}

/** A document that may be a near-duplicate: what a report shows, and its signature to compare. */
interface CandidateRow {
  id: string;
  title: string;
  media_type: string;
  lang: string;
  signature: Uint8Array;
}

/** Band key → the documents with that band. */
export type BandDocs = Map<number, CandidateRow[]>;

/** The documents with any of these bands, by band (an import commit's checks looked up at once). */
export async function documentsWithBands(tx: Database, keys: readonly number[]): Promise<BandDocs> {
  const byBand: BandDocs = new Map();
  const bands = [...new Set(keys)];
  if (bands.length === 0) return byBand;
  const rows = await tx.all<CandidateRow & { band_key: number }>(sql`
    SELECT b.band_key, d.id, d.title, d.media_type, d.lang, s.signature
    FROM dedup_bands b
    JOIN dedup_signatures s ON s.num = b.num
    JOIN documents d ON d.id = s.document_id
    WHERE b.band_key IN (SELECT value FROM json_each(${JSON.stringify(bands)}))`);
  for (const { band_key: band, ...doc } of rows) {
    const list = byBand.get(band);
    if (list) list.push(doc);
    else byBand.set(band, [doc]);
  }
  return byBand;
}

/** Documents whose text is nearly the same as the fingerprinted text, most similar first. */
export async function findNearDuplicates(
  db: Database,
  print: Fingerprint | null,
  excludeId?: string,
): Promise<NearDuplicate[]> {
  if (!print) return [];
  const candidates = await db.all<CandidateRow>(sql`
    SELECT d.id, d.title, d.media_type, d.lang, s.signature
    FROM (SELECT DISTINCT num FROM dedup_bands WHERE band_key IN (${join(print.bands.map((b) => sql`${b}`))})) c
    JOIN dedup_signatures s ON s.num = c.num
    JOIN documents d ON d.id = s.document_id
    WHERE s.document_id IS NOT ${excludeId ?? null}`);
  return candidates
    .map((c) => ({
      id: c.id,
      title: c.title,
      mediaType: c.media_type,
      lang: c.lang,
      similarity: similarity(print.signature, signatureFromBytes(c.signature)),
    }))
    .filter((c) => c.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.title.localeCompare(b.title));
}

/** The first document of a chain of versions: a version of a version belongs to the same source. */
export async function versionRoot(db: Database, documentId: string): Promise<string> {
  const row = await db.get<{ variant_of: string }>(
    sql`SELECT variant_of FROM document_variants WHERE document_id = ${documentId}`,
  );
  return row?.variant_of ?? documentId;
}

export async function markVersionOf(tx: Database, documentId: string, of: string): Promise<string> {
  const root = await versionRoot(tx, of);
  await tx.run(sql`INSERT OR REPLACE INTO document_variants (document_id, variant_of, created_at)
                   VALUES (${documentId}, ${root}, ${new Date().toISOString()})`);
  return root;
}
