// Schema v11: originals stored deflated where that saves at least an eighth (main/documents/original-bytes.ts);
// `compression` says how ('deflate', or NULL: as imported). The bytes given back are unchanged (size checked,
// sha256 = documents.content_hash). Existing originals are packed here, in steps, checked by inflating each
// before it is written. Team sync is not told (the rows say the same; the wire carries the imported bytes).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database } from '../connection';
import { sql } from '../sql';

const ROWS_PER_STEP = 100;

export async function up(db: Database): Promise<void> {
  await db.exec(`ALTER TABLE originals ADD COLUMN compression TEXT CHECK (compression IS NULL OR compression =
    'deflate')`);
  // Rows written by a migration are not local edits: the team capture triggers skip them while this row exists.
  await db.run(sql`INSERT INTO sync_apply_guard (active) VALUES (1)`);
  let after = '';
  for (;;) {
    const rows = await db.all<{ document_id: string; size: number; data: Uint8Array }>(
      sql`SELECT document_id, size, data FROM originals WHERE document_id > ${after} ORDER BY document_id
          LIMIT ${ROWS_PER_STEP}`,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].document_id;
    for (const row of rows) {
      if (row.data.byteLength < 256 || row.data.byteLength !== row.size) continue;
      const packed = deflateRawSync(row.data, { level: 6 });
      if (packed.byteLength > row.data.byteLength - row.data.byteLength / 8) continue;
      if (!inflateRawSync(packed).equals(Buffer.from(row.data))) throw new Error('deflate did not round-trip');
      await db.run(sql`UPDATE originals SET data = ${packed}, compression = 'deflate'
                       WHERE document_id = ${row.document_id}`);
    }
  }
  await db.run(sql`DELETE FROM sync_apply_guard`);
}
