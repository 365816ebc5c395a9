import { useMemo } from 'react';
import { splitHighlights } from '../lib/highlight';

/** Text with the given terms wrapped in <mark>; everything is rendered as text nodes, never as HTML. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const segments = useMemo(() => splitHighlights(text, terms), [text, terms]);
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}
