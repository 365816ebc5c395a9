// Imports many files at once. The renderer uploads files in batches through documents.importBatch, a few
// requests in flight (lib/upload-window.ts: files and bytes per request and in flight), so the main process's group
// commit can write files arriving together in one commit; every file still has its own outcome, reported in queue
// order. It yields to the browser between requests (parsing runs in the main process's worker), so the window stays
// responsive. A cancel sends no further request; the files already sent finish and are reported.
// In Electron, when the preload can name a picked folder's path, the folder is handed to the main process
// instead (documents.importPaths) and its job is polled (jobs.status / jobs.cancel). Either way the panel
// sees one batch: an ImportProgress and an ImportSummary of the same shape as the CLI's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { MAX_IMPORT_BYTES, type IpcBridge, type Responses, type TalaApi } from '../../../shared/contract';
import { pickedFolderPath } from '../../../shared/local-paths';
import type { ImportJobStatus, ImportOutcome, ImportProgress, ImportSummary } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';
import { isAccepted, unsupportedMessage, type DroppedFiles, type PickedFile } from '../lib/import-files';
import { estimateSecondsLeft } from '../lib/import-progress';
import { reportArchiveDamaged } from '../lib/backups';
import { batchFileLimit, joinsBatch, roomFor } from '../lib/upload-window';

export { ACCEPTED_EXTENSIONS } from '../lib/import-files';
export { pickedFolderPath } from '../../../shared/local-paths';
export {
  UPLOAD_BATCH_BYTES,
  UPLOAD_BATCH_FILES,
  UPLOAD_BATCHES_IN_FLIGHT,
  UPLOAD_BYTES_IN_FLIGHT,
} from '../lib/upload-window';

export type ImportPhase = 'idle' | 'running' | 'cancelling' | 'finished';

export interface ImportState {
  phase: ImportPhase;
  /** Importing or cancelling (files are still being imported). */
  running: boolean;
  progress: ImportProgress;
  summary: ImportSummary;
  /** Queues files (a finished batch is replaced, a running one grows). */
  start(files: ReadonlyArray<File | PickedFile>): void;
  /** Queues what a drop carries once it has been read (folders are walked first). */
  startDrop(read: () => Promise<DroppedFiles>): void;
  /** A folder picked with <input webkitdirectory>: the main process reads it when it can, else it is uploaded. */
  startFolder(files: readonly PickedFile[]): void;
  /** Sends no further file; the files already sent finish and are reported; what is done stays. */
  cancel(): void;
  /** Hides a finished summary. */
  dismiss(): void;
}

type Task =
  | { kind: 'upload'; picked: PickedFile }
  | { kind: 'gather'; read: () => Promise<DroppedFiles> }
  | { kind: 'paths'; paths: string[]; /** Prefix removed from the job's paths for display. */ base: string };

interface Batch {
  queue: Task[];
  progress: ImportProgress;
  summary: ImportSummary;
  startedAt: number;
  cancelRequested: boolean;
}

/** How often a main-process job is polled. */
const POLL_MS = 250;
/** The library is reloaded at most this often while a batch runs (and once at its end). */
const REFRESH_MS = 1500;

export function emptyProgress(): ImportProgress {
  return {
    done: 0,
    total: 0,
    current: null,
    bytesDone: 0,
    bytesTotal: 0,
    secondsLeft: null,
    imported: 0,
    skipped: 0,
    failed: 0,
  };
}

