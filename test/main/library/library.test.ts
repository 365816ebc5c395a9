// The library at volume on real SQLite files: migration 7, collections, bulk tag/delete, the table's rows,
// near-duplicates found at import (.txt / .docx / .pdf of one text), portable merge and the CLI.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { sql } from '../../../main/db/sql';
import { fingerprint, similarity } from '../../../main/library/minhash';
import { datelineOf } from '../../../main/ingest/metadata';
import { runCli } from '../../../main/cli/run';
import { docxEntries, makePdf, makeZip } from '../../helpers/make-documents';
import { tempDir } from '../../helpers/temp';
import { applyTagChanges } from '../../../renderer/src/lib/tags';

const dir = tempDir('tala-library-');
let n = 0;
const freshPath = () => join(dir, `lib-${n++}.sqlite`);
const utf8 = (s: string) => new TextEncoder().encode(s);

const PARAGRAPHS = [
  'Ang Republika ng Nagorno-Karabakh ay nagdaos ng halalan para sa pangulo noong Hulyo 19, 2012.',
  'Ayon sa Komisyon, apatnapu’t pitong libo ang bumoto para kay Bako Sahakyan sa buong rehiyon.',
  'Sinabi ng mga tagamasid na payapa ang botohan sa mga istasyon at walang malaking insidente na naitala.',
  'Binati ng mga kaalyado ang nanalo sa halalan, ngunit ang ilang bansa ay hindi kumilala sa resulta.',
];
const OTHER = [
  'Выборы в Нагорном Карабахе прошли спокойно, сообщили наблюдатели из нескольких международных организаций.',
  'Действующий президент получил большинство голосов избирателей, явка составила около семидесяти процентов.',
];

/** The same text as a PDF: one line per paragraph half, so lines break differently than in the .txt. */
function pdfOf(paragraphs: string[]): Uint8Array {
  const lines = paragraphs.flatMap((p) => {
    const mid = p.indexOf(' ', Math.floor(p.length / 2));
    return [p.slice(0, mid), p.slice(mid + 1)];
  });
  return makePdf({
    pages: [
      lines.map((text, i) => ({ text: text.replace(/’/g, "'"), x: 72, y: 700 - i * 14 - Math.floor(i / 2) * 14 })),
    ],
    info: { Title: 'Ulat', CreationDate: 'D:20200102030405Z' },
  });
}

describe('near-duplicate fingerprints', () => {
  it('rates the same text ~1, a lightly edited copy high, and an unrelated text low', () => {
    const a = fingerprint(PARAGRAPHS.join('\n\n'))!;
    const edited = fingerprint(PARAGRAPHS.join(' ').replace('payapa', 'tahimik').toUpperCase())!;
    const other = fingerprint(OTHER.join('\n\n'))!;
    expect(similarity(a.signature, fingerprint(PARAGRAPHS.join('\n'))!.signature)).toBe(1);
    expect(similarity(a.signature, edited.signature)).toBeGreaterThan(0.7);
    expect(similarity(a.signature, other.signature)).toBeLessThan(0.1);
    expect(fingerprint('Too short to judge.')).toBeNull();
  });
});

describe('publication dates', () => {
  it('takes a date the text states on a line of its own, never one inside a sentence', () => {
    expect(datelineOf([{ text: 'Halalan sa NKR' }, { text: 'July 19, 2012' }])).toBe('2012-07-19');
    expect(datelineOf([{ text: 'Published: 2012-07-20' }])).toBe('2012-07-20');
    expect(datelineOf([{ text: '19 July 2012' }])).toBe('2012-07-19');
    expect(datelineOf([{ text: 'The vote was held on July 19, 2012 across the region.' }])).toBeUndefined();
    expect(datelineOf([{ text: 'Chapter 1 2012' }])).toBeUndefined();
  });

  it('keeps a PDF’s creation date as the file date, and the dateline as the publication date', async () => {
    const archive = await Archive.open(freshPath());
    try {
      const outcome = await archive.documents.importFile({
        name: 'ulat.pdf',
        bytes: pdfOf(['Ulat ng Komisyon', 'July 21, 2012', ...PARAGRAPHS]),
      });
      if (outcome.status !== 'imported') throw new Error('not imported');
      const doc = await archive.documents.get(outcome.document.id);
      expect([doc.publishedAt, doc.fileCreatedAt]).toEqual(['2012-07-21', '2020-01-02']);
    } finally {
      await archive.close();
    }
  });
});

