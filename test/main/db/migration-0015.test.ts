import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { BAND_COUNT, fingerprint, signatureToBytes } from '../../../main/library/minhash';
import { tempDir } from '../../helpers/temp';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const REPORT =
  'Ang Kagawaran ng Kalusugan ay nag-ulat ng bagong kaso ng dengue sa Lungsod ng Quezon ngayong linggo. ' +
  'Sinabi ng alkalde na magbubukas ang dalawang bagong klinika sa hilagang bahagi ng lungsod bago matapos ang buwan.';
const OTHER =
  'The committee met on Tuesday to discuss the budget of the library, the repairs of the roof and the hours ' +
  'of the reading room, which the students had asked to keep open until ten in the evening.';
const TEXTS: Record<string, string> = { [A]: REPORT, [B]: OTHER, [C]: 'Masyadong maikli.' };

interface Row {
  document_id: string;
  signature: Uint8Array;
  bands: string | null;
}

describe('migration 15 (near-duplicate bands keyed by integers)', () => {
  it('carries every fingerprint and band over; lookups, deletes and edits keep them consistent', async () => {
    const file = join(tempDir(), 'v14.sqlite');
    const db = await Database.open(file);
    await migrate(db, { target: 14 });
    for (const [id, text] of Object.entries(TEXTS)) {
      await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                       VALUES (${id}, ${id.slice(0, 1)}, 'tl', ${id}, 'text/plain', ${text}, '2026-01-01T00:00:00Z')`);
      await db.run(sql`INSERT INTO passages (id, document_id, ordinal, kind, start_offset, end_offset)
                       VALUES (${`p-${id}`}, ${id}, 0, 'paragraph', 0, ${text.length})`);
      // As the code of v14 stored them.
      const print = fingerprint(text);
      await db.run(sql`INSERT INTO dedup_signatures (document_id, signature)
                       VALUES (${id}, ${print ? signatureToBytes(print.signature) : new Uint8Array(0)})`);
      for (const band of print?.bands ?? [])
        await db.run(sql`INSERT INTO dedup_bands (band_key, document_id) VALUES (${band}, ${id})`);
    }
    const stored = async () =>
      db.all<Row>(sql`SELECT s.document_id, s.signature,
                             (SELECT json_group_array(band_key) FROM (SELECT band_key FROM dedup_bands b
                               WHERE b.num = s.num ORDER BY band_key)) AS bands
                      FROM dedup_signatures s ORDER BY s.document_id`);

    await migrate(db, { target: 15 });
    const rows = await stored();
    expect(rows.map((r) => r.document_id)).toEqual([A, B, C]);
    for (const row of rows) {
      const print = fingerprint(TEXTS[row.document_id]);
      expect(Buffer.from(row.signature)).toEqual(
        Buffer.from(print ? signatureToBytes(print.signature) : new Uint8Array(0)),
      );
      expect(JSON.parse(row.bands!)).toEqual([...new Set(print?.bands ?? [])].sort((x, y) => x - y));
    }
    expect(await db.get(sql`SELECT count(*) AS n FROM dedup_bands`)).toEqual({ n: 2 * BAND_COUNT });

    // An edited text drops its fingerprint and bands (recomputed later); a deleted document takes them along.
    await db.run(sql`UPDATE documents SET text = ${`${OTHER} Binago.`} WHERE id = ${B}`);
    expect((await stored()).map((r) => r.document_id)).toEqual([A, C]);
    expect(await db.get(sql`SELECT count(*) AS n FROM dedup_bands`)).toEqual({ n: BAND_COUNT });
    await db.close();

    const archive = await Archive.open(file, { search: 'inline' });
    try {
      // The carried-over bands find the near-duplicate of an old document.
      const copy = await archive.documents.importFile({
        name: 'copy.txt',
        bytes: new TextEncoder().encode(REPORT.replace('dalawang', 'tatlong')),
      });
      expect(copy).toMatchObject({ status: 'imported', nearDuplicates: [{ id: A }] });
      await archive.documents.delete(A);
    } finally {
      await archive.close();
    }
    const after = await Database.open(file);
    try {
      const left = await after.all<{ document_id: string }>(sql`SELECT document_id FROM dedup_signatures`);
      expect(left.map((r) => r.document_id)).not.toContain(A);
      // Every band belongs to a stored fingerprint, and the backfill gave B its fingerprint back.
      expect(
        await after.get(sql`SELECT count(*) AS n FROM dedup_bands b
                                 WHERE NOT EXISTS (SELECT 1 FROM dedup_signatures s WHERE s.num = b.num)`),
      ).toEqual({
        n: 0,
      });
      expect(await after.get(sql`SELECT count(*) AS n FROM dedup_bands`)).toEqual({ n: 2 * BAND_COUNT });
    } finally {
      await after.close();
    }
  });
});
