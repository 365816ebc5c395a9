// Pure helpers of the import panel: the time-left estimate, the one-line summary and the per-file groups.
import type { ImportProgress, ImportSummary } from '../../../shared/types';
import { formatNumber } from './format';

/**
 * Seconds left from the running average so far: by bytes when the files have sizes (parsing time grows
 * with size), else by file count; null until a file is done (nothing to average yet).
 */
export function estimateSecondsLeft(
  elapsedMs: number,
  p: Pick<ImportProgress, 'done' | 'total' | 'bytesDone' | 'bytesTotal'>,
): number | null {
  if (p.done <= 0 || elapsedMs <= 0 || p.total <= 0) return null;
  if (p.done >= p.total) return 0;
  const share = p.bytesTotal > 0 && p.bytesDone > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : p.done / p.total;
  if (share <= 0) return null;
  return Math.max(0, ((elapsedMs / share) * (1 - share)) / 1000);
}

/** "about 40 s left", "about 3 min left", rounded so that the line does not flicker with every file. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left…';
  if (seconds < 5) return 'a few seconds left';
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds - hours * 3600) / 60);
  return `about ${hours} h ${minutes} min left`;
}

/** The panel's headline at the end: "3 imported · 1 skipped · 1 failed", or "Cancelled: 12 of 40 imported". */
export function summaryLine(summary: ImportSummary, total: number): string {
  const skipped = summary.skipped.length;
  const failed = summary.failed.length;
  const rest = [skipped ? `${skipped} skipped` : null, failed ? `${failed} failed` : null].filter(
    (x): x is string => x !== null,
  );
  if (summary.cancelled) return [`Cancelled: ${summary.imported.length} of ${total} imported`, ...rest].join(' · ');
  return [`${summary.imported.length} imported`, ...rest].join(' · ');
}

/** "12 of 40" (files finished of the files found). */
export function countLine(p: Pick<ImportProgress, 'done' | 'total'>): string {
  return `${formatNumber(p.done)} of ${formatNumber(p.total)}`;
}

export type ImportGroupKind = 'imported' | 'skipped' | 'failed';

export interface ImportRow {
  /** The file as given: its name, or its path inside a folder. */
  file: string;
  /** Why it was skipped or failed, without the file name the archive puts in front. */
  message: string | null;
  /** The new document, or the one already in the archive for a duplicate. */
  documentId: string | null;
  /** Title of the new document. */
  title: string | null;
  reason?: ImportSummary['skipped'][number]['reason'];
}

export interface ImportGroup {
  kind: ImportGroupKind;
  label: string;
  rows: ImportRow[];
}

/**
 * The summary as the panel lists it: imported, then skipped (duplicates first, then unsupported types),
 * then failed; empty groups are left out. Within a group files keep the order they were imported in.
 */
export function groupSummary(summary: ImportSummary): ImportGroup[] {
  const groups: ImportGroup[] = [
    {
      kind: 'imported',
      label: 'Imported',
      rows: summary.imported.map(({ file, document }) => ({
        file,
        message: null,
        documentId: document.id,
        title: document.title,
      })),
    },
    {
      kind: 'skipped',
      label: 'Skipped',
      rows: [
        ...summary.skipped.filter((s) => s.reason === 'duplicate'),
        ...summary.skipped.filter((s) => s.reason !== 'duplicate'),
      ].map((s) => ({
        file: s.file,
        message: s.reason === 'duplicate' ? duplicateMessage(s.file, s.message) : reasonOnly(s.file, s.message),
        documentId: s.existingId ?? null,
        title: null,
        reason: s.reason,
      })),
    },
    {
      kind: 'failed',
      label: 'Failed',
      rows: summary.failed.map((f) => ({
        file: f.file,
        message: reasonOnly(f.file, f.error) || 'failed for an unknown reason',
        documentId: null,
        title: null,
      })),
    },
  ];
  return groups.filter((g) => g.rows.length > 0);
}

/**
 * The archive's messages start with the file name ("a.txt: the file is empty"); the panel shows the name
 * on its own line, so the reason is shown alone ("the file is empty").
 */
export function reasonOnly(file: string, message: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  for (const prefix of [file, base]) {
    if (prefix && message.startsWith(`${prefix}: `)) return capitalize(message.slice(prefix.length + 2));
  }
  return capitalize(message);
}

function duplicateMessage(file: string, message: string): string {
  const reason = reasonOnly(file, message);
  return /already in the archive/i.test(reason) ? reason : `Already in the archive (${reason})`;
}

function capitalize(text: string): string {
  return text ? text[0].toLocaleUpperCase('en') + text.slice(1) : text;
}
