// The original file of each document, stored in the archive (see ARCHITECTURE.md: why in the database).
import { plainFileName } from '../../shared/untrusted-text';
import type { Database } from '../db/connection';
import { join, sql } from '../db/sql';

export interface StoredOriginal {
  fileName: string;
  mediaType: string;
  data: Uint8Array;
}

/** Call inside the import's transaction, so a document never exists without its original or vice versa. */
export async function insertOriginal(tx: Database, documentId: string, original: StoredOriginal): Promise<void> {
  await tx.run(sql`
    INSERT INTO originals (document_id, file_name, media_type, size, data)
    VALUES (${documentId}, ${plainFileName(original.fileName)}, ${original.mediaType}, ${original.data.byteLength},
            ${Buffer.from(original.data.buffer, original.data.byteOffset, original.data.byteLength)})`);
}

/** Originals of several documents in multi-row INSERTs (the group commit of an import). */
export async function insertOriginals(
  tx: Database,
  rows: ReadonlyArray<{ documentId: string; original: StoredOriginal }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ORIGINALS_PER_INSERT) {
    const values = rows.slice(i, i + ORIGINALS_PER_INSERT).map(({ documentId, original: { data, ...file } }) => {
      const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      return sql`(${documentId}, ${plainFileName(file.fileName)}, ${file.mediaType}, ${data.byteLength}, ${bytes})`;
    });
    await tx.run(sql`INSERT INTO originals (document_id, file_name, media_type, size, data) VALUES ${join(values)}`);
  }
}

const ORIGINALS_PER_INSERT = 100;

export async function getOriginal(db: Database, documentId: string): Promise<StoredOriginal | undefined> {
  const row = await db.get<{ file_name: string; media_type: string; data: Uint8Array }>(
    sql`SELECT file_name, media_type, data FROM originals WHERE document_id = ${documentId}`,
  );
  if (!row) return undefined;
  // sqlite3 hands back a Buffer; callers (and the wire encoding) expect a plain Uint8Array.
  const data = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  // A plain name even for rows written by older builds or merged from a shared file: callers may save under it.
  return { fileName: plainFileName(row.file_name), mediaType: row.media_type, data };
}
