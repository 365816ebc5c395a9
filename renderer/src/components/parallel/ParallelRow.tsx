// One row of the parallel view (an alignment bead): its number (select to merge or split, confidence, "corrected")
// and the passages of each side; and the column heads.
import { memo } from 'react';
import type { DocumentDetail, Passage } from '../../../../shared/types';
import { classNames } from '../../lib/class-names';
import { languageLabel } from '../../lib/languages';
import type { CarriedSpan, OwnSpan, ParallelRow, Side } from '../../lib/parallel';
import { ParallelPassage } from './ParallelPassage';

const NO_SPANS: readonly OwnSpan[] = [];
const NO_CARRIED: readonly CarriedSpan[] = [];

export function DocHead({ doc, testId }: { doc: DocumentDetail; testId: string }) {
  return (
    <div className="prow__cell phead" data-testid={testId}>
      <span className="phead__lang">{languageLabel(doc.lang)}</span>
      <span className="phead__title" dir="auto" title={doc.title}>
        {doc.title}
      </span>
    </div>
  );
}

export interface RowProps {
  row: ParallelRow;
  last: boolean;
  selected: boolean;
  /** The uncertain row "Check next" shows now. */
  current: boolean;
  hot: ReadonlySet<string> | null;
  picks: { source: number[]; target: number[] };
  ownBySide: Record<Side, Map<string, OwnSpan[]>>;
  carriedBySide: Record<Side, Map<string, CarriedSpan[]>>;
  sourceAttrs: { lang?: string; dir: 'ltr' | 'rtl' };
  targetAttrs: { lang?: string; dir: 'ltr' | 'rtl' };
  busy: boolean;
  onSelect(index: number): void;
  onMove(side: Side, ordinal: number, direction: 'up' | 'down'): void;
  onPick(side: Side, ordinal: number): void;
}

export const Row = memo(function Row(props: RowProps) {
  const { row, selected } = props;
  const confidence = `${Math.round(row.confidence * 100)}%`;
  // Calibrated on hand-aligned prose: of the rows at 70 %, about 70 in 100 are right.
  const title = row.low
    ? `Alignment confidence ${confidence} (about that share of such rows is right): worth a check`
    : `Alignment confidence ${confidence}`;
  const cell = (side: Side, passages: Passage[], attrs: { lang?: string; dir: 'ltr' | 'rtl' }) => (
    <div className={`prow__cell prow__cell--${side}`} {...attrs} data-side={side}>
      {passages.length === 0 ? (
        <p className="prow__empty muted" lang="en" dir="ltr">
          Nothing on this side
        </p>
      ) : (
        passages.map((p, k) => (
          <ParallelPassage
            key={p.id}
            side={side}
            passage={p}
            own={props.ownBySide[side].get(p.id) ?? NO_SPANS}
            carried={props.carriedBySide[side].get(p.id) ?? NO_CARRIED}
            hot={props.hot}
            picked={props.picks[side].includes(p.ordinal)}
            canMoveUp={k === 0 && row.index > 0}
            canMoveDown={k === passages.length - 1 && !props.last}
            busy={props.busy}
            onMove={props.onMove}
            onPick={props.onPick}
          />
        ))
      )}
    </div>
  );
  return (
    <div
      className={classNames(
        'prow',
        row.low && 'prow--low',
        row.fixed && 'prow--fixed',
        selected && 'prow--selected',
        props.current && 'prow--current',
      )}
      data-testid="parallel-row"
      data-bead={row.index}
      data-source={row.source.map((p) => p.ordinal).join(',')}
      data-target={row.target.map((p) => p.ordinal).join(',')}
      data-low={row.low ? 'true' : undefined}
      data-fixed={row.fixed ? 'true' : undefined}
      data-current={props.current ? 'true' : undefined}
    >
      <div className="prow__gutter" lang="en" dir="ltr">
        <button
          type="button"
          className="prow__select"
          aria-pressed={selected}
          onClick={() => props.onSelect(row.index)}
          title={`${title}. Select to merge or split.`}
          aria-label={`Row ${row.index + 1}: select to merge or split`}
          data-testid="row-select"
        >
          {row.index + 1}
        </button>
        {row.low && (
          <span className="prow__flag" title={title} data-testid="row-low">
            {confidence}
          </span>
        )}
        {row.fixed && (
          <span
            className="prow__fixed"
            title="Corrected by hand: kept when the rest is re-aligned"
            data-testid="row-fixed"
          >
            corrected
          </span>
        )}
      </div>
      {cell('source', row.source, props.sourceAttrs)}
      {cell('target', row.target, props.targetAttrs)}
    </div>
  );
});
