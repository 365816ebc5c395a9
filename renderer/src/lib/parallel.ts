// The parallel reader's pure layout: rows from an alignment's beads (one row per bead, each side's passages
// in it), which sentences answer which across the two sides (from the sentence beads), and each passage cut
// into sentences and highlight runs (its own annotations, and those carried over from the other side).
import type { Alignment, AlignmentBead, SentenceRef } from '../../../shared/translations';
import type { AnnotationColor, DocumentDetail, Passage } from '../../../shared/types';

export type Side = 'source' | 'target';

export interface ParallelRow {
  /** Index of the bead in the alignment (what align.correct calls `bead`). */
  index: number;
  source: Passage[];
  target: Passage[];
  /** Calibrated: the least confident of the bead and the sentence beads inside it. */
  confidence: number;
  /** Below the alignment's low-confidence threshold: worth a look. */
  low: boolean;
  /** Set by a manual correction. */
  fixed: boolean;
}

/** One row per bead, in order; ordinals the documents no longer have are dropped (never a crash). */
export function layoutRows(
  alignment: Pick<Alignment, 'beads' | 'lowConfidence'>,
  source: Pick<DocumentDetail, 'passages'>,
  target: Pick<DocumentDetail, 'passages'>,
): ParallelRow[] {
  const pick = (doc: Pick<DocumentDetail, 'passages'>, ordinals: number[]) =>
    ordinals.map((o) => doc.passages[o]).filter((p): p is Passage => !!p);
  return alignment.beads.map((b: AlignmentBead, index) => {
    const confidence = b.sentences.reduce((least, s) => Math.min(least, s.confidence), b.confidence);
    return {
      index,
      source: pick(source, b.source),
      target: pick(target, b.target),
      confidence,
      low: confidence < alignment.lowConfidence,
      fixed: !!b.fixed,
    };
  });
}

/** The rows worth a check, least confident first (then in reading order): the order a user steps through them. */
export function checkOrder(rows: readonly ParallelRow[]): number[] {
  return rows
    .filter((r) => r.low)
    .sort((a, b) => a.confidence - b.confidence || a.index - b.index)
    .map((r) => r.index);
}

export const sentenceKey = (side: Side, ref: SentenceRef) => `${side}:${ref[0]}:${ref[1]}`;

export interface SentenceLink {
  /** Paragraph bead and sentence bead (inside it) holding the sentence. */
  bead: number;
  sentenceBead: number;
  /** Every sentence of that sentence bead, on both sides (keys of sentenceKey). */
  keys: string[];
  confidence: number;
  fixed: boolean;
}

/** Sentence key → its sentence bead (with the keys to highlight together). */
export type CounterpartIndex = Map<string, SentenceLink>;

export function counterpartIndex(alignment: Pick<Alignment, 'beads'>): CounterpartIndex {
  const index: CounterpartIndex = new Map();
  alignment.beads.forEach((b, bead) =>
    b.sentences.forEach((s, sentenceBead) => {
      const keys = [...s.source.map((r) => sentenceKey('source', r)), ...s.target.map((r) => sentenceKey('target', r))];
      const link: SentenceLink = { bead, sentenceBead, keys, confidence: s.confidence, fixed: !!s.fixed };
      for (const k of keys) index.set(k, link);
    }),
  );
  return index;
}

/** The sentences on the other side aligned with one sentence (empty: it has none). */
export function counterpartOf(index: CounterpartIndex, side: Side, ref: SentenceRef): SentenceRef[] {
  const link = index.get(sentenceKey(side, ref));
  if (!link) return [];
  const other: Side = side === 'source' ? 'target' : 'source';
  return link.keys
    .filter((k) => k.startsWith(`${other}:`))
    .map((k) => k.split(':').slice(1).map(Number) as SentenceRef);
}

// ---- a passage as sentences and runs

