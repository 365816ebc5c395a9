// Inputs and outputs of the aligner. Pure data: the aligner core runs in a worker thread, in tests and
// in the CLI alike, so nothing here depends on Node, the DOM or the archive.
import type { AlignmentBead, SentenceBead, SentenceRef } from '../../shared/translations';

export type { SentenceBead, SentenceRef };

/** One paragraph (passage) of a document as the aligner sees it. */
export interface AlignPassage {
  text: string;
  kind?: 'heading' | 'paragraph';
  /** Sentence boundaries relative to `text`; absent or empty means "the passage is one sentence". */
  sentences?: ReadonlyArray<readonly [number, number]>;
}

export interface AlignSide {
  /** ISO 639 code ("tl", "en", "ru", "hy", "ja"...); only used for small script-specific rules. */
  lang: string;
  passages: readonly AlignPassage[];
}

/** Paragraph ordinals that must form one bead (a manual correction). Both lists contiguous; one may be empty. */
export interface FixedLink {
  source: number[];
  target: number[];
}

/** Sentences that must form one sentence bead (a manual correction inside a paragraph bead). */
export interface FixedSentenceLink {
  source: SentenceRef[];
  target: SentenceRef[];
}

/** A paragraph bead with the sentence beads inside it. */
export type Bead = AlignmentBead;

export interface AlignOptions {
  /** Manual paragraph links, kept as they are; the rest is aligned around them. */
  fixed?: readonly FixedLink[];
  /** Manual sentence links, applied inside the paragraph bead that holds them. */
  fixedSentences?: readonly FixedSentenceLink[];
  /** Second pass with a lexicon learnt from the first (default true). */
  lexicon?: boolean;
  /**
   * Confident sentence pairs of other documents in the same two languages (from stored alignments): more
   * text for the lexicon the second pass learns.
   */
  lexiconPairs?: ReadonlyArray<{ source: string; target: string }>;
  /** Align sentences inside paragraph beads (default true). */
  sentences?: boolean;
}

export interface AlignStats {
  /** Target characters per source character, estimated from the two texts. */
  lengthRatio: number;
  /** Word pairs learnt from the confident beads of the first pass. */
  lexiconSize: number;
  /** Half-width of the final search band around the diagonal (paragraph level); 0 = full search. */
  band: number;
  /** Passes run at paragraph level. */
  passes: number;
  ms: number;
  /** Where the time went: reading the texts, paragraph passes, sentences (ms). */
  phases: { features: number; paragraphs: number; sentences: number };
}

export interface AlignResult {
  beads: Bead[];
  stats: AlignStats;
}

/** Bumped whenever the algorithm changes what it produces: stored alignments of older versions are recomputed. */
export const ALIGNER_VERSION = 18;
