// `tala import DIR` on a terminal: a live status line on stderr, the usual report (or JSON) at the end.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { archiveFileIn } from '../../../main/archive/paths';
import { progressLine } from '../../../main/cli/format';
import { runCli } from '../../../main/cli/run';
import { worthMerging } from '../../../main/search/index-merge';
import { samplePdf, sampleDocx } from '../../helpers/make-documents';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

describe('tala import with progress', () => {
  it('formats the status line with counts, share, file and time left', () => {
    const base = { total: 40, bytesDone: 30, bytesTotal: 100, imported: 0, skipped: 0, failed: 0 };
    expect(progressLine({ ...base, done: 11, current: '/x/file.pdf', secondsLeft: 20 })).toBe(
      '[12/40] 30% file.pdf — about 20 s left',
    );
    expect(progressLine({ ...base, done: 11, current: '/x/file.pdf', secondsLeft: 150 })).toBe(
      '[12/40] 30% file.pdf — about 3 min left',
    );
    expect(progressLine({ ...base, done: 0, current: '/x/a\nb\u202Ec.txt', secondsLeft: null, bytesDone: 0 })).toBe(
      '[1/40] 0% a b\\u202ec.txt',
    );
    expect(progressLine({ ...base, done: 40, current: null, secondsLeft: 0, bytesDone: 100 })).toBe(
      '[40/40] 100% done',
    );
  });

  it('updates the status line per file and prints the summary', async () => {
    const folder = join(dir, 'docs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.pdf'), samplePdf());
    writeFileSync(join(folder, 'b.docx'), sampleDocx());
    writeFileSync(join(folder, 'c.epub'), 'not an epub');
    const status: string[] = [];
    let out = '';
    const code = await runCli(['--archive', join(dir, 'archive'), 'import', folder], {
      out: (t) => void (out += `${t}\n`),
      err: () => undefined,
      status: (t) => void status.push(t),
    });
    expect(code).toBe(1);
    expect(status).toContain('[1/3] 0% a.pdf');
    expect(status.some((s) => /^\[3\/3\] \d+% c\.epub — about \d+ s left$/.test(s))).toBe(true);
    expect(status[status.length - 1]).toBe('');
    expect(out).toMatch(/2 imported, 0 skipped, 1 failed\n$/);
    expect(out).toContain('failed    c.epub: this EPUB file is damaged or not in EPUB format (no zip signature)');

    // --json: no status line at all, the documented shape.
    const quiet: string[] = [];
    let json = '';
    await runCli(['--archive', join(dir, 'archive'), 'import', folder, '--json'], {
      out: (t) => void (json += t),
      err: () => undefined,
      status: (t) => void quiet.push(t),
    });
    expect(quiet).toEqual([]);
    expect(Object.keys(JSON.parse(json))).toEqual(['imported', 'skipped', 'failed']);
  }, 60_000);

  it('merges the search index before it exits (import, reindex), on the status line, when worth it', async () => {
    const archiveDir = join(dir, 'merged');
    const words = ['halalan', 'bayan', 'pamahalaan', 'ulat', 'balita', 'lungsod', 'tao', 'araw', 'gabi', 'dagat'];
    const folder = (name: string, from: number) => {
      const at = join(dir, name);
      mkdirSync(at);
      for (let i = from; i < from + 20; i++)
        writeFileSync(
          join(at, `ulat-${i}.txt`),
          Array.from(
            { length: 40 },
            (_, j) => `${words[(i + j) % 10]} ${words[(i * j) % 10]} salita${i * 40 + j}.`,
          ).join('\n\n'),
        );
      return at;
    };
    const shape = async () => {
      const archive = await Archive.open(archiveFileIn(archiveDir), { search: 'inline' });
      const found = await archive.searchIndexShape();
      await archive.close();
      return found;
    };
    const segments = async () => (await shape())?.segments;
    const freeBytes = async () => {
      const archive = await Archive.open(archiveFileIn(archiveDir), { search: 'inline' });
      const space = await archive.space();
      await archive.close();
      expect(space.autoVacuum).toBe('incremental');
      return space.freeBytes;
    };
    const run = async (from: string) => {
      const status: string[] = [];
      const code = await runCli(['--archive', archiveDir, 'import', from], {
        out: () => undefined,
        err: () => undefined,
        status: (t) => void status.push(t),
      });
      expect(code).toBe(0);
      return status;
    };
    await run(folder('first', 0));
    // A segment per commit (the first file alone, then the others together, as they came): a small one beside a
    // larger one is not worth a rewrite (index-merge.ts), so one or a few are left, never a shape worth merging.
    expect(worthMerging((await shape())!)).toBe(false);
    // A second import as big as the first adds a segment worth merging: done before the command returns.
    const status = await run(folder('second', 20));
    expect(status.some((s) => /^Merging the search index… \d+%$/.test(s))).toBe(true);
    expect(status[status.length - 1]).toBe('');
    expect(await segments()).toBe(1);
    // The merged-away segments' pages are given back before the command returns, not left free inside the file.
    expect(await freeBytes()).toBe(0);

    // A reindex replaces every row (the old ones become deleted rows in the index): merged away before it returns.
    const reindexed = await runCli(['--archive', archiveDir, 'reindex', '--json'], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(reindexed).toBe(0);
    expect(await shape()).toMatchObject({ segments: 1, deletedRows: 0 });
    expect(await freeBytes()).toBe(0);
  }, 60_000);
});

describe('tala original', () => {
  it('writes the original file of a document, never over an existing file', async () => {
    const archive = join(dir, 'archive-original');
    const pdf = samplePdf();
    const source = join(dir, 'ulat.pdf');
    writeFileSync(source, pdf);
    let out = '';
    await runCli(['--archive', archive, 'import', source, '--json'], {
      out: (t) => void (out += t),
      err: () => undefined,
    });
    const [doc] = JSON.parse(out).imported as Array<{ id: string }>;
    const target = join(dir, 'copy.pdf');
    let report = '';
    let errors = '';
    const io = { out: (t: string) => void (report += t), err: (t: string) => void (errors += t) };
    expect(await runCli(['--archive', archive, 'original', doc.id, '--out', target, '--json'], io)).toBe(0);
    expect(JSON.parse(report)).toEqual({
      file: target,
      fileName: 'ulat.pdf',
      mediaType: 'application/pdf',
      bytes: pdf.byteLength,
    });
    expect(new Uint8Array(readFileSync(target))).toEqual(pdf);
    expect(await runCli(['--archive', archive, 'original', doc.id, '--out', target], io)).toBe(1);
    expect(errors).toContain('EEXIST');
  }, 60_000);
});
