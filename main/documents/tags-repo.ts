// Tags are shared by documents and annotations; names are unique case-insensitively.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

/** Trims, collapses spaces and drops empty or repeated names (case-insensitive), keeping first spellings. */
export function cleanTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    if (name && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** Ids for these tag names, creating the missing ones. Call inside a transaction. */
export async function ensureTags(tx: Database, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of cleanTagNames(names)) {
    await tx.run(
      sql`INSERT INTO tags (id, name, created_at) VALUES (${randomUUID()}, ${name}, ${new Date().toISOString()}) ON
        CONFLICT (name) DO NOTHING`,
    );
    const row = await tx.get<{ id: string }>(sql`SELECT id FROM tags WHERE name = ${name}`);
    if (row) ids.push(row.id);
  }
  return ids;
}

export async function setDocumentTags(tx: Database, documentId: string, names: readonly string[]): Promise<void> {
  await tx.run(sql`DELETE FROM document_tags WHERE document_id = ${documentId}`);
  for (const tagId of await ensureTags(tx, names)) {
    await tx.run(sql`INSERT INTO document_tags (document_id, tag_id) VALUES (${documentId}, ${tagId})`);
  }
}

export async function setAnnotationTags(tx: Database, annotationId: string, names: readonly string[]): Promise<void> {
  await tx.run(sql`DELETE FROM annotation_tags WHERE annotation_id = ${annotationId}`);
  for (const tagId of await ensureTags(tx, names)) {
    await tx.run(sql`INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (${annotationId}, ${tagId})`);
  }
}
