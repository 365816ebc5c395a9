// The parallel view's bars: the toolbar (back, rows and the uncertain ones to check, swap, re-align, reset,
// exports) and the action bar shown while rows are selected or paragraphs picked (merge, split, link, clear).
import type { PairsExportFormat } from '../../../../shared/translations';
import type { DocumentDetail } from '../../../../shared/types';
import { plural } from '../../lib/format';
import { languageName } from '../../lib/languages';
import type { ParallelRow } from '../../lib/parallel';
import type { Route } from '../../lib/routes';

export interface ToolbarProps {
  docId: string;
  otherDocId: string;
  onNavigate(route: Route): void;
  rowCount: number;
  /** Uncertain rows, and where "Check next" is in them (-1: not started). */
  lowCount: number;
  checking: number;
  currentCheck: number;
  checkNext(): void;
  alignment: { corrections: number; staleCorrections: number };
  busy: boolean;
  realign(): Promise<void>;
  reset(): void;
  exportAs(format: PairsExportFormat): Promise<void>;
}

export function AlignmentToolbar(props: ToolbarProps) {
  const { docId, otherDocId, onNavigate, rowCount, lowCount, checking, currentCheck, checkNext } = props;
  const { alignment, busy, realign, reset, exportAs } = props;
  return (
    <div className="parallel__toolbar">
      <button
        type="button"
        className="tool-button"
        onClick={() => onNavigate({ name: 'doc', docId })}
        data-testid="parallel-back"
        title="Back to the reader"
      >
        ‹ Reader
      </button>
      <span className="parallel__stats muted" data-testid="parallel-stats">
        {plural(rowCount, 'row')}
        {lowCount > 0 && (
          <>
            {' · '}
            <button
              type="button"
              className="tool-button parallel__low-count"
              onClick={checkNext}
              title="Show the next uncertain row, least confident first"
              data-testid="parallel-check-next"
            >
              {currentCheck >= 0 ? `Checking ${checking + 1} of ${lowCount} · next` : `${lowCount} to check · start`}
            </button>
          </>
        )}
        {alignment.corrections > 0 && <> · {plural(alignment.corrections, 'correction')}</>}
        {alignment.staleCorrections > 0 && <> · {plural(alignment.staleCorrections, 'correction')} no longer fit</>}
      </span>
      <span className="parallel__tools">
        <button
          type="button"
          className="tool-button"
          onClick={() => onNavigate({ name: 'parallel', docId: otherDocId, otherDocId: docId })}
          title="Swap the two sides"
          data-testid="parallel-swap"
        >
          ⇄ Swap
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={() => void realign()}
          title="Align again from the texts; corrections made by hand are kept"
          data-testid="parallel-realign"
        >
          Re-align
        </button>
        {alignment.corrections > 0 && (
          <button
            type="button"
            className="tool-button"
            disabled={busy}
            onClick={reset}
            title="Forget every correction made by hand and align afresh"
            data-testid="parallel-reset"
          >
            Reset corrections
          </button>
        )}
        <button
          type="button"
          className="tool-button"
          onClick={() => void exportAs('tmx')}
          title="Export the aligned sentence pairs as TMX (translation memory)"
          data-testid="export-tmx"
        >
          TMX
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => void exportAs('pairs-csv')}
          title="Export the aligned sentence pairs as a two-column CSV"
          data-testid="export-pairs-csv"
        >
          CSV
        </button>
      </span>
    </div>
  );
}

export interface CorrectionBarProps {
  /** Selected rows (indexes), and what they allow. */
  selected: number[];
  mergeAt: number | null;
  splitAt: unknown;
  singleRow: ParallelRow | null;
  /** Paragraphs picked for a link by hand, by side. */
  picking: boolean;
  picks: { source: number[]; target: number[] };
  source: DocumentDetail;
  target: DocumentDetail;
  busy: boolean;
  merge(first: number): void;
  split(row: ParallelRow): void;
  link(): void;
  clear(): void;
}

export function CorrectionBar(props: CorrectionBarProps) {
  const { selected, mergeAt, splitAt, singleRow, picking, picks, source, target, busy } = props;
  const { merge, split, link, clear } = props;
  return (
    <div
      className="parallel__actionbar"
      role="toolbar"
      aria-label="Correct the alignment"
      data-testid="parallel-actionbar"
    >
      {selected.length > 0 && (
        <>
          <span className="parallel__actiontext">
            {selected.length === 1
              ? `Row ${selected[0] + 1} selected`
              : `Rows ${[...selected]
                  .sort((a, b) => a - b)
                  .map((i) => i + 1)
                  .join(' and ')} selected`}
            {selected.length === 2 && mergeAt === null && (
              <span className="muted"> — only neighbouring rows can be merged</span>
            )}
            {selected.length === 1 && !splitAt && <span className="muted"> — select its neighbour to merge</span>}
          </span>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={mergeAt === null || busy}
            onClick={() => mergeAt !== null && merge(mergeAt)}
            data-testid="merge-rows"
          >
            Merge
          </button>
          {splitAt && singleRow && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => split(singleRow)}
              data-testid="split-row"
            >
              Split
            </button>
          )}
        </>
      )}
      {picking && (
        <>
          <span className="parallel__actiontext">
            Link {describePicks(source, picks.source)} with {describePicks(target, picks.target)}
          </span>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={!picks.source.length || !picks.target.length || busy}
            onClick={link}
            data-testid="link-apply"
          >
            Link
          </button>
        </>
      )}
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => clear()}
        data-testid="parallel-clear"
      >
        Clear
      </button>
    </div>
  );
}

function describePicks(doc: DocumentDetail, ordinals: number[]): string {
  const name = languageName(doc.lang);
  if (ordinals.length === 0) return `(pick ${name} paragraphs)`;
  return `${name} ¶${ordinals.map((o) => o + 1).join(', ')}`;
}
