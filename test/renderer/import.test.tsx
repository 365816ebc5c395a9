// @vitest-environment happy-dom
// Import of many files: the time-left estimate, the summary grouping, the panel, the import hook (files sent in
// batches, a bounded number of requests in flight, each file's own outcome in queue order, cancel, a main-process
// folder job), folders read from a drop, page marks, original file.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { ImportPanel } from '../../renderer/src/components/ImportPanel';
import { Reader } from '../../renderer/src/components/Reader';
import { firstOnPage } from '../../renderer/src/components/reader/PageMark';
import {
  emptyProgress,
  pickedFolderPath,
  UPLOAD_BATCH_BYTES,
  UPLOAD_BATCH_FILES,
  UPLOAD_BATCHES_IN_FLIGHT,
  UPLOAD_BYTES_IN_FLIGHT,
  useImport,
  type ImportState,
} from '../../renderer/src/hooks/useImport';
import { isAccepted, isHiddenPath, pickedFiles, takeDrop } from '../../renderer/src/lib/import-files';
import {
  estimateSecondsLeft,
  formatTimeLeft,
  groupSummary,
  reasonOnly,
  summaryLine,
} from '../../renderer/src/lib/import-progress';
import { batchFileLimit, filesInFirstRequests } from '../../renderer/src/lib/upload-window';
import { CHANNELS, type Requests, type TalaApi } from '../../shared/contract';
import { AppError, toErrorInfo, type Result } from '../../shared/errors';
import type {
  DocumentDetail,
  DocumentSummary,
  ImportJobStatus,
  ImportOutcome,
  ImportSummary,
  Passage,
} from '../../shared/types';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
  delete (window as { talaIpc?: unknown }).talaIpc;
});

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function summaryDoc(n: number, title: string): DocumentSummary {
  return {
    id: ID(n),
    title,
    lang: 'tl',
    source: null,
    author: null,
    publishedAt: null,
    fileCreatedAt: null,
    originalName: `${title}.txt`,
    mediaType: 'text/plain',
    contentHash: `h${n}`,
    importedAt: '2026-11-27T19:00:00.000Z',
    tags: [],
    version: 1,
    passages: 1,
  };
}

function fakeApi(overrides: Partial<TalaApi>): TalaApi {
  const unimplemented = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new AppError('INTERNAL', `fake API: ${channel} not implemented`);
      },
    ]),
  );
  return { ...unimplemented, ...overrides } as TalaApi;
}

/** A fake documents.importBatch that imports each file with `one` (all at once), each with its own outcome. */
function perFile(
  one: (file: { name: string; data: Uint8Array }) => Promise<ImportOutcome>,
): TalaApi['documents.importBatch'] {
  return ({ files }: Requests['documents.importBatch']) =>
    Promise.all(
      files.map((file) =>
        one(file).then(
          (value): Result<ImportOutcome> => ({ ok: true, value }),
          (err: unknown): Result<ImportOutcome> => ({ ok: false, error: toErrorInfo(err) }),
        ),
      ),
    );
}

describe('time left', () => {
  it('has no estimate before a file is done', () => {
    expect(estimateSecondsLeft(5000, { done: 0, total: 10, bytesDone: 0, bytesTotal: 1000 })).toBeNull();
    expect(estimateSecondsLeft(0, { done: 1, total: 10, bytesDone: 100, bytesTotal: 1000 })).toBeNull();
    expect(formatTimeLeft(null)).toBe('estimating time left…');
  });

  it('extrapolates the running average by bytes when the files have sizes', () => {
    // A quarter of the bytes in 10 s: 30 s to go, whatever the file count says.
    expect(estimateSecondsLeft(10_000, { done: 3, total: 4, bytesDone: 250, bytesTotal: 1000 })).toBeCloseTo(30);
    // Small files first, then one big file: the bytes show most of the work is still ahead.
    expect(estimateSecondsLeft(2000, { done: 9, total: 10, bytesDone: 900, bytesTotal: 100_900 })).toBeGreaterThan(200);
  });

  it('falls back to the file count when the sizes are unknown or zero', () => {
    expect(estimateSecondsLeft(6000, { done: 2, total: 8, bytesDone: 0, bytesTotal: 0 })).toBeCloseTo(18);
    expect(estimateSecondsLeft(6000, { done: 2, total: 8, bytesDone: 0, bytesTotal: 500 })).toBeCloseTo(18);
  });

  it('is zero when every file is done', () => {
    expect(estimateSecondsLeft(6000, { done: 8, total: 8, bytesDone: 10, bytesTotal: 10 })).toBe(0);
  });

  it('reads as rounded, calm words', () => {
    expect(formatTimeLeft(0)).toBe('a few seconds left');
    expect(formatTimeLeft(4.2)).toBe('a few seconds left');
    expect(formatTimeLeft(7)).toBe('about 5 s left');
    expect(formatTimeLeft(43)).toBe('about 45 s left');
    expect(formatTimeLeft(59)).toBe('about 60 s left');
    expect(formatTimeLeft(130)).toBe('about 2 min left');
    expect(formatTimeLeft(3 * 3600 + 20 * 60)).toBe('about 3 h 20 min left');
  });
});

