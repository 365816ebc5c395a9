import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../../main/archive/open-default';
import { DERIVED_TABLE_PREFIXES, LOCAL_TABLES, MERGED_TABLES } from '../../../main/backups/portable';
import { AppError } from '../../../shared/errors';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const freshDir = () => join(root, `archive-${n++}`);
const utf8 = (s: string) => new TextEncoder().encode(s);
const QUOTE = '47 libo sa kanila ang bumoto';

async function seededWithAnnotation() {
  const archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
  const tl = (await archive.documents.list()).find((d) => d.lang === 'tl')!;
  const doc = await archive.documents.get(tl.id);
  const start = doc.text.indexOf(QUOTE);
  const annotation = await archive.annotations.create({
    docId: doc.id,
    start,
    end: start + QUOTE.length,
    note: 'boto',
    tags: ['halalan'],
  });
  await archive.documents.updateMeta(doc.id, { tags: ['NKR'] });
  return { archive, doc, annotation };
}

describe('portable archive files', () => {
  it('carry everything into an empty archive and merge again without duplicates', async () => {
    const { archive, doc, annotation } = await seededWithAnnotation();
    await archive.documents.editPassage(doc.id, doc.passages[0].id, `Pambungad. ${doc.passages[0].text}`);
    const file = join(root, `copy-${n++}.tala`);
    await archive.backups.exportPortable(file);
    await expect(archive.backups.exportPortable(file)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });

    const other = await openArchiveDir(freshDir());
    const report = await other.backups.importPortable(file);
    expect(report).toEqual({
      documents: { added: 2, alreadyPresent: 0 },
      annotations: { added: 1, alreadyPresent: 0, orphaned: 0 },
      tags: { added: 2 },
    });
    expect(await other.documents.list()).toEqual(await archive.documents.list());
    expect(await other.documents.get(doc.id)).toEqual(await archive.documents.get(doc.id));
    expect(await other.annotations.list(doc.id)).toEqual(await archive.annotations.list(doc.id));
    expect(await other.documents.versions(doc.id)).toEqual(await archive.documents.versions(doc.id));
    expect((await other.annotations.get(annotation.id)).tags).toEqual(['halalan']);
    expect((await other.search.query('Sahakyan')).total).toBe((await archive.search.query('Sahakyan')).total);

    const again = await other.backups.importPortable(file);
    expect(again).toEqual({
      documents: { added: 0, alreadyPresent: 2 },
      annotations: { added: 0, alreadyPresent: 1, orphaned: 0 },
      tags: { added: 0 },
    });
    expect(await other.documents.list()).toHaveLength(2);
    await other.close();
    await archive.close();
  });

  it('put annotations made on the same content under another id onto the existing document', async () => {
    const { archive, annotation } = await seededWithAnnotation();
    const file = join(root, `copy-${n++}.tala`);
    await archive.backups.exportPortable(file);

    const other = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    await other.documents.importFile({ name: 'own.txt', bytes: utf8('Isang sariling dokumento.') });
    const report = await other.backups.importPortable(file);
    expect(report.documents).toEqual({ added: 0, alreadyPresent: 2 });
    const ourTl = (await other.documents.list()).find((d) => d.lang === 'tl')!;
    const [merged] = await other.annotations.list(ourTl.id);
    expect(merged).toMatchObject({ id: annotation.id, exact: QUOTE, status: 'anchored', note: 'boto' });
    await other.close();
    await archive.close();
  });

  it('refuse a file that is not an archive and change nothing', async () => {
    const other = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    const before = await other.documents.list();
    await expect(other.backups.importPortable(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    expect(await other.documents.list()).toEqual(before);
    await other.close();
  });

  it('cover every table of the schema (a new table must be merged or declared derived)', async () => {
    const archive = await openArchiveDir(freshDir());
    const db = await Database.open(archive.path);
    const rows = await db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    await db.close();
    const local: readonly string[] = LOCAL_TABLES;
    const tables = rows
      .map((r) => r.name)
      .filter((t) => !DERIVED_TABLE_PREFIXES.some((p) => t.startsWith(p)) && !local.includes(t));
    expect(tables.sort()).toEqual([...MERGED_TABLES].sort());
    await archive.close();
  });

  it('refuse, with a sentence and nothing changed, a file whose schema text was damaged (a column name)', async () => {
    const { archive } = await seededWithAnnotation();
    const file = join(root, `schema-${n++}.tala`);
    await archive.backups.exportPortable(file);
    const bytes = readFileSync(file);
    const name = Buffer.from('variant_of');
    const at: number[] = [];
    for (let i = bytes.indexOf(name); i >= 0; i = bytes.indexOf(name, i + 1)) at.push(i);
    expect(at.length).toBeGreaterThan(0);
    const other = await openArchiveDir(freshDir());
    for (const i of at) {
      const before = await other.documents.list();
      const damaged = Buffer.from(bytes);
      damaged[i + 5] = 0xfe; // varia?t_of: the statement that names it no longer parses against its table
      const copy = join(root, `schema-${n++}.tala`);
      writeFileSync(copy, damaged);
      const outcome = await other.backups.importPortable(copy).then(
        () => 'merged',
        (err: unknown) => err,
      );
      if (outcome !== 'merged') {
        expect(outcome).toBeInstanceOf(AppError);
        expect(['INVALID_REQUEST', 'ARCHIVE_DAMAGED', 'ARCHIVE_ERROR']).toContain((outcome as AppError).code);
        expect(await other.documents.list()).toEqual(before);
      }
    }
    await other.close();
    await archive.close();
  });
});
