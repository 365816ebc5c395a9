// The original file of each document, stored in the archive (see ARCHITECTURE.md: why in the database).
import { plainFileName } from '../../shared/untrusted-text';
import type { Database } from '../db/connection';
import { join, sql } from '../db/sql';
import { packOriginal, unpackOriginal, type PackedOriginal } from './original-bytes';

export interface StoredOriginal {
  fileName: string;
  mediaType: string;
  /** The imported bytes. */
  data: Uint8Array;
  /** How they are stored, when packed already (packOriginal, beside the parsing); else they are packed here. */
  packed?: PackedOriginal;
}

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Call inside the import's transaction, so a document never exists without its original or vice versa. */
export async function insertOriginal(tx: Database, documentId: string, original: StoredOriginal): Promise<void> {
  await insertOriginals(tx, [{ documentId, original }]);
}

/** Originals of several documents in multi-row INSERTs (the group commit of an import). */
export async function insertOriginals(
  tx: Database,
  rows: ReadonlyArray<{ documentId: string; original: StoredOriginal }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ORIGINALS_PER_INSERT) {
    const chunk = rows.slice(i, i + ORIGINALS_PER_INSERT);
    const packed = await Promise.all(chunk.map(({ original }) => original.packed ?? packOriginal(original.data)));
    const values = chunk.map(({ documentId, original: { data, ...file } }, k) => {
      const { stored, compression } = packed[k];
      return sql`(${documentId}, ${plainFileName(file.fileName)}, ${file.mediaType}, ${data.byteLength},
        ${asBuffer(stored)}, ${compression})`;
    });
    await tx.run(
      sql`INSERT INTO originals (document_id, file_name, media_type, size, data, compression) VALUES ${join(values)}`,
    );
  }
}

const ORIGINALS_PER_INSERT = 100;

export async function getOriginal(db: Database, documentId: string): Promise<StoredOriginal | undefined> {
  const row = await db.get<{
    file_name: string;
    media_type: string;
    size: number;
    data: Uint8Array;
    compression: string | null;
  }>(sql`SELECT file_name, media_type, size, data, compression FROM originals WHERE document_id = ${documentId}`);
  if (!row) return undefined;
  // sqlite3 hands back a Buffer; callers (and the wire encoding) expect a plain Uint8Array.
  const stored = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  const data = unpackOriginal(stored, row.compression, row.size);
  // A plain name even for rows written by older builds or merged from a shared file: callers may save under it.
  return { fileName: plainFileName(row.file_name), mediaType: row.media_type, data };
}
