// The parallel reader: a document beside its translation, one row per alignment bead in a single scroll
// container (so the two sides stay together by alignment, never by pixels). Hovering or clicking a
// sentence lights up its counterpart; low-confidence rows are marked (calibrated confidence; "Check next" steps
// through them, least confident first); rows can be merged, split, their
// boundary shifted, or paragraphs linked by hand (kept when the rest is re-aligned); annotations of each
// side show, carried, on the other.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PairsExportFormat } from '../../../../shared/translations';
import type { DocumentDetail } from '../../../../shared/types';
import { useApi } from '../../api/context';
import { useParallel, type Correction } from '../../hooks/useParallel';
import type { PushToast } from '../../hooks/useToasts';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { plural } from '../../lib/format';
import { useRovingFocus } from '../../lib/roving';
import { isRtlLanguage, languageName } from '../../lib/languages';
import {
  checkOrder,
  counterpartIndex,
  layoutRows,
  mergeable,
  spansByPassage,
  splitPoint,
  type CarriedSpan,
  type OwnSpan,
  type ParallelRow,
  type Side,
} from '../../lib/parallel';
import type { Route } from '../../lib/routes';
import { AlignmentToolbar, CorrectionBar } from './AlignmentBars';
import { carriedSpans, ownSpans } from './annotation-spans';
import { DocHead, Row } from './ParallelRow';
import './parallel.css';

interface Props {
  docId: string;
  otherDocId: string;
  onNavigate(route: Route): void;
  toast: PushToast;
}

