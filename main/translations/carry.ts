// Carry-over: where a range of one document lands in a document aligned with it. The range's sentences
// are followed through the sentence beads to the other side; when the annotated words themselves appear
// there (a name, a number), the range narrows to them. Pure: computed on every read, never stored.
import type { AlignmentBead, SentenceRef } from '../../shared/translations';

export interface LaidOutPassage {
  ordinal: number;
  text: string;
  start: number;
  /** Sentence spans relative to the passage; empty means the passage is one sentence. */
  sentences: ReadonlyArray<readonly [number, number]>;
}

export interface CarryTarget {
  targetStart: number;
  targetEnd: number;
  confidence: number;
}

interface SentenceSpan {
  ref: SentenceRef;
  start: number;
  end: number;
}

function sentenceSpans(passages: readonly LaidOutPassage[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const p of passages) {
    const list = p.sentences.length > 0 ? p.sentences : [[0, p.text.length] as const];
    list.forEach(([a, b], k) => spans.push({ ref: [p.ordinal, k], start: p.start + a, end: p.start + b }));
  }
  return spans;
}

const key = (r: SentenceRef) => `${r[0]}:${r[1]}`;

/** Maps ranges of the source document onto the target document through `beads` (oriented source → target). */
export class Carrier {
  private readonly sourceSpans: SentenceSpan[];
  private readonly targetSpans = new Map<string, SentenceSpan>();
  private readonly beadOfSentence = new Map<string, { bead: AlignmentBead; sentence: number }>();
  private readonly beadOfPassage = new Map<number, AlignmentBead>();
  private readonly targetPassages = new Map<number, LaidOutPassage>();

  constructor(
    source: readonly LaidOutPassage[],
    target: readonly LaidOutPassage[],
    private readonly targetText: string,
    beads: readonly AlignmentBead[],
  ) {
    this.sourceSpans = sentenceSpans(source);
    for (const s of sentenceSpans(target)) this.targetSpans.set(key(s.ref), s);
    for (const p of target) this.targetPassages.set(p.ordinal, p);
    for (const bead of beads) {
      for (const p of bead.source) this.beadOfPassage.set(p, bead);
      bead.sentences.forEach((s, k) => {
        for (const r of s.source) this.beadOfSentence.set(key(r), { bead, sentence: k });
      });
    }
  }

  carry(start: number, end: number, exact?: string): CarryTarget | null {
    const touched = this.sourceSpans.filter((s) => s.start < end && start < s.end);
    if (touched.length === 0) return null;
    let lo = Infinity;
    let hi = -Infinity;
    let confidence = 1;
    let mapped = 0;
    for (const s of touched) {
      const found = this.beadOfSentence.get(key(s.ref));
      if (!found) continue;
      const sentenceBead = found.bead.sentences[found.sentence];
      const spans = sentenceBead.target.map((r) => this.targetSpans.get(key(r))).filter((x): x is SentenceSpan => !!x);
      if (spans.length === 0) continue;
      mapped++;
      confidence = Math.min(confidence, sentenceBead.confidence);
      for (const t of spans) {
        lo = Math.min(lo, t.start);
        hi = Math.max(hi, t.end);
      }
    }
    if (mapped === 0) {
      // No sentence counterpart: fall back on the paragraph bead, with half the confidence.
      const bead = this.beadOfPassage.get(touched[0].ref[0]);
      const passages = (bead?.target ?? [])
        .map((p) => this.targetPassages.get(p))
        .filter((x): x is LaidOutPassage => !!x);
      if (!bead || passages.length === 0) return null;
      lo = Math.min(...passages.map((p) => p.start));
      hi = Math.max(...passages.map((p) => p.start + p.text.length));
      confidence = bead.confidence / 2;
    } else {
      confidence *= mapped / touched.length;
    }
    const narrowed = exact ? narrow(this.targetText, lo, hi, exact) : null;
    return {
      targetStart: narrowed?.[0] ?? lo,
      targetEnd: narrowed?.[1] ?? hi,
      confidence: Math.round(confidence * 1000) / 1000,
    };
  }
}

/** The one place in [lo, hi) where `exact` occurs (case-insensitively), if exactly one. */
function narrow(text: string, lo: number, hi: number, exact: string): [number, number] | null {
  const needle = exact.trim().toLowerCase();
  if (needle.length < 2) return null;
  const hay = text.slice(lo, hi).toLowerCase();
  const first = hay.indexOf(needle);
  if (first < 0 || hay.indexOf(needle, first + 1) >= 0) return null;
  return [lo + first, lo + first + needle.length];
}