export function emptySummary(): ImportSummary {
  return { imported: [], skipped: [], failed: [], cancelled: false };
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const baseName = (path: string) => path.split(/[\\/]/).pop() || path;

/** The preload may offer the local path of a picked file (Electron's webUtils.getPathForFile). */
type PathBridge = IpcBridge & { pathForFile?(file: File): string };

export function localPathOf(file: File): string | null {
  const bridge = (typeof window !== 'undefined' ? window.talaIpc : undefined) as PathBridge | undefined;
  if (!bridge || typeof bridge.pathForFile !== 'function') return null;
  try {
    return bridge.pathForFile(file) || null;
  } catch {
    return null;
  }
}

/** Imports files a few at a time; `onImported` runs after new documents arrived (throttled, and at the end). */
export function useImport(onImported: () => void): ImportState {
  const api = useApi();
  const [view, setView] = useState<{ phase: ImportPhase; progress: ImportProgress; summary: ImportSummary }>(() => ({
    phase: 'idle',
    progress: emptyProgress(),
    summary: emptySummary(),
  }));
  const batch = useRef<Batch | null>(null);
  const busy = useRef(false);
  const mounted = useRef(true);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;
  const apiRef = useRef<TalaApi>(api);
  apiRef.current = api;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (batch.current) batch.current.cancelRequested = true;
    };
  }, []);

  const publish = useCallback((b: Batch, phase?: ImportPhase) => {
    if (!mounted.current || batch.current !== b) return;
    const { summary } = b;
    setView({
      phase: phase ?? (b.cancelRequested ? 'cancelling' : 'running'),
      progress: {
        ...b.progress,
        imported: summary.imported.length,
        skipped: summary.skipped.length,
        failed: summary.failed.length,
      },
      summary: {
        imported: [...summary.imported],
        skipped: [...summary.skipped],
        failed: [...summary.failed],
        cancelled: summary.cancelled,
      },
    });
  }, []);

  const run = useCallback(async () => {
    if (busy.current) return;
    const b = batch.current;
    if (!b) return;
    busy.current = true;
    let lastRefresh = now();
    let unreported = 0;
    const imported = () => {
      unreported++;
      if (now() - lastRefresh >= REFRESH_MS) {
        lastRefresh = now();
        unreported = 0;
        onImportedRef.current();
      }
    };
    const finishFile = (size: number) => {
      b.progress.done++;
      b.progress.bytesDone += size;
      b.progress.secondsLeft = estimateSecondsLeft(now() - b.startedAt, b.progress);
    };
    // Uploads sent and not yet reported, in queue order; `report` is set when the answer arrived.
    type Sent = { path: string; size: number; report?: () => void };
    const sent: Sent[] = [];
    const running = new Set<Promise<void>>();
    let bytesInFlight = 0;
    /** Reports the answered uploads at the head of the queue, in order. */
    const reportInOrder = () => {
      let reported = false;
      while (sent.length > 0 && sent[0].report) {
        const head = sent.shift()!;
        head.report!();
        finishFile(head.size);
        reported = true;
      }
      if (reported) {
        // The file shown stays the one sent last, until nothing is in flight.
        if (sent.length === 0) b.progress.current = null;
        publish(b);
      }
    };
    const failed = (entry: Sent, error: string) => {
      entry.report = () => b.summary.failed.push({ file: entry.path, error });
    };
    const answered = (entry: Sent, outcome: ImportOutcome) => {
      const { path } = entry;
      if (outcome.status === 'imported') {
        entry.report = () => {
          b.summary.imported.push({
            file: path,
            document: outcome.document,
            ...(outcome.nearDuplicates?.length ? { nearDuplicates: outcome.nearDuplicates } : {}),
          });
          imported();
        };
      } else {
        entry.report = () =>
          b.summary.skipped.push({
            file: path,
            reason: 'duplicate',
            message: outcome.reason,
            existingId: outcome.existingId,
          });
      }
    };
    type Upload = { picked: PickedFile; entry: Sent };
    /** One request for the batch; every file gets its own outcome (a file that cannot be read fails alone). */
    const uploadBatch = async (api: TalaApi, batch: Upload[]): Promise<void> => {
      const read = await Promise.all(
        batch.map(async (upload) => {
          try {
            return { upload, data: new Uint8Array(await upload.picked.file.arrayBuffer()) };
          } catch (err) {
            failed(upload.entry, `${baseName(upload.picked.path)}: the file could not be read: ${errorMessage(err)}`);
            return null;
          }
        }),
      );
      const readable = read.filter((r) => r !== null);
      if (readable.length === 0) return;
      let results: Responses['documents.importBatch'];
      try {
        results = await api['documents.importBatch']({
          files: readable.map(({ upload, data }) => ({
            name: upload.picked.file.name || baseName(upload.picked.path),
            data,
          })),
        });
      } catch (err) {
        for (const { upload } of readable) failed(upload.entry, errorMessage(err));
        return;
      }
      readable.forEach(({ upload }, i) => {
        const result = results[i];
        if (!result) failed(upload.entry, 'The archive sent no answer for this file.');
        else if (result.ok) answered(upload.entry, result.value);
        else {
          // A damaged archive is shown in the health banner, as the transport does for a whole request.
          if (result.error.code === 'ARCHIVE_DAMAGED') reportArchiveDamaged(result.error.message);
          failed(upload.entry, result.error.message);
        }
      });
    };
    /**
     * Takes the next request's files from the head of the queue (in order; a file over the size limit is
     * reported failed at once, never sent) and sends them.
     */
    let requests = 0;
    const sendBatch = (api: TalaApi) => {
      const batch: Upload[] = [];
      let bytes = 0;
      const limit = batchFileLimit(requests);
      while (b.queue.length > 0 && b.queue[0].kind === 'upload') {
        const { picked } = b.queue[0];
        const size = picked.file.size;
        if (size > MAX_IMPORT_BYTES) {
          b.queue.shift();
          const limit = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));
          const entry: Sent = { path: picked.path, size };
          sent.push(entry);
          failed(entry, `${baseName(picked.path)}: the file is larger than the ${limit} MB limit`);
          continue;
        }
        if (!joinsBatch(batch.length, bytes, size, limit, bytesInFlight)) break;
        b.queue.shift();
        const entry: Sent = { path: picked.path, size };
        sent.push(entry);
        batch.push({ picked, entry });
        bytes += size;
      }
      reportInOrder();
      if (batch.length === 0) return;
      requests++;
      b.progress.current = batch[batch.length - 1].picked.path;
      // Rendered now: the first requests go out back to back, and React would otherwise render only the last of
      // them, so the panel would skip the files of the others. (Never inside a render: this runs after a yield.)
      flushSync(() => publish(b));
      bytesInFlight += bytes;
      const done: Promise<void> = uploadBatch(api, batch).finally(() => {
        bytesInFlight -= bytes;
        running.delete(done);
        reportInOrder();
      });
      running.add(done);
    };
    /** Waits until a request starting with a file of `size` bytes may be sent. */
    const room = async (size: number) => {
      while (!roomFor(size, running.size, bytesInFlight)) await Promise.race(running);
    };
    const drain = async () => {
      while (running.size > 0) await Promise.race(running);
    };
    try {
      for (;;) {
        let task = b.queue.shift();
        if (!task) {
          // Files may be queued while the last uploads finish: they join this batch.
          await drain();
          task = b.queue.shift();
          if (!task) break;
        }
        if (b.cancelRequested) {
          b.summary.cancelled = true;
          break;
        }
        if (task.kind === 'gather') {
          await drain();
          b.progress.current = null;
          publish(b);
          let dropped: DroppedFiles;
          try {
            dropped = await task.read();
          } catch (err) {
            dropped = {
              files: [],
              errors: [{ path: '', error: `The dropped files could not be read: ${errorMessage(err)}` }],
            };
          }
          for (const e of dropped.errors) b.summary.failed.push({ file: e.path, error: e.error });
          b.queue.unshift(...enqueue(b, dropped.files));
          publish(b);
          continue;
        }
        if (task.kind === 'paths') {
          // The job's results are merged after what was uploaded before it.
          await drain();
          if (b.cancelRequested) {
            b.summary.cancelled = true;
            break;
          }
          const stopped = await runJob(apiRef.current, b, task, publish, imported);
          if (stopped) break;
          continue;
        }
        // An upload: it goes back to the head of the queue, and the next request takes it with those behind it.
        b.queue.unshift(task);
        await room(task.picked.file.size);
        if (b.cancelRequested) {
          b.summary.cancelled = true;
          break;
        }
        await yieldToBrowser();
        sendBatch(apiRef.current);
      }
    } finally {
      // Uploads already sent finish and are reported, cancelled or not.
      await drain();
      busy.current = false;
      b.progress.current = null;
      if (!b.summary.cancelled) b.progress.secondsLeft = 0;
      b.queue.length = 0;
      publish(b, 'finished');
      if (unreported > 0 && mounted.current) onImportedRef.current();
      // Files queued after a cancel started a new batch while this one was stopping: run it now.
      if (batch.current && batch.current !== b && batch.current.queue.length > 0) void runRef.current();
    }
  }, [publish]);
  const runRef = useRef(run);
  runRef.current = run;

  /** The batch to add to: the running one, or a fresh one (a finished summary is replaced). */
  const currentBatch = useCallback((): Batch => {
    if (busy.current && batch.current && !batch.current.cancelRequested) return batch.current;
    const fresh: Batch = {
      queue: [],
      progress: emptyProgress(),
      summary: emptySummary(),
      startedAt: now(),
      cancelRequested: false,
    };
    batch.current = fresh;
    return fresh;
  }, []);

  const start = useCallback(
    (files: ReadonlyArray<File | PickedFile>) => {
      if (files.length === 0) return;
      const b = currentBatch();
      b.queue.push(
        ...enqueue(
          b,
          files.map((f) => (f instanceof File ? { file: f, path: f.name } : f)),
        ),
      );
      publish(b);
      void run();
    },
    [currentBatch, publish, run],
  );

  const startDrop = useCallback(
    (read: () => Promise<DroppedFiles>) => {
      const b = currentBatch();
      b.queue.push({ kind: 'gather', read });
      publish(b);
      void run();
    },
    [currentBatch, publish, run],
  );

  const startFolder = useCallback(
    (files: readonly PickedFile[]) => {
      if (files.length === 0) return;
      const first = files[0];
      const local = localPathOf(first.file);
      const located = local ? pickedFolderPath(local, first.path) : null;
      if (!located) {
        start(files);
        return;
      }
      const b = currentBatch();
      b.queue.push({ kind: 'paths', paths: [located.folder], base: located.base });
      publish(b);
      void run();
    },
    [currentBatch, publish, run, start],
  );

  const cancel = useCallback(() => {
    const b = batch.current;
    if (!b || !busy.current || b.cancelRequested) return;
    b.cancelRequested = true;
    publish(b);
  }, [publish]);

  const dismiss = useCallback(() => {
    if (busy.current) return;
    batch.current = null;
    setView({ phase: 'idle', progress: emptyProgress(), summary: emptySummary() });
  }, []);

  return {
    ...view,
    running: view.phase === 'running' || view.phase === 'cancelling',
    start,
    startDrop,
    startFolder,
    cancel,
    dismiss,
  };
}

