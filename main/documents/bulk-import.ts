// Importing many files at once (a folder, a multi-file drop, `tala import DIR`). Each file is all or nothing
// through DocumentService.importFile (files ready together share a group commit), so one bad file never undoes
// or blocks the others; parsing runs in the parse worker, a few files ahead of the writes. Progress is reported
// after every file (with an estimate from the bytes done so far); a cancel starts no further file, lets the
// few already under way finish, and keeps everything imported.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { toErrorInfo } from '../../shared/errors';
import type { NearDuplicateChoice } from '../../shared/library';
import type { ImportOutcome, ImportProgress, ImportSummary } from '../../shared/types';
import type { DocumentService } from './service';
import { expandImportPaths } from './import-paths';
import { readImportFile } from './read-import-file';
import { importInput } from './import-ahead';
import { ImportCancelled } from './import-commits';

export interface BulkImportOptions {
  lang?: string;
  /** What to do with a file whose text is nearly the same as a document's already here (default: keep both). */
  nearDuplicates?: NearDuplicateChoice;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import after the file being imported. */
  signal?: AbortSignal;
}

/** Files read, parsed and queued ahead of the one being reported (a cancel lets these finish). */
const IN_FLIGHT = 16;
const MAX_BYTES_AHEAD = 32 * 1024 * 1024;
/**
 * Small files may run further ahead: files parsed while a commit is written share the next one, so a longer queue
 * means fewer, larger commits (500 × 5 KB: groups of ~30 instead of 8). Two commits' worth (import-commits.ts
 * MAX_GROUP): while one group is written, the next is read and parsed, so the next commit is full (with one
 * commit's worth, a group of 64 emptied the queue and the next commit held the one file parsed meanwhile). Bounded
 * by bytes, so a cancel still waits for little parsing (4 MB of small files: ~1 s).
 */
const SMALL_IN_FLIGHT = 512;
const SMALL_BYTES_AHEAD = 4 * 1024 * 1024;

type Outcome =
  | { ok: true; outcome: ImportOutcome }
  | { ok: false; cancelled?: false; error: string }
  | { ok: false; cancelled: true };

export function emptySummary(): ImportSummary {
  return { imported: [], skipped: [], failed: [], cancelled: false };
}

/** Imports every file named in `paths` (folders recursively); never throws for a single file. */
export async function importPaths(
  documents: Pick<DocumentService, 'importFile' | 'onLockWait'> & Partial<Pick<DocumentService, 'warmParser'>>,
  paths: string[],
  options: BulkImportOptions = {},
  summary: ImportSummary = emptySummary(),
): Promise<ImportSummary> {
  documents.warmParser?.();
  const { files, unsupported, missing } = expandImportPaths(paths);
  for (const file of unsupported)
    summary.skipped.push({ file, reason: 'unsupported', message: `${basename(file)}: unsupported file type` });
  for (const m of missing) summary.failed.push({ file: m.path, error: m.error });

  const sizes = files.map((file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  });
  const progress: ImportProgress = {
    done: 0,
    total: files.length,
    current: null,
    bytesDone: 0,
    bytesTotal: sizes.reduce((a, b) => a + b, 0),
    secondsLeft: null,
    imported: 0,
    skipped: summary.skipped.length,
    failed: summary.failed.length,
  };
  const started = performance.now();
  const report = () => options.onProgress?.({ ...progress });
  // A file waiting for another program's write lock says so (and the line changes back when it got its turn).
  const stopListening = documents.onLockWait((waiting) => {
    progress.waiting = waiting;
    if (progress.current) report();
  });

  // Up to IN_FLIGHT files (SMALL_IN_FLIGHT small ones) are read, parsed and queued for commit ahead of the one
  // being reported, so the parse worker works while the main thread writes, and files ready together share a
  // commit. Outcomes are reported in order, one file at a time, each once it is committed.
  const importOne = async (file: string): Promise<Outcome> => {
    try {
      const bytes = readImportFile(file);
      return {
        ok: true,
        outcome: await documents.importFile(importInput(file, bytes, options.lang), {
          nearDuplicates: options.nearDuplicates,
          signal: options.signal,
        }),
      };
    } catch (err) {
      if (err instanceof ImportCancelled) return { ok: false, cancelled: true };
      return { ok: false, error: toErrorInfo(err).message };
    }
  };
  const inFlight: Array<Promise<Outcome>> = [];
  let next = 0;
  let reported = 0;
  /** Bytes of the files started and not yet reported (sizes[reported] … sizes[next - 1]). */
  let bytesAhead = 0;
  const fill = (upTo: number) => {
    while (next < files.length && next <= upTo && !options.signal?.aborted) {
      const ahead = bytesAhead + sizes[next];
      // Big files are held in memory while they wait: a few at most, however many are allowed.
      if (next > reported && ahead > MAX_BYTES_AHEAD) break;
      if (next >= reported + IN_FLIGHT && ahead > SMALL_BYTES_AHEAD) break;
      bytesAhead = ahead;
      inFlight.push(importOne(files[next++]));
    }
  };
  for (const [i, file] of files.entries()) {
    progress.current = file;
    report();
    // Checked after the report, so a cancel that arrives while it is shown starts no further file; files
    // already started finish (each all or nothing) and are reported.
    if (i >= next) {
      if (options.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      fill(i);
    }
    fill(i + SMALL_IN_FLIGHT - 1);
    const result = await inFlight[i];
    reported = i + 1;
    bytesAhead -= sizes[i];
    if (!result.ok && result.cancelled) summary.cancelled = true;
    else if (!result.ok) summary.failed.push({ file, error: result.error });
    else if (result.outcome.status === 'imported') {
      const { document, nearDuplicates, variantOf } = result.outcome;
      summary.imported.push({
        file,
        document,
        ...(nearDuplicates ? { nearDuplicates } : {}),
        ...(variantOf ? { variantOf } : {}),
      });
    } else {
      const { outcome } = result;
      const reason = outcome.nearDuplicate ? 'near-duplicate' : 'duplicate';
      summary.skipped.push({ file, reason, message: outcome.reason, existingId: outcome.existingId });
    }
    progress.done = i + 1;
    progress.bytesDone += sizes[i];
    progress.imported = summary.imported.length;
    progress.skipped = summary.skipped.length;
    progress.failed = summary.failed.length;
    progress.secondsLeft = estimateSecondsLeft(performance.now() - started, progress);
  }
  stopListening();
  if (options.signal?.aborted && next < files.length) summary.cancelled = true;
  progress.current = null;
  progress.waiting = false;
  if (!summary.cancelled) progress.secondsLeft = 0;
  report();
  return summary;
}

/** Remaining time from the rate so far: by bytes when the files have sizes, else by file count. */
export function estimateSecondsLeft(
  elapsedMs: number,
  p: Pick<ImportProgress, 'done' | 'total' | 'bytesDone' | 'bytesTotal'>,
): number | null {
  if (p.done === 0 || elapsedMs <= 0) return null;
  const share = p.bytesTotal > 0 && p.bytesDone > 0 ? p.bytesDone / p.bytesTotal : p.done / p.total;
  if (share <= 0) return null;
  return Math.max(0, Math.round(((elapsedMs / share) * (1 - share)) / 1000));
}