export function ParallelView({ docId, otherDocId, onNavigate, toast }: Props) {
  const api = useApi();
  const data = useParallel(docId, otherDocId);
  const { source, target, alignment } = data;
  const [selected, setSelected] = useState<number[]>([]);
  const [picks, setPicks] = useState<{ source: number[]; target: number[] }>({ source: [], target: [] });
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  /** Position in the check order of the uncertain row shown last (-1: none yet). */
  const [checking, setChecking] = useState(-1);
  const gridRef = useRef<HTMLDivElement>(null);
  // The rows are one Tab stop: Up/Down between rows, Left/Right along a row's controls (select, boundary tools).
  const rovingRef = useRovingFocus({ items: '[data-testid="parallel-row"]' });
  const setGrid = useCallback(
    (el: HTMLDivElement | null) => {
      gridRef.current = el;
      const stop = el ? rovingRef(el) : undefined;
      return () => {
        stop?.();
        gridRef.current = null;
      };
    },
    [rovingRef],
  );
  /** After a correction, the paragraph whose row takes the focus once the rows are redrawn. */
  const refocus = useRef<{ side: Side; ordinal: number } | null>(null);

  const rows = useMemo(
    () => (alignment && source && target ? layoutRows(alignment, source, target) : []),
    [alignment, source, target],
  );
  const index = useMemo(() => (alignment ? counterpartIndex(alignment) : new Map()), [alignment]);
  const toCheck = useMemo(() => checkOrder(rows), [rows]);
  const hot = index.get(pinnedKey ?? hoverKey ?? '') ?? null;
  const hotSet = useMemo(() => (hot ? new Set<string>(hot.keys) : null), [hot]);

  // Every alignment change starts the choices afresh (bead numbers moved).
  useEffect(() => {
    setSelected([]);
    setPicks({ source: [], target: [] });
    setPinnedKey(null);
    setChecking(-1);
  }, [alignment]);

  // A correction redraws the rows (and hides the action bar): focus goes to the row of the corrected paragraphs,
  // unless the person has moved it elsewhere meanwhile.
  useEffect(() => {
    const want = refocus.current;
    const grid = gridRef.current;
    if (!want || !grid) return;
    const cell = grid.querySelector(`[data-side="${want.side}"] [data-ordinal="${want.ordinal}"]`);
    const button = cell
      ?.closest('[data-testid="parallel-row"]')
      ?.querySelector<HTMLElement>('[data-testid="row-select"]');
    if (!button) return;
    refocus.current = null;
    const active = document.activeElement;
    const view = grid.closest('[data-testid="parallel"]');
    if (!active || active === document.body || view?.contains(active)) button.focus();
  }, [rows]);

  const checkNext = () => {
    if (toCheck.length === 0) return;
    const next = (checking + 1) % toCheck.length;
    setChecking(next);
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-bead="${toCheck[next]}"]`);
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };

  const ownBySide = useMemo(
    () => ({
      source: source
        ? spansByPassage(source.passages, ownSpans(source, data.sourceAnnotations))
        : new Map<string, OwnSpan[]>(),
      target: target
        ? spansByPassage(target.passages, ownSpans(target, data.targetAnnotations))
        : new Map<string, OwnSpan[]>(),
    }),
    [source, target, data.sourceAnnotations, data.targetAnnotations],
  );
  const carriedBySide = useMemo(
    () => ({
      target:
        source && target
          ? spansByPassage(target.passages, carriedSpans(source, data.sourceAnnotations, data.carriedToTarget))
          : new Map<string, CarriedSpan[]>(),
      source:
        source && target
          ? spansByPassage(source.passages, carriedSpans(target, data.targetAnnotations, data.carriedToSource))
          : new Map<string, CarriedSpan[]>(),
    }),
    [source, target, data.sourceAnnotations, data.targetAnnotations, data.carriedToTarget, data.carriedToSource],
  );

  const fail = useCallback(
    (what: string, err: unknown) => toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000),
    [toast],
  );

  const run = useCallback(
    async (c: Correction, done: string, undo?: Correction) => {
      try {
        const a = await data.correct(c);
        toast(
          {
            text: `${done} · ${plural(a.beads.length, 'row')}`,
            action: undo
              ? {
                  label: 'Undo',
                  run: () => void data.correct(undo).catch((err: unknown) => fail('Could not undo', err)),
                }
              : undefined,
          },
          undo ? 10_000 : 5000,
        );
      } catch (err) {
        fail('Could not correct the alignment', err);
      }
    },
    [data.correct, toast, fail],
  );

  const rowOf = useCallback(
    (side: Side, ordinal: number) => rows.find((r) => r[side].some((p) => p.ordinal === ordinal)),
    [rows],
  );

  const onMove = useCallback(
    (side: Side, ordinal: number, direction: 'up' | 'down') => {
      const row = rowOf(side, ordinal);
      if (!row) return;
      refocus.current = { side, ordinal };
      const language = languageName(side === 'source' ? (source?.lang ?? '') : (target?.lang ?? ''));
      const what = `${language} paragraph ${ordinal + 1} moved ${direction === 'up' ? 'up' : 'down'} a row`;
      if (direction === 'down')
        void run({ op: 'shift', bead: row.index, side, by: -1 }, what, { op: 'shift', bead: row.index, side, by: 1 });
      else
        void run({ op: 'shift', bead: row.index - 1, side, by: 1 }, what, {
          op: 'shift',
          bead: row.index - 1,
          side,
          by: -1,
        });
    },
    [rowOf, run, source?.lang, target?.lang],
  );

  const onPick = useCallback((side: Side, ordinal: number) => {
    setPicks((p) => ({
      ...p,
      [side]: p[side].includes(ordinal)
        ? p[side].filter((o) => o !== ordinal)
        : [...p[side], ordinal].sort((a, b) => a - b),
    }));
  }, []);

  const onSelectRow = useCallback((rowIndex: number) => {
    setSelected((list) =>
      list.includes(rowIndex) ? list.filter((i) => i !== rowIndex) : [...list, rowIndex].slice(-2),
    );
  }, []);

  /** The first paragraph of a row, to find the row again after a correction. */
  const anchorOf = (row: ParallelRow) =>
    row.source.length > 0
      ? { side: 'source' as const, ordinal: row.source[0].ordinal }
      : { side: 'target' as const, ordinal: row.target[0]?.ordinal ?? -1 };
  const merge = (first: number) => {
    const a = rows[first];
    refocus.current = anchorOf(a);
    void run({ op: 'merge', bead: first }, `Rows ${first + 1} and ${first + 2} merged`, {
      op: 'split',
      bead: first,
      sourceAt: a.source.length,
      targetAt: a.target.length,
    });
  };
  const split = (row: ParallelRow) => {
    const at = splitPoint(row);
    if (!at) return;
    refocus.current = anchorOf(row);
    void run({ op: 'split', bead: row.index, ...at }, `Row ${row.index + 1} split`, { op: 'merge', bead: row.index });
  };
  const link = () => {
    refocus.current = { side: 'source', ordinal: picks.source[0] };
    void run({ op: 'link', source: picks.source, target: picks.target }, 'Paragraphs linked by hand');
  };

  const realign = async () => {
    try {
      const a = await data.realign();
      toast(
        {
          text:
            `Re-aligned: ${plural(a.beads.length, 'row')}` +
            `${a.corrections ? `, ${plural(a.corrections, 'correction')} kept` : ''}.`,
        },
        5000,
      );
    } catch (err) {
      fail('Could not re-align', err);
    }
  };
  const reset = () => void run({ op: 'reset' }, 'Corrections forgotten, aligned afresh');

  const exportAs = async (format: PairsExportFormat) => {
    try {
      const file = await api['align.export']({ docId, otherDocId, format });
      saveFile(file);
      toast({ text: `Exported ${file.fileName}` }, 4000);
    } catch (err) {
      fail('Could not export', err);
    }
  };

  // Hover: one listener on the rows (event delegation), so rows need no handlers of their own.
  const onMouseOver = (e: React.MouseEvent) => {
    const el = (e.target as Element).closest?.('[data-sentence]');
    setHoverKey(el?.getAttribute('data-sentence') ?? null);
  };
  const onClickText = (e: React.MouseEvent) => {
    if ((e.target as Element).closest?.('button')) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const key = (e.target as Element).closest?.('[data-sentence]')?.getAttribute('data-sentence') ?? null;
    setPinnedKey((k) => (key && k !== key ? key : null));
  };

  const clearChoices = useRef(() => undefined as void);
  clearChoices.current = () => {
    setSelected([]);
    setPicks({ source: [], target: [] });
    setPinnedKey(null);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') clearChoices.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
  const sideAttrs = (doc: DocumentDetail) => ({
    lang: doc.lang && doc.lang !== 'und' ? doc.lang : undefined,
    dir: isRtlLanguage(doc.lang) ? ('rtl' as const) : ('ltr' as const),
  });
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
          realign={realign}
          reset={reset}
          exportAs={exportAs}
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
            merge={merge}
            split={split}
            link={link}
            clear={() => clearChoices.current()}
          />
        )}

        {/* Delegated hover/click of the rows; each row has its own buttons for the keyboard. */}
        {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
        <div
          className="parallel__grid"
          ref={setGrid}
          // eslint-disable-next-line jsx-a11y/mouse-events-have-key-events
          onMouseOver={onMouseOver}
          onMouseLeave={() => setHoverKey(null)}
          onClick={onClickText}
        >
          <div className="prow prow--head" lang="en" dir="ltr">
            <div className="prow__gutter" />
            <DocHead doc={source} testId="parallel-head-source" />
            <DocHead doc={target} testId="parallel-head-target" />
          </div>
          {rows.map((row) => (
            <Row
              key={[row.index, ...[row.source, row.target].map((side) => side.map((p) => p.ordinal).join(','))].join(
                ':',
              )}
              row={row}
              last={row.index === rows.length - 1}
              selected={selected.includes(row.index)}
              current={row.index === currentCheck}
              hot={hot && hot.bead === row.index ? hotSet : null}
              picks={picks}
              ownBySide={ownBySide}
              carriedBySide={carriedBySide}
              sourceAttrs={sideAttrs(source)}
              targetAttrs={sideAttrs(target)}
              busy={data.busy}
              onSelect={onSelectRow}
              onMove={onMove}
              onPick={onPick}
            />
          ))}
        </div>
        {fixedCount > 0 && (
          <p className="parallel__foot muted">Rows marked “corrected” were fixed by hand; re-aligning keeps them.</p>
        )}
      </div>
    </main>
  );
}
