// The search index kept merged (main/search/index-merge.ts), on real archive files with their real FTS5 index:
// imports leave several segments, the merge leaves one and the same answers, writes go between its steps, a close
// stops it cleanly, and a read-only archive is left alone.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import {
  indexShape,
  mergeSearchIndex,
  parseStructure,
  worthMerging,
  type IndexShape,
} from '../../../main/search/index-merge';
import { tempDir } from '../../helpers/temp';

const WORDS = ['halalan', 'bayan', 'pamahalaan', 'ulat', 'balita', 'lungsod', 'tao', 'araw', 'gabi', 'dagat'];

/** Distinct generated Tagalog-looking prose (~`size` characters), with a few words of its own per file. */
function text(seed: number, size = 12_000): string {
  let x = seed * 7919 + 1;
  const next = () => ((x = (x * 48271) % 2147483647), x);
  const paragraphs: string[] = [`Ulat ${seed}`];
  while (paragraphs.join('\n\n').length < size) {
    const sentence = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join(' ');
    paragraphs.push(`${sentence[0].toUpperCase()}${sentence.slice(1)} salita${next() % 997}. ${sentence} ${seed}.`);
  }
  return paragraphs.join('\n\n');
}

/** Imports `count` files one commit each (each commit adds a segment to the index). */
async function importEach(archive: Archive, from: number, count: number, size?: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const outcome = await archive.documents.importFile({
      name: `ulat-${i}.txt`,
      bytes: new TextEncoder().encode(text(i, size)),
      lang: 'tl',
    });
    if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
    ids.push(outcome.document.id);
  }
  return ids;
}

const QUERIES = ['halalan', '"bayan pamahalaan"', 'lungs*', '+balita +dagat', 'salita5*', 'ulat 7'];

/** Every answer of the queries, all of it but the time it took. */
async function answers(archive: Archive): Promise<string> {
  const all = [];
  for (const query of QUERIES) {
    const { tookMs: _took, ...result } = await archive.search.query({ query, limit: 50 });
    all.push(result);
  }
  return JSON.stringify(all);
}

async function segmentIds(file: string): Promise<number> {
  const db = await Database.open(file, { readOnly: true });
  try {
    return (await db.get<{ n: number }>(sql`SELECT count(DISTINCT segid) AS n FROM search_fts_idx`))!.n;
  } finally {
    await db.close();
  }
}

