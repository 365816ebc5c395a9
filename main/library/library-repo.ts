// The library table's rows: every document with its counts, in ONE JSON row built by SQLite (the sqlite3
// driver's cost is per row, so 10,000 documents arrive in one piece). Sorting and filtering happen in the UI.
import type { LibraryEntry } from '../../shared/library';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

/** An entry's fields in the order the query packs them. */
const FIELDS = [
  'id',
  'title',
  'lang',
  'mediaType',
  'originalName',
  'author',
  'publishedAt',
  'fileCreatedAt',
  'importedAt',
  'passages',
  'pages',
  'tags',
  'collections',
  'notes',
  'facts',
  'translationOf',
  'variantOf',
] as const satisfies ReadonlyArray<keyof LibraryEntry>;
// Fails to compile when LibraryEntry gains a field the query does not pack.
const _everyField: [Exclude<keyof LibraryEntry, (typeof FIELDS)[number]>] extends [never] ? true : never = true;

export async function listLibrary(db: Database): Promise<LibraryEntry[]> {
  const packed = await db.get<{ rows: string | null }>(sql`
    SELECT json_group_array(json_array(
      d.id, d.title, d.lang, d.media_type, d.original_name, d.author, d.published_at, d.file_created_at, d.imported_at,
      (SELECT count(*) FROM passages p WHERE p.document_id = d.id),
      (SELECT max(page) FROM passages p WHERE p.document_id = d.id),
      json((SELECT json_group_array(name) FROM (SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
                                               WHERE dt.document_id = d.id ORDER BY t.name))),
      json((SELECT json_group_array(collection_id) FROM collection_documents cd WHERE cd.document_id = d.id)),
      (SELECT count(*) FROM annotations a WHERE a.document_id = d.id
         AND NOT EXISTS (SELECT 1 FROM fact_evidence fe WHERE fe.annotation_id = a.id AND fe.owned = 1)),
      (SELECT count(DISTINCT fe.fact_id) FROM annotations a
         JOIN fact_evidence fe ON fe.annotation_id = a.id JOIN facts f ON f.id = fe.fact_id
         WHERE a.document_id = d.id AND f.status = 'confirmed'),
      (SELECT tr.source_document_id FROM translations tr WHERE tr.translation_document_id = d.id
         ORDER BY tr.created_at LIMIT 1),
      (SELECT v.variant_of FROM document_variants v WHERE v.document_id = d.id)
    )) AS rows
    FROM documents d`);
  const rows = JSON.parse(packed?.rows ?? '[]') as unknown[][];
  return rows.map((row) => {
    const entry: Record<string, unknown> = {};
    FIELDS.forEach((field, i) => (entry[field] = row[i]));
    return entry as unknown as LibraryEntry;
  });
}
