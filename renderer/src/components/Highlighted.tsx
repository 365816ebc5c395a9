import { useMemo } from 'react';
import { rangeSegments, splitHighlights, type MatchRange } from '../lib/highlight';

interface Props {
  text: string;
  /** Match ranges from the search engine (offsets into `text`): every one is marked, nothing else. */
  ranges?: readonly MatchRange[];
  /** Without ranges: words to mark wherever they start a word. */
  terms?: string[];
}

/** Text with its matches wrapped in <mark>; everything is rendered as text nodes, never as HTML. */
export function Highlighted({ text, ranges, terms }: Props) {
  const segments = useMemo(
    () => (ranges ? rangeSegments(text, ranges) : splitHighlights(text, terms ?? [])),
    [text, ranges, terms],
  );
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="search-mark">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
