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