describe('migration 7', () => {
  it('keeps v6 documents (no file date) and adds collections, versions and fingerprints', async () => {
    const file = freshPath();
    const db = await Database.open(file);
    await migrate(db, { target: 6 });
    await db.run(sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at)
                     VALUES ('11111111-1111-4111-8111-111111111111', 'Luma', 'tl', 'h1', 'text/plain',
                       ${PARAGRAPHS.join('\n\n')}, '2026-01-01T00:00:00Z')`);
    await migrate(db, { target: 7 });
    expect(await schemaVersion(db)).toBe(7);
    expect(await db.get(sql`SELECT title, file_created_at FROM documents`)).toEqual({
      title: 'Luma',
      file_created_at: null,
    });
    await db.close();

    // The old document has no fingerprint yet: the next import computes it and finds the copy.
    const archive = await Archive.open(file);
    try {
      const outcome = await archive.documents.importFile({ name: 'copy.txt', bytes: utf8(PARAGRAPHS.join('\n')) });
      expect(outcome).toMatchObject({
        status: 'imported',
        nearDuplicates: [{ id: '11111111-1111-4111-8111-111111111111', title: 'Luma', similarity: 1 }],
      });
    } finally {
      await archive.close();
    }
  });
});

describe('near-duplicates at import', () => {
  it('reports the same text from .txt, .docx and .pdf, and skips, keeps or versions as asked', async () => {
    const archive = await Archive.open(freshPath());
    try {
      const txt = await archive.documents.importFile({ name: 'halalan.txt', bytes: utf8(PARAGRAPHS.join('\n\n')) });
      expect(txt).toMatchObject({ status: 'imported' });
      expect(txt.status === 'imported' && txt.nearDuplicates).toBeFalsy();
      const txtId = txt.status === 'imported' ? txt.document.id : '';

      const docx = await archive.documents.importFile({
        name: 'halalan.docx',
        bytes: makeZip(docxEntries(PARAGRAPHS.map((text) => ({ text })))),
      });
      expect(docx).toMatchObject({ status: 'imported', nearDuplicates: [{ id: txtId, mediaType: 'text/plain' }] });

      // Skip: nothing is stored, the outcome names the copy already here.
      const before = (await archive.documents.list()).length;
      const skipped = await archive.documents.importFile(
        { name: 'halalan.pdf', bytes: pdfOf(PARAGRAPHS) },
        { nearDuplicates: 'skip' },
      );
      expect(skipped).toMatchObject({ status: 'skipped', nearDuplicate: { similarity: expect.any(Number) } });
      expect(skipped.status === 'skipped' && skipped.reason).toMatch(/nearly the same text as/);
      expect((await archive.documents.list()).length).toBe(before);

      // Version: kept and linked to the first copy (the root of the chain).
      const pdf = await archive.documents.importFile(
        { name: 'halalan.pdf', bytes: pdfOf(PARAGRAPHS) },
        { nearDuplicates: 'version' },
      );
      if (pdf.status !== 'imported') throw new Error('pdf not imported');
      expect(pdf.nearDuplicates!.map((d) => d.mediaType).sort()).toEqual([
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/plain',
      ]);
      expect(pdf.nearDuplicates!.every((d) => d.similarity >= 0.7)).toBe(true);
      expect(pdf.variantOf).toBe(
        pdf.nearDuplicates![0].id === txtId
          ? txtId
          : ((await archive.library.list()).find((e) => e.id === pdf.nearDuplicates![0].id)!.variantOf ??
              pdf.nearDuplicates![0].id),
      );

      // An unrelated text is no near-duplicate.
      const other = await archive.documents.importFile({ name: 'vybory.txt', bytes: utf8(OTHER.join('\n\n')) });
      expect(other.status === 'imported' && other.nearDuplicates).toBeFalsy();

      // The user's later choice for the .docx: a version of the .txt, then "skip" deletes it.
      const docxId = docx.status === 'imported' ? docx.document.id : '';
      expect(await archive.library.resolveNearDuplicate(docxId, txtId, 'version')).toMatchObject({ variantOf: txtId });
      expect((await archive.library.list()).find((e) => e.id === docxId)!.variantOf).toBe(txtId);
      expect(await archive.library.resolveNearDuplicate(docxId, txtId, 'keep')).toMatchObject({ variantOf: null });
      expect((await archive.library.list()).find((e) => e.id === docxId)!.variantOf).toBeNull();
      expect(await archive.library.resolveNearDuplicate(docxId, txtId, 'skip')).toEqual({
        document: null,
        variantOf: null,
      });
      await expect(archive.documents.get(docxId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await archive.close();
    }
  });

  it('finds an edited document again only with its new text (the trigger drops the stale fingerprint)', async () => {
    const archive = await Archive.open(freshPath());
    try {
      const first = await archive.documents.importFile({ name: 'a.txt', bytes: utf8(PARAGRAPHS.join('\n\n')) });
      if (first.status !== 'imported') throw new Error('not imported');
      const doc = await archive.documents.get(first.document.id);
      for (const [i, p] of doc.passages.entries())
        await archive.documents.editPassage(doc.id, p.id, OTHER[i % OTHER.length] + ` ${i}`);
      const again = await archive.documents.importFile({ name: 'b.txt', bytes: utf8(PARAGRAPHS.join('\n')) });
      expect(again.status === 'imported' && again.nearDuplicates).toBeFalsy();
    } finally {
      await archive.close();
    }
  });
});

describe('collections, bulk actions and the table rows', () => {
  it('makes collections, tags and deletes in bulk (after a backup), and lists rows with their counts', async () => {
    const archive = await Archive.open(freshPath());
    try {
      const ids: string[] = [];
      for (const [i, text] of [...PARAGRAPHS, ...OTHER].entries()) {
        const o = await archive.documents.importFile({
          name: `doc-${i}.txt`,
          bytes: utf8(`Pamagat ${i}\n\n${text} ${'salita '.repeat(i)}`),
        });
        if (o.status !== 'imported') throw new Error('not imported');
        ids.push(o.document.id);
      }
      const lib = archive.library;
      const election = await lib.createCollection('  Halalan   2012 ');
      expect(election).toMatchObject({ name: 'Halalan 2012', documents: 0 });
      await expect(lib.createCollection('halalan 2012')).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        message: /already exists/,
      });
      const press = await lib.createCollection('Press');
      expect(await lib.addToCollection(election.id, [ids[0], ids[1], ids[1]])).toMatchObject({ documents: 2 });
      await lib.addToCollection(press.id, [ids[1]]);
      await expect(lib.addToCollection(press.id, ['00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await lib.renameCollection(press.id, 'Pahayagan')).name).toBe('Pahayagan');

      expect(await lib.bulkTag(ids.slice(0, 3), ['halalan', 'NKR'])).toEqual({
        updated: 3,
        added: ['halalan', 'NKR'],
        removed: [],
      });
      await lib.bulkTag([ids[0]], [], ['nkr']);
      await archive.annotations.create({ docId: ids[0], start: 0, end: 7, note: 'pamagat' });
      await archive.translations.link(ids[0], ids[4]);

      const rows = new Map((await lib.list()).map((r) => [r.id, r]));
      expect(rows.size).toBe(6);
      expect(rows.get(ids[0])).toMatchObject({
        tags: ['halalan'],
        collections: [election.id],
        notes: 1,
        facts: 0,
        passages: 2,
        pages: null,
        mediaType: 'text/plain',
        originalName: 'doc-0.txt',
      });
      expect(rows.get(ids[1])!.tags).toEqual(['halalan', 'NKR']);
      expect(rows.get(ids[1])!.collections.sort()).toEqual([election.id, press.id].sort());
      expect(rows.get(ids[4])).toMatchObject({ translationOf: ids[0], tags: [], collections: [] });

      // A bulk delete with one unknown id deletes nothing; a valid one backs up first.
      await expect(lib.bulkDelete([ids[2], '00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await lib.list()).length).toBe(6);
      const report = await lib.bulkDelete([ids[1], ids[2]]);
      expect(report.deleted).toBe(2);
      expect(report.backup.reason).toBe('pre-delete');
      expect(existsSync(report.backup.file)).toBe(true);
      expect(archive.backups.list().some((b) => b.file === report.backup.file && b.reason === 'pre-delete')).toBe(true);
      expect((await lib.list()).length).toBe(4);
      expect((await lib.collections()).map((c) => [c.name, c.documents])).toEqual([
        ['Halalan 2012', 1],
        ['Pahayagan', 0],
      ]);

      await lib.deleteCollection(election.id);
      expect((await lib.list()).find((r) => r.id === ids[0])!.collections).toEqual([]);
      await expect(lib.deleteCollection(election.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await archive.close();
    }
  });

  it('answers a bulk tag with what the table needs to update rows in place, as a fresh read shows', async () => {
    const archive = await Archive.open(freshPath());
    try {
      const ids: string[] = [];
      for (const [i, text] of [...PARAGRAPHS, ...OTHER].entries()) {
        const o = await archive.documents.importFile({ name: `t-${i}.txt`, bytes: utf8(`Tala ${i}\n\n${text}`) });
        if (o.status !== 'imported') throw new Error('not imported');
        ids.push(o.document.id);
      }
      // Mixed case, non-ASCII (not folded by SQLite's NOCASE), an astral character, an existing tag respelled.
      const steps: Array<[number[], string[], string[]]> = [
        [[0, 1, 2], ['NKR', 'halalan', 'Ёлка'], []],
        [[1, 2, 3, 4], ['nkr', 'ёлка', 'Zebra', '𝒜 tag', 'éclair'], []],
        [
          [0, 2, 5],
          ['Äpfel', 'apple', 'app'],
          ['NKR', 'ЁЛКА'],
        ],
        [[3, 4, 5], [], ['zebra', 'missing']],
      ];
      for (const [which, add, remove] of steps) {
        const docIds = which.map((i) => ids[i]);
        const before = new Map((await archive.library.list()).map((e) => [e.id, e.tags]));
        const report = await archive.library.bulkTag(docIds, add, remove);
        const after = await archive.library.list();
        for (const e of after) {
          const expected = docIds.includes(e.id)
            ? applyTagChanges(before.get(e.id)!, report.added, report.removed)
            : before.get(e.id);
          expect(e.tags).toEqual(expected);
        }
      }
      const row = (await archive.library.list()).find((e) => e.id === ids[2])!;
      // NOCASE folds ASCII only (Ёлка and ёлка are two tags) and orders by code point.
      expect(row.tags).toEqual(['app', 'apple', 'halalan', 'Zebra', 'Äpfel', 'éclair', 'Ёлка', 'ёлка', '𝒜 tag']);
    } finally {
      await archive.close();
    }
  });

  it('carries collections (met by name) and versions through a portable file', async () => {
    const a = await Archive.open(freshPath());
    const b = await Archive.open(freshPath());
    try {
      const t = await a.documents.importFile({ name: 'h.txt', bytes: utf8(PARAGRAPHS.join('\n\n')) });
      const v = await a.documents.importFile(
        { name: 'h.docx', bytes: makeZip(docxEntries(PARAGRAPHS.map((text) => ({ text })))) },
        { nearDuplicates: 'version' },
      );
      if (t.status !== 'imported' || v.status !== 'imported') throw new Error('not imported');
      const c = await a.library.createCollection('Halalan');
      await a.library.addToCollection(c.id, [t.document.id, v.document.id]);
      await b.library.createCollection('HALALAN');
      const file = join(dir, `portable-${n++}.tala`);
      await a.backups.exportPortable(file);
      await b.backups.importPortable(file);
      const rows = await b.library.list();
      const collections = await b.library.collections();
      expect(collections).toMatchObject([{ name: 'HALALAN', documents: 2 }]);
      expect(rows.find((r) => r.id === v.document.id)!.variantOf).toBe(t.document.id);
      // Fingerprints are derived: the merged documents are found again as near-duplicates.
      const again = await b.documents.importFile({ name: 'h2.txt', bytes: utf8(PARAGRAPHS.join('\n')) });
      expect(again.status === 'imported' && again.nearDuplicates?.length).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('CLI', () => {
  it('manages collections and reports near-duplicates at import', async () => {
    const archivePath = join(dir, `cli-archive-${n++}`);
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--archive', archivePath, ...argv], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const txt = join(dir, 'cli-halalan.txt');
    const copy = join(dir, 'cli-halalan-copy.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(txt, PARAGRAPHS.join('\n\n'));
    writeFileSync(copy, `${PARAGRAPHS.join('\n\n')}\n`);
    const first = JSON.parse((await run('import', txt, '--json')).out);
    const second = await run('import', copy);
    expect(second.out).toMatch(
      new RegExp(`nearly the same text as ${first.imported[0].id} .*100% alike\\): kept both`),
    );
    const skipped = await run('import', join(dir, 'cli-halalan-copy.md'), '--near-duplicates', 'skip', '--json');
    // The same bytes again: an exact duplicate, skipped before any near-duplicate test.
    expect(JSON.parse(skipped.out).skipped).toHaveLength(1);
    expect((await run('import', txt, '--near-duplicates', 'maybe')).code).toBe(2);

    expect((await run('collections', 'create', 'Halalan', '2012')).out).toMatch(
      /created .* Halalan 2012 \(0 documents\)/,
    );
    expect((await run('collections', 'add', 'halalan 2012', first.imported[0].id)).out).toMatch(
      /added to .*\(1 document\)/,
    );
    expect(JSON.parse((await run('collections', 'list', '--json')).out)).toMatchObject([
      { name: 'Halalan 2012', documents: 1 },
    ]);
    expect((await run('collections', 'delete', 'Halalan 2012')).out).toMatch(/its documents stay/);
    expect((await run('collections', 'frobnicate')).code).toBe(2);
  });
});
