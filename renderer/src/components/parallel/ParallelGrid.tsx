// The rows of the parallel reader in one scroll container: a head row naming the two documents, then one row per
// alignment bead. Hover and click of the text are delegated to the container; each row has its own buttons for
// the keyboard.
import type { DocumentDetail } from '../../../../shared/types';
import { isRtlLanguage } from '../../lib/languages';
import type { ParallelRow } from '../../lib/parallel';
import { DocHead, Row, type RowProps } from './ParallelRow';

interface Props extends Pick<RowProps, 'picks' | 'ownBySide' | 'carriedBySide' | 'busy' | 'onMove' | 'onPick'> {
  setGrid(el: HTMLDivElement | null): void;
  source: DocumentDetail;
  target: DocumentDetail;
  rows: ParallelRow[];
  selected: number[];
  currentCheck: number;
  /** The lit counterpart: its bead and its sentence keys. */
  hot: { bead: number } | null;
  hotSet: ReadonlySet<string> | null;
  onSelectRow(index: number): void;
  onMouseOver(e: React.MouseEvent): void;
  onMouseLeave(): void;
  onClickText(e: React.MouseEvent): void;
}

const sideAttrs = (doc: DocumentDetail) => ({
  lang: doc.lang && doc.lang !== 'und' ? doc.lang : undefined,
  dir: isRtlLanguage(doc.lang) ? ('rtl' as const) : ('ltr' as const),
});

export function ParallelGrid(props: Props) {
  const { source, target, rows, selected, currentCheck, hot, hotSet } = props;
  const { setGrid, onMouseOver, onMouseLeave, onClickText } = props;
  return (
    // Delegated hover/click of the rows; each row has its own buttons for the keyboard.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      className="parallel__grid"
      ref={setGrid}
      // eslint-disable-next-line jsx-a11y/mouse-events-have-key-events
      onMouseOver={onMouseOver}
      onMouseLeave={onMouseLeave}
      onClick={onClickText}
    >
      <div className="prow prow--head" lang="en" dir="ltr">
        <div className="prow__gutter" />
        <DocHead doc={source} testId="parallel-head-source" />
        <DocHead doc={target} testId="parallel-head-target" />
      </div>
      {rows.map((row) => (
        <Row
          key={[row.index, ...[row.source, row.target].map((side) => side.map((p) => p.ordinal).join(','))].join(':')}
          row={row}
          last={row.index === rows.length - 1}
          selected={selected.includes(row.index)}
          current={row.index === currentCheck}
          hot={hot && hot.bead === row.index ? hotSet : null}
          picks={props.picks}
          ownBySide={props.ownBySide}
          carriedBySide={props.carriedBySide}
          sourceAttrs={sideAttrs(source)}
          targetAttrs={sideAttrs(target)}
          busy={props.busy}
          onSelect={props.onSelectRow}
          onMove={props.onMove}
          onPick={props.onPick}
        />
      ))}
    </div>
  );
}
