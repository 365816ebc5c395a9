// Group commit of imports on a real archive file: files ready together share a commit, yet each stays all or
// nothing (a failing file is rolled back alone, the others commit), is acknowledged only once committed, and a
// cancel writes nothing whose commit had not started.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { ImportCancelled, ImportCommits } from '../../../main/documents/import-commits';
import { insertDocuments, type NewDocument } from '../../../main/documents/repo';
import { passageTextSql, readPassages } from '../../../main/documents/passage-text';
import { DocumentService } from '../../../main/documents/service';
import { ImportBatch } from '../../../main/documents/import-batch';
import {
  fingerprintOf,
  handLater,
  indexAnalysisOf,
  InlineParser,
  type DocumentParser,
} from '../../../main/ingest/parser';
import type { IngestInput, ParsedDocument } from '../../../main/ingest/types';
import type { ImportOutcome } from '../../../shared/types';
import { searchIndexMergeScheduled } from '../../../main/search/index-merge';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);
const skipped = (key: string): ImportOutcome => ({ status: 'skipped', reason: key, existingId: key });

async function migratedDb(): Promise<{ db: Database; file: string }> {
  const file = join(root, `c-${n++}.sqlite`);
  await (await Archive.open(file, { search: 'inline', parser: new InlineParser() })).close();
  return { db: await Database.open(file), file };
}

/** Parses inline, but holds each file's fingerprint back until released (as if the worker were still making it). */
class LatePrints implements DocumentParser {
  private readonly inline = new InlineParser();
  /** File name → hands its fingerprint over. */
  private readonly held = new Map<string, () => void>();

  /** Hands over the fingerprints of these files, when held. */
  release(names: Iterable<string | null>): void {
    for (const name of names) {
      if (name === null) continue;
      this.held.get(name)?.();
      this.held.delete(name);
    }
  }

  async parse(input: IngestInput): Promise<ParsedDocument> {
    const parsed = await this.inline.parse(input);
    const result = { ...parsed };
    const print = fingerprintOf(parsed);
    const analysis = indexAnalysisOf(parsed);
    if (!print || !analysis) throw new Error('the inline parser hands both over');
    const given = new Promise<void>((give) => this.held.set(input.name, give));
    handLater(result, { print: given.then(() => print), analysis });
    return result;
  }

  async close(): Promise<void> {}
}

