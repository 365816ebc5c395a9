// Importing many files at once (a folder, a multi-file drop, `tala import DIR`). Each file is its own
// transaction through DocumentService.importFile, so one bad file never undoes or blocks the others; parsing
// runs in the parse worker. Progress is reported after every file (with an estimate from the bytes
// done so far); a cancel stops after the current file and keeps everything already imported.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { toErrorInfo } from '../../shared/errors';
import type { NearDuplicateChoice } from '../../shared/library';
import type { ImportProgress, ImportSummary } from '../../shared/types';
import type { DocumentService } from './service';
import { expandImportPaths } from './import-paths';
import { readImportFile } from './read-import-file';

export interface BulkImportOptions {
  lang?: string;
  /** What to do with a file whose text is nearly the same as a document's already here (default: keep both). */
  nearDuplicates?: NearDuplicateChoice;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import after the file being imported. */
  signal?: AbortSignal;
}

export function emptySummary(): ImportSummary {
  return { imported: [], skipped: [], failed: [], cancelled: false };
}

/** Imports every file named in `paths` (folders recursively); never throws for a single file. */
export async function importPaths(
  documents: Pick<DocumentService, 'importFile'> & Partial<Pick<DocumentService, 'onLockWait'>>,
  paths: string[],
  options: BulkImportOptions = {},
  summary: ImportSummary = emptySummary(),
): Promise<ImportSummary> {
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
  const stopListening = documents.onLockWait?.((waiting) => {
    progress.waiting = waiting;
    if (progress.current) report();
  });

  for (const [i, file] of files.entries()) {
    progress.current = file;
    report();
    // Checked after the report, so a cancel that arrives while it is shown stops before this file.
    if (options.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    try {
      const bytes = readImportFile(file);
      const outcome = await documents.importFile(
        { name: basename(file), bytes, lang: options.lang },
        { nearDuplicates: options.nearDuplicates },
      );
      if (outcome.status === 'imported') {
        const { document, nearDuplicates, variantOf } = outcome;
        summary.imported.push({
          file,
          document,
          ...(nearDuplicates ? { nearDuplicates } : {}),
          ...(variantOf ? { variantOf } : {}),
        });
      } else {
        const reason = outcome.nearDuplicate ? 'near-duplicate' : 'duplicate';
        summary.skipped.push({ file, reason, message: outcome.reason, existingId: outcome.existingId });
      }
    } catch (err) {
      summary.failed.push({ file, error: toErrorInfo(err).message });
    }
    progress.done = i + 1;
    progress.bytesDone += sizes[i];
    progress.imported = summary.imported.length;
    progress.skipped = summary.skipped.length;
    progress.failed = summary.failed.length;
    progress.secondsLeft = estimateSecondsLeft(performance.now() - started, progress);
  }
  stopListening?.();
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
