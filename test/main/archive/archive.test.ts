import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/contract';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const freshArchive = () => Archive.open(join(dir, `a-${n++}.sqlite`));
const utf8 = (s: string) => new TextEncoder().encode(s);
const sampleBytes = () => new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt')));

/** Every row of every table, to prove a failed import changed nothing at all. */
async function snapshot(file: string): Promise<unknown> {
  const db = await Database.open(file);
  const out: Record<string, unknown> = {};
  for (const table of ['documents', 'passages', 'sentences', 'originals', 'tags', 'document_tags']) {
    out[table] = await db.all(sql`SELECT * FROM ${{ text: table, params: [] }} ORDER BY 1, 2`);
  }
  await db.close();
  return out;
}

describe('Archive import', () => {
  it('stores the sample with passages whose offsets point into the document text', async () => {
    const archive = await freshArchive();
    const outcome = await archive.documents.importFile({ name: 'nkr-2012-halalan.tl.txt', bytes: sampleBytes() });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.document).toMatchObject({
      lang: 'tl',
      passages: 9,
      mediaType: 'text/plain',
      originalName: 'nkr-2012-halalan.tl.txt',
    });

    const doc = await archive.documents.get(outcome.document.id);
    expect(doc.passages.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of doc.passages) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      expect(p.sentences.length).toBeGreaterThan(0);
      for (const [s, e] of p.sentences) expect(p.text.slice(s, e).trim()).toBe(p.text.slice(s, e));
    }
    expect(doc.passages[2].text).toContain(
      '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan',
    );
    expect(await archive.documents.list()).toEqual([expect.objectContaining({ id: doc.id, passages: 9 })]);
    await archive.close();
  });

  it('recognises re-imported content by its hash and reports it instead of duplicating', async () => {
    const archive = await freshArchive();
    const first = await archive.documents.importFile({ name: 'a.txt', bytes: sampleBytes() });
    const second = await archive.documents.importFile({ name: 'copy-of-a.txt', bytes: sampleBytes() });
    expect(second).toEqual({
      status: 'skipped',
      existingId: first.status === 'imported' ? first.document.id : '',
      reason: expect.stringContaining('copy-of-a.txt'),
    });
    expect(await archive.documents.list()).toHaveLength(1);
    await archive.close();
  });

  it('dedupes two concurrent imports of the same bytes', async () => {
    const archive = await freshArchive();
    const outcomes = await Promise.all(
      [1, 2, 3].map((i) =>
        archive.documents.importFile({ name: `same-${i}.txt`, bytes: utf8('Isang talata lamang.\n\nAt isa pa.') }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(1);
    expect(await archive.documents.list()).toHaveLength(1);
    await archive.close();
  });

  const badInputs: Array<[string, string, Uint8Array, RegExp]> = [
    ['an empty file', 'empty.txt', new Uint8Array(0), /empty/],
    ['whitespace only', 'blank.txt', utf8('  \n\n \t \n'), /empty/],
    [
      'a binary file',
      'photo.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
      /binary/,
    ],
    [
      'text mixing UTF-8 and another encoding',
      'mixed.txt',
      new Uint8Array([...utf8('Ещё раз, и ещё: '), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
      /UTF-8/,
    ],
    [
      'a corrupt PDF',
      'broken.pdf',
      utf8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF'),
      /broken\.pdf: .*PDF/,
    ],
    ['an unsupported type', 'report.xyz', utf8('some text'), /unsupported/],
    [
      'an HTML page with only scripts',
      'script.html',
      utf8('<html><body><script>alert(1)</script></body></html>'),
      /no readable text/,
    ],
  ];

  it.each(badInputs)(
    'refuses %s with a clear error naming the file, leaving the archive as it was',
    async (_what, name, bytes, reason) => {
      const file = join(dir, `bad-${n++}.sqlite`);
      const archive = await Archive.open(file);
      await archive.documents.importFile({ name: 'keep.txt', bytes: utf8('Ang talatang ito ay dapat manatili.') });
      await archive.close();
      const before = await snapshot(file);

      const again = await Archive.open(file);
      const attempt = again.documents.importFile({ name, bytes });
      await expect(attempt).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringContaining(name) });
      await expect(attempt).rejects.toThrow(reason);
      await again.close();
      expect(await snapshot(file)).toEqual(before);
    },
  );

  it('refuses a file over the size limit before reading it', async () => {
    const archive = await freshArchive();
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    await expect(archive.documents.importFile({ name: 'huge.txt', bytes: huge })).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      message: expect.stringMatching(/huge\.txt.*100 MB/),
    });
    expect(await archive.documents.list()).toEqual([]);
    await archive.close();
  });

  it('leaves nothing behind when the database refuses a write halfway through an import', async () => {
    const file = join(dir, `trigger-${n++}.sqlite`);
    const archive = await Archive.open(file);
    const db = await Database.open(file);
    // Fail on the third passage insert: the document and two passages were already written in the transaction.
    await db.exec(
      `CREATE TRIGGER fail_third BEFORE INSERT ON passages WHEN NEW.ordinal = 2 BEGIN SELECT RAISE(ABORT,
        'disk says no'); END`,
    );
    await db.close();
    await expect(archive.documents.importFile({ name: 'nkr.txt', bytes: sampleBytes() })).rejects.toThrow(
      /disk says no/,
    );
    expect(await archive.documents.list()).toEqual([]);
    const check = await Database.open(file);
    expect(await check.all(sql`SELECT id FROM passages`)).toEqual([]);
    expect(await check.all(sql`SELECT passage_id FROM sentences`)).toEqual([]);
    await check.close();
    await archive.close();
  });

  it('honours an explicit language override', async () => {
    const archive = await freshArchive();
    const outcome = await archive.documents.importFile({ name: 'x.txt', bytes: sampleBytes(), lang: 'ceb' });
    expect(outcome.status === 'imported' && outcome.document.lang).toBe('ceb');
    await archive.close();
  });
});