const SUMMARY: ImportSummary = {
  imported: [
    { file: 'a.txt', document: summaryDoc(1, 'Ulat A') },
    { file: 'sub/b.md', document: summaryDoc(2, 'Ulat B') },
  ],
  skipped: [
    {
      file: 'notes.xyz',
      reason: 'unsupported',
      message: 'notes.xyz: unsupported file type “.xyz” (Tala imports .txt, .md, .html, .pdf, .docx and .epub files)',
    },
    {
      file: 'copy.txt',
      reason: 'duplicate',
      message: 'copy.txt: the same content is already in the archive',
      existingId: ID(1),
    },
  ],
  failed: [{ file: 'sub/empty.txt', error: 'empty.txt: the file is empty' }],
  cancelled: false,
};

describe('import summary grouping', () => {
  it('groups imported, skipped (duplicates first) and failed, with the reason per file', () => {
    const groups = groupSummary(SUMMARY);
    expect(groups.map((g) => [g.kind, g.rows.length])).toEqual([
      ['imported', 2],
      ['skipped', 2],
      ['failed', 1],
    ]);
    expect(groups[0].rows.map((r) => [r.file, r.documentId, r.title])).toEqual([
      ['a.txt', ID(1), 'Ulat A'],
      ['sub/b.md', ID(2), 'Ulat B'],
    ]);
    const [dup, unsupported] = groups[1].rows;
    expect(dup).toMatchObject({
      file: 'copy.txt',
      reason: 'duplicate',
      documentId: ID(1),
      message: 'The same content is already in the archive',
    });
    expect(unsupported).toMatchObject({ file: 'notes.xyz', reason: 'unsupported', documentId: null });
    expect(unsupported.message).toMatch(/^Unsupported file type “\.xyz”/);
    // The name the archive puts in front of its message is not repeated (the row shows it).
    expect(groups[2].rows[0]).toMatchObject({ file: 'sub/empty.txt', message: 'The file is empty' });
  });

  it('leaves out empty groups and always says "already in the archive" for duplicates', () => {
    const groups = groupSummary({
      imported: [],
      skipped: [{ file: 'x.txt', reason: 'duplicate', message: 'seen before', existingId: ID(3) }],
      failed: [],
      cancelled: false,
    });
    expect(groups.map((g) => g.kind)).toEqual(['skipped']);
    expect(groups[0].rows[0].message).toBe('Already in the archive (Seen before)');
    expect(groupSummary({ imported: [], skipped: [], failed: [], cancelled: false })).toEqual([]);
  });

  it('strips the file name or its base name, and nothing else', () => {
    expect(reasonOnly('dir/a.pdf', 'a.pdf: no text layer; OCR is not available')).toBe(
      'No text layer; OCR is not available',
    );
    expect(reasonOnly('dir/a.pdf', 'dir/a.pdf: no such file or folder')).toBe('No such file or folder');
    expect(reasonOnly('a.pdf', 'Lost connection to Tala.')).toBe('Lost connection to Tala.');
  });

  it('says what happened in one line, and how far a cancelled import got', () => {
    expect(summaryLine(SUMMARY, 3)).toBe('2 imported · 2 skipped · 1 failed');
    expect(summaryLine({ imported: SUMMARY.imported, skipped: [], failed: [], cancelled: false }, 2)).toBe(
      '2 imported',
    );
    expect(summaryLine({ ...SUMMARY, skipped: [], failed: [], cancelled: true }, 40)).toBe(
      'Cancelled: 2 of 40 imported',
    );
    expect(summaryLine({ ...SUMMARY, cancelled: true }, 40)).toBe('Cancelled: 2 of 40 imported · 2 skipped · 1 failed');
  });
});