describe('the search index kept merged', () => {
  it('reads FTS5 structure records as FTS5 wrote them, and judges when a full merge is worth it', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    await importEach(archive, 0, 6, 3000);
    const shape = (await archive.searchIndexShape())!;
    await archive.close();
    // The segments the structure record lists are those FTS5's own segment index holds.
    expect(shape.segments).toBeGreaterThan(1);
    expect(shape.segments).toBe(await segmentIds(file));
    expect(shape.rows).toBeGreaterThan(0);
    expect(shape.largest).toBeLessThanOrEqual(shape.pages);

    const big: IndexShape = { segments: 1, pages: 10_000, largest: 10_000, rows: 1000, deletedRows: 0, merging: false };
    expect(worthMerging(big)).toBe(false);
    // New segments worth under a quarter of the largest: not yet (the write amplification bound)…
    expect(worthMerging({ ...big, segments: 4, pages: 12_000 })).toBe(false);
    // …a quarter or more: yes; so do many segments however small, and many deleted rows.
    expect(worthMerging({ ...big, segments: 4, pages: 12_500 })).toBe(true);
    expect(worthMerging({ ...big, segments: 8, pages: 10_010 })).toBe(true);
    expect(worthMerging({ ...big, deletedRows: 250 })).toBe(true);
    expect(worthMerging({ ...big, deletedRows: 10 })).toBe(false);
    // A record it cannot read is no shape at all (never a guess).
    expect(parseStructure(new Uint8Array([0, 0, 0, 1, 0xff, 0, 0, 1, 5]))).toBeUndefined();
  });

  it('after imports the index has several segments; the background merge leaves one, same answers', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    await importEach(archive, 0, 12);
    const before = (await archive.searchIndexShape())!;
    expect(before.segments).toBeGreaterThan(1);
    const answered = await answers(archive);
    expect(answered).toContain('halalan');

    // The imports scheduled the merge (once they went quiet); this starts it now and waits for it.
    await archive.searchIndexMerged();
    const after = (await archive.searchIndexShape())!;
    expect(after.segments).toBe(1);
    expect(after.rows).toBe(before.rows - before.deletedRows);
    expect(await answers(archive)).toBe(answered);
    // Nothing more to do: a second merge runs no step.
    expect((await archive.mergeSearchIndex())?.steps).toBe(0);
    await archive.close();

    const reopened = await Archive.open(file, { search: 'inline' });
    expect(await answers(reopened)).toBe(answered);
    await reopened.close();
  });

  // FTS5 writes its pending rows out as a segment at every statement of a transaction, and whenever they pass its hash
  // size: an import's rows go in as few statements as they can, with a hash size of 8 MB (migration 0016).
  it("a long document's import leaves one segment, nothing to merge", async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    // ~1.5 MB: 6,000 paragraphs (text() builds its text by joining again at every paragraph: too slow at this size).
    const paragraphs = Array.from({ length: 6000 }, (_, i) => text(i, 200).split('\n\n')[1]);
    const outcome = await archive.documents.importFile({
      name: 'mahaba.txt',
      bytes: new TextEncoder().encode(paragraphs.join('\n\n')),
      lang: 'tl',
    });
    if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
    const id = outcome.document.id;
    const passages = (await archive.documents.get(id)).passages.length;
    expect(passages).toBe(6000); // the rows of twenty statements of the documents analysed here
    const shape = (await archive.searchIndexShape())!;
    expect(shape.segments).toBe(1);
    expect(shape.rows).toBe(passages);
    expect((await archive.mergeSearchIndex())?.steps).toBe(0);
    expect((await archive.search.query({ query: 'salita5*', limit: 5 })).total).toBeGreaterThan(0);
    await archive.close();
    const db = await Database.open(file, { readOnly: true });
    const config = await db.get<{ v: number }>(sql`SELECT v FROM search_fts_config WHERE k = 'hashsize'`);
    await db.close();
    expect(config?.v).toBe(8 * 1024 * 1024);
  });

  it('a write queued during the merge is committed between two of its steps', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    const [first] = await importEach(archive, 0, 12);
    const shape = (await archive.searchIndexShape())!;
    const stepPages = 2;
    expect(shape.pages / stepPages).toBeGreaterThan(10); // enough steps for a write to fall between two

    const events: string[] = [];
    let firstStep: () => void = () => undefined;
    const stepped = new Promise<void>((resolve) => (firstStep = resolve));
    const merged = archive.mergeSearchIndex({
      stepPages,
      onProgress: (p) => {
        if (p.pages === 0) return;
        events.push('step');
        firstStep();
      },
    });
    await stepped;
    // An edit queued while the merge is under way: it waits for the step in progress, not for the whole merge.
    const edited = archive.documents
      .updateMeta(first, { title: 'Ulat tungkol sa halalan' })
      .then(() => void events.push('edit'));
    const report = await merged;
    await edited;
    expect(report?.after).toBe(1);
    const at = events.indexOf('edit');
    expect(at).toBeGreaterThan(0);
    expect(events.slice(at + 1)).toContain('step'); // the merge went on after the edit committed
    expect((await archive.documents.get(first)).title).toBe('Ulat tungkol sa halalan');
    expect((await archive.search.query({ query: 'tungkol' })).total).toBeGreaterThan(0);
    await archive.close();
  });

  it('a close mid-merge stops it between two steps; the archive reopens sound and merges later', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    let archive = await Archive.open(file, { search: 'inline' });
    await importEach(archive, 0, 12, 40_000);
    const answered = await answers(archive);
    const before = (await archive.searchIndexShape())!;
    expect(before.pages).toBeGreaterThan(40);

    let firstStep: () => void = () => undefined;
    const stepped = new Promise<void>((resolve) => (firstStep = resolve));
    let steps = 0;
    const merging = archive.mergeSearchIndex({
      stepPages: 1,
      onProgress: (p) => {
        if (p.pages > 0 && ++steps === 1) firstStep();
      },
    });
    await stepped;
    await archive.close();
    // Stopped, not finished: the close did not wait for the rest of the merge.
    expect(await merging).toBeUndefined();

    archive = await Archive.open(file, { search: 'inline' });
    expect((await archive.searchIndexShape())!.segments).toBeGreaterThan(1); // left unfinished
    const db = await Database.open(file, { readOnly: true });
    expect(await db.all(sql`PRAGMA quick_check`)).toEqual([{ quick_check: 'ok' }]);
    await db.close();
    expect(await answers(archive)).toBe(answered);
    const report = await archive.mergeSearchIndex();
    expect(report?.after).toBe(1);
    expect(await answers(archive)).toBe(answered);
    await archive.close();
    const check = await Database.open(file);
    // FTS5's own check of its index: throws if a segment or the structure is inconsistent.
    await check.run(sql`INSERT INTO search_fts (search_fts) VALUES ('integrity-check')`);
    await check.close();
  });

  it("the archive's full integrity check, on a connection kept open across the merge, finds it sound", async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    await importEach(archive, 0, 12, 3000);
    expect((await archive.backups.health()).integrity).toBe('ok'); // its connection reads the index as it is now
    expect((await archive.mergeSearchIndex({ stepPages: 1 }))?.after).toBe(1);
    // FTS5 checks its index too (PRAGMA integrity_check): not against the segments the merge removed.
    expect((await archive.backups.health()).integrity).toBe('ok');
    await archive.close();
  });

  it('a read-only archive, and a closed one, are left as they are', async () => {
    const file = join(tempDir(), 'archive.sqlite');
    const archive = await Archive.open(file, { search: 'inline' });
    await importEach(archive, 0, 8, 3000);
    await archive.close();
    const segments = await segmentIds(file);
    expect(segments).toBeGreaterThan(1);
    const bytes = statSync(file).size;

    const readOnly = await Database.open(file, { readOnly: true, readOnlyReason: 'a test' });
    expect(await mergeSearchIndex(readOnly, { always: true })).toBeUndefined();
    expect((await indexShape(readOnly))?.segments).toBe(segments);
    await readOnly.close();

    const closed = await Database.open(file);
    await closed.close();
    expect(await mergeSearchIndex(closed, { always: true })).toBeUndefined();
    expect(await segmentIds(file)).toBe(segments);
    expect(statSync(file).size).toBe(bytes);
  });
});
