// Collections the user makes: named sets of documents; a document can be in any number of them.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Collection } from '../../shared/library';
import type { Database } from '../db/connection';
import { join, sql } from '../db/sql';

interface CollectionRow {
  id: string;
  name: string;
  created_at: string;
  documents: number;
}

const SELECT_COLLECTIONS = sql`
  SELECT c.id, c.name, c.created_at, (SELECT count(*) FROM collection_documents cd WHERE cd.collection_id = c.id) AS
    documents
  FROM collections c`;

function toCollection(row: CollectionRow): Collection {
  return { id: row.id, name: row.name, documents: row.documents, createdAt: row.created_at };
}

export function cleanCollectionName(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!clean) throw new AppError('INVALID_REQUEST', 'A collection needs a name.');
  return clean;
}

export async function listCollections(db: Database): Promise<Collection[]> {
  const rows = await db.all<CollectionRow>(sql`${SELECT_COLLECTIONS} ORDER BY c.name COLLATE NOCASE`);
  return rows.map(toCollection);
}

export async function getCollection(db: Database, id: string): Promise<Collection> {
  const row = await db.get<CollectionRow>(sql`${SELECT_COLLECTIONS} WHERE c.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', `No collection with id ${id} in this archive.`);
  return toCollection(row);
}

async function assertNameFree(tx: Database, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.get<{ name: string }>(
    sql`SELECT name FROM collections WHERE name = ${name} AND id IS NOT ${exceptId}`,
  );
  if (clash) throw new AppError('INVALID_REQUEST', `A collection named “${clash.name}” already exists.`);
}

export async function createCollection(tx: Database, rawName: string): Promise<Collection> {
  const name = cleanCollectionName(rawName);
  await assertNameFree(tx, name, null);
  const id = randomUUID();
  await tx.run(
    sql`INSERT INTO collections (id, name, created_at) VALUES (${id}, ${name}, ${new Date().toISOString()})`,
  );
  return getCollection(tx, id);
}

export async function renameCollection(tx: Database, id: string, rawName: string): Promise<Collection> {
  const name = cleanCollectionName(rawName);
  await getCollection(tx, id);
  await assertNameFree(tx, name, id);
  await tx.run(sql`UPDATE collections SET name = ${name} WHERE id = ${id}`);
  return getCollection(tx, id);
}

/** Deletes the collection, never its documents. */
export async function deleteCollection(tx: Database, id: string): Promise<void> {
  const result = await tx.run(sql`DELETE FROM collections WHERE id = ${id}`);
  if (result.changes === 0) throw new AppError('NOT_FOUND', `No collection with id ${id} in this archive.`);
}

/** Ids among `ids` that are not documents of this archive. */
export async function unknownDocumentIds(db: Database, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<{ id: string }>(
      sql`SELECT id FROM documents WHERE id IN (${join(chunk.map((id) => sql`${id}`))})`,
    );
    for (const r of rows) known.add(r.id);
  }
  return ids.filter((id) => !known.has(id));
}

export async function addToCollection(tx: Database, id: string, documentIds: readonly string[]): Promise<Collection> {
  await getCollection(tx, id);
  const unknown = await unknownDocumentIds(tx, documentIds);
  if (unknown.length > 0) throw new AppError('NOT_FOUND', `No document with id ${unknown[0]} in this archive.`);
  const now = new Date().toISOString();
  for (const documentId of documentIds) {
    await tx.run(
      sql`INSERT OR IGNORE INTO collection_documents (collection_id, document_id, added_at) VALUES (${id},
        ${documentId}, ${now})`,
    );
  }
  return getCollection(tx, id);
}

export async function removeFromCollection(
  tx: Database,
  id: string,
  documentIds: readonly string[],
): Promise<Collection> {
  await getCollection(tx, id);
  for (const documentId of documentIds) {
    await tx.run(sql`DELETE FROM collection_documents WHERE collection_id = ${id} AND document_id = ${documentId}`);
  }
  return getCollection(tx, id);
}