describe('import panel', () => {
  it('shows counts, bytes, time left and the current file while importing; Cancel stops', async () => {
    const onCancel = vi.fn();
    const progress = {
      ...emptyProgress(),
      done: 12,
      total: 40,
      current: 'reports/ulat-13.pdf',
      bytesDone: 1200 * 1024,
      bytesTotal: 4 * 1024 * 1024,
      secondsLeft: 31,
      imported: 11,
      failed: 1,
    };
    view = await render(
      <ImportPanel
        phase="running"
        progress={progress}
        summary={{ imported: [], skipped: [], failed: [], cancelled: false }}
        onCancel={onCancel}
        onDismiss={() => undefined}
      />,
    );
    expect(byTestId(view.container, 'import-count')[0].textContent).toBe('12 of 40');
    expect(byTestId(view.container, 'import-bytes')[0].textContent).toBe('1.2 MB of 4.0 MB');
    expect(byTestId(view.container, 'import-eta')[0].textContent).toBe('about 30 s left');
    expect(byTestId(view.container, 'import-current')[0].textContent).toBe('Reading reports/ulat-13.pdf');
    expect(byTestId(view.container, 'import-tally')[0].textContent).toBe('11 imported · 1 failed');
    const bar = view.container.querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['12', '40']);
    expect(byTestId(view.container, 'import-dismiss')).toHaveLength(0);
    await act(async () => byTestId(view!.container, 'import-cancel')[0].click());
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('lists every file at the end, grouped and collapsible, with links to the new documents', async () => {
    const progress = { ...emptyProgress(), done: 3, total: 3 };
    view = await render(
      <ImportPanel
        phase="finished"
        progress={progress}
        summary={SUMMARY}
        onCancel={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    expect(byTestId(view.container, 'import-summary')[0].textContent).toBe('2 imported · 2 skipped · 1 failed');
    const groups = byTestId(view.container, 'import-group');
    // The files that need attention are in view; the imported ones start collapsed beside them.
    expect(groups.map((g) => [g.dataset.kind, g.tagName, (g as HTMLDetailsElement).open])).toEqual([
      ['imported', 'DETAILS', false],
      ['skipped', 'DETAILS', true],
      ['failed', 'DETAILS', true],
    ]);
    expect(byTestId(view.container, 'import-bar')).toHaveLength(0);
    expect(byTestId(view.container, 'import-not-reached')).toHaveLength(0);
    const rows = byTestId(view.container, 'import-item');
    expect(rows.map((r) => [r.dataset.status, r.querySelector('[data-testid="import-file"]')?.textContent])).toEqual([
      ['imported', 'a.txt'],
      ['imported', 'sub/b.md'],
      ['skipped', 'copy.txt'],
      ['skipped', 'notes.xyz'],
      ['failed', 'sub/empty.txt'],
    ]);
    expect(
      Array.from(view.container.querySelectorAll('a[data-testid="import-open"]'), (a) => [
        a.textContent,
        a.getAttribute('href'),
      ]),
    ).toEqual([
      ['Open', `#/doc/${ID(1)}`],
      ['Open', `#/doc/${ID(2)}`],
      ['Open existing', `#/doc/${ID(1)}`],
    ]);
    expect(rows[2].textContent).toContain('already in the archive');
    expect(rows[4].textContent).toContain('The file is empty');
  });

  it('opens a short list of imported files when nothing else needs attention', async () => {
    const summary = { ...SUMMARY, skipped: [], failed: [] };
    view = await render(
      <ImportPanel
        phase="finished"
        progress={{ ...emptyProgress(), done: 2, total: 2 }}
        summary={summary}
        onCancel={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    expect(byTestId(view.container, 'import-group').map((g) => (g as HTMLDetailsElement).open)).toEqual([true]);
  });

  it('says how far a cancelled import got and how to continue', async () => {
    const summary = { ...SUMMARY, skipped: [], failed: [], cancelled: true };
    view = await render(
      <ImportPanel
        phase="finished"
        progress={{ ...emptyProgress(), done: 2, total: 40 }}
        summary={summary}
        onCancel={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    expect(byTestId(view.container, 'import-panel')[0].querySelector('h2')?.textContent).toBe('Import cancelled');
    expect(byTestId(view.container, 'import-summary')[0].textContent).toBe('Cancelled: 2 of 40 imported');
    expect(byTestId(view.container, 'import-bar')[0].getAttribute('aria-valuenow')).toBe('2');
    expect(byTestId(view.container, 'import-not-reached')[0].textContent).toBe(
      '38 files were not read. Import them again to continue: files already in the archive are skipped.',
    );
  });

  it('starts a long list of imported files collapsed', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ file: `f${i}.txt`, document: summaryDoc(i + 1, `F ${i}`) }));
    view = await render(
      <ImportPanel
        phase="finished"
        progress={{ ...emptyProgress(), done: 30, total: 30 }}
        summary={{ imported: many, skipped: [], failed: [], cancelled: false }}
        onCancel={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    const group = byTestId(view.container, 'import-group')[0] as HTMLDetailsElement;
    expect(group.open).toBe(false);
    expect(byTestId(view.container, 'import-group-count')[0].textContent).toBe('30');
  });
});

/** Renders useImport in a component and hands out its latest state. */
async function mountImporter(
  api: TalaApi,
): Promise<{ state: () => ImportState; onImported: ReturnType<typeof vi.fn> }> {
  let latest: ImportState | null = null;
  const onImported = vi.fn();
  function Probe() {
    latest = useImport(onImported);
    return null;
  }
  view = await render(
    <ApiProvider api={api}>
      <Probe />
    </ApiProvider>,
  );
  return { state: () => latest!, onImported };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return;
    await flush(1);
    await act(async () => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('useImport', () => {
  it('uploads files, skips unsupported types without uploading, and reports each outcome in queue order', async () => {
    const calls: string[] = [];
    const requests: string[][] = [];
    const api = fakeApi({
      'documents.importBatch': async (request) => {
        requests.push(request.files.map((f) => f.name));
        return perFile(async ({ name }): Promise<ImportOutcome> => {
          calls.push(name);
          await new Promise((r) => setTimeout(r, 1));
          if (name === 'empty.txt') throw new AppError('IMPORT_REJECTED', 'empty.txt: the file is empty');
          if (name === 'copy.txt')
            return {
              status: 'skipped',
              reason: 'copy.txt: the same content is already in the archive',
              existingId: ID(1),
            };
          return { status: 'imported', document: summaryDoc(calls.length, name) };
        })(request);
      },
    });
    const { state, onImported } = await mountImporter(api);
    const files = [
      new File(['a'], 'a.txt'),
      new File(['# b'], 'b.md'),
      new File(['x'], 'data.xyz'),
      new File(['a'], 'copy.txt'),
      new File([], 'empty.txt'),
    ];
    await act(async () => state().start(files));
    await until(() => state().phase === 'finished', 'the import to finish');

    // One file in the first request, two in the next, then the rest (1, 2, 4, … files per request).
    expect(requests).toEqual([['a.txt'], ['b.md', 'copy.txt'], ['empty.txt']]);
    const s = state();
    expect(s.summary.imported.map((i) => i.file)).toEqual(['a.txt', 'b.md']);
    expect(s.summary.skipped.map((i) => [i.file, i.reason])).toEqual([
      ['data.xyz', 'unsupported'],
      ['copy.txt', 'duplicate'],
    ]);
    expect(s.summary.failed).toEqual([{ file: 'empty.txt', error: 'empty.txt: the file is empty' }]);
    expect(s.summary.cancelled).toBe(false);
    expect(s.progress).toMatchObject({ done: 4, total: 4, current: null, imported: 2, skipped: 2, failed: 1 });
    expect(onImported).toHaveBeenCalled();
  });

  it('sends the bytes of each file and its name, and reports a failing file alone among the others', async () => {
    const received: Array<[string, string]> = [];
    const api = fakeApi({
      'documents.importBatch': perFile(async ({ name, data }) => {
        received.push([name, new TextDecoder().decode(data)]);
        if (name === 'bad.txt') throw new AppError('IMPORT_REJECTED', 'bad.txt: not a text file');
        return { status: 'imported', document: summaryDoc(received.length, name) };
      }),
    });
    const { state } = await mountImporter(api);
    const names = ['a.txt', 'b.txt', 'bad.txt', 'c.txt', 'd.txt', 'e.txt'];
    await act(async () => state().start(names.map((n) => new File([`text of ${n}`], n))));
    await until(() => state().phase === 'finished', 'the import to finish');
    expect(received).toEqual(names.map((n) => [n, `text of ${n}`]));
    expect(state().summary.imported.map((i) => i.file)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
    expect(state().summary.failed).toEqual([{ file: 'bad.txt', error: 'bad.txt: not a text file' }]);
  });

  it('fails only the files of a request that failed as a whole; the next requests go on', async () => {
    let request = 0;
    const api = fakeApi({
      'documents.importBatch': async (batch) => {
        if (++request === 2) throw new AppError('INTERNAL', 'Lost connection to Tala.');
        return perFile(async ({ name }) => ({ status: 'imported', document: summaryDoc(request, name) }))(batch);
      },
    });
    const { state } = await mountImporter(api);
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    await act(async () => state().start(names.map((n) => new File([n], n))));
    await until(() => state().phase === 'finished', 'the import to finish');
    expect(state().summary.imported.map((i) => i.file)).toEqual(['a.txt', 'd.txt', 'e.txt']);
    expect(state().summary.failed).toEqual([
      { file: 'b.txt', error: 'Lost connection to Tala.' },
      { file: 'c.txt', error: 'Lost connection to Tala.' },
    ]);
    expect(state().progress).toMatchObject({ done: 5, total: 5, imported: 3, failed: 2 });
  });

  /** A fake documents.importBatch whose requests the test answers, in any order (named by their first file). */
  function gatedApi() {
    const pending = new Map<string, () => void>();
    const requests: string[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const api = fakeApi({
      'documents.importBatch': ({ files }) =>
        new Promise<Array<Result<ImportOutcome>>>((resolve) => {
          const names = files.map((f) => f.name);
          requests.push(names);
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          pending.set(names[0], () => {
            inFlight--;
            pending.delete(names[0]);
            resolve(
              names.map((name): Result<ImportOutcome> => {
                if (name.startsWith('dup'))
                  return {
                    ok: true,
                    value: {
                      status: 'skipped',
                      reason: `${name}: the same content is already in the archive`,
                      existingId: ID(1),
                    },
                  };
                return { ok: true, value: { status: 'imported', document: summaryDoc(requests.length, name) } };
              }),
            );
          });
        }),
    });
    const sent = () => requests.flat();
    return { api, pending, requests, sent, maxInFlight: () => maxInFlight, inFlight: () => inFlight };
  }
  const release = async (pending: Map<string, () => void>, first: string) => {
    const answer = pending.get(first);
    if (!answer) throw new Error(`no request starting with ${first} is in flight`);
    await act(async () => answer());
  };

  it(`sends 1, 2, 4, … files a request, ${UPLOAD_BATCHES_IN_FLIGHT} requests in flight, in order`, async () => {
    expect(UPLOAD_BATCHES_IN_FLIGHT).toBeGreaterThan(1);
    expect([0, 1, 2, 3, 10].map(batchFileLimit)).toEqual(
      [1, 2, 4, 8, UPLOAD_BATCH_FILES].map((n) => Math.min(n, UPLOAD_BATCH_FILES)),
    );
    const gate = gatedApi();
    const { state } = await mountImporter(gate.api);
    const window = filesInFirstRequests(UPLOAD_BATCHES_IN_FLIGHT);
    const names = Array.from({ length: window + UPLOAD_BATCH_FILES + 3 }, (_, i) =>
      i === 1 ? 'dup.txt' : `f${i}.txt`,
    );
    await act(async () => state().start(names.map((n) => new File([`text of ${n}`], n))));
    await until(() => gate.requests.length === UPLOAD_BATCHES_IN_FLIGHT, 'the window to fill');
    await flush(5);
    expect(gate.requests.map((r) => r.length)).toEqual(
      Array.from({ length: UPLOAD_BATCHES_IN_FLIGHT }, (_, i) => batchFileLimit(i)),
    );
    expect(gate.sent()).toEqual(names.slice(0, window)); // no more than the window, in queue order
    expect(state().progress.current).toBe(names[window - 1]); // the file sent last
    // The last request answers first: a slot frees (one more request goes) but nothing is reported before f0.
    const firsts = gate.requests.map((r) => r[0]);
    await release(gate.pending, firsts[UPLOAD_BATCHES_IN_FLIGHT - 1]);
    await until(() => gate.requests.length === UPLOAD_BATCHES_IN_FLIGHT + 1, 'the next request');
    expect(gate.requests[UPLOAD_BATCHES_IN_FLIGHT]).toHaveLength(UPLOAD_BATCH_FILES);
    expect(state().progress).toMatchObject({ done: 0, imported: 0 });
    await release(gate.pending, 'dup.txt'); // the second request: dup.txt and f2
    expect(state().progress).toMatchObject({ done: 0, imported: 0, skipped: 0 });
    await release(gate.pending, 'f0.txt');
    await until(() => state().progress.done === 3, 'f0, dup and f2 reported');
    expect(state().progress).toMatchObject({ imported: 2, skipped: 1 });
    expect(state().progress.bytesDone).toBe(names.slice(0, 3).reduce((n, f) => n + `text of ${f}`.length, 0));
    while (state().phase !== 'finished') {
      await until(() => gate.pending.size > 0 || state().phase === 'finished', 'a request in flight');
      if (gate.pending.size > 0) await release(gate.pending, [...gate.pending.keys()].pop()!);
    }
    expect(gate.maxInFlight()).toBe(UPLOAD_BATCHES_IN_FLIGHT);
    expect(gate.sent()).toEqual(names);
    const s = state();
    expect(s.summary.imported.map((i) => i.file)).toEqual(names.filter((n) => n !== 'dup.txt'));
    expect(s.summary.skipped.map((i) => [i.file, i.reason])).toEqual([['dup.txt', 'duplicate']]);
    expect(s.progress).toMatchObject({ done: names.length, total: names.length, current: null, secondsLeft: 0 });
  });

  it('keeps the bytes of a request and of all requests in flight bounded (a larger file goes alone)', async () => {
    const gate = gatedApi();
    const { state } = await mountImporter(gate.api);
    const sized = (name: string, size: number) => {
      const f = new File(['x'], name);
      Object.defineProperty(f, 'size', { value: size });
      return f;
    };
    const huge = Math.ceil(UPLOAD_BYTES_IN_FLIGHT * 0.6);
    const half = Math.ceil(UPLOAD_BATCH_BYTES * 0.6);
    await act(async () =>
      state().start([
        sized('huge-1.txt', huge),
        sized('huge-2.txt', huge),
        sized('s1.txt', 1),
        sized('half-1.txt', half),
        sized('half-2.txt', half),
        sized('s2.txt', 1),
      ]),
    );
    await until(() => gate.requests.length === 1, 'the first request');
    await flush(5);
    expect(gate.requests).toEqual([['huge-1.txt']]); // huge-2 would pass the bytes in flight
    await release(gate.pending, 'huge-1.txt');
    await until(() => gate.requests.length === 4, 'the second huge file, then the small ones beside it');
    await flush(5);
    // huge-2 goes alone (larger than a request's bound); half-2 would make the third request larger than the bound.
    expect(gate.requests.slice(1)).toEqual([['huge-2.txt'], ['s1.txt', 'half-1.txt'], ['half-2.txt', 's2.txt']]);
    for (const first of ['s1.txt', 'half-2.txt', 'huge-2.txt']) await release(gate.pending, first);
    await until(() => state().phase === 'finished', 'the import to finish');
    expect(state().summary.imported.map((i) => i.file)).toEqual([
      'huge-1.txt',
      'huge-2.txt',
      's1.txt',
      'half-1.txt',
      'half-2.txt',
      's2.txt',
    ]);
  });

  it('cancel sends no further request; the files in flight finish and are reported', async () => {
    const gate = gatedApi();
    const { state } = await mountImporter(gate.api);
    const sent = filesInFirstRequests(UPLOAD_BATCHES_IN_FLIGHT + 1);
    const total = sent + 5;
    await act(async () => state().start(Array.from({ length: total }, (_, i) => new File([`text ${i}`], `f${i}.txt`))));
    await until(() => gate.requests.length === UPLOAD_BATCHES_IN_FLIGHT, 'the window to fill');
    expect(state().phase).toBe('running');
    await release(gate.pending, 'f0.txt');
    await until(() => gate.requests.length === UPLOAD_BATCHES_IN_FLIGHT + 1, 'the next request');
    await act(async () => state().cancel());
    expect(state().phase).toBe('cancelling');
    await release(gate.pending, 'f1.txt');
    await flush(5);
    expect(gate.sent()).toHaveLength(sent); // nothing was sent after the cancel
    for (const first of [...gate.pending.keys()].reverse()) await release(gate.pending, first);
    await until(() => state().phase === 'finished', 'the import to stop');
    expect(gate.sent()).toHaveLength(sent);
    expect(state().summary.imported.map((i) => i.file)).toEqual(Array.from({ length: sent }, (_, i) => `f${i}.txt`));
    expect(state().summary.cancelled).toBe(true);
    expect(state().progress).toMatchObject({ done: sent, total });
    expect(summaryLine(state().summary, state().progress.total)).toBe(`Cancelled: ${sent} of ${total} imported`);
  });

  it('adds files dropped while importing to the running batch', async () => {
    let gate: (() => void) | null = null;
    const api = fakeApi({
      'documents.importBatch': perFile(async ({ name }) => {
        if (name === 'first.txt') await new Promise<void>((r) => (gate = r));
        return { status: 'imported', document: summaryDoc(name.length, name) };
      }),
    });
    const { state } = await mountImporter(api);
    await act(async () => state().start([new File(['1'], 'first.txt')]));
    await until(() => gate !== null, 'the first upload');
    await act(async () => state().start([new File(['2'], 'second.txt')]));
    expect(state().progress.total).toBe(2);
    await act(async () => gate!());
    await until(() => state().phase === 'finished', 'the import to finish');
    expect(state().summary.imported.map((i) => i.file)).toEqual(['first.txt', 'second.txt']);
  });

  it('hands a picked folder to the main process when the preload names its path, and follows the job', async () => {
    (window as { talaIpc?: unknown }).talaIpc = {
      invoke: async () => ({ ok: true, value: null }),
      pathForFile: (f: File) => `/home/ana/Sources/Reports/${(f as File & { rel: string }).rel}`,
    };
    const started: string[][] = [];
    let polls = 0;
    const job = (state: ImportJobStatus['state'], done: number): ImportJobStatus => ({
      id: ID(99),
      state,
      progress: {
        ...emptyProgress(),
        done,
        total: 2,
        bytesTotal: 20,
        bytesDone: done * 10,
        current: done < 2 ? `/home/ana/Sources/Reports/sub/${done}.pdf` : null,
      },
      summary: {
        imported: done >= 1 ? [{ file: '/home/ana/Sources/Reports/sub/0.pdf', document: summaryDoc(1, 'Zero') }] : [],
        skipped: [
          { file: '/home/ana/Sources/Reports/x.xyz', reason: 'unsupported', message: 'x.xyz: unsupported file type' },
        ],
        failed:
          done >= 2
            ? [{ file: '/home/ana/Sources/Reports/sub/1.pdf', error: '1.pdf: no text layer; OCR is not available' }]
            : [],
        cancelled: false,
      },
    });
    const api = fakeApi({
      'documents.importPaths': async ({ paths }) => {
        started.push(paths);
        return job('running', 0);
      },
      'jobs.status': async () => (++polls >= 2 ? job('done', 2) : job('running', 1)),
    });
    const { state } = await mountImporter(api);
    const file = Object.assign(new File(['%PDF'], '0.pdf'), { rel: 'sub/0.pdf' });
    Object.defineProperty(file, 'webkitRelativePath', { value: 'Reports/sub/0.pdf' });
    await act(async () => state().startFolder(pickedFiles([file])));
    await until(() => state().phase === 'finished', 'the job to finish');
    expect(started).toEqual([['/home/ana/Sources/Reports']]);
    const s = state().summary;
    expect(s.imported.map((i) => i.file)).toEqual(['Reports/sub/0.pdf']);
    expect(s.skipped.map((i) => i.file)).toEqual(['Reports/x.xyz']);
    expect(s.failed).toEqual([{ file: 'Reports/sub/1.pdf', error: '1.pdf: no text layer; OCR is not available' }]);
    expect(state().progress).toMatchObject({ done: 2, total: 2 });
  });

  it('uploads a picked folder when the window cannot name local paths (the browser, or an older preload)', async () => {
    const names: string[] = [];
    const api = fakeApi({
      'documents.importBatch': perFile(async ({ name }) => {
        names.push(name);
        return { status: 'imported', document: summaryDoc(names.length, name) };
      }),
    });
    const { state } = await mountImporter(api);
    const file = (rel: string) => {
      const f = new File(['text'], rel.split('/').pop()!);
      Object.defineProperty(f, 'webkitRelativePath', { value: rel });
      return f;
    };
    const picked = pickedFiles([
      file('Reports/b.txt'),
      file('Reports/.DS_Store'),
      file('Reports/a/z.md'),
      file('Reports/.git/config.txt'),
    ]);
    expect(picked.map((p) => p.path)).toEqual(['Reports/a/z.md', 'Reports/b.txt']);
    await act(async () => state().startFolder(picked));
    await until(() => state().phase === 'finished', 'the upload to finish');
    expect(names).toEqual(['z.md', 'b.txt']);
    expect(state().summary.imported.map((i) => i.file)).toEqual(['Reports/a/z.md', 'Reports/b.txt']);
  });
});

describe('files and folders', () => {
  it('knows the accepted extensions and hidden paths', () => {
    for (const name of ['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.htm', 'f.PDF', 'g.docx', 'h.epub'])
      expect(isAccepted(name)).toBe(true);
    for (const name of ['a.xyz', 'README', '.txt', 'a.doc']) expect(isAccepted(name)).toBe(false);
    expect(isHiddenPath('Reports/.DS_Store')).toBe(true);
    expect(isHiddenPath('Reports/.git/x.txt')).toBe(true);
    expect(isHiddenPath('Reports/a.txt')).toBe(false);
  });

  it('finds the folder of a picked file from its local and relative paths', () => {
    expect(pickedFolderPath('/home/ana/Sources/Reports/sub/0.pdf', 'Reports/sub/0.pdf')).toEqual({
      folder: '/home/ana/Sources/Reports',
      base: '/home/ana/Sources/',
    });
    expect(pickedFolderPath('C:\\Users\\ana\\Reports\\a.txt', 'Reports/a.txt')).toEqual({
      folder: 'C:\\Users\\ana\\Reports',
      base: 'C:\\Users\\ana\\',
    });
    expect(pickedFolderPath('/elsewhere/a.txt', 'Reports/sub/a.txt')).toBeNull();
    expect(pickedFolderPath('/x/a.txt', 'a.txt')).toBeNull();
  });

  it('reads dropped folders recursively, in name order, without hidden entries', async () => {
    const fileEntry = (path: string) => ({
      isFile: true,
      isDirectory: false,
      name: path.split('/').pop()!,
      fullPath: `/${path}`,
      file: (ok: (f: File) => void) => setTimeout(() => ok(new File([path], path.split('/').pop()!)), 0),
    });
    const dirEntry = (path: string, children: unknown[]) => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name: path.split('/').pop()!,
        fullPath: `/${path}`,
        // Two batches, as Chromium answers in batches of 100, then an empty one.
        createReader: () => {
          let call = 0;
          return {
            readEntries: (ok: (e: unknown[]) => void) => {
              call++;
              given = true;
              setTimeout(() => ok(call === 1 ? children.slice(0, 1) : call === 2 ? children.slice(1) : []), 0);
            },
          };
        },
        get given() {
          return given;
        },
      };
    };
    const tree = dirEntry('Reports', [
      fileEntry('Reports/b.txt'),
      fileEntry('Reports/.DS_Store'),
      dirEntry('Reports/2012', [fileEntry('Reports/2012/z.pdf'), fileEntry('Reports/2012/a.md')]),
    ]);
    const loose = new File(['x'], 'loose.html');
    const items = [
      { kind: 'file', webkitGetAsEntry: () => tree, getAsFile: () => null },
      { kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => loose },
      { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null },
    ];
    const read = takeDrop({ items, files: [] } as unknown as DataTransfer);
    const dropped = await read();
    expect(dropped.errors).toEqual([]);
    expect(dropped.files.map((f) => f.path)).toEqual([
      'loose.html',
      'Reports/2012/a.md',
      'Reports/2012/z.pdf',
      'Reports/b.txt',
    ]);
    expect(dropped.files[1].file.name).toBe('a.md');
  });

  it('reports a folder that cannot be read and keeps the rest', async () => {
    const broken = {
      isFile: false,
      isDirectory: true,
      name: 'Locked',
      fullPath: '/Locked',
      createReader: () => ({
        readEntries: (_ok: unknown, fail: (e: unknown) => void) => fail(new DOMException('denied', 'NotReadableError')),
      }),
    };
    const good = {
      isFile: true,
      isDirectory: false,
      name: 'a.txt',
      fullPath: '/a.txt',
      file: (ok: (f: File) => void) => ok(new File(['a'], 'a.txt')),
    };
    const read = takeDrop({
      items: [
        { kind: 'file', webkitGetAsEntry: () => broken },
        { kind: 'file', webkitGetAsEntry: () => good },
      ],
      files: [],
    } as unknown as DataTransfer);
    const dropped = await read();
    expect(dropped.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(dropped.errors).toEqual([{ path: 'Locked', error: 'Locked: the folder could not be read (denied)' }]);
  });
});

describe('reader: pages and the original file', () => {
  const passage = (i: number, text: string, page: number | null, kind: Passage['kind'] = 'paragraph'): Passage => ({
    id: `p${i}`,
    ordinal: i,
    kind,
    text,
    start: 0,
    end: 0,
    sentences: [],
    page,
  });
  const doc = {
    ...summaryDoc(7, 'Ulat ng Halalan'),
    originalName: 'ulat.pdf',
    mediaType: 'application/pdf',
    text: '',
    passages: [
      passage(0, 'Ulat ng Halalan', 1, 'heading'),
      passage(1, 'Una.', 1),
      passage(2, 'Pangalawa.', 1),
      passage(3, 'Mga Reaksyon', 2, 'heading'),
      passage(4, 'Ikatlo.', 2),
      passage(5, 'Ikaapat.', 3),
    ],
  } as unknown as DocumentDetail;

  it('marks where each page of the original begins', async () => {
    expect([...firstOnPage(doc.passages)]).toEqual(['p0', 'p3', 'p5']);
    expect([
      ...firstOnPage([passage(0, 'a', null), passage(1, 'b', 4), passage(2, 'c', null), passage(3, 'd', 4)]),
    ]).toEqual(['p1']);
    view = await render(<Reader document={doc} terms={[]} onClose={() => undefined} />);
    const marks = byTestId(view.container, 'page-mark');
    // The title heading has none; every other passage has its page, shown at once where a page begins.
    expect(marks.map((m) => [m.textContent, m.classList.contains('page-mark--start')])).toEqual([
      ['p. 1', true],
      ['p. 1', false],
      ['p. 2', true],
      ['p. 2', false],
      ['p. 3', true],
    ]);
    // Not part of the passage text (selection offsets walk the passage element only).
    expect(view.container.querySelector('#p-p1')?.textContent).toBe('Una.');
  });

  it('shows no page marks for formats without pages', async () => {
    const plain = { ...doc, passages: doc.passages.map((p) => ({ ...p, page: null })) } as DocumentDetail;
    view = await render(<Reader document={plain} terms={[]} onClose={() => undefined} />);
    expect(byTestId(view.container, 'page-mark')).toHaveLength(0);
  });

  it('downloads the original file as it was imported', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const api = fakeApi({
      'documents.original': async ({ id }) =>
        id === doc.id
          ? { fileName: 'ulat.pdf', mediaType: 'application/pdf', data: bytes }
          : Promise.reject(new Error('wrong id')),
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:original';
    });
    const clicked: Array<[string, string]> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push([this.download, this.getAttribute('href') ?? '']);
    });
    view = await render(
      <ApiProvider api={api}>
        <Reader document={doc} terms={[]} onClose={() => undefined} />
      </ApiProvider>,
    );
    const link = byTestId(view.container, 'original-file')[0];
    expect(link.textContent).toBe('Original file');
    await act(async () => link.click());
    await flush();
    expect(clicked).toEqual([['ulat.pdf', 'blob:original']]);
    expect(blobs[0].type).toBe('application/pdf');
    expect(new Uint8Array(await blobs[0].arrayBuffer())).toEqual(bytes);
  });

  it('explains when the original was not kept', async () => {
    const api = fakeApi({
      'documents.original': async () => {
        throw new AppError(
          'NOT_FOUND',
          'The original file of this document was not kept (it was imported before Tala kept originals).',
        );
      },
    });
    view = await render(
      <ApiProvider api={api}>
        <Reader document={doc} terms={[]} onClose={() => undefined} />
      </ApiProvider>,
    );
    await act(async () => byTestId(view!.container, 'original-file')[0].click());
    await flush();
    expect(byTestId(view.container, 'original-error')[0].textContent).toContain('was not kept');
  });
});
