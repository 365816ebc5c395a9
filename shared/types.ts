// Domain types shared by the main process and the renderer. Pure data: no runtime imports.

export type PassageKind = 'heading' | 'paragraph';

/** Metadata of a document, without its passages. */
export interface DocumentMeta {
  id: string;
  title: string;
  lang: string;
  source: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  publishedAt: string | null;
  originalName: string | null;
  mediaType: string;
  contentHash: string;
  importedAt: string;
  tags: string[];
  /** Text version: 1 at import, +1 for every correction (earlier texts are kept). */
  version: number;
}

/** Metadata fields a user may correct; absent fields stay as they are, null clears. */
export interface DocumentMetaChanges {
  title?: string;
  source?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  lang?: string;
  tags?: string[];
}

export interface DocumentSummary extends DocumentMeta {
  /** Number of passages. */
  passages: number;
}

export interface Passage {
  id: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  /** Character offsets (UTF-16 code units) of this passage inside DocumentDetail.text. */
  start: number;
  end: number;
  /** Sentence boundaries, as offsets relative to the passage text. */
  sentences: Array<[number, number]>;
}

export interface DocumentDetail extends DocumentMeta {
  /** The full document text: passages joined by blank lines. All offsets refer to it. */
  text: string;
  passages: Passage[];
}

export type ImportOutcome =
  | { status: 'imported'; document: DocumentSummary }
  | { status: 'skipped'; reason: string; existingId: string };

export interface SearchHit {
  docId: string;
  title: string;
  passageId: string;
  ordinal: number;
  lang: string;
  score: number;
  snippet: string;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

export interface AppInfo {
  version: string;
  archivePath: string;
  schemaVersion: number;
}

export type AnnotationColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const ANNOTATION_COLORS: readonly AnnotationColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned';

export interface Annotation {
  id: string;
  docId: string;
  /** TextQuoteSelector */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector, offsets into DocumentDetail.text. */
  start: number;
  end: number;
  color: AnnotationColor;
  note: string;
  tags: string[];
  status: AnchorStatus;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentVersion {
  version: number;
  replacedAt: string;
  reason: string;
  length: number;
}

export type BackupReason = 'scheduled' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface ArchiveHealth {
  /** 'ok', or what SQLite's check reported. */
  integrity: string;
  /** Problems worth telling the user about (e.g. the archive sits in a cloud-synced folder). */
  warnings: string[];
}
