// Merging the library tables of a portable archive (attached as `src`) into this one, after the documents:
// collections meet by name (case-insensitive), memberships and versions follow documents that were mapped
// onto copies already here. Fingerprints are derived and recomputed on demand, never copied.
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

export async function mergeLibraryTables(
  tx: Database,
  docMap: Map<string, string>,
): Promise<{ collectionsAdded: number }> {
  const collectionMap = new Map<string, string>();
  let collectionsAdded = 0;
  for (const c of await tx.all<{ id: string; name: string; created_at: string }>(
    sql`SELECT id, name, created_at FROM src.collections`,
  )) {
    const existing = await tx.get<{
      id: string;
    }>(sql`SELECT id FROM main.collections WHERE id = ${c.id} OR name = ${c.name}
                                                       ORDER BY id = ${c.id} DESC LIMIT 1`);
    if (existing) collectionMap.set(c.id, existing.id);
    else {
      await tx.run(
        sql`INSERT INTO main.collections (id, name, created_at) VALUES (${c.id}, ${c.name}, ${c.created_at})`,
      );
      collectionMap.set(c.id, c.id);
      collectionsAdded++;
    }
  }
  const members = await tx.all<{ collection_id: string; document_id: string; added_at: string }>(sql`
    SELECT collection_id, document_id, added_at FROM src.collection_documents`);
  for (const m of members) {
    const collection = collectionMap.get(m.collection_id);
    const document = docMap.get(m.document_id);
    if (!collection || !document) continue;
    await tx.run(sql`INSERT OR IGNORE INTO main.collection_documents (collection_id, document_id, added_at)
                     VALUES (${collection}, ${document}, ${m.added_at})`);
  }
  const variants = await tx.all<{ document_id: string; variant_of: string; created_at: string }>(sql`
    SELECT document_id, variant_of, created_at FROM src.document_variants`);
  for (const v of variants) {
    const document = docMap.get(v.document_id);
    const of = docMap.get(v.variant_of);
    if (!document || !of || document === of) continue;
    // A document that is already a version of something here keeps that.
    await tx.run(sql`INSERT OR IGNORE INTO main.document_variants (document_id, variant_of, created_at)
                     VALUES (${document}, ${of}, ${v.created_at})`);
  }
  return { collectionsAdded };
}