describe('Archive delete and lookup', () => {
  it('deletes a document with its passages and sentences', async () => {
    const file = join(dir, `del-${n++}.sqlite`);
    const archive = await Archive.open(file);
    const outcome = await archive.documents.importFile({ name: 'nkr.txt', bytes: sampleBytes() });
    const id = outcome.status === 'imported' ? outcome.document.id : '';
    await archive.documents.delete(id);
    expect(await archive.documents.list()).toEqual([]);
    await expect(archive.documents.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archive.documents.delete(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const db = await Database.open(file);
    expect(await db.get(sql`SELECT count(*) AS n FROM sentences`)).toEqual({ n: 0 });
    await db.close();
    await archive.close();
  });
});

describe('openArchiveDir', () => {
  it('creates the folder and seeds a new archive with the samples once', async () => {
    const archiveDir = join(dir, 'fresh', 'Tala');
    const archive = await openArchiveDir(archiveDir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    const docs = await archive.documents.list();
    expect(docs.map((d) => [d.lang, d.title])).toEqual([
      ['tl', 'Halalan sa pagkapangulo sa Nagorno-Karabakh, 2012'],
      ['en', 'The 2012 presidential election in Nagorno-Karabakh'],
    ]);
    await archive.close();

    const reopened = await openArchiveDir(archiveDir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    expect(await reopened.documents.list()).toHaveLength(2);
    await reopened.close();
  });

  it('keeps working when a user copies a sample in by hand (dedupe by content)', async () => {
    const archiveDir = join(dir, 'copied');
    const archive = await openArchiveDir(archiveDir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    const copy = join(dir, 'copy.txt');
    copyFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt'), copy);
    const outcome = await archive.documents.importFile({ name: 'copy.txt', bytes: new Uint8Array(readFileSync(copy)) });
    expect(outcome.status).toBe('skipped');
    await archive.close();
  });
});

describe('the composition root makes each feature service on first use', () => {
  it('opens with none made; a search through the CLI door makes the search service only', async () => {
    const archiveDir = join(dir, 'lazy');
    const seeded = await openArchiveDir(archiveDir, { seedSamples: true, samplesDir: SAMPLES_DIR });
    await seeded.close();

    const archive = await openArchiveDir(archiveDir, { search: 'inline' });
    expect(archive.servicesMade).toEqual([]);
    const session = createApi(archive, 'cli');
    const found = await dispatch(session, 'search.query', { query: 'Sahakyan' });
    expect(found).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
    expect((found as { value: { total: number } }).value.total).toBeGreaterThan(0);
    expect(archive.servicesMade).toEqual(['search']);

    // Facts need annotations (their evidence): asking for one makes what it is built on, and each only once.
    const facts = archive.facts;
    expect(archive.servicesMade.sort()).toEqual(['annotations', 'facts', 'search']);
    expect(archive.facts).toBe(facts);
    expect(await archive.documents.list()).toHaveLength(2);
    expect(archive.servicesMade).toContain('documents');
    await archive.close();
  });

  it('closes an archive whose search engine was never opened, and refuses a search after close', async () => {
    const archive = await openArchiveDir(join(dir, 'lazy-closed'), { search: 'inline' });
    await archive.close();
    await expect(archive.search.query('anything')).rejects.toThrow(/closed/);
  });
});