/** Files the archive cannot read are skipped at once (not uploaded); the others become upload tasks. */
function enqueue(b: Batch, files: readonly PickedFile[]): Task[] {
  const tasks: Task[] = [];
  for (const picked of files) {
    if (!isAccepted(picked.path)) {
      b.summary.skipped.push({
        file: picked.path,
        reason: 'unsupported',
        message: `${baseName(picked.path)}: ${unsupportedMessage(picked.path)}`,
      });
      continue;
    }
    tasks.push({ kind: 'upload', picked });
    b.progress.total++;
    b.progress.bytesTotal += picked.file.size;
  }
  return tasks;
}

/**
 * Runs one main-process job to its end, merging its progress and summary into the batch as it goes.
 * Returns true when the batch must stop (the job was cancelled).
 */
async function runJob(
  api: TalaApi,
  b: Batch,
  task: Extract<Task, { kind: 'paths' }>,
  publish: (b: Batch) => void,
  onImported: () => void,
): Promise<boolean> {
  const base = { ...b.progress };
  const before = {
    imported: b.summary.imported.length,
    skipped: b.summary.skipped.length,
    failed: b.summary.failed.length,
  };
  const shown = (file: string) => (task.base && file.startsWith(task.base) ? file.slice(task.base.length) : file);
  let seenImported = 0;
  const merge = (status: ImportJobStatus) => {
    const p = status.progress;
    b.progress.total = base.total + p.total;
    b.progress.done = base.done + p.done;
    b.progress.bytesTotal = base.bytesTotal + p.bytesTotal;
    b.progress.bytesDone = base.bytesDone + p.bytesDone;
    b.progress.current = p.current === null ? null : shown(p.current);
    b.progress.secondsLeft = estimateSecondsLeft(now() - b.startedAt, b.progress);
    const s = status.summary;
    b.summary.imported.splice(before.imported, Infinity, ...s.imported.map((x) => ({ ...x, file: shown(x.file) })));
    b.summary.skipped.splice(before.skipped, Infinity, ...s.skipped.map((x) => ({ ...x, file: shown(x.file) })));
    b.summary.failed.splice(before.failed, Infinity, ...s.failed.map((x) => ({ ...x, file: shown(x.file) })));
    if (s.imported.length > seenImported) {
      seenImported = s.imported.length;
      onImported();
    }
    publish(b);
  };

  let status: ImportJobStatus;
  try {
    status = await api['documents.importPaths']({ paths: task.paths });
  } catch (err) {
    b.summary.failed.push({ file: task.paths.map(shown).join(', '), error: errorMessage(err) });
    publish(b);
    return false;
  }
  let cancelSent = false;
  let failures = 0;
  while (status.state === 'running') {
    merge(status);
    await sleep(POLL_MS);
    try {
      if (b.cancelRequested && !cancelSent) {
        cancelSent = true;
        status = await api['jobs.cancel']({ id: status.id });
      } else status = await api['jobs.status']({ id: status.id });
      failures = 0;
    } catch (err) {
      // A poll can fail once (a busy main process); a job that stays unreachable ends the batch.
      if (++failures >= 5) {
        b.summary.failed.push({
          file: task.paths.map(shown).join(', '),
          error: `Lost track of the import: ${errorMessage(err)}`,
        });
        publish(b);
        return true;
      }
    }
  }
  merge(status);
  if (status.state === 'cancelled') {
    b.summary.cancelled = true;
    return true;
  }
  return false;
}
