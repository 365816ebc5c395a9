// The page of the original a passage starts on (PDF), in the margin beside it: "p. 3" where a page begins,
// on hover for the passages that continue it. For citing; not part of the text (it is not selectable).
import type { Passage } from '../../../../shared/types';

export function PageMark({ page, start }: { page: number | null | undefined; start: boolean }) {
  if (page === null || page === undefined) return null;
  return (
    <span
      className={`page-mark${start ? ' page-mark--start' : ''}`}
      lang="en"
      dir="ltr"
      title={`Page ${page} of the original`}
      aria-label={`Page ${page}`}
      data-testid="page-mark"
      data-page={page}
    >
      p. {page}
    </span>
  );
}

/** Ids of the passages whose page differs from the one before them (the first with a page counts). */
export function firstOnPage(passages: readonly Passage[]): Set<string> {
  const starts = new Set<string>();
  let last: number | null = null;
  for (const p of passages) {
    const page = p.page ?? null;
    if (page !== null && page !== last) starts.add(p.id);
    if (page !== null) last = page;
  }
  return starts;
}
