// The parallel reader: a document beside its translation, one row per alignment bead in a single scroll
// container (so the two sides stay together by alignment, never by pixels). Hovering or clicking a
// sentence lights up its counterpart; low-confidence rows are marked (calibrated confidence; "Check next" steps
// through them, least confident first); rows can be merged, split, their
// boundary shifted, or paragraphs linked by hand (kept when the rest is re-aligned); annotations of each
// side show, carried, on the other.
import { useMemo } from 'react';
import { useParallel } from '../../hooks/useParallel';
import type { PushToast } from '../../hooks/useToasts';
import { checkOrder, counterpartIndex, layoutRows, mergeable, splitPoint } from '../../lib/parallel';
import type { Route } from '../../lib/routes';
import { AlignmentToolbar, CorrectionBar } from './AlignmentBars';
import { ParallelGrid } from './ParallelGrid';
import { useAlignmentActions } from './useAlignmentActions';
import { useParallelChoices } from './useParallelChoices';
import { useRowFocus } from './useRowFocus';
import { useSideSpans } from './useSideSpans';
import './parallel.css';

interface Props {
  docId: string;
  otherDocId: string;
  onNavigate(route: Route): void;
  toast: PushToast;
}

export function ParallelView({ docId, otherDocId, onNavigate, toast }: Props) {
  const data = useParallel(docId, otherDocId);
  const { source, target, alignment } = data;
  const choices = useParallelChoices(alignment);
  const { selected, picks, checking, setChecking } = choices;

  const rows = useMemo(
    () => (alignment && source && target ? layoutRows(alignment, source, target) : []),
    [alignment, source, target],
  );
  const index = useMemo(() => (alignment ? counterpartIndex(alignment) : new Map()), [alignment]);
  const toCheck = useMemo(() => checkOrder(rows), [rows]);
  const hot = index.get(choices.activeKey) ?? null;
  const hotSet = useMemo(() => (hot ? new Set<string>(hot.keys) : null), [hot]);
  const { gridRef, setGrid, refocus } = useRowFocus(rows);

  const checkNext = () => {
    if (toCheck.length === 0) return;
    const next = (checking + 1) % toCheck.length;
    setChecking(next);
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-bead="${toCheck[next]}"]`);
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };

  const { ownBySide, carriedBySide } = useSideSpans(data);
  const actions = useAlignmentActions({ docId, otherDocId, data, rows, picks, refocusRef: refocus, toast });

  if (data.error) {
    return (
      <main className="reader-pane parallel-pane" data-testid="parallel-pane">
        <div className="parallel parallel--message">
          <p role="alert">Could not open the two documents side by side: {data.error}</p>
          <button type="button" className="button" onClick={() => onNavigate({ name: 'doc', docId })}>
            Back to the reader
          </button>
        </div>
      </main>
    );
  }
  if (!source || !target || !alignment) {
    return (
      <main className="reader-pane parallel-pane" data-testid="parallel-pane">
        <p className="placeholder muted">{data.loading ? 'Aligning…' : ''}</p>
      </main>
    );
  }

  const mergeAt = mergeable(selected);
  const singleRow = selected.length === 1 ? rows[selected[0]] : null;
  const splitAt = singleRow ? splitPoint(singleRow) : null;
  const lowCount = toCheck.length;
  const currentCheck = checking >= 0 && checking < toCheck.length ? toCheck[checking] : -1;
  const fixedCount = rows.filter((r) => r.fixed).length;
  const picking = picks.source.length + picks.target.length > 0;

  return (
    <main className="reader-pane parallel-pane" data-testid="parallel-pane">
      <div
        className={`parallel${data.busy ? ' parallel--busy' : ''}`}
        data-testid="parallel"
        data-rows={rows.length}
        data-origin={alignment.origin}
      >
        <AlignmentToolbar
          docId={docId}
          otherDocId={otherDocId}
          onNavigate={onNavigate}
          rowCount={rows.length}
          lowCount={lowCount}
          checking={checking}
          currentCheck={currentCheck}
          checkNext={checkNext}
          alignment={alignment}
          busy={data.busy}
          realign={actions.realign}
          reset={actions.reset}
          exportAs={actions.exportAs}
        />

        {(selected.length > 0 || picking) && (
          <CorrectionBar
            selected={selected}
            mergeAt={mergeAt}
            splitAt={splitAt}
            singleRow={singleRow}
            picking={picking}
            picks={picks}
            source={source}
            target={target}
            busy={data.busy}
            merge={actions.merge}
            split={actions.split}
            link={actions.link}
            clear={choices.clear}
          />
        )}

        <ParallelGrid
          setGrid={setGrid}
          source={source}
          target={target}
          rows={rows}
          selected={selected}
          currentCheck={currentCheck}
          hot={hot}
          hotSet={hotSet}
          picks={picks}
          ownBySide={ownBySide}
          carriedBySide={carriedBySide}
          busy={data.busy}
          onSelectRow={choices.onSelectRow}
          onMove={actions.onMove}
          onPick={choices.onPick}
          onMouseOver={choices.onMouseOver}
          onMouseLeave={choices.onMouseLeave}
          onClickText={choices.onClickText}
        />
        {fixedCount > 0 && (
          <p className="parallel__foot muted">Rows marked “corrected” were fixed by hand; re-aligning keeps them.</p>
        )}
      </div>
    </main>
  );
}
