// Translations, alignments, typed translations and machine translation: the domain types the parallel
// reader and the segment editor need. Pure data: no runtime imports.

export type TranslationOrigin = 'import' | 'link' | 'typed';

export interface DocumentRef {
  id: string;
  title: string;
  lang: string;
  version: number;
}

/** "`translation` is a translation of `source`". A document may have any number of translations. */
export interface TranslationLink {
  id: string;
  origin: TranslationOrigin;
  createdAt: string;
  source: DocumentRef;
  translation: DocumentRef;
}

/** A sentence: [passage ordinal, sentence ordinal inside the passage], both 0-based. */
export type SentenceRef = [number, number];

export interface SentenceBead {
  source: SentenceRef[];
  target: SentenceRef[];
  /** 0..1; below Alignment.lowConfidence the reader marks the pair. */
  confidence: number;
  /** Set by a manual correction (kept when the rest is re-aligned). */
  fixed?: boolean;
}

export interface AlignmentBead {
  /** Passage ordinals (0-based, contiguous) of the `sourceId` document; empty: nothing on that side. */
  source: number[];
  target: number[];
  confidence: number;
  fixed?: boolean;
  sentences: SentenceBead[];
}

export type AlignmentOrigin = 'computed' | 'stored' | 'segments';

/** Two documents side by side, oriented as requested: `source` is the document asked about. */
export interface Alignment {
  sourceId: string;
  targetId: string;
  /** The translation link between the two documents, or null when they are not linked (nothing is stored then). */
  linkId: string | null;
  sourceVersion: number;
  targetVersion: number;
  beads: AlignmentBead[];
  /** Beads (and sentence beads) with a lower confidence deserve a look. */
  lowConfidence: number;
  /** Manual corrections in force, and those that no longer fit the documents' current text. */
  corrections: number;
  staleCorrections: number;
  /** computed now, loaded from the archive, or taken from a typed translation's segments. */
  origin: AlignmentOrigin;
  computedAt: string;
  stats: { lengthRatio: number; lexiconSize: number; passes: number; ms: number };
}

export type AlignLevel = 'paragraph' | 'sentence';
export type AlignCorrectionOp = 'merge' | 'split' | 'shift' | 'link' | 'reset';

/**
 * A manual correction of the alignment returned by `align.get` for the same (docId, otherDocId). Bead
 * indexes refer to that alignment; at sentence level `bead` is the paragraph bead and `sentenceBead`
 * the sentence bead inside it.
 * - merge: bead (or sentence bead) k with k+1.
 * - split: bead k into the first `sourceAt` source and `targetAt` target units, and the rest.
 * - shift: move the boundary between bead k and k+1 on `side` by one unit (`by` +1 takes the first unit
 *   of k+1 into k, -1 gives the last unit of k to k+1).
 * - link: these source units with these target units (ordinals, or sentence refs at sentence level).
 * - reset: forget every correction of the pair.
 */
export interface AlignCorrection {
  op: AlignCorrectionOp;
  level?: AlignLevel;
  bead?: number;
  sentenceBead?: number;
  sourceAt?: number;
  targetAt?: number;
  side?: 'source' | 'target';
  by?: number;
  source?: number[];
  target?: number[];
  sourceSentences?: SentenceRef[];
  targetSentences?: SentenceRef[];
}

/** Where an annotation of one document lands in another aligned with it (computed on read, never stored). */
export interface CarriedAnnotation {
  annotationId: string;
  /** Range in the other document's text. */
  targetStart: number;
  targetEnd: number;
  confidence: number;
}

export interface CounterpartPassage {
  id: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
}

/** The passages of the other document aligned with a given passage (empty when it has no counterpart). */
export interface Counterpart {
  passages: CounterpartPassage[];
  confidence: number;
}

export type SegmentUnit = 'passage' | 'sentence';
export type SegmentStatus = 'draft' | 'done';

export interface Segment {
  id: string;
  ordinal: number;
  /** The source passage (null when it was deleted from the source document since). */
  sourcePassageId: string | null;
  sourceOrdinal: number | null;
  /** Sentence ordinal inside the source passage; null when the segment is the whole passage. */
  sourceSentence: number | null;
  sourceText: string;
  /** The translation typed so far ('' = not translated yet). */
  text: string;
  status: SegmentStatus;
  updatedAt: string;
}

export interface SegmentSheet {
  link: TranslationLink;
  unit: SegmentUnit;
  segments: Segment[];
  progress: { done: number; draft: number; empty: number };
}

export interface MtSettings {
  enabled: boolean;
  /** Base URL of a LibreTranslate-compatible server (POST {endpoint}/translate). */
  endpoint: string;
  apiKeySet: boolean;
  /** What the user must know before turning it on. */
  notice: string;
}

export interface MtResult {
  translatedText: string;
  /** Shown with every result: the text left this machine. */
  notice: string;
  endpoint: string;
  characters: number;
}

export type PairsExportFormat = 'tmx' | 'pairs-csv';