export interface OwnSpan {
  id: string;
  color: AnnotationColor;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

export interface CarriedSpan extends OwnSpan {
  /** Language of the document the annotation lives in. */
  fromLang: string;
  note: string;
  confidence: number;
}

export interface TextRun {
  /** Offsets relative to the passage text. */
  start: number;
  end: number;
  text: string;
  /** Topmost own annotation covering the run. */
  own: OwnSpan | null;
  /** Topmost carried annotation covering the run. */
  carried: CarriedSpan | null;
}

export interface SentencePiece {
  /** Sentence ordinal in the passage, or -1 for text between sentences. */
  sentence: number;
  start: number;
  end: number;
  runs: TextRun[];
}

/**
 * The passage's text as sentence pieces (the gaps between sentences are pieces of their own, so the pieces
 * concatenate to the passage text), each cut into runs by the annotations over it.
 */
export function passagePieces(
  passage: Pick<Passage, 'text' | 'start' | 'sentences'>,
  own: readonly OwnSpan[] = [],
  carried: readonly CarriedSpan[] = [],
): SentencePiece[] {
  const len = passage.text.length;
  const sentences = passage.sentences.length > 0 ? passage.sentences : [[0, len] as [number, number]];
  const pieces: Array<{ sentence: number; start: number; end: number }> = [];
  let at = 0;
  sentences.forEach(([s0, e0], k) => {
    const s = Math.max(at, Math.min(len, s0));
    const e = Math.max(s, Math.min(len, e0));
    if (s > at) pieces.push({ sentence: -1, start: at, end: s });
    if (e > s) pieces.push({ sentence: k, start: s, end: e });
    at = e;
  });
  if (at < len) pieces.push({ sentence: -1, start: at, end: len });

  const local = <T extends OwnSpan>(list: readonly T[]) =>
    list
      .map((x) => ({ x, s: Math.max(0, x.start - passage.start), e: Math.min(len, x.end - passage.start) }))
      .filter((y) => y.e > y.s);
  const owns = local(own);
  const carrieds = local(carried);
  return pieces.map((piece) => {
    const cuts = new Set([piece.start, piece.end]);
    for (const y of [...owns, ...carrieds]) {
      if (y.s > piece.start && y.s < piece.end) cuts.add(y.s);
      if (y.e > piece.start && y.e < piece.end) cuts.add(y.e);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: TextRun[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const ownTop = owns.filter((y) => y.s <= s && y.e >= e).pop()?.x ?? null;
      const carriedTop = carrieds.filter((y) => y.s <= s && y.e >= e).pop()?.x ?? null;
      runs.push({ start: s, end: e, text: passage.text.slice(s, e), own: ownTop, carried: carriedTop });
    }
    return { ...piece, runs };
  });
}

/** Spans (document offsets) grouped by the passages they touch. */
export function spansByPassage<T extends OwnSpan>(passages: readonly Passage[], spans: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const span of spans) {
    for (const p of passages) {
      if (p.end <= span.start || p.start >= span.end) continue;
      const list = out.get(p.id) ?? [];
      list.push(span);
      out.set(p.id, list);
    }
  }
  return out;
}

/**
 * The split point offered for a bead: after the first half of each side (a merge of two 1-1 beads splits back into
 * them).
 */
export function splitPoint(row: Pick<ParallelRow, 'source' | 'target'>): { sourceAt: number; targetAt: number } | null {
  if (row.source.length + row.target.length < 2) return null;
  const sourceAt = Math.ceil(row.source.length / 2);
  const targetAt = Math.ceil(row.target.length / 2);
  const first = sourceAt + targetAt;
  const second = row.source.length - sourceAt + row.target.length - targetAt;
  if (first > 0 && second > 0) return { sourceAt, targetAt };
  // 2-0 or 0-2: one unit each.
  return row.source.length >= 2
    ? { sourceAt: 1, targetAt: 0 }
    : row.target.length >= 2
      ? { sourceAt: 0, targetAt: 1 }
      : null;
}

/** Two selected rows can be merged when they are neighbours. */
export function mergeable(selected: readonly number[]): number | null {
  if (selected.length !== 2) return null;
  const [a, b] = [...selected].sort((x, y) => x - y);
  return b === a + 1 ? a : null;
}
