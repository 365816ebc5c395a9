// Originals are stored deflated where that pays (schema v11) and always come back as the imported bytes.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { samplePdf } from '../../helpers/make-documents';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { packOriginal, packOriginalAhead, unpackOriginal } from '../../../main/documents/original-bytes';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const stored = (db: Database, id: string) =>
  db.get<{ size: number; stored: number; compression: string | null; hash: string }>(
    sql`SELECT o.size, length(o.data) AS stored, o.compression, d.content_hash AS hash
        FROM originals o JOIN documents d ON d.id = o.document_id WHERE o.document_id = ${id}`,
  );

describe('originals kept unchanged, stored smaller', () => {
  it('packs a small file on the calling thread and a large one on the pool into the same bytes', async () => {
    const text = new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt')));
    const large = new Uint8Array(Buffer.concat(Array.from({ length: 200 }, () => text)));
    expect(large.byteLength).toBeGreaterThan(256 * 1024);
    for (const bytes of [text, large, text]) {
      const packed = await packOriginal(bytes);
      expect(packed.compression).toBe('deflate');
      expect(Buffer.from(packed.stored).equals(deflateRawSync(bytes, { level: 6 }))).toBe(true);
      expect(unpackOriginal(packed.stored, packed.compression, bytes.byteLength)).toEqual(bytes);
    }
  });

  it('takes a large original packed ahead for the same bytes, and only for them', async () => {
    const text = new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt')));
    const large = new Uint8Array(Buffer.concat(Array.from({ length: 200 }, () => text)));
    expect(packOriginalAhead(text)).toBeUndefined(); // small: packed in a few ms when stored
    const early = packOriginalAhead(large)!;
    const taken = await packOriginal(new Uint8Array(large)); // the same bytes, read again: the packing made ahead
    expect(taken).toBe(await early);
    expect(await packOriginal(large)).not.toBe(taken); // taken once
    // Other bytes drop it: their packing is their own.
    const dropped = packOriginalAhead(large)!;
    const other = new Uint8Array(large);
    other[0] ^= 1;
    const packedOther = await packOriginal(other);
    expect(packedOther).not.toBe(await dropped);
    expect(unpackOriginal(packedOther.stored, packedOther.compression, other.byteLength)).toEqual(other);
    expect(await packOriginal(large)).not.toBe(await dropped);
    expect(Buffer.from(taken.stored).equals(deflateRawSync(large, { level: 6 }))).toBe(true);
  });

  it('gives back the exact bytes of a deflated text and of a PDF kept as it is', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    const text = readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'));
    const pdf = samplePdf();
    const ids: string[] = [];
    for (const [name, bytes] of [
      ['halalan.txt', new Uint8Array(text)],
      ['ulat.pdf', pdf],
      ['maikli.txt', new TextEncoder().encode('Isang maikling talata.')],
    ] as const) {
      const outcome = await archive.documents.importFile({ name, bytes });
      if (outcome.status !== 'imported') throw new Error(`${name}: ${outcome.status}`);
      ids.push(outcome.document.id);
      const original = await archive.documents.original(outcome.document.id);
      expect(original.data).toEqual(bytes);
    }
    await archive.close();
    const db = await Database.open(file, { readOnly: true });
    const [txt, , short] = await Promise.all(ids.map((id) => stored(db, id)));
    expect(txt).toMatchObject({ size: text.byteLength, compression: 'deflate', hash: sha256(text) });
    expect(txt!.stored).toBeLessThan(text.byteLength * 0.6);
    expect(short).toMatchObject({ compression: null, stored: short!.size });
    await db.close();
  });

  it('migration 11 deflates the originals of an archive made before, each given back unchanged', async () => {
    const file = join(tempDir(), 'v10.sqlite');
    const db = await Database.open(file);
    await migrate(db, { target: 10 });
    const text = new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt')));
    const pdf = samplePdf();
    for (const [id, bytes, type] of [
      ['11111111-1111-4111-8111-111111111111', text, 'text/plain'],
      ['22222222-2222-4222-8222-222222222222', pdf, 'application/pdf'],
    ] as const) {
      await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                       VALUES (${id}, 'T', 'en', ${sha256(bytes)}, ${type}, 'T', '2026-01-01T00:00:00Z')`);
      await db.run(sql`INSERT INTO originals (document_id, file_name, media_type, size, data)
                       VALUES (${id}, 'f', ${type}, ${bytes.byteLength}, ${Buffer.from(bytes)})`);
    }
    await migrate(db);
    expect(await stored(db, '11111111-1111-4111-8111-111111111111')).toMatchObject({ compression: 'deflate' });
    await db.close();
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      for (const [id, bytes] of [
        ['11111111-1111-4111-8111-111111111111', text],
        ['22222222-2222-4222-8222-222222222222', pdf],
      ] as const) {
        const back = await archive.documents.original(id);
        expect(back.data).toEqual(bytes);
        expect(sha256(back.data)).toBe(sha256(bytes));
      }
    } finally {
      await archive.close();
    }
  });
});
