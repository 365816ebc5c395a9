// One passage in the parallel reader: its sentences (hover or click one to light up its counterpart), its
// own highlights, the annotations carried over from the other side, and the small boundary tools.
import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { Passage } from '../../../../shared/types';
import { languageLabel } from '../../lib/languages';
import {
  passagePieces,
  sentenceKey,
  type CarriedSpan,
  type OwnSpan,
  type Side,
  type TextRun,
} from '../../lib/parallel';

export interface ParallelPassageProps {
  side: Side;
  passage: Passage;
  own?: readonly OwnSpan[];
  carried?: readonly CarriedSpan[];
  /** Sentence keys lit up (the hovered or pinned sentence and its counterparts); null: none in this passage's row. */
  hot: ReadonlySet<string> | null;
  /** Picked for a hand-made link. */
  picked: boolean;
  /** Boundary moves this passage allows: up into the previous row, down into the next one. */
  canMoveUp: boolean;
  canMoveDown: boolean;
  busy: boolean;
  onMove(side: Side, ordinal: number, direction: 'up' | 'down'): void;
  onPick(side: Side, ordinal: number): void;
}

export const ParallelPassage = memo(function ParallelPassage(props: ParallelPassageProps) {
  const { side, passage, hot, picked } = props;
  const pieces = useMemo(() => passagePieces(passage, props.own, props.carried), [passage, props.own, props.carried]);
  const Tag = passage.kind === 'heading' ? 'h3' : 'p';
  return (
    <div
      className={`ppassage${picked ? ' ppassage--picked' : ''}`}
      data-testid="parallel-passage"
      data-side={side}
      data-ordinal={passage.ordinal}
      data-passage-id={passage.id}
    >
      <Tag className={`ppassage__text ppassage__text--${passage.kind}`} dir="auto">
        {pieces.map((piece) => {
          if (piece.sentence < 0) return <RunList key={`g${piece.start}`} runs={piece.runs} />;
          const key = sentenceKey(side, [passage.ordinal, piece.sentence]);
          const lit = hot?.has(key) ?? false;
          return (
            <span
              key={key}
              className={`psent${lit ? ' psent--hot' : ''}`}
              data-sentence={key}
              data-hot={lit ? 'true' : undefined}
              data-testid="parallel-sentence"
            >
              <RunList runs={piece.runs} />
            </span>
          );
        })}
      </Tag>
      <div className="ppassage__tools" lang="en" dir="ltr">
        {props.canMoveUp && (
          <button
            type="button"
            className="ptool"
            disabled={props.busy}
            onClick={() => props.onMove(side, passage.ordinal, 'up')}
            title="Move this paragraph into the row above"
            aria-label="Move this paragraph into the row above"
            data-testid="move-up"
          >
            ↑
          </button>
        )}
        {props.canMoveDown && (
          <button
            type="button"
            className="ptool"
            disabled={props.busy}
            onClick={() => props.onMove(side, passage.ordinal, 'down')}
            title="Move this paragraph into the row below"
            aria-label="Move this paragraph into the row below"
            data-testid="move-down"
          >
            ↓
          </button>
        )}
        <button
          type="button"
          className="ptool"
          aria-pressed={picked}
          onClick={() => props.onPick(side, passage.ordinal)}
          title={
            picked
              ? 'Picked for a link by hand (click to drop)'
              : 'Pick for a link by hand: pick paragraphs on both sides, then “Link”'
          }
          aria-label="Pick this paragraph for a link by hand"
          data-testid="pick-passage"
        >
          ⇄
        </button>
      </div>
    </div>
  );
});

function RunList({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((r) => {
        let node: ReactNode = r.text;
        if (r.carried) {
          const c = r.carried;
          const title = `carried from ${languageLabel(c.fromLang)}${c.note ? ` · ${c.note}` : ''}`;
          node = (
            <span
              className={`carried carried--${c.color}`}
              title={title}
              data-carried-id={c.id}
              data-carried-from={c.fromLang}
              data-testid="carried"
            >
              {node}
            </span>
          );
        }
        if (r.own) {
          node = (
            <mark className={`hl hl--${r.own.color}`} data-annotation-ids={r.own.id} data-testid="highlight">
              {node}
            </mark>
          );
        }
        return <Fragment key={r.start}>{node}</Fragment>;
      })}
    </>
  );
}