const setting = (tx: Database, key: string) =>
  tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, '1', '2026-01-01')`);

describe('import group commit', () => {
  it('rolls back only the failing file of a group; the others commit and are durable when acknowledged', async () => {
    const { db, file } = await migratedDb();
    const commits = new ImportCommits(db);
    const other = await Database.open(file, { readOnly: true });
    const seen = async (key: string) => Boolean(await other.get(sql`SELECT 1 FROM settings WHERE key = ${key}`));
    const acknowledged: string[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'bad', 'c', 'd'].map((key) =>
        commits
          .submit(async (tx) => {
            await setting(tx, key);
            if (key === 'bad') await setting(tx, 'a'); // a constraint failure after its first write
            return skipped(key);
          })
          .then(async (outcome) => {
            // Committed before it is acknowledged: another connection sees it already.
            expect(await seen(key)).toBe(true);
            acknowledged.push(key);
            return outcome;
          }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(acknowledged.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await seen('bad')).toBe(false); // nothing of the failing file
    await other.close();
    await db.close();
  });

  it('puts the search index merge off after every commit of a run, not only when the run ends', async () => {
    const { db } = await migratedDb();
    const commits = new ImportCommits(db);
    let entered: () => void = () => undefined;
    const inSecond = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Two commits in one run: the second is being written (held) after the first committed.
    const first = commits.submit(async (tx) => {
      await setting(tx, 'first');
      return skipped('first');
    });
    const second = commits.submit(async (tx) => {
      entered();
      await held;
      await setting(tx, 'second');
      return skipped('second');
    });
    await first;
    await inSecond;
    // The run goes on; the merge is already put off from the first commit (a run longer than the quiet time must
    // not have it start between its commits).
    expect(searchIndexMergeScheduled(db)).toBe(true);
    release();
    await second;
    expect(searchIndexMergeScheduled(db)).toBe(true);
    await db.close();
  });

  it('a cancel stops files whose commit has not started', async () => {
    const { db } = await migratedDb();
    const commits = new ImportCommits(db);
    const controller = new AbortController();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first group is being written while the next files wait; then the import is cancelled.
    const first = commits.submit(async (tx) => {
      await held;
      await setting(tx, 'first');
      return skipped('first');
    }, controller.signal);
    const later = ['x', 'y'].map((key) =>
      commits.submit(async (tx) => {
        await setting(tx, key);
        return skipped(key);
      }, controller.signal),
    );
    controller.abort();
    release();
    await expect(first).resolves.toMatchObject({ existingId: 'first' });
    for (const p of later) await expect(p).rejects.toBeInstanceOf(ImportCancelled);
    const keys = await db.all<{ key: string }>(sql`SELECT key FROM settings WHERE key IN ('first', 'x', 'y')`);
    expect(keys.map((k) => k.key)).toEqual(['first']);
    await db.close();
  });

  it('imports submitted together through the service are each searchable and whole', async () => {
    const archive = await Archive.open(join(root, `s-${n++}.sqlite`), {
      search: 'inline',
      parser: new InlineParser(),
    });
    const texts = Array.from({ length: 8 }, (_, i) => `Ulat ${i}\n\nAng halalan bilang${i} ay ginanap noong 2012.`);
    const outcomes = await Promise.all(
      texts.map((t, i) => archive.documents.importFile({ name: `u-${i}.txt`, bytes: utf8(t) })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(texts.map(() => 'imported'));
    for (let i = 0; i < texts.length; i++) {
      const found = await archive.search.query(`bilang${i}`);
      expect(found.hits.map((h) => h.docId)).toEqual([
        (outcomes[i] as Extract<ImportOutcome, { status: 'imported' }>).document.id,
      ]);
    }
    await archive.close();
  });

  it('never parses a file already in the archive, however many files are checked at once', async () => {
    const parsed: string[] = [];
    const inline = new InlineParser();
    const archive = await Archive.open(join(root, `k-${n++}.sqlite`), {
      search: 'inline',
      parser: { parse: (input) => (parsed.push(input.name), inline.parse(input)), close: async () => {} },
    });
    const known = { name: 'kilala.txt', bytes: utf8('Isang ulat na nasa arkibo na.') };
    const first = await archive.documents.importFile(known);
    if (first.status !== 'imported') throw new Error('not imported');
    const files = [
      { name: 'bago-1.txt', bytes: utf8('Bagong ulat, una.') },
      { name: 'kopya-1.txt', bytes: known.bytes },
      { name: 'bago-2.txt', bytes: utf8('Bagong ulat, ikalawa.') },
      { name: 'kopya-2.txt', bytes: known.bytes },
    ];
    const outcomes = await Promise.all(files.map((f) => archive.documents.importFile(f)));
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'skipped', 'imported', 'skipped']);
    expect(outcomes[1]).toMatchObject({ existingId: first.document.id });
    expect(outcomes[3]).toMatchObject({ existingId: first.document.id });
    expect(parsed).toEqual(['kilala.txt', 'bago-1.txt', 'bago-2.txt']);
    await archive.close();
  });

  it('two identical files imported at the same time (uploads in flight): one imported, one skipped', async () => {
    const archive = await Archive.open(join(root, `s-${n++}.sqlite`), {
      search: 'inline',
      parser: new InlineParser(),
    });
    const text = 'Ulat ng pulong\n\nAng parehong ulat, ipinadala nang dalawang beses nang sabay.';
    const others = Array.from({ length: 6 }, (_, i) => ({ name: `o-${i}.txt`, bytes: utf8(`Iba ${i}: bilang${i}.`) }));
    const outcomes = await Promise.all(
      [{ name: 'ulat.txt', bytes: utf8(text) }, ...others, { name: 'ulat-copy.txt', bytes: utf8(text) }].map((f) =>
        archive.documents.importFile(f),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported', ...others.map(() => 'imported'), 'skipped']);
    const first = outcomes[0] as Extract<ImportOutcome, { status: 'imported' }>;
    expect(outcomes[7]).toMatchObject({ existingId: first.document.id });
    const list = await archive.documents.list();
    expect(list.filter((d) => d.originalName?.startsWith('ulat')).map((d) => d.originalName)).toEqual(['ulat.txt']);
    await archive.close();
  });

  for (const hinted of [false, true])
    it(`decides duplicates and near-duplicates within one commit as if each file were written alone${
      hinted ? ' (checks looked up for the whole group)' : ''
    }`, async () => {
      const { db } = await migratedDb();
      const documents = new DocumentService(db, new InlineParser());
      const commits = new ImportCommits(db);
      const long = (word: string) =>
        Array.from({ length: 40 }, (_, i) => `Ang ulat bilang ${i} tungkol sa halalan sa lungsod ng ${word}.`).join(
          ' ',
        );
      const letters = Array.from({ length: 40 }, (_, i) => `Si Rosa ay nagsulat ng liham ${i * 7} sa kapatid.`).join(
        ' ',
      );
      const files = [
        { name: 'head.txt', text: letters, near: undefined },
        { name: 'a.txt', text: 'Ang parehong file na dalawang beses.', near: undefined },
        { name: 'a-again.txt', text: 'Ang parehong file na dalawang beses.', near: undefined },
        { name: 'b.txt', text: long('Maynila'), near: undefined },
        { name: 'b-version.txt', text: `${long('Maynila')} Dagdag.`, near: 'version' as const },
        { name: 'c.txt', text: long('Cebu'), near: undefined },
        { name: 'c-skip.txt', text: `${long('Cebu')} Iba pa.`, near: 'skip' as const },
        { name: 'head-again.txt', text: letters, near: undefined },
        { name: 'head-near.txt', text: `${letters} Wakas.`, near: 'skip' as const },
        { name: 'a-third.txt', text: 'Ang parehong file na dalawang beses.', near: undefined },
      ];
      const prepared = [];
      for (const f of files)
        prepared.push(await documents.prepareImport({ name: f.name, bytes: utf8(f.text) }, { nearDuplicates: f.near }));
      // The first file starts a commit at once; the others are submitted while it is written: one group, which
      // finds the first file already committed.
      const outcomes = await Promise.all(
        prepared.map((p) =>
          'done' in p ? Promise.resolve(p.done) : commits.submit(p.write, undefined, hinted ? p.hint : undefined),
        ),
      );
      const id = (i: number) => (outcomes[i] as Extract<ImportOutcome, { status: 'imported' }>).document.id;
      expect(outcomes.map((o) => o.status)).toEqual([
        'imported',
        'imported',
        'skipped',
        'imported',
        'imported',
        'imported',
        'skipped',
        'skipped',
        'skipped',
        'skipped',
      ]);
      expect(outcomes[2]).toMatchObject({ existingId: id(1) });
      expect(outcomes[4]).toMatchObject({ variantOf: id(3), nearDuplicates: [{ id: id(3) }] });
      expect(outcomes[6]).toMatchObject({ existingId: id(5), nearDuplicate: { id: id(5) } });
      expect(outcomes[7]).toMatchObject({ existingId: id(0) });
      expect(outcomes[7]).not.toHaveProperty('nearDuplicate');
      expect(outcomes[8]).toMatchObject({ existingId: id(0), nearDuplicate: { id: id(0) } });
      expect(outcomes[9]).toMatchObject({ existingId: id(1) });
      expect(outcomes[9]).not.toHaveProperty('nearDuplicate');
      const list = await documents.list();
      expect(list.map((d) => d.originalName).sort()).toEqual(['a.txt', 'b-version.txt', 'b.txt', 'c.txt', 'head.txt']);
      for (const i of [0, 1, 3, 4, 5]) {
        const doc = await documents.get(id(i));
        expect(doc.passages.map((p) => p.text).join('\n\n')).toBe(files[i].text);
        expect((await documents.original(id(i))).data).toEqual(utf8(files[i].text));
      }
      await db.close();
    });

  it('writes and indexes rows while fingerprints are still coming, and reports the same near-duplicates', async () => {
    const long = (word: string) =>
      Array.from({ length: 40 }, (_, i) => `Ang ulat bilang ${i} tungkol sa halalan sa lungsod ng ${word}.`).join(' ');
    // The first is committed at once, alone; the others wait for that commit and share the next one.
    const files: Array<{ name: string; text: string; near?: 'skip' | 'version' }> = [
      { name: 'c.txt', text: Array.from({ length: 40 }, (_, i) => `Si Rosa ay sumulat ng liham ${i * 7}.`).join(' ') },
      { name: 'b.txt', text: `${long('Maynila')} Dagdag.` },
      { name: 'b2.txt', text: `${long('Maynila')} Iba pa.` },
      { name: 'short.txt', text: 'Maikli.' },
    ];
    const skipping = { name: 'b-skip.txt', text: `${long('Maynila')} Wakas.`, near: 'skip' as const };
    /** Each archive: the first file alone, then the rest submitted together, then one to skip; `wait` each. */
    const run = async (parser: DocumentParser, wait: <T>(step: Promise<T>, skip?: string) => Promise<T>) => {
      const { db } = await migratedDb();
      const documents = new DocumentService(db, parser);
      const import1 = (f: { name: string; text: string }, near?: 'skip') =>
        documents.importFile({ name: f.name, bytes: utf8(f.text) }, { nearDuplicates: near });
      const outcomes = [await wait(import1({ name: 'a.txt', text: long('Maynila') }))];
      outcomes.push(...(await wait(Promise.all(files.map((f) => import1(f))))));
      outcomes.push(await wait(import1(skipping, 'skip'), skipping.name));
      const names = new Map((await documents.list()).map((d) => [d.id, d.originalName]));
      const prints = await db.all<{ name: string; signature: Uint8Array; bands: string | null }>(sql`
        SELECT d.original_name AS name, s.signature,
               (SELECT group_concat(band_key) FROM (SELECT band_key FROM dedup_bands b WHERE b.num = s.num
                ORDER BY band_key)) AS bands
        FROM dedup_signatures s JOIN documents d ON d.id = s.document_id ORDER BY s.num`);
      const hits = await db.all<{ name: string }>(sql`
        SELECT DISTINCT d.original_name AS name FROM search_fts f JOIN search_docs s ON s.num = f.rowid / 4194304
        JOIN documents d ON d.id = s.document_id WHERE search_fts MATCH 'Maynila' ORDER BY 1`);
      await db.close();
      const named = JSON.parse(
        JSON.stringify(outcomes, (key, value: unknown) =>
          ['id', 'existingId'].includes(key) && typeof value === 'string' ? names.get(value) : value,
        ).replace(/"importedAt":"[^"]*"/g, '"importedAt":""'),
      ) as unknown;
      return { named, prints, hits };
    };
    const expected = await run(new InlineParser(), (step) => step);
    // A file's fingerprint is held back until its commit has added its rows (written and indexed before the check);
    // the file that skips its near-duplicates gets its fingerprint before its write, as it needs it.
    const late = new LatePrints();
    const added = vi.spyOn(ImportBatch.prototype, 'addLater');
    try {
      const got = await run(late, async (step, skip) => {
        let done = false;
        void step.finally(() => (done = true)).catch(() => undefined);
        while (!done) {
          late.release([...added.mock.calls.map(([doc]) => doc.originalName), skip ?? null]);
          await new Promise(setImmediate);
        }
        return step;
      });
      expect(added.mock.calls.map(([doc]) => doc.originalName)).toEqual(['a.txt', ...files.map((f) => f.name)]);
      expect(got).toEqual(expected);
    } finally {
      added.mockRestore();
    }
    const outcomes = expected.named as ImportOutcome[];
    expect(outcomes.map((o) => o.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported',
      'skipped',
    ]);
    expect(outcomes[1]).not.toHaveProperty('nearDuplicates');
    expect(outcomes[2]).toMatchObject({ nearDuplicates: [{ id: 'a.txt' }] });
    expect((outcomes[3] as { nearDuplicates: Array<{ id: string }> }).nearDuplicates.map((d) => d.id).sort()).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(outcomes[5]).toMatchObject({ existingId: expect.stringMatching(/^(a|b|b2)\.txt$/) });
    expect(expected.prints).toHaveLength(5);
    expect(expected.hits.map((h) => h.name)).toEqual(['a.txt', 'b.txt', 'b2.txt']);
  });

  it('stores passages written together as a bound parameter would, lone surrogates included', async () => {
    const { db } = await migratedDb();
    const text = `Bukas\uD800 at \uDC00 \u0000 ngayon 😀 "sipi" \\ \u2028 wakas`;
    const doc = (id: string): NewDocument => ({
      id,
      title: 'T',
      lang: 'tl',
      source: null,
      author: null,
      publishedAt: null,
      fileCreatedAt: null,
      originalName: `${id}.txt`,
      mediaType: 'text/plain',
      contentHash: id,
      importedAt: '2026-01-01T00:00:00Z',
      text,
      passages: [{ id: `${id}-p`, kind: 'paragraph', text, start: 0, end: text.length, sentences: [[0, 5]], page: 3 }],
    });
    await db.transaction((tx) => insertDocuments(tx, [doc('d1'), doc('d2')]));
    const rows = await db.all<{ stored: string; bound: string; page: number; start_offset: number }>(sql`
      SELECT hex(${passageTextSql('p')}) AS stored, hex(${text}) AS bound, p.page, s.start_offset
      FROM passages p JOIN sentences s ON s.passage_id = p.id ORDER BY p.id`);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toEqual({ stored: r.bound, bound: r.bound, page: 3, start_offset: 0 });
    // The text is stored once: a passage keeps its own copy only past a character SQL would count differently.
    const plain = 'Isang talata lamang.';
    await db.transaction((tx) =>
      insertDocuments(tx, [
        {
          ...doc('d3'),
          text: `${plain}\n\n${plain}`,
          passages: [0, 1].map((i) => ({
            id: `d3-p${i}`,
            kind: 'paragraph' as const,
            text: plain,
            start: i * (plain.length + 2),
            end: i * (plain.length + 2) + plain.length,
            sentences: [],
            page: null,
          })),
        },
      ]),
    );
    expect(await db.all(sql`SELECT id, own_text FROM passages WHERE document_id = 'd3' ORDER BY id`)).toEqual([
      { id: 'd3-p0', own_text: null },
      { id: 'd3-p1', own_text: null },
    ]);
    expect((await readPassages(db, ['d3'])).map((p) => p.text)).toEqual([plain, plain]);
    await db.close();
  });
});
