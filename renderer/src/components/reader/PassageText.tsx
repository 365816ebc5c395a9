// One passage's text with its highlights. Everything is rendered as React text nodes (never HTML), and the
// element holds nothing but the passage text, so selection offsets can be computed by walking text nodes.
import { memo, useMemo, type ReactNode } from 'react';
import type { Passage } from '../../../../shared/types';
import { normalizeRanges, termRanges, type MatchRange } from '../../lib/highlight';
import { isPlain, segmentPassage, type HighlightSpan, type Run } from '../../lib/segments';
import './evidence.css';
import { PASSAGE_START_ATTR } from '../../lib/selection';

export const passageElementId = (passageId: string) => `p-${passageId}`;

export interface PassageTextProps {
  passage: Passage;
  /** Render as this element ('h1' for a title heading). */
  as?: 'p' | 'h1' | 'h2';
  className?: string;
  annotations?: readonly HighlightSpan[];
  finds?: ReadonlyArray<{ index: number; start: number; end: number }>;
  currentFind?: number;
  terms?: readonly string[];
  /** Search matches in this passage (offsets into the passage text, as SearchHit.matches). */
  matches?: readonly MatchRange[];
  pending?: { start: number; end: number } | null;
  /** Annotation shown as selected (outlined). */
  activeAnnotationId?: string | null;
  isTarget?: boolean;
  testId?: string;
}

const NO_TERMS: readonly string[] = [];

export const PassageText = memo(function PassageText({
  passage,
  as,
  className = '',
  annotations,
  finds,
  currentFind = -1,
  terms = NO_TERMS,
  matches,
  pending = null,
  activeAnnotationId = null,
  isTarget = false,
  testId,
}: PassageTextProps) {
  const runs = useMemo(() => {
    const local = [
      ...normalizeRanges(passage.text, matches),
      ...(terms.length > 0 ? termRanges(passage.text, [...terms]) : []),
    ];
    const termSpans =
      local.length > 0 ? local.map(([s, e]) => [s + passage.start, e + passage.start] as [number, number]) : undefined;
    return segmentPassage(passage.text, passage.start, { annotations, finds, currentFind, terms: termSpans, pending });
  }, [passage, annotations, finds, currentFind, terms, matches, pending]);

  const Tag = as ?? (passage.kind === 'heading' ? 'h2' : 'p');
  const attrs = {
    id: passageElementId(passage.id),
    className: ['passage', `passage--${passage.kind}`, isTarget && 'passage--target', className]
      .filter(Boolean)
      .join(' '),
    dir: 'auto' as const,
    // Focusable by script and by the reader's roving Tab stop (one passage at a time is in the Tab order).
    tabIndex: -1,
    'data-roving-stop': true,
    'data-passage-id': passage.id,
    [PASSAGE_START_ATTR]: passage.start,
    'data-ordinal': passage.ordinal,
    'data-target': isTarget ? 'true' : undefined,
    'data-testid': testId ?? (isTarget ? 'target-passage' : 'passage'),
    'aria-current': isTarget ? ('location' as const) : undefined,
  };
  return <Tag {...attrs}>{runs.map((r) => renderRun(r, currentFind, activeAnnotationId))}</Tag>;
});

function renderRun(run: Run, currentFind: number, activeId: string | null): ReactNode {
  if (isPlain(run)) return run.text;
  const classes: string[] = [];
  // Two layers: the user's highlights colour the text; evidence for facts only underlines it, so it never
  // hides a highlight on the same words.
  const notes = run.annotations.filter((a) => !a.evidence);
  const evidence = run.annotations.length > notes.length;
  const top = notes[notes.length - 1];
  if (top) {
    classes.push('hl', `hl--${top.color}`);
    if (notes.length > 1) classes.push('hl--overlap');
  }
  if (evidence) classes.push('evidence');
  if (activeId && run.annotations.some((a) => a.id === activeId)) classes.push('hl--active');
  const any = run.annotations.length > 0;
  if (run.find >= 0) classes.push(run.find === currentFind ? 'find-hit find-hit--current' : 'find-hit');
  if (run.term) classes.push('term', 'search-match');
  if (run.pending) classes.push('pending');
  return (
    <mark
      key={run.start}
      className={classes.join(' ')}
      data-annotation-ids={any ? run.annotations.map((a) => a.id).join(' ') : undefined}
      data-find={run.find >= 0 ? run.find : undefined}
      data-testid={
        top ? 'highlight' : evidence ? 'evidence' : run.find >= 0 ? 'find-hit' : run.term ? 'search-match' : undefined
      }
    >
      {run.text}
    </mark>
  );
}
