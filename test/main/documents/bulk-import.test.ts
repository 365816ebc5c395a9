// Importing folders and lists of files: per-file transactions, progress, cancel, summary, originals,
// page numbers, and the job API the app polls.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { Archive } from '../../../main/archive/archive';
import { estimateSecondsLeft, importPaths } from '../../../main/documents/bulk-import';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import {
  deflatedInputOf,
  fingerprintOf,
  indexAnalysisOf,
  InlineParser,
  ParserPool,
  WorkerParser,
} from '../../../main/ingest/parser';
import { packOriginal } from '../../../main/documents/original-bytes';
import type { ImportJobStatus, ImportProgress } from '../../../shared/types';
import { makePdf, makeZip, sampleDocx, sampleEpub, samplePdf } from '../../helpers/make-documents';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);
const freshArchive = () => Archive.open(join(root, `a-${n++}.sqlite`));

/**
 * A folder like a researcher's: good files of every format, a subfolder, a broken PDF, a zip bomb, an image, a
 * duplicate.
 */
function mixedFolder(): string {
  const dir = join(root, `folder-${n++}`);
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, '01-ulat.pdf'), samplePdf());
  writeFileSync(join(dir, '02-sira.pdf'), utf8('%PDF-1.7\nthis is not really a pdf'));
  writeFileSync(join(dir, '03-vybory.docx'), sampleDocx());
  writeFileSync(
    join(dir, '04-bomba.epub'),
    makeZip({ 'META-INF/container.xml': '<container/>', 'zeros.xhtml': new Uint8Array(4 * 1024 * 1024) }, 6),
  );
  writeFileSync(join(dir, '05-larawan.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'sub', '06-aklat.epub'), sampleEpub());
  writeFileSync(join(dir, 'sub', 'deeper', '07-tala.md'), '# Mga tala\n\nSi Bako Sahakyan ay nanalo.');
  writeFileSync(join(dir, 'sub', 'deeper', '08-kopya.md'), '# Mga tala\n\nSi Bako Sahakyan ay nanalo.');
  writeFileSync(join(dir, 'sub', '09-walang-laman.txt'), '');
  return dir;
}

describe('bulk import', () => {
  it('imports a mixed folder file by file: one bad file never blocks the others', async () => {
    const archive = await freshArchive();
    const dir = mixedFolder();
    const progress: ImportProgress[] = [];
    const summary = await importPaths(archive.documents, [dir], { onProgress: (p) => progress.push(p) });

    expect(summary.imported.map((i) => i.file.slice(dir.length + 1))).toEqual([
      '01-ulat.pdf',
      '03-vybory.docx',
      'sub/06-aklat.epub',
      'sub/deeper/07-tala.md',
    ]);
    expect(summary.skipped).toEqual([
      { file: join(dir, '05-larawan.png'), reason: 'unsupported', message: '05-larawan.png: unsupported file type' },
      {
        file: join(dir, 'sub/deeper/08-kopya.md'),
        reason: 'duplicate',
        message: expect.stringContaining('already in the archive'),
        existingId: summary.imported[3].document.id,
      },
    ]);
    expect(summary.failed).toEqual(
      [
        { file: join(dir, '02-sira.pdf'), error: expect.stringMatching(/^02-sira\.pdf: this PDF/) },
        {
          file: join(dir, '04-bomba.epub'),
          error: '04-bomba.epub: this EPUB file looks like a zip bomb (an entry unpacks 1019 times larger)',
        },
        { file: join(dir, 'sub/09-walang-laman.txt'), error: '09-walang-laman.txt: the file is empty' },
      ].map((f) =>
        f.file.endsWith('bomba.epub')
          ? { ...f, error: expect.stringMatching(/^04-bomba\.epub: this EPUB file looks like a zip bomb/) }
          : f,
      ),
    );
    expect(summary.cancelled).toBe(false);
    expect((await archive.documents.list()).map((d) => d.mediaType).sort()).toEqual([
      'application/epub+zip',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/markdown',
    ]);

    // Progress: one report as each file starts, a final one; counts and bytes only grow; an estimate once a file is
    // done.
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({
      done: 8,
      total: 8,
      current: null,
      imported: 4,
      skipped: 2,
      failed: 3,
      secondsLeft: 0,
    });
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(progress[0]).toMatchObject({
      done: 0,
      total: 8,
      current: join(dir, '01-ulat.pdf'),
      bytesDone: 0,
      secondsLeft: null,
    });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
      expect(progress[i].bytesDone).toBeGreaterThanOrEqual(progress[i - 1].bytesDone);
    }
    expect(progress.slice(2, -1).every((p) => typeof p.secondsLeft === 'number')).toBe(true);
    await archive.close();
  });

  it('keeps page numbers and the original bytes of every imported file', async () => {
    const archive = await freshArchive();
    const pdf = samplePdf();
    const outcome = await archive.documents.importFile({ name: 'ulat.pdf', bytes: pdf });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const doc = await archive.documents.get(outcome.document.id);
    expect(doc.passages.map((p) => p.page)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    const original = await archive.documents.original(doc.id);
    expect(original).toEqual({ fileName: 'ulat.pdf', mediaType: 'application/pdf', data: pdf });
    expect(original.data).toBeInstanceOf(Uint8Array);

    const txt = await archive.documents.importFile({ name: '/somewhere/tala.txt', bytes: utf8('Isang talata.') });
    if (txt.status !== 'imported') throw new Error('not imported');
    expect((await archive.documents.get(txt.document.id)).passages[0].page).toBeNull();
    expect((await archive.documents.original(txt.document.id)).fileName).toBe('tala.txt');
    await expect(archive.documents.original('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Through the contract: bytes come back as bytes.
    const api = createApi(archive);
    const viaApi = await dispatch(api, 'documents.original', { id: doc.id });
    expect(viaApi).toEqual({ ok: true, value: { fileName: 'ulat.pdf', mediaType: 'application/pdf', data: pdf } });
    await archive.close();
  });

  it('cancel writes no file whose commit had not started, keeps what is done and reports exactly that', async () => {
    const archive = await freshArchive();
    const dir = join(root, `many-${n++}`);
    mkdirSync(dir);
    // More than are read and parsed ahead of the file being reported (512 small files: bulk-import.ts), and more than
    // the first file's commit and the two after it can hold (256 small files each: import-commits.ts), so a cancel
    // after the second file always leaves files unwritten, however the machine's load groups them.
    const count = 1000;
    for (let i = 0; i < count; i++)
      writeFileSync(join(dir, `tala-${String(i).padStart(3, '0')}.txt`), `Talata bilang ${i}: halalan noong 2012.`);
    const controller = new AbortController();
    const summary = await importPaths(archive.documents, [dir], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.failed).toEqual([]);
    const files = summary.imported.map((i) => i.file);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThan(count);
    // In order, with no gap: the files done are the first ones.
    expect(files).toEqual(files.map((_, i) => join(dir, `tala-${String(i).padStart(3, '0')}.txt`)));
    // What the summary says is what the archive holds, nothing more.
    expect((await archive.documents.list()).map((d) => d.id).sort()).toEqual(
      summary.imported.map((i) => i.document.id).sort(),
    );
    await archive.close();
  });

  it('runs as a job the app can poll and cancel; only doors with local file access may start one', async () => {
    const archive = await freshArchive();
    const dir = mixedFolder();
    const browser = createApi(archive);
    expect(await dispatch(browser, 'documents.importPaths', { paths: [dir] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const desktop = createApi(archive, 'ipc');
    const started = await dispatch(desktop, 'documents.importPaths', {
      paths: [dir, join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt')],
    });
    if (!started.ok) throw new Error(started.error.message);
    const job = started.value as ImportJobStatus;
    expect(job.state).toBe('running');
    let status = job;
    for (let i = 0; i < 600 && status.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const polled = await dispatch(desktop, 'jobs.status', { id: job.id });
      if (!polled.ok) throw new Error(polled.error.message);
      status = polled.value as ImportJobStatus;
    }
    expect(status.state).toBe('done');
    expect(status.progress).toMatchObject({ done: 9, total: 9 });
    expect(status.summary.imported).toHaveLength(5);
    expect(await dispatch(desktop, 'jobs.status', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const cancelled = await dispatch(desktop, 'jobs.cancel', { id: job.id });
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'done' } });

    // jobs.wait answers when the job is done (not at its time limit), or at the limit while it runs.
    const second = await dispatch(desktop, 'documents.importPaths', { paths: [join(SAMPLES_DIR)] });
    if (!second.ok) throw new Error(second.error.message);
    const secondId = (second.value as ImportJobStatus).id;
    const early = await dispatch(desktop, 'jobs.wait', { id: secondId, ms: 0 });
    expect(early).toMatchObject({ ok: true, value: { state: 'running' } });
    const waited = await dispatch(desktop, 'jobs.wait', { id: secondId, ms: 60_000 });
    expect(waited).toMatchObject({ ok: true, value: { state: 'done' } });
    expect((waited as { value: ImportJobStatus }).value.progress.done).toBeGreaterThan(0);
    expect(await dispatch(desktop, 'jobs.wait', { id: secondId, ms: 60_000 })).toMatchObject({
      ok: true,
      value: { state: 'done' },
    });
    await archive.close();
  });

  it('imports files with odd names (newline, bidi override, very long) and names them cleanly', async () => {
    const archive = await freshArchive();
    const dir = join(root, `odd-${n++}`);
    mkdirSync(dir);
    const names = [
      'line\nbreak.txt',
      'evil\u202Etxt.exe\u202C.md',
      `${'mahaba-'.repeat(30)}.txt`,
      'walang-laman\u200F.txt',
    ];
    names.forEach((name, i) =>
      writeFileSync(join(dir, name), i === 3 ? '' : `Talata ${i}: si Bako Sahakyan ay nanalo.`),
    );
    const summary = await importPaths(archive.documents, [dir]);
    expect(summary.imported.map((i) => i.document.originalName).sort()).toEqual([names[0], names[1], names[2]].sort());
    expect(summary.failed).toEqual([{ file: join(dir, names[3]), error: 'walang-laman.txt: the file is empty' }]);
    await archive.close();
  });

  it('estimates the time left from the rate so far', () => {
    expect(estimateSecondsLeft(0, { done: 0, total: 4, bytesDone: 0, bytesTotal: 100 })).toBeNull();
    expect(estimateSecondsLeft(10_000, { done: 1, total: 4, bytesDone: 25, bytesTotal: 100 })).toBe(30);
    expect(estimateSecondsLeft(10_000, { done: 1, total: 2, bytesDone: 0, bytesTotal: 0 })).toBe(10);
  });
});

describe('parse worker', () => {
  it('parses in a worker thread exactly as inline', async () => {
    const worker = new WorkerParser();
    try {
      for (const [name, bytes] of [
        ['a.pdf', samplePdf()],
        ['a.docx', sampleDocx()],
        ['a.epub', sampleEpub()],
        ['a.txt', utf8('Isang talata.')],
      ] as const) {
        const [inWorker, inline] = [
          await worker.parse({ name, bytes }),
          await new InlineParser().parse({ name, bytes }),
        ];
        expect(inWorker).toEqual(inline);
        // The fingerprint and the search analysis come after the document, the same as inline.
        const print = await fingerprintOf(inWorker);
        expect(print === null || print?.signature.length).toBeTruthy();
        expect(print).toEqual(await fingerprintOf(inline));
        expect(await indexAnalysisOf(inWorker)).toEqual(await indexAnalysisOf(inline));
      }
      await expect(worker.parse({ name: 'x.pdf', bytes: utf8('nope') })).rejects.toMatchObject({
        code: 'IMPORT_REJECTED',
        message: 'x.pdf: this is not a PDF file (no %PDF header)',
      });
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('deflates a small file as the archive stores it, so the main thread does not', async () => {
    const worker = new WorkerParser();
    try {
      const text = new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt')));
      const parsed = await worker.parse({ name: 'a.txt', bytes: text });
      const deflated = deflatedInputOf(parsed);
      expect(deflated).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(deflated!).equals(deflateRawSync(text, { level: 6 }))).toBe(true);
      expect((await packOriginal(text)).stored).toEqual(deflated);
      // Too short to be worth it: stored as it came. A large file is deflated on the main thread's pool, not here.
      expect(deflatedInputOf(await worker.parse({ name: 'b.txt', bytes: utf8('Isang talata.') }))).toBeNull();
      const large = new Uint8Array(Buffer.concat(Array.from({ length: 120 }, () => text)));
      expect(deflatedInputOf(await worker.parse({ name: 'c.txt', bytes: large }))).toBeUndefined();
      expect(deflatedInputOf(await new InlineParser().parse({ name: 'a.txt', bytes: text }))).toBeUndefined();
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('keeps the calling thread responsive while a long PDF is parsed', async () => {
    const pages = Array.from({ length: 60 }, (_, p) =>
      Array.from({ length: 40 }, (_, i) => ({
        text: `Linya ${i} ng pahina ${p}: ang halalan ay ginanap noong Hulyo 19, 2012.`,
        x: 72,
        y: 740 - i * 15,
      })),
    );
    const worker = new WorkerParser();
    try {
      await worker.parse({ name: 'warm.txt', bytes: utf8('Painit.') });
      let last = performance.now();
      let worst = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 10);
      const doc = await worker.parse({ name: 'mahaba.pdf', bytes: makePdf({ pages }) });
      clearInterval(timer);
      expect(doc.passages.at(-1)?.page).toBe(60);
      // Parsed inline, the same file would hold this thread for seconds; in the worker only messages reach it.
      expect(worst).toBeLessThan(1000);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('stops a file that takes too long and carries on with a fresh worker', async () => {
    let limit = 1;
    const worker = new WorkerParser({ timeoutMs: () => limit });
    try {
      await expect(worker.parse({ name: 'slow.pdf', bytes: samplePdf() })).rejects.toMatchObject({
        code: 'IMPORT_REJECTED',
        message: expect.stringMatching(/^slow\.pdf: reading this file took longer than/),
      });
      limit = 60_000;
      expect((await worker.parse({ name: 'next.txt', bytes: utf8('Susunod na talata.') })).passages).toHaveLength(1);
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('hands the worker the next file early; a file behind one that is stopped goes to the fresh worker', async () => {
    // samplePdf() is over 1 KB: it gets 1 ms; the short texts behind it, posted to the same worker before it was
    // stopped, go to the fresh worker.
    const worker = new WorkerParser({ timeoutMs: (bytes) => (bytes > 1024 ? 1 : 60_000) });
    try {
      const slow = worker.parse({ name: 'slow.pdf', bytes: samplePdf() });
      const next = worker.parse({ name: 'next.txt', bytes: utf8('Susunod na talata.') });
      const last = worker.parse({ name: 'last.txt', bytes: utf8('Huling talata. Isa pa.') });
      await expect(slow).rejects.toMatchObject({
        code: 'IMPORT_REJECTED',
        message: expect.stringMatching(/^slow\.pdf:/),
      });
      expect(await next).toEqual(
        await new InlineParser().parse({ name: 'next.txt', bytes: utf8('Susunod na talata.') }),
      );
      expect((await last).passages.map((p) => p.text)).toEqual(['Huling talata. Isa pa.']);
    } finally {
      await worker.close();
    }
  }, 60_000);
});

describe('parser pool', () => {
  const longPdf = () =>
    makePdf({
      pages: Array.from({ length: 12 }, (_, p) =>
        Array.from({ length: 40 }, (_, i) => ({ text: `Linya ${i} ng pahina ${p}.`, x: 72, y: 740 - i * 15 })),
      ),
    });

  it('parses files side by side on two workers and settles them in the order they came in', async () => {
    const pool = new ParserPool(2);
    try {
      const settled: string[] = [];
      const names = ['mahaba.pdf', 'maikli.txt', 'sira.pdf', 'a.docx', 'huli.txt'];
      const inputs = [
        { name: names[0], bytes: longPdf() },
        { name: names[1], bytes: utf8('Maikling talata.') },
        { name: names[2], bytes: utf8('nope') },
        { name: names[3], bytes: sampleDocx() },
        { name: names[4], bytes: utf8('Huling talata.') },
      ];
      const results = inputs.map((input) =>
        pool.parse(input).then(
          (doc) => (settled.push(input.name), doc),
          (err: unknown) => {
            settled.push(input.name);
            throw err;
          },
        ),
      );
      // The long PDF holds one worker; the short files go to the other meanwhile.
      expect(pool.busy).toBe(2);
      const outcomes = await Promise.allSettled(results);
      expect(settled).toEqual(names);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'IMPORT_REJECTED' });
      for (const [i, o] of outcomes.entries())
        if (o.status === 'fulfilled') expect(o.value).toEqual(await new InlineParser().parse(inputs[i]));
      expect(pool.busy).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('starts its first worker when told files are coming, and parses with it', async () => {
    const pool = new ParserPool(2);
    try {
      expect(pool.started).toBe(0);
      pool.warm();
      pool.warm();
      expect(pool.started).toBe(1);
      const doc = await pool.parse({ name: 'a.txt', bytes: utf8('Isang talata tungkol sa bayan.') });
      expect(doc).toEqual(
        await new InlineParser().parse({ name: 'a.txt', bytes: utf8('Isang talata tungkol sa bayan.') }),
      );
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
    }
    expect(pool.started).toBe(0);
    pool.warm(); // closed: starts nothing
    expect(pool.started).toBe(0);
  }, 60_000);

  it('a parse started ahead is taken by the same input only; another input drops it, parsed itself', async () => {
    const pool = new ParserPool(2);
    const text = utf8('Unang talata.\n\nIkalawang talata tungkol sa bayan.');
    try {
      pool.parseAhead({ name: 'a.txt', bytes: text, lang: 'tl' });
      expect(pool.busy).toBe(1);
      expect(pool.aheadUntaken()).toBe(true);
      // The same name, language and bytes (another copy of them): no second parse.
      const taken = pool.parse({ name: 'a.txt', bytes: text.slice(), lang: 'tl' });
      expect(pool.busy).toBe(1);
      expect(pool.aheadUntaken()).toBe(false);
      expect(await taken).toEqual(await new InlineParser().parse({ name: 'a.txt', bytes: text, lang: 'tl' }));
      expect(await indexAnalysisOf(await taken)).toBeDefined();

      // Another language, another name or other bytes: parsed on their own, the parse ahead thrown away.
      for (const other of [
        { name: 'a.txt', bytes: text },
        { name: 'b.txt', bytes: text, lang: 'tl' },
        { name: 'a.txt', bytes: utf8('Ibang talata.'), lang: 'tl' },
      ]) {
        pool.parseAhead({ name: 'a.txt', bytes: text, lang: 'tl' });
        const doc = await pool.parse(other);
        expect(pool.aheadUntaken()).toBe(true);
        expect(doc).toEqual(await new InlineParser().parse(other));
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('uses one worker for one file at a time', async () => {
    const pool = new ParserPool(2);
    try {
      const first = pool.parse({ name: 'a.txt', bytes: utf8('Isa.') });
      expect(pool.busy).toBe(1);
      await first;
      await pool.parse({ name: 'b.txt', bytes: utf8('Dalawa.') });
      expect(pool.busy).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('schema v4', () => {
  it('adds passages.page and the originals table', async () => {
    const archive = await freshArchive();
    const file = archive.path;
    await archive.close();
    const db = await Database.open(file);
    const columns = (await db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('passages')`)).map(
      (c) => c.name,
    );
    expect(columns).toContain('page');
    const originals = (await db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('originals')`)).map(
      (c) => c.name,
    );
    expect(originals).toEqual(['document_id', 'file_name', 'media_type', 'size', 'data', 'compression']);
    await db.close();
  });
});
